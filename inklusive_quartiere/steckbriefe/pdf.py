"""Council-ready PDF of a Steckbrief: tagged PDF/UA with document language and title, German hyphenation.

WeasyPrint never fetches anything from the network: the URL fetcher only serves the self-hosted fonts.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Site

from .presentation import detail_context

WEB_FONT_DIR = Path(settings.FRONTEND_BUILD_DIR) / "static" / "fonts"
# TrueType copies of the web fonts: WeasyPrint would otherwise rebuild each WOFF2 font (≈0.5 s each) per process.
# Made by `make frontend` and shipped in the wheel beside the web fonts.
FONT_DIR = Path(settings.FRONTEND_BUILD_DIR) / "pdf-fonts"
CSS_FILE = Path(__file__).parent / "pdf.css"


def _local_only_fetcher():
    """A WeasyPrint fetcher that may read the font directory and nothing else (no network, no other files)."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    class LocalFontFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve()
            if parts.scheme != "file" or not path.is_relative_to(FONT_DIR.resolve()):
                raise ValueError(f"PDF rendering may not load {url!r}")
            return super().fetch(url, headers)

    return LocalFontFetcher(allowed_protocols={"file"})


LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def source_url(page, request) -> str:
    """The Steckbrief's public address for the PDF's source line.

    The single source of the site's address is Wagtail's site record (set by ``set_site_url``; the sitemap, feeds
    and Open Graph links use it too), never the host the request happened to arrive on. While that record still
    says localhost (the state after ``migrate``), ``WAGTAILADMIN_BASE_URL`` is used when it names a public host:
    a printed page must not send a council to "localhost"."""
    url = page.get_full_url(request)
    parts = urlsplit(url)
    if parts.hostname in LOCAL_HOSTS:
        base = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
        if base.scheme in ("http", "https") and base.hostname and base.hostname not in LOCAL_HOSTS:
            return f"{base.scheme}://{base.netloc}{parts.path}"
    return url


def render_steckbrief_pdf(page, request) -> bytes:
    today = timezone.localdate()
    # The site's address is part of the key: after set_site_url no PDF keeps the old source line.
    root_urls = "|".join(sorted(root.root_url for root in Site.get_site_root_paths()))
    site_key = hashlib.sha256(root_urls.encode()).hexdigest()[:12]
    key = f"steckbrief-pdf:{page.pk}:{page.live_revision_id}:{today.isoformat()}:{site_key}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    pdf = build_pdf(page, request, today)
    cache.set(key, pdf, 60 * 60)
    return pdf


def ensure_pdf_fonts(rebuild_stale: bool = True) -> None:
    """Convert the self-hosted WOFF2 fonts to TrueType once (make run/test do it at build time).

    At run time (``rebuild_stale=False``) only missing fonts are converted: in an installed package the file times
    say nothing about staleness (the installer writes both files), and its directory may not be writable."""
    from fontTools.ttLib import TTFont

    FONT_DIR.mkdir(parents=True, exist_ok=True)
    for source in sorted(WEB_FONT_DIR.glob("*.woff2")):
        target = FONT_DIR / f"{source.stem}.ttf"
        if target.exists() and (not rebuild_stale or target.stat().st_mtime >= source.stat().st_mtime):
            continue
        font = TTFont(source)
        font.flavor = None
        temporary = target.with_suffix(".tmp")
        font.save(temporary)
        temporary.replace(target)


@functools.cache
def _stylesheet():
    """The PDF stylesheet with its fonts, parsed once per process (font loading dominates render time)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    ensure_pdf_fonts(rebuild_stale=False)
    font_config = FontConfiguration()  # needed for the @font-face rules to apply
    font_dir = FONT_DIR.as_uri()
    css = CSS(
        string=CSS_FILE.read_text().replace("{{FONT_DIR}}", font_dir),
        url_fetcher=_local_only_fetcher(),
        font_config=font_config,
    )
    return css, font_config


# Release the fonts before the interpreter tears modules down (avoids a noisy __del__ at exit).
atexit.register(_stylesheet.cache_clear)


def build_pdf(page, request, today=None) -> bytes:
    from weasyprint import HTML

    context = detail_context(page, request)
    context.update({"page": page, "source_url": source_url(page, request), "retrieved": today or timezone.localdate()})
    html = render_to_string("steckbriefe/steckbrief_pdf.html", context, request=request)
    css, font_config = _stylesheet()
    document = HTML(string=html, base_url=FONT_DIR.as_uri(), url_fetcher=_local_only_fetcher())
    return document.write_pdf(stylesheets=[css], font_config=font_config, pdf_variant="pdf/ua-1", pdf_tags=True)
