"""Shared test helpers: a small generated video, caption files and the Wagtail admin form of a film page."""

from __future__ import annotations

import io

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import Collection, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtailmedia import get_media_model

from inklusive_quartiere.core.audiences import MEMBERS, MEMBERS_COLLECTION
from inklusive_quartiere.films.models import FilmIndexPage, FilmPage

VALID_VTT = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHallo Quartier.\n"


def vtt_upload(text: str = VALID_VTT, name: str = "untertitel.vtt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/vtt")


def index_page() -> FilmIndexPage:
    return FilmIndexPage.objects.get()


def public_film() -> FilmPage:
    return FilmPage.objects.get(slug="trailer")


def members_film() -> FilmPage:
    return FilmPage.objects.get(slug="werkstattgespraech-mitglieder")


def make_video(title: str, collection=None, content: bytes | None = None):
    """A media item with a tiny (not playable) MP4 body: enough for serving and visibility tests."""
    media = get_media_model()(
        title=title,
        type="video",
        collection=collection or Collection.get_first_root_node(),
        duration=12.0,
        width=640,
        height=360,
    )
    media.file.save(f"{title.lower().replace(' ', '-')}.mp4", ContentFile(content or b"\x00" * 2048), save=False)
    media.save()
    return media


def members_collection() -> Collection:
    return Collection.get_first_root_node().get_children().get(name=MEMBERS_COLLECTION)


def make_film(slug: str, *, members_only: bool = False, video=None, **fields) -> FilmPage:
    page = FilmPage(
        title=fields.pop("title", f"Film {slug}"),
        slug=slug,
        summary=fields.pop("summary", "Kurzbeschreibung."),
        video=video or make_video(f"Video {slug}", members_collection() if members_only else None),
        captions=ContentFile(VALID_VTT.encode(), name=f"{slug}.vtt"),
        transcript=fields.pop("transcript", "<p>Transkript.</p>"),
        **fields,
    )
    index_page().add_child(instance=page)
    page.save_revision().publish()
    if members_only:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.get(name=MEMBERS))
    return page


def member_client(username: str = "film-mitglied") -> Client:
    user = User.objects.create_user(username, password="x" * 16)
    user.groups.add(Group.objects.get(name=MEMBERS))
    client = Client()
    client.force_login(user)
    return client


def film_form(**overrides) -> dict:
    """POST data of Wagtail's film page form (valid for publishing unless overridden)."""
    captions = overrides.pop("captions", None)
    data = {
        "title": "Neuer Film Kornblume",
        "slug": "neuer-film-kornblume",
        "summary": "Ein kurzer Film.",
        "video": overrides.pop("video", ""),
        "transcript": rich_text("<p>Alles, was gesagt wird.</p>"),
        "poster": "",
        "poster_alt": "",
        "city": "",
        "external_url": "",
        "seo_title": "",
        "search_description": "",
        "is_example": "",
    }
    data.update(overrides)
    form = nested_form_data(data)
    if captions is not None:
        form["captions"] = captions
    return form


def streamed(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control and "no-store" in cache_control


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 36), (20, 120, 60)).save(out, format="PNG")
    return out.getvalue()
