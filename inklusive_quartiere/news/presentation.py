"""What a news item's page shows: visible related Steckbriefe, the image if the visitor may see it, JSON-LD."""

from __future__ import annotations

import json

from wagtail.models import Site

from inklusive_quartiere.core.models import SiteSettings
from inklusive_quartiere.core.pictures import rendition_or_none
from inklusive_quartiere.core.visibility import is_members_only

from .listing import category_url, feed_links, visible_image_ids


def json_ld(page, request, categories, figure) -> str:
    site = Site.find_for_request(request)
    publisher = SiteSettings.for_request(request).organisation if site else ""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.teaser,
        "inLanguage": "de",
        "url": request.build_absolute_uri(page.get_url(request)),
        "datePublished": page.date.isoformat(),
        "isAccessibleForFree": True,
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.date().isoformat()
    if categories:
        data["articleSection"] = [c.name for c in categories]
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher}
    rendition = rendition_or_none(figure["image"], "max-1200x900") if figure is not None else None
    if rendition is not None:
        data["image"] = request.build_absolute_uri(rendition.url)
    # "</" must never close the surrounding <script> element.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def detail_context(page, request) -> dict:
    index = page.get_parent().specific
    index_url = index.get_url(request)
    categories = sorted(page.categories.all(), key=lambda c: c.name)
    figure = page.lead_figure
    if figure is not None and not visible_image_ids(request, [figure]):
        figure = None
    related = page.visible_related_steckbriefe(request.user)  # in the editor's order
    return {
        "index": index,
        "index_url": index_url,
        "categories": [{"name": c.name, "url": category_url(index_url, c.slug)} for c in categories],
        "figure": figure,
        "related": related,
        "members_only": is_members_only(page),
        "json_ld": json_ld(page, request, categories, figure),
        "feed_links": feed_links(index, request) if hasattr(index, "reverse_subpage") else [],
    }
