"""Site-wide search over every page the visitor may see (the catalogue issue replaces the analyzer)."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from inklusive_quartiere.core.visibility import visible_pages

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20


def clean_query(raw: str) -> tuple[str, str | None]:
    """Strip control characters and cap the length; returns the query and a message for the visitor."""
    message = None
    query = "".join(ch for ch in raw if ch.isprintable()).strip()
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or query[:MAX_QUERY_LENGTH]
        message = _("Ihr Suchbegriff war sehr lang und wurde auf %(n)d Zeichen gekürzt.") % {"n": MAX_QUERY_LENGTH}
    return query, message


def search_terms(query: str) -> str:
    """Only words reach the database's full-text engine: no operators, quotes or wildcards."""
    return " ".join(word.lower() for word in re.findall(r"\w+", query))


def search(request):
    query, message = clean_query(request.GET.get("q", ""))
    results_page = None
    total = 0
    terms = search_terms(query)
    if terms:
        pages = visible_pages(request.user, Page.objects.exclude(depth__lte=1)).specific()
        results = pages.search(terms, operator="and")
        paginator = Paginator(results, PAGE_SIZE)
        raw_page = request.GET.get("seite", "1")
        try:
            results_page = paginator.page(raw_page)
        except PageNotAnInteger:
            results_page = paginator.page(1)
            message = _("Die Seitenzahl war ungültig; gezeigt wird die erste Seite.")
        except EmptyPage as exc:
            if paginator.count and raw_page.isdigit() and int(raw_page) > paginator.num_pages:
                raise Http404(_("Diese Ergebnisseite gibt es nicht.")) from exc
            results_page = paginator.page(1)
        total = paginator.count
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results_page, "total": total, "message": message},
    )
