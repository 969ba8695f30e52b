"""What core needs from the apps above it, filled in by those apps from their ``AppConfig.ready()``.

core sits low in the stack (inklusive_quartiere/layers.py) and names no feature app. Where one of its channels needs
a feature — a file that only the films app knows how to find, the answer members give to a visitor who may not see a
file, the 503 page operations gives when the database is down, the Steckbrief listing on a city page — the app
that owns the feature registers it here, and core asks the registry:

- ``add_media_lookup(prefix, lookup)``: files under ``/media/<prefix>…`` belong to the app's model;
  ``lookup(user, name)`` returns a ``core.media.Access`` (or raises Http404). Used by ``core/media.py``.
- ``set_members_only_response(view)``: the "Nur für Mitglieder" answer (HTTP 403) for a signed-in visitor who may
  not open a file. Used by ``core/media.py``.
- ``add_server_error_response(responder)``: ``responder(request)`` returns a response for the exception being
  handled, or None. Asked in order by the 500 handler (``core/views.py``) before the plain 500 page.
- ``add_page_context(model_label, contributor)``: ``contributor(page, request)`` returns context that a page type
  of a lower app shows but a higher app computes (the city page's Steckbrief listing comes from the catalogue).
  The page type asks with ``page_context(page, request)`` in its ``get_context``.
- ``add_home_section(kind, provider)``: ``provider(request, value)`` returns what a home-page section block of this
  kind shows (a dict with ``items`` and usually ``more_url``), or None when there is nothing to show; ``value`` is
  the block's value (heading, count, chosen pages). Asked by ``core/home_sections.py``. A provider must pass its
  pages through ``core.visibility`` and keep its number of queries independent of the amount of content.

Registering twice (tests reload apps) keeps one entry. The page cache has its own two declarations, next to the
rule they feed (``core/page_cache.py``): ``register_page_type`` (what a page type shows besides itself) and
``register_shown_model`` (snippets pages show).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponseForbidden

_media_lookups: dict[str, Callable] = {}
_members_only_response: list[Callable] = []
_server_error_responses: list[Callable] = []
_page_context: dict[str, list[Callable]] = {}
_home_sections: dict[str, Callable] = {}


def add_media_lookup(prefix: str, lookup: Callable) -> None:
    _media_lookups[prefix] = lookup


def media_lookups() -> tuple[tuple[str, Callable], ...]:
    return tuple(_media_lookups.items())


def set_members_only_response(view: Callable) -> None:
    _members_only_response[:] = [view]


def members_only_response(request):
    """The registered "Nur für Mitglieder" answer; a bare 403 if no app registered one."""
    if _members_only_response:
        return _members_only_response[0](request)
    return HttpResponseForbidden()


def add_server_error_response(responder: Callable) -> None:
    if responder not in _server_error_responses:
        _server_error_responses.append(responder)


def server_error_response(request):
    for responder in _server_error_responses:
        response = responder(request)
        if response is not None:
            return response
    return None


def add_page_context(model_label: str, contributor: Callable) -> None:
    contributors = _page_context.setdefault(model_label.lower(), [])
    if contributor not in contributors:
        contributors.append(contributor)


def page_context(page, request) -> dict:
    context = {}
    for contributor in _page_context.get(page._meta.label_lower, []):
        context.update(contributor(page, request))
    return context


def add_home_section(kind: str, provider: Callable) -> None:
    _home_sections[kind] = provider


def home_section_kinds() -> tuple[str, ...]:
    return tuple(_home_sections)


def home_section(kind: str, request, value) -> dict | None:
    """What the provider of ``kind`` shows for this block value and visitor; None if no app provides it."""
    provider = _home_sections.get(kind)
    return provider(request, value) if provider is not None else None
