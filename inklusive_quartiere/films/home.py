"""The home page's film section (core/home_sections.py, registered in apps.py): the film the editorial office chose,
or the most recently published one — only if this visitor may see it."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from inklusive_quartiere.core.home_sections import index_url
from inklusive_quartiere.core.text import shorten
from inklusive_quartiere.core.visibility import hidden_among, visible_pages

from .models import FilmIndexPage, FilmPage
from .presentation import card_image

SUMMARY_LIMIT = 200


def home_film(user, chosen):
    """The chosen film if this visitor may see it; otherwise (no choice, or a members-only or withdrawn film chosen)
    the newest film she may see: a visitor gets a film too when the office chose one for the members."""
    films = visible_pages(user, FilmPage.objects.select_related("video", "poster"))
    film = films.filter(pk=chosen.pk).first() if chosen is not None else None
    return film or films.order_by("-first_published_at", "-pk").first()


def film_section(request, value) -> dict | None:
    user = request.user
    film = home_film(user, value.get("film"))
    if film is None:
        return None
    image_url, image_alt = card_image(user, film, request)
    members_only = bool(hidden_among(AnonymousUser(), [film.path])) if user.is_authenticated else False
    item = {
        "page": film,
        "title": film.title,
        "url": film.get_url(request),
        "summary": shorten(film.summary, SUMMARY_LIMIT),
        "image_url": image_url,
        "image_alt": image_alt,
        "running_time": film.running_time,
        "running_time_iso": film.running_time_iso,
        "members_only": members_only,
    }
    return {"items": [item], "more_url": index_url(request, FilmIndexPage), "more_text": _("Alle Filme")}
