"""The home page's "latest news" section (core/home_sections.py, registered in apps.py): the news items this visitor
may see, the newest first — the same order as the news overview."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from inklusive_quartiere.core.home_sections import index_url
from inklusive_quartiere.core.text import shorten
from inklusive_quartiere.core.visibility import hidden_among, visible_pages

from .models import NewsIndexPage, NewsPage

SUMMARY_LIMIT = 160


def latest_news(user, count: int) -> list:
    return list(visible_pages(user, NewsPage.objects.all()).order_by("-date", "-first_published_at", "-pk")[:count])


def news_section(request, value) -> dict | None:
    news = latest_news(request.user, value.get("count") or 3)
    if not news:
        return None
    user = request.user
    members_only = hidden_among(AnonymousUser(), [n.path for n in news]) if user.is_authenticated else set()
    items = [
        {
            "page": item,
            "title": item.title,
            "url": item.get_url(request),
            "date": item.date,
            "summary": shorten(item.teaser, SUMMARY_LIMIT),
            "members_only": item.path in members_only,
        }
        for item in news
    ]
    return {"items": items, "more_url": index_url(request, NewsIndexPage), "more_text": _("Alle Neuigkeiten")}
