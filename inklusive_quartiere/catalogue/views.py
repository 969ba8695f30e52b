"""Site-wide search at /suche/ over every page type the visitor may see: the catalogue's engine with the German
analyzer of the search library (search/analyzer.py)."""

from django.template.response import TemplateResponse
from wagtail.models import Page

from inklusive_quartiere.core.pagination import paginate_request
from inklusive_quartiere.core.summaries import summary_of, with_summaries
from inklusive_quartiere.core.visibility import visible_pages
from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.search.highlight import highlight
from inklusive_quartiere.search.query import clean_query

from .engine import get_engine

PAGE_SIZE = 20


def search(request):
    query, message = clean_query(request.GET.get("q", ""))
    words = analyze_query(query)
    context = {"query": query, "message": message, "results": None, "total": 0, "items": []}
    if words:
        engine = get_engine(request)
        result = engine.search(request.user, words, {}, "relevanz", with_counts=False)
        pagination = paginate_request(request, result.order, PAGE_SIZE)
        page_obj = pagination.page_obj
        if pagination.message:
            context["message"] = pagination.message
        ids = [int(engine.page_ids[i]) for i in page_obj.object_list]
        # One query whatever kinds of page the results hold (core/summaries.py).
        pages = {p.pk: p for p in with_summaries(visible_pages(request.user, Page.objects.filter(pk__in=ids)))}
        context["items"] = [
            {
                "page": pages[i],
                "kind": pages[i].specific_class._meta.verbose_name,
                "title": highlight(pages[i].title, result.terms),
                "summary": highlight(_summary(pages[i]), result.terms),
                "members_only": engine.is_restricted(i),
            }
            for i in ids
            if i in pages
        ]
        context.update(
            {
                "results": page_obj,
                "total": result.total,
                "unmatched": result.unmatched,
                "corrections": result.corrections,
            }
        )
    return TemplateResponse(request, "catalogue/search.html", context)


def _summary(page) -> str:
    text = summary_of(page)
    return text if len(text) <= 300 else text[:297].rsplit(" ", 1)[0] + " …"
