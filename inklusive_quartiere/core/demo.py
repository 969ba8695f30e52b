"""Code-only parts of the core demo content (the content itself: demo_content/*.json, docs/demo-content.md).

What stays code: replacing Wagtail's welcome page, pointing the default site at the home page, and the PDF of
the final brochure (generated here as a stand-in for the real one).
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page, Site

BROCHURE_HTML = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: sans-serif; margin: 2cm; }} h1 {{ font-size: 20pt; }}</style></head><body>
<h1>StadtLabore zur inklusiven Quartiersentwicklung</h1>
<p><strong>Beispieldokument:</strong> Diese Datei steht für die gedruckte und als PDF veröffentlichte
Abschlussbroschüre des Projekts. Der Text ist ein Platzhalter der Demo-Inhalte.</p>
<h2>Was die Broschüre enthält</h2>
<p>Einen Überblick über die neun StadtLabore und die sieben StadtLabore vor Ort, die Themen der Experimentier-
und Lernwerkstätten und eine Auswahl von Steckbriefen, die sich auf andere Kommunen übertragen lassen.</p>
</body></html>"""


def remove_welcome_page(loader) -> None:
    """Wagtail's first migration creates a welcome page; the demo's home page takes its place."""
    if loader.home() is None:
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()


def default_site(loader, site_name: str | None = None) -> None:
    site_name = site_name or settings.WAGTAIL_SITE_NAME
    home = loader.home()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site_name)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site_name
        site.save()


def brochure_pdf(title: str) -> bytes:
    """The final brochure as a small tagged PDF (PDF/UA-1), drawn by WeasyPrint."""
    from weasyprint import HTML

    return HTML(string=BROCHURE_HTML.format(title=title)).write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)


HOOKS = {"remove_welcome_page": remove_welcome_page, "default_site": default_site, "brochure_pdf": brochure_pdf}
