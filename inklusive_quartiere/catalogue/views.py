"""Site-wide search at /suche/ over every page type the visitor may see: the catalogue's engine with the German
analyzer of the search library (search/analyzer.py)."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from inklusive_quartiere.core import ratelimit
from inklusive_quartiere.core.client_ip import client_ip
from inklusive_quartiere.core.middleware import no_session_renewal
from inklusive_quartiere.core.pagination import paginate_request
from inklusive_quartiere.core.summaries import summary_of, with_summaries
from inklusive_quartiere.core.visibility import visible_pages
from inklusive_quartiere.querylog.models import Channel
from inklusive_quartiere.querylog.recording import record_search
from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.search.highlight import highlight, snippet
from inklusive_quartiere.search.query import clean_query

from .did_you_mean import did_you_mean
from .engine import STECKBRIEF, get_engine
from .listing import steckbrief_meta
from .querying import query_words
from .suggestions import suggest

PAGE_SIZE = 20
# What a result is, in the visitor's words (default: the page type's name).
KIND_LABELS = {
    "steckbriefpage": _("Steckbrief"),
    "citypage": _("Stadt"),
    "newspage": _("Neuigkeit"),
    "filmpage": _("Film"),
    "contentpage": _("Seite"),
}


def search(request):
    query, message = clean_query(request.GET.get("q", ""))
    words = analyze_query(query)
    context = {"query": query, "message": message, "results": None, "total": 0, "items": []}
    if words:
        engine = get_engine(request)
        words = query_words(engine, query, request)
        visible = engine.visible_mask(request.user)
        result = engine.search(request.user, words, {}, "relevanz", with_counts=False, visible=visible)
        rewritten = did_you_mean(engine, request, query, words, result, filters={}, sort="relevanz", visible=visible)
        pagination = paginate_request(request, result.order, PAGE_SIZE)
        page_obj = pagination.page_obj
        record_search(request, query, result.total, Channel.SUCHE, page=page_obj.number)  # anonymous, first page only
        if pagination.message:
            context["message"] = pagination.message
        ids = [int(engine.page_ids[i]) for i in page_obj.object_list]
        # One query whatever kinds of page the results hold (core/summaries.py).
        pages = {p.pk: p for p in with_summaries(visible_pages(request.user, Page.objects.filter(pk__in=ids)))}
        context["items"] = [_item(engine, pages[i], result.terms) for i in ids if i in pages]
        context.update(
            {
                "results": page_obj,
                "total": result.total,
                "unmatched": result.unmatched,
                "corrections": result.corrections,
                "did_you_mean": rewritten
                and {"text": rewritten, "url": f"{reverse('search')}?{urlencode({'q': rewritten})}"},
            }
        )
    return TemplateResponse(request, "catalogue/search.html", context)


def _item(engine, page, terms: set[str]) -> dict:
    """One hit: title, type, for a Steckbrief its city, status and costs (from the engine), a one-sentence snippet."""
    model = page.specific_class._meta
    index = engine.index_of.get(page.pk)
    return {
        "page": page,
        "kind": KIND_LABELS.get(model.model_name, model.verbose_name),
        "title": highlight(page.title, terms),
        "summary": snippet(summary_of(page), terms),
        "meta": steckbrief_meta(engine, index) if model.model_name == STECKBRIEF and index is not None else [],
        "members_only": engine.is_restricted(page.pk),
    }


SUGGEST_SCOPE = "suggestions"
SUGGEST_LIMIT_PER_MINUTE = 120


def _json(data: dict, status: int = 200) -> JsonResponse:
    """A JSON answer that depends on the user: never stored by a shared cache or the site's page cache."""
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response


@no_session_renewal
def search_suggestions(request):
    """Suggestions while typing: ``{"query": …, "suggestions": [{"label", "kind", "url"}, …]}`` (suggestions.py)."""
    if request.method not in ("GET", "HEAD"):
        response = _json({"error": str(_("Diese Adresse beantwortet nur GET-Anfragen."))}, status=405)
        response["Allow"] = "GET, HEAD"
        return response
    if not ratelimit.hit(SUGGEST_SCOPE, client_ip(request), SUGGEST_LIMIT_PER_MINUTE, 60, fail_closed=False):
        response = _json({"error": str(_("Zu viele Anfragen. Bitte warten Sie einen Moment."))}, status=429)
        response["Retry-After"] = "60"
        return response
    query, _message = clean_query(request.GET.get("q", ""))
    return _json({"query": query, "suggestions": suggest(get_engine(request), request.user, query)})
