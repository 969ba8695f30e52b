"""The news listing: reading category and page number from the URL, the visible items, the template context.

Bad input never fails: an unknown category or a page "number" that is not a number gives a message and the
normal list; only a page beyond the end is a 404 (``core/pagination.py``, the same for every listing).
"""

from __future__ import annotations

import re

from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.utils.translation import gettext as _

from inklusive_quartiere.core.files import image_of_figure, shown_files
from inklusive_quartiere.core.pagination import PAGE_PARAM, page_number, paginate
from inklusive_quartiere.core.visibility import hidden_among, visible_pages

from .models import NewsCategory, NewsPage

PAGE_SIZE = 10
CATEGORY_PARAM = "kategorie"
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def news_queryset(index, user):
    """The index's news items this user may see, newest first."""
    return visible_pages(user, NewsPage.objects.child_of(index)).order_by("-date", "-first_published_at", "-pk")


def chosen_category(raw: str | None, messages: list[str]) -> NewsCategory | None:
    value = (raw or "").strip()
    if not value:
        return None
    category = NewsCategory.objects.filter(slug=value).first() if _SLUG.fullmatch(value) else None
    if category is None:
        messages.append(
            _("Die Kategorie „%(value)s“ gibt es nicht; gezeigt werden alle Neuigkeiten.") % {"value": value[:80]}
        )
    return category


def categories_of(pages) -> dict[int, list[NewsCategory]]:
    """Each page's categories in one query (page id → categories in name order)."""
    through = NewsPage.categories.through
    result: dict[int, list[NewsCategory]] = {page.pk: [] for page in pages}
    rows = through.objects.filter(newspage_id__in=list(result)).select_related("newscategory")
    for row in sorted(rows, key=lambda r: r.newscategory.name):
        result[row.newspage_id].append(row.newscategory)
    return result


def visible_image_ids(request, figures) -> set[int]:
    """Which of these figures' images the visitor may see (an image from a members-only collection is left out;
    core/files.py, the same for every page that lists files)."""
    return {shown.file.pk for shown in shown_files(request, [f for f in figures if f is not None], image_of_figure)}


def lead_figures(pages) -> dict[int, object]:
    """Each page's lead figure (``NewsPage.lead_figure``), the images of all of them read in one query."""
    block = NewsPage._meta.get_field("image").stream_block
    raw = {}
    for page in pages:
        first = next((item for item in page.image.raw_data if item.get("type") == "figure"), None)
        raw[page.pk] = first["value"] if first else None
    with_values = [pk for pk, value in raw.items() if value is not None]
    values = block.child_blocks["figure"].bulk_to_python([raw[pk] for pk in with_values])
    figures = dict.fromkeys(raw)
    for pk, value in zip(with_values, values, strict=True):
        if value and value.get("image"):
            figures[pk] = value
    return figures


def category_url(base_url: str, slug: str) -> str:
    """The listing filtered by one category (always starting on its first page)."""
    query = QueryDict(mutable=True)
    query[CATEGORY_PARAM] = slug
    return f"{base_url}?{query.urlencode()}"


def feed_links(index, request) -> list[dict]:
    base = index.get_url(request)
    return [
        {
            "type": "application/rss+xml",
            "label": _("RSS-Feed"),
            "title": _("Neuigkeiten als RSS-Feed"),
            "url": base + index.reverse_subpage("feed_rss"),
        },
        {
            "type": "application/atom+xml",
            "label": _("Atom-Feed"),
            "title": _("Neuigkeiten als Atom-Feed"),
            "url": base + index.reverse_subpage("feed_atom"),
        },
    ]


def listing_context(index, request) -> dict:
    messages: list[str] = []
    category = chosen_category(request.GET.get(CATEGORY_PARAM), messages)
    number, page_message = page_number(request.GET.get(PAGE_PARAM))
    if page_message:
        messages.append(page_message)

    user = request.user
    visible = news_queryset(index, user)
    # Only categories with at least one item this visitor may see: the list never hints at hidden items.
    used = NewsCategory.objects.filter(news_pages__in=visible.values("pk")).distinct()
    items_qs = visible.filter(categories=category) if category is not None else visible

    page_obj = paginate(items_qs, PAGE_SIZE, number)
    pages = list(page_obj.object_list)

    categories = categories_of(pages)
    members_only = hidden_among(AnonymousUser(), [p.path for p in pages]) if user.is_authenticated else set()
    figures = lead_figures(pages)
    shown_images = visible_image_ids(request, figures.values())
    base_url = index.get_url(request)
    items = [
        {
            "page": page,
            "title": page.title,
            "url": page.get_url(request),
            "date": page.date,
            "teaser": page.teaser,
            "figure": figures[page.pk] if figures[page.pk] and figures[page.pk]["image"].pk in shown_images else None,
            "categories": [{"name": c.name, "url": category_url(base_url, c.slug)} for c in categories[page.pk]],
            "members_only": page.path in members_only,
        }
        for page in pages
    ]

    filters = [{"name": _("Alle"), "url": base_url, "current": category is None}]
    filters += [{"name": c.name, "url": category_url(base_url, c.slug), "current": c == category} for c in used]
    if category is not None and category not in used:
        filters.append({"name": category.name, "url": category_url(base_url, category.slug), "current": True})

    return {
        "news": {
            "items": items,
            "total": page_obj.paginator.count,
            "page_obj": page_obj,
            "category": category,
            "filters": filters,
            "messages": messages,
            "reset_url": base_url,
        },
    }
