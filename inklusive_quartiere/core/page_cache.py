"""Full-page cache for anonymous visitors, with dependency tags for precise invalidation, and the site's one place
for ``Cache-Control``.

Why our own module (a few hundred lines) and not a library
-----------------------------------------------------------
- Django's cache middleware (``UpdateCacheMiddleware``/``FetchFromCacheMiddleware``, ``cache_page``) keys on the
  URL and on the values of the ``Vary`` headers (``Vary: Cookie`` makes a key per cookie value) and forgets only by
  time: a publish would stay invisible until the timeout. It sends ``max-age`` equal to its own timeout, where we
  want ``max-age=0, s-maxage=N`` (browsers always ask again, nginx keeps the page N seconds).
- ``wagtail-cache`` 3.0 (on PyPI, for Wagtail 7) builds on the same middleware; invalidation is "clear the whole
  cache" or a list of exact URLs (its keyring). The catalogue and the city pages have thousands of query-string
  variants, and a page change shows on pages that no URL list names (related Steckbriefe, listings, breadcrumbs).
  Its CSRF handling keeps a copy per cookie; its ``Cache-Control`` max-age is the backend timeout again.
- ``ConditionalGetMiddleware`` answers 304 only after the page was rendered (saves bytes, not work); Wagtail's
  frontend-cache invalidator purges CDN URLs, and we run no CDN (nginx keeps pages only ``s-maxage`` seconds).
What we do use: Django's cache framework (the default cache: Redis in production, local memory in the embedded
mode), ``get_conditional_response`` (ETag/304), ``patch_cache_control``/``add_never_cache_headers``, Wagtail's
``before_serve_page`` hook, its signals and its reference index (which pages use a snippet, image or document).

What is cached
--------------
GET (and HEAD, which reads GET's copy) from a visitor with no session and no message cookie (so nobody signed
in; a session also carries passed page passwords), status 200, not streaming, no ``Set-Cookie``, no CSRF token
rendered (``CSRF_COOKIE_NEEDS_UPDATE``, and no ``csrfmiddlewaretoken`` in the body), no ``private``/``no-store``/
``no-cache``, ``Vary`` at most ``Cookie, Accept-Language``, at most ``PAGE_CACHE_MAX_BYTES``. Opt-in by view: only
Wagtail pages (and their routes: PDF, feeds, iCal, category pages) and the views named in ``CACHEABLE_VIEWS``
(site search, sitemap); never ``/admin/``, health checks, forms, sign-in. Members-only pages never answer an
anonymous visitor with 200 (Wagtail's privacy check redirects to the sign-in page), and nothing rendered for a
signed-in person is stored or served: such requests skip the cache both ways.

Key: ``scheme | host | path | normalised query | language | local date`` (hashed). The query string is normalised
by sorting the parameters by name (values of one name keep their order) and dropping empty ones; every other
parameter, tracking parameters (``utm_*``) included, stays in the key (a page may echo them into its links, so
another query must never be served its copy). A request whose query had empty parameters is served the copy of
the normalised query when there is one, but its own rendering is not stored (``?seite=`` renders a warning that
``/steckbriefe/`` must not get). No cookie or session data is part of the key. The date is in the key because the
event listings split "upcoming" and "past" by today.

Dependency tags (version counters in the cache; an entry records the versions it was rendered with and is a miss
as soon as one of them moved; a publish bumps only the tags it touches, never the whole cache):
- ``site``: on every entry. Bumped by what every page shows or what decides visibility: the navigation (a page
  in menus, or linked from the site settings, changed title, address or live state; a category, which the
  catalogue's sub-menu lists), site settings and sites, page moves, view restrictions of pages and collections,
  a file moved to another collection, an address change or unpublish of a page with sub-pages. ``manage.py
  clear_page_cache`` bumps it too.
- ``page:<path>``: the page served (all its routes). Bumped when it is saved live, published, unpublished or
  deleted; when a page, snippet, image, document or video it refers to changes (Wagtail's reference index: foreign
  keys, StreamField blocks, rich text, child objects such as related Steckbriefe; plus many-to-many taxonomies,
  which the index does not track, and snippets that point at the page, e.g. a city's neighbourhoods). A
  Steckbrief also depends on its city's page (the key facts show the city).
- ``children:<path>``: listings of a page's children (content-page child lists, city index, news,
  events, films, a city's Steckbriefe). Bumped when a child changes.
- ``title:<path>``: every page below (breadcrumbs). Bumped only when that page's title, address, live state or
  menu flag changed.
- ``kind:<app.model>``: listings of every page of a kind (catalogue and city pages: ``kind:steckbriefe.
  steckbriefpage``, because facet values and hints come from all Steckbriefe). ``kind:*``: search and sitemap,
  bumped by every page change. ``PAGE_DEPENDENCIES`` names these per page type; a page type missing there depends
  on ``kind:*`` (safe, just less precise; a test asks for a conscious entry).
So publishing Steckbrief A evicts A's page (and PDF), pages that link A (related Steckbriefe, events, news),
A's city page (and the other city pages and the catalogue: they share the listing), the home page (its sections
list Steckbriefe, events, news and films: ``kind:`` tags the feature apps declare), search and sitemap; not B's
page, not a news article — unless A's title is in a menu.

Bumps happen at once and again after the transaction commits; an entry is stored only if no bump happened while
it was rendered (a clock token read before and after), so a render of old data never outlives its invalidation.

Headers (``PageCacheMiddleware`` is the one place for ``Cache-Control``): signed-in visitors and the editor get
``private, no-store`` (plus ``no-cache``, ``max-age=0``, ``Expires``); cacheable anonymous responses get ``public,
max-age=0, s-maxage=PAGE_CACHE_SECONDS`` and a strong ETag (a hash of the body) unless the view set its own
``Cache-Control`` (feeds and calendars); a matching ``If-None-Match`` gets 304, from the cache without rendering;
other anonymous responses get ``private`` unless the view decided. ``Vary: Cookie`` on everything.
``X-Page-Cache: hit|miss|skip`` says what happened (for benchmarks and tests).

Faults: every cache read and write is wrapped; an error is logged (at most once a minute per process) and the
page is served uncached — never a 500. Bumps that fail are kept in the process and sent with its next cache access.
With a process-local cache (local memory: the embedded mode, several test workers, a cron job) each bump is also
announced in a file under ``VAR_DIR``; a process that sees another's announcement drops its own pages.

Settings: ``PAGE_CACHE_ENABLED`` (default true), ``PAGE_CACHE_SECONDS`` (s-maxage, default 60),
``PAGE_CACHE_TIMEOUT`` (how long the app keeps a page, default 3600 s), ``PAGE_CACHE_MAX_BYTES`` (default 2 MB).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.utils import timezone, translation
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)

logger = logging.getLogger(__name__)

FORMAT = 1
ENTRY_PREFIX = f"iq:pc{FORMAT}:e:"
TAG_PREFIX = "iq:pc:t:"
CLOCK_KEY = "iq:pc:clock"
TAG_TIMEOUT = 60 * 60 * 24
ADMIN_PREFIXES = ("/admin/",)
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage
MAX_QUERY_LENGTH = 1000
# Non-page views whose answer depends on published content only (URL names).
CACHEABLE_VIEWS = frozenset({"search", "sitemap"})
STORED_HEADERS_SKIPPED = frozenset({"set-cookie", "date", "content-length", "x-page-cache"})
ALLOWED_VARY = frozenset({"cookie", "accept-language"})
HEADER = "X-Page-Cache"

PARENT = "parent"
# What a page type shows besides itself, its children (``children:``) and what it refers to (reference index):
# ``PARENT`` (the parent page's content) or a page model whose every page it may list (``kind:<label>``).
# core names no feature app: each app declares its page types from its ``AppConfig.ready()``
# (``register_page_type``); an app that adds to another app's page declares what it adds (the catalogue's listing
# on the city page).
PAGE_DEPENDENCIES: dict[str, tuple[str, ...]] = {
    "core.homepage": (),  # its sections: the feature apps add the kinds they list (register_page_type)
    "core.contentpage": (),  # its children
}
# Snippets and other objects pages show: a change evicts the pages that refer to them (``register_shown_model``).
SHOWN_MODELS: set[str] = set()
# Objects the navigation shows (the catalogue's sub-menu lists the categories).
NAV_MODELS: set[str] = set()


def register_page_type(label: str, *depends_on: str) -> None:
    """Declare a page type (``"app.Model"``) and what it shows besides itself: ``PARENT`` or page labels whose every
    page it may list. Declaring a type again adds to what it shows."""
    known = PAGE_DEPENDENCIES.get(label.lower(), ())
    added = tuple(item if item == PARENT else item.lower() for item in depends_on)
    PAGE_DEPENDENCIES[label.lower()] = (*known, *(item for item in added if item not in known))


def register_shown_model(label: str, *, in_navigation: bool = False) -> None:
    """Declare a model (a snippet) whose objects pages show; ``in_navigation``: the menus show them as well."""
    SHOWN_MODELS.add(label.lower())
    if in_navigation:
        NAV_MODELS.add(label.lower())


# Page fields whose saving changes nothing a visitor sees (Wagtail's draft and lock bookkeeping).
QUIET_PAGE_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "wagtail_admin_comments",
        "translation_key",
        "locale",
    }
)


# File fields Wagtail fills in on first use, while a page is rendered (the file's size and hash).
QUIET_FILE_FIELDS = frozenset({"file_size", "file_hash"})


def _setting(name: str, default):
    return getattr(settings, name, default)


def enabled() -> bool:
    return bool(_setting("PAGE_CACHE_ENABLED", True))


def shared_seconds() -> int:
    return int(_setting("PAGE_CACHE_SECONDS", 60))


# -- fault tolerance -----------------------------------------------------------------------------------------
_lock = threading.Lock()
_pending: set[str] = set()
_last_logged = {"at": 0.0, "count": 0}


def _log_failure(action: str, error: Exception) -> None:
    """At most one warning a minute per process (a Redis outage must not flood the log)."""
    now = time.monotonic()
    with _lock:
        _last_logged["count"] += 1
        if now - _last_logged["at"] < 60:
            return
        count, _last_logged["count"], _last_logged["at"] = _last_logged["count"], 0, now
    logger.warning(
        "Seiten-Cache: %s fehlgeschlagen (%s: %s); Seiten kommen ungecacht (%d Fehler seit letzter Meldung)",
        action,
        type(error).__name__,
        error,
        count,
    )


def _flush_pending() -> None:
    if not _pending:
        return
    with _lock:
        tags = set(_pending)
        _pending.clear()
    _bump_now(tags)


# -- tags ----------------------------------------------------------------------------------------------------
def _new_version() -> str:
    return uuid.uuid4().hex[:16]


# -- several processes on a process-local cache ------------------------------------------------------------------
# With Redis every process sees every bump. The local-memory cache (embedded mode, the browser tests' gunicorn with
# two workers, a cron job publishing scheduled pages) is one per process: there a bump is also announced by
# appending a byte to a file under VAR_DIR, and a process that finds bytes it did not write drops its own pages.
_local = {"seen": None, "mine": 0}


def _process_local() -> bool:
    return settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def _changes_file():
    from pathlib import Path

    return Path(settings.VAR_DIR) / "page-cache-changes"


def _announce_change() -> None:
    if not _process_local():
        return
    try:
        with _lock:
            with _changes_file().open("ab") as changes:
                changes.write(b".")
            _local["mine"] += 1
    except OSError as error:
        _log_failure("Ankündigung", error)


def _follow_other_processes() -> None:
    """Drop this process's pages when another process changed content since the last look."""
    if not _process_local():
        return
    try:
        size = _changes_file().stat().st_size
    except FileNotFoundError:
        size = 0
    except OSError as error:
        _log_failure("Ankündigung", error)
        return
    with _lock:
        seen, mine = _local["seen"], _local["mine"]
        _local["seen"], _local["mine"] = size, 0
    if seen is not None and size > seen + mine:
        _bump_now({"site"}, announce=False)


def _bump_now(tags: set[str], announce: bool = True) -> None:
    if announce:
        _announce_change()
    values = {TAG_PREFIX + tag: _new_version() for tag in tags}
    values[CLOCK_KEY] = _new_version()
    try:
        cache.set_many(values, TAG_TIMEOUT)
        # A cache layer that swallows errors (operations/cache.py) reports none: read the clock back.
        if cache.get(CLOCK_KEY) != values[CLOCK_KEY]:
            raise ConnectionError("the new versions did not arrive")
    except Exception as error:  # the cache is down: send these with the next access that works
        with _lock:
            _pending.update(tags)
        _log_failure("Invalidierung", error)


def bump(tags) -> None:
    """Invalidate every entry carrying one of these tags: now, and again when the transaction commits (a page
    rendered from the old data in between is then not kept)."""
    tags = set(tags)
    if not tags:
        return
    _bump_now(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump_now(tags))


def _current_versions(tags) -> dict[str, str]:
    keys = [TAG_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, _new_version(), TAG_TIMEOUT)
        found.update(cache.get_many(missing))
    return {tag: found.get(TAG_PREFIX + tag) for tag in tags}


def page_tags(page) -> set[str]:
    """The tags of an entry rendered from this page (see the module docstring)."""
    from wagtail.models import Page

    path, step = page.path, Page.steplen
    tags = {f"page:{path}", f"children:{path}"}
    tags.update(f"title:{path[: depth * step]}" for depth in range(2, len(path) // step + 1))
    dependencies = PAGE_DEPENDENCIES.get(page._meta.label_lower)
    if dependencies is None:
        tags.add("kind:*")
        return tags
    for item in dependencies:
        tags.add(f"page:{path[:-step]}" if item == PARENT else f"kind:{item}")
    return tags


# -- keys ----------------------------------------------------------------------------------------------------
def normalised_query(query_string: str) -> tuple[str, bool]:
    """(parameters sorted by name, empty ones dropped; whether nothing was dropped)."""
    query = QueryDict(query_string)
    kept = QueryDict(mutable=True)
    complete = True
    for name in sorted(query):
        values = [value for value in query.getlist(name) if value != ""]
        complete = complete and len(values) == len(query.getlist(name))
        if values:
            kept.setlist(name, values)
    return kept.urlencode(), complete


def entry_key(request, query: str) -> str:
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        query,
        translation.get_language() or "",
        timezone.localdate().isoformat(),
    ]
    return ENTRY_PREFIX + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


# -- middleware ----------------------------------------------------------------------------------------------
@dataclass
class _State:
    key: str
    fillable: bool
    hit: bool = False
    clock: str | None = None


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _eligible(request) -> bool:
    if not enabled() or request.method not in ("GET", "HEAD") or request.path.startswith(ADMIN_PREFIXES):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
        return False
    return len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH and not _signed_in(request)


def _lookup(key: str):
    try:
        _flush_pending()
        _follow_other_processes()
        entry = cache.get(key)
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        tags = entry["tags"]
        current = cache.get_many([TAG_PREFIX + tag for tag in tags])
        if any(current.get(TAG_PREFIX + tag) != version for tag, version in tags.items()):
            return None
        return entry
    except Exception as error:
        _log_failure("Lesen", error)
        return None


def _response_from(entry, request):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response = get_conditional_response(request, etag=entry["etag"], response=response)
    response[HEADER] = "hit"
    return response


class FetchFromPageCacheMiddleware:
    """Answers from the cache. Sits after the authentication and message middleware (it must know who asks)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        query, complete = normalised_query(request.META.get("QUERY_STRING", ""))
        state = _State(key=entry_key(request, query), fillable=complete and request.method == "GET")
        request._iq_page_cache = state
        entry = _lookup(state.key)
        if entry is not None:
            state.hit = True
            return _response_from(entry, request)
        try:
            state.clock = cache.get(CLOCK_KEY)
        except Exception as error:
            _log_failure("Lesen", error)
            state.fillable = False
        return self.get_response(request)


def _tags_if_shareable(request, response) -> set[str] | None:
    """The entry's tags when this anonymous response may be kept and shared, else None."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a CSRF token was rendered: the page is per visitor
        return None
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return None
    vary = {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", "")) if value.strip()}
    if not vary <= ALLOWED_VARY:
        return None
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return None
    if len(response.content) > int(_setting("PAGE_CACHE_MAX_BYTES", 2 * 1024 * 1024)):
        return None
    if b"csrfmiddlewaretoken" in response.content:
        return None
    tags = getattr(request, "_iq_page_cache_tags", None)
    if tags is None:
        match = getattr(request, "resolver_match", None)
        if match is None or match.view_name not in CACHEABLE_VIEWS:
            return None
        tags = {"kind:*"}
    return tags | {"site"}


def _store(state: _State, tags: set[str], response, etag: str) -> None:
    try:
        _follow_other_processes()
        versions = _current_versions(tags)
        if cache.get(CLOCK_KEY) != state.clock:
            return  # content changed while this page was rendered
        entry = {
            "format": FORMAT,
            "status": response.status_code,
            "headers": [(k, v) for k, v in response.items() if k.lower() not in STORED_HEADERS_SKIPPED],
            "content": response.content,
            "etag": etag,
            "tags": versions,
        }
        cache.set(state.key, entry, int(_setting("PAGE_CACHE_TIMEOUT", 60 * 60)))
    except Exception as error:
        _log_failure("Schreiben", error)


class PageCacheMiddleware:
    """The one place for ``Cache-Control``, and where pages enter the cache. Sits outside the session, CSRF and
    message middleware (it must see every cookie they set) and inside WhiteNoise (static files keep theirs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        if request.path.startswith(ADMIN_PREFIXES) or _signed_in(request):
            # Anything shown to a signed-in person, and the editor, is never kept by a shared cache.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response
        state = getattr(request, "_iq_page_cache", None)
        if state is not None and state.hit:
            return response
        tags = _tags_if_shareable(request, response) if state is not None else None
        if tags is None:
            if state is not None:
                response[HEADER] = "skip"
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True)
            return response
        if "Cache-Control" not in response:
            patch_cache_control(response, public=True, max_age=0, s_maxage=shared_seconds())
        etag = '"' + hashlib.blake2b(response.content, digest_size=16).hexdigest() + '"'
        response["ETag"] = etag
        if state.fillable:
            _store(state, tags, response, etag)
        response = get_conditional_response(request, etag=etag, response=response)
        response[HEADER] = "miss"
        return response


def record_page(page, request, serve_args, serve_kwargs):
    """Wagtail's ``before_serve_page`` hook: remember which page this response is rendered from."""
    state = getattr(request, "_iq_page_cache", None)
    if state is not None and not state.hit:
        request._iq_page_cache_tags = page_tags(page)
    return None


def clear() -> None:
    """Invalidate every page (``manage.py clear_page_cache``)."""
    bump({"site"})
