"""Serving a page with few queries: the site and its root page from the cache, the page found in one query, its
view restrictions in one.

Wagtail's routing walks the address one slug at a time, two queries per level (the child, then its specific
object): eight for a Steckbrief at ``/stadtlabore/ulm/<slug>/``, plus the site and its root page, plus two for the
privacy check (ancestors, then restrictions), asked again by every later caller. Here:

- ``SiteRootMiddleware``: for Wagtail's serve view, the request's site and its root page (specific) come from the
  cache, keyed by the content token (``core.chrome``; a save of a site, a publish of the root page renews it).
- ``FastRoutingMixin`` (on the home page, the site root): every page along the path in one query (by depth and
  slug, both indexed), then the same decisions Wagtail's ``Page.route`` and ``RoutablePageMixin.route`` take,
  without their queries: a page class whose ``route`` is Wagtail's own is passed through; a routable page gets
  its sub-routes tried first (class-level resolver, no query) — exactly as in Wagtail; any other ``route``
  override takes over with Wagtail's own recursion. Only the page that answers is fetched in its specific form,
  with ``serve_select_related`` (a class attribute) joined in; its parent is the specific (deferred) instance of
  the page above, so ``get_parent()`` needs no query either.
- ``ServedPageMixin.get_view_restrictions``: for a page found this way, the restrictions on it and its ancestors
  in one query (by path prefixes), evaluated once per request for every caller (Wagtail's privacy check, the
  members' check, the "Nur für Mitglieder" label). Pages found otherwise, and paths through an alias page (whose
  restrictions are those of the page it mirrors), keep Wagtail's own method.
"""

from __future__ import annotations

import hashlib
from functools import reduce
from operator import or_

from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from . import chrome

# Address components looked up in the one query; deeper addresses continue with Wagtail's routing.
MAX_COMPONENTS = 16


# -- the site -------------------------------------------------------------------------------------------------
# Views that show pages or the site's chrome (URL names; namespaces): they all ask for the site. Others (health
# checks, media, documents, the editor) are left alone: they need no content token read.
SITE_VIEWS = frozenset({"wagtail_serve", "events_calendar_file", "search", "sitemap"})
SITE_NAMESPACES = frozenset({"members", "feedback"})


class SiteRootMiddleware:
    """Sets ``request._wagtail_site`` (what ``Site.find_for_request`` reads first) from the cache, with the site's
    root page in its specific form, for requests answered by Wagtail's page view and the site's own views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or hasattr(request, "_wagtail_site"):
            return None
        if match.url_name in SITE_VIEWS or SITE_NAMESPACES.intersection(match.namespaces):
            request._wagtail_site = cached_site(request)
        return None


def cached_site(request):
    """``Site.find_for_request``'s answer, with ``root_page`` already specific, from the content-token cache."""
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail does
    port = request.get_port()
    key = hashlib.sha256(f"{hostname}:{port}".encode()).hexdigest()[:32]

    def compute():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site or False  # False: no site (None would read as "not cached")

    return chrome.shared(request, "site", key, compute) or None


# -- the page ------------------------------------------------------------------------------------------------
def _route_kind(cls) -> str:
    """ "page": Wagtail's ``Page.route``; "routable": ``RoutablePageMixin.route`` over ``Page.route``; "own": any
    other override (handled by the class itself)."""
    owners = [klass for klass in cls.__mro__ if "route" in klass.__dict__]
    owners = [klass for klass in owners if klass is not FastRoutingMixin]
    if owners == [Page]:
        return "page"
    if owners == [RoutablePageMixin, Page]:
        return "routable"
    return "own"


def fetch_specific(page):
    """The page in its specific form, with the class's ``serve_select_related`` joined in (one query)."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    queryset = model._default_manager.filter(pk=page.pk)
    related = getattr(model, "serve_select_related", ())
    if related:
        queryset = queryset.select_related(*related)
    specific = queryset.get()
    for name, value in page.__dict__.items():  # as Wagtail's get_specific: keep what was cached on the page
        specific.__dict__.setdefault(name, value)
    return specific


def _restrictions_for(page, chain_has_alias: bool):
    """Attach the page's view restrictions as one lazily evaluated queryset (see ``ServedPageMixin``)."""
    if chain_has_alias or page.alias_of_id:
        return
    prefixes = [page.path[: Page.steplen * depth] for depth in range(1, page.depth + 1)]
    page.__dict__["_iq_view_restrictions"] = PageViewRestriction.objects.filter(
        page__path__in=prefixes
    ).prefetch_related("groups")


class ServedPageMixin:
    """Page types served through ``FastRoutingMixin`` answer the privacy check from one query per request."""

    def get_view_restrictions(self):
        restrictions = self.__dict__.get("_iq_view_restrictions")
        if restrictions is None:
            return super().get_view_restrictions()
        return restrictions


class FastRoutingMixin(ServedPageMixin):
    """For the site's root page class: route the whole address with one query (see the module docstring)."""

    def route(self, request, path_components):
        if not path_components:
            if not self.live:
                raise Http404
            _restrictions_for(self, False)
            return RouteResult(self)
        looked_up = path_components[:MAX_COMPONENTS]
        candidates = list(
            Page.objects.filter(path__startswith=self.path).filter(
                reduce(or_, [Q(depth=self.depth + 1 + i, slug=slug) for i, slug in enumerate(looked_up)])
            )
        )
        parent = self
        has_alias = bool(self.alias_of_id)
        for i, slug in enumerate(path_components):
            remaining = path_components[i + 1 :]
            if i >= len(looked_up):  # deeper than looked up: Wagtail's own routing from here
                return parent.specific.route(request, path_components[i:])
            child = next(
                (
                    page
                    for page in candidates
                    if page.slug == slug and page.depth == parent.depth + 1 and page.path.startswith(parent.path)
                ),
                None,
            )
            if child is None:
                raise Http404
            child._cached_parent_obj = parent
            has_alias = has_alias or bool(child.alias_of_id)
            model = child.specific_class
            kind = _route_kind(model) if model is not None else "own"
            if kind == "own":
                return fetch_specific(child).route(request, remaining)
            if kind == "routable" and child.live:
                subpath = "/" + "".join(f"{component}/" for component in remaining)
                try:
                    model.get_resolver().resolve(subpath)
                except Http404:
                    pass
                else:  # the page's own route answers: as Wagtail, with the bound view
                    specific = fetch_specific(child)
                    _restrictions_for(specific, has_alias)
                    return specific.route(request, remaining)
            if not remaining:
                if not child.live:
                    raise Http404
                specific = fetch_specific(child)
                _restrictions_for(specific, has_alias)
                return RouteResult(specific)
            parent = child.specific_deferred
        raise Http404  # not reached: the loop returns or raises
