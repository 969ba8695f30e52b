"""Films test helpers: caption uploads, the demo films and the Wagtail admin form of a film page; videos and
films come from the shared factories (testing/support/factories.py)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, rich_text

from inklusive_quartiere.films.models import FilmIndexPage, FilmPage
from inklusive_quartiere.testing.support.factories import (  # noqa: F401 (re-exported for the films tests)
    VALID_VTT,
    make_film,
    make_video,
    members_collection,
    png,
)
from inklusive_quartiere.testing.support.leaks import is_private as private  # noqa: F401
from inklusive_quartiere.testing.support.personas import make_member, signed_in


def vtt_upload(text: str = VALID_VTT, name: str = "untertitel.vtt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/vtt")


def index_page() -> FilmIndexPage:
    return FilmIndexPage.objects.get()


def public_film() -> FilmPage:
    return FilmPage.objects.get(slug="trailer")


def members_film() -> FilmPage:
    return FilmPage.objects.get(slug="werkstattgespraech-mitglieder")


def member_client(username: str = "film-mitglied") -> Client:
    return signed_in(make_member(username))


def captioned_video_form(defaults: dict, overrides: dict) -> dict:
    """POST data of a captioned-video page's admin form: ``defaults`` with ``overrides``; the caption file (an
    upload, not a form field) goes in as it is."""
    captions = overrides.pop("captions", None)
    form = nested_form_data({**defaults, "video": "", **overrides})
    if captions is not None:
        form["captions"] = captions
    return form


def film_form(**overrides) -> dict:
    """POST data of Wagtail's film page form (valid for publishing unless overridden)."""
    defaults = {
        "title": "Neuer Film Kornblume",
        "slug": "neuer-film-kornblume",
        "summary": "Ein kurzer Film.",
        "transcript": rich_text("<p>Alles, was gesagt wird.</p>"),
        "poster": "",
        "poster_alt": "",
        "city": "",
        "external_url": "",
        "seo_title": "",
        "search_description": "",
        "is_example": "",
    }
    return captioned_video_form(defaults, overrides)


def streamed(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def png_bytes() -> bytes:
    return png((64, 36), (20, 120, 60))
