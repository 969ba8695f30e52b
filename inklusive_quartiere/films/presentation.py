"""What the film pages, the film overview, the sign language page and the player includes show to one visitor."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from inklusive_quartiere.core.files import file_visible
from inklusive_quartiere.core.pictures import rendition_or_none
from inklusive_quartiere.core.visibility import (
    can_view,
    can_view_collection,
    hidden_among,
    is_members_only,
    visible_pages,
)

POSTER_FILTER = "fill-1280x720"
CARD_FILTER = "fill-640x360"


def _file_size(field_file) -> int | None:
    try:
        return field_file.size
    except (OSError, ValueError):
        return None


def file_meta(field_file, kind: str, running_time: str = "") -> str:
    """'MP4, 1,2 MB, 2:05 Min.': what a visitor needs to know before downloading."""
    parts = [kind]
    size = _file_size(field_file)
    if size:
        parts.append(filesizeformat(size))
    if running_time:
        parts.append(running_time)
    return ", ".join(parts)


def poster_url(film, filter_spec: str = POSTER_FILTER) -> str:
    """The poster rendition, or the video's own thumbnail, or '' (both pass core/media.py's check)."""
    poster = rendition_or_none(film.poster, filter_spec) if getattr(film, "poster_id", None) and film.poster else None
    if poster is not None:
        return poster.url
    video = film.video if film.video_id else None
    if video is not None and video.thumbnail:
        return video.thumbnail.url
    return ""


def card_image(user, film, request=None) -> tuple[str, str]:
    """A film card's picture as (url, alt): the poster's card rendition with its alt text, or the video's own
    thumbnail (decorative) when the visitor may see the video, or ("", "")."""
    poster = rendition_or_none(film.poster, CARD_FILTER) if film.poster_id and film.poster else None
    if poster is not None:
        return poster.url, film.poster_alt
    video = film.video if film.video_id else None
    if video is not None and video.thumbnail and _file_visible(user, video, request):
        return video.thumbnail.url, ""
    return "", ""


def _file_visible(user, file, request=None) -> bool:
    """``can_view_collection`` for the file's collection; with the request, from the collections the visitor may not
    see (the same rule, one query per request for all files)."""
    if request is None:
        return can_view_collection(user, file.collection)
    return file_visible(request, file)


def visible_film(user, film):
    """The film if this visitor may see its page, else None (for links and embeds on other pages)."""
    if film is None:
        return None
    film = getattr(film, "specific", film)
    return film if can_view(user, film) else None


def captioned_video_context(page, user, *, labels: dict, request=None) -> dict | None:
    """What films/includes/captioned_video.html shows of a page's captioned video, or None when hidden.

    ``labels``: the visible texts (``video``: aria-label of the player, ``transcript``: summary of the
    transcript disclosure, or '' to leave the transcript to the page, ``download_video``, ``download_captions``).
    """
    if visible_film(user, page) is None:
        return None
    video = page.video if page.video_id else None
    video_visible = video is not None and _file_visible(user, video, request)
    extension = (video.file_extension.upper() if video else "") or "MP4"
    captions_url = page.captions.url if page.captions else ""
    video_meta = file_meta(video.file, extension, page.running_time) if video_visible else ""
    captions_meta = file_meta(page.captions, "WebVTT") if page.captions else ""
    # The downloads list (components/downloads_list.html): the video only if the visitor may see it.
    downloads = []
    if video_visible:
        downloads.append({"url": video.url, "title": labels["download_video"], "meta": video_meta})
    if captions_url:
        downloads.append({"url": captions_url, "title": labels["download_captions"], "meta": captions_meta})
    return {
        "video_page": page,
        "video": video if video_visible else None,
        "video_hidden": video is not None and not video_visible,
        "poster_url": poster_url(page) if video_visible else "",
        "captions_url": captions_url,
        "video_meta": video_meta,
        "captions_meta": captions_meta,
        "downloads": downloads,
        "members_only": is_members_only(page),
        "labels": labels,
    }


def player_context(film, user, request=None) -> dict | None:
    """Everything the film player include needs, or None when the visitor may not see the film."""
    title = film.title if film is not None else ""
    player = captioned_video_context(
        film,
        user,
        request=request,
        labels={
            "video": _("Video: %(title)s") % {"title": title},
            "transcript": _("Transkript zum Film „%(title)s“") % {"title": title},
            "download_video": _("Film „%(title)s“ herunterladen") % {"title": title},
            "download_captions": _("Untertitel zu „%(title)s“ herunterladen") % {"title": title},
        },
    )
    if player is not None:
        player["film"] = film
        player["html_id"] = f"film-{film.pk}"
    return player


def sign_language_context(page, request) -> dict:
    """The sign language page: its player (video, captions, downloads) and the facts shown beside it."""
    player = captioned_video_context(
        page,
        request.user,
        request=request,
        labels={
            "video": _("Video in Deutscher Gebärdensprache"),
            "transcript": "",  # the page shows the written version under a heading of its own
            "download_video": _("Video in Gebärdensprache herunterladen"),
            "download_captions": _("Untertitel herunterladen"),
        },
    )
    if player is not None:
        player["html_id"] = "gebaerdensprache-video"
    return {"player": player}


def film_page_context(page, request) -> dict:
    city = page.city if page.city_id else None
    if city is not None and not visible_pages(request.user, type(city).objects.filter(pk=city.pk)).exists():
        city = None
    return {
        "city": city,
        "members_only": is_members_only(page),
        "youtube_id": page.youtube_id,
    }


def film_cards(user, queryset, request=None) -> list[dict]:
    """The films this visitor may see, in the order of the page tree (editors sort them there)."""
    films = list(visible_pages(user, queryset).select_related("video", "poster", "city").order_by("path"))
    members_only = hidden_among(AnonymousUser(), [film.path for film in films]) if user.is_authenticated else set()
    cards = []
    for film in films:
        image_url, image_alt = card_image(user, film, request)
        cards.append(
            {
                "page": film,
                "image_url": image_url,
                "image_alt": image_alt,
                "running_time": film.running_time,
                "running_time_iso": film.running_time_iso,
                "city": film.city if film.city_id else None,
                "members_only": film.path in members_only,
            }
        )
    return cards
