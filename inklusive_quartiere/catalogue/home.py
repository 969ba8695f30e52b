"""What the home page's topic tiles and Steckbrief cards show (core/home_sections.py, registered in apps.py).

Every page passes the one visibility rule (``core.visibility``); a members-only Steckbrief never reaches an anonymous
visitor, not even one the editorial office chose. The number of queries does not grow with the number of
Steckbriefe (tests/test_query_budgets.py).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from inklusive_quartiere.core import chrome
from inklusive_quartiere.core.pictures import rendition_or_none
from inklusive_quartiere.core.text import shorten
from inklusive_quartiere.core.visibility import hidden_among, hidden_collection_ids_for, visible_pages
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, first_pictogram

from .models import CataloguePage

SUMMARY_LIMIT = 180
TOPIC_TEXT_LIMIT = 120


def catalogue_url(request) -> str:
    """The catalogue's address ("/steckbriefe/"), or '' without a live catalogue; the same for every visitor."""

    def compute():
        catalogue = CataloguePage.objects.live().first()
        return catalogue.get_url(request) if catalogue is not None else ""

    site = Site.find_for_request(request)
    return chrome.shared(request, "catalogue-url", str(site.pk if site else 0), compute)


def category_url(base: str, slug: str) -> str:
    return base + CataloguePage.get_resolver().reverse("category", slug=slug)


def topics_section(request, value) -> dict | None:
    """The categories with at least one Steckbrief this visitor may see, in the editors' order, each leading to the
    catalogue filtered by it."""
    base = catalogue_url(request)
    if not base:
        return None
    visible = visible_pages(request.user, SteckbriefPage.objects.all()).values("pk")
    categories = Category.objects.annotate(
        visible_count=Count("steckbriefe", filter=Q(steckbriefe__in=visible), distinct=True)
    ).order_by("sort_order", "name")
    items = [
        {
            "category": category,
            "name": category.name,
            "url": category_url(base, category.slug),
            "description": shorten(category.description, TOPIC_TEXT_LIMIT),
            "count": category.visible_count,
        }
        for category in categories
        if category.visible_count
    ]
    return {"items": items, "more_url": base, "more_text": _("Alle Steckbriefe im Katalog")}


#: A card's picture: the lead image cropped to 16:9, WebP, wide enough for a three-column row on a 2x screen.
CARD_RENDITION = "fill-640x360-c50|format-webp"


def card_pictures(request, pages: list) -> dict[int, dict]:
    """The pictures of these Steckbriefe's cards by page id: ``{"url", "alt", "width", "height"}``.

    A card shows its Steckbrief's lead image when the visitor may see the image's collection (the same rule as on the
    Steckbrief itself); the alt text is empty because the card's title, the link, already says what it is about.
    Three queries whatever the number of cards, none when no card has a lead image."""
    image_ids = {page.lead_image_id for page in pages if page.lead_image_id}
    if not image_ids:
        return {}
    hidden = hidden_collection_ids_for(request)
    images = get_image_model().objects.filter(pk__in=image_ids).exclude(collection_id__in=hidden)
    images = images.prefetch_renditions(CARD_RENDITION)
    renditions = {image.pk: rendition_or_none(image, CARD_RENDITION) for image in images}
    pictures = {}
    for page in pages:
        rendition = renditions.get(page.lead_image_id)
        if rendition is not None:
            pictures[page.pk] = {"url": rendition.url, "alt": "", "width": rendition.width, "height": rendition.height}
    return pictures


def first_pictograms(pages: list) -> dict[int, str]:
    """The drawing of each Steckbrief's first category, by page id (one query)."""
    ids = [page.pk for page in pages]
    rows = SteckbriefPage.objects.filter(pk__in=ids).annotate(pictogram=first_pictogram())
    rows = rows.values_list("pk", "pictogram")
    return {pk: pictogram or "" for pk, pictogram in rows}


def steckbrief_cards(request, pages: list) -> list[dict]:
    """Cards for these Steckbriefe (already visible to this visitor): title, address, city, short summary, the
    members-only label, the lead image. Two queries whatever the number (the cities' titles and the restrictions), and
    three more when a card has a lead image."""
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    cities = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
    user = request.user
    members_only = hidden_among(AnonymousUser(), [page.path for page in pages]) if user.is_authenticated else set()
    pictures = card_pictures(request, pages)
    # Where some cards have a picture, the others show their first category's drawing in its place (a row of cards
    # keeps its titles level); where none has one, no card shows either.
    drawings = first_pictograms(pages) if pictures else {}
    return [
        {
            "page": page,
            "title": page.title,
            "url": page.get_url(request),
            "city": cities.get(page.path[: -Page.steplen], ""),
            "summary": shorten(page.summary, SUMMARY_LIMIT),
            "members_only": page.path in members_only,
            "picture": pictures.get(page.pk),
            "pictogram": drawings.get(page.pk, "") if page.pk not in pictures else "",
        }
        for page in pages
    ]


def chosen_steckbriefe(user, chosen) -> list:
    """The chosen Steckbriefe this visitor may see, in the editors' order (unpublished and hidden ones dropped)."""
    ids = [page.pk for page in chosen if page is not None]
    found = {page.pk: page for page in visible_pages(user, SteckbriefPage.objects.filter(pk__in=ids))}
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def newest_steckbriefe(user, count: int) -> list:
    """The most recently first-published Steckbriefe this visitor may see."""
    queryset = visible_pages(user, SteckbriefPage.objects.all())
    return list(queryset.order_by("-first_published_at", "-pk")[:count])


def steckbriefe_section(request, value) -> dict | None:
    count = value.get("count") or 3
    if value.get("mode") == "featured":
        pages = chosen_steckbriefe(request.user, value.get("pages") or [])[:count]
    else:
        pages = newest_steckbriefe(request.user, count)
    if not pages:
        return None
    return {
        "items": steckbrief_cards(request, pages),
        "more_url": catalogue_url(request),
        "more_text": _("Alle Steckbriefe"),
    }
