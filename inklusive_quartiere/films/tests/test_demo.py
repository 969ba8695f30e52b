"""The demo films: generated locally, complete, marked as examples, and loaded only once."""

import io
import time

import pytest
from wagtail.models import PageViewRestriction
from wagtailmedia import get_media_model

from inklusive_quartiere.core.audiences import MEMBERS, MEMBERS_COLLECTION
from inklusive_quartiere.films import demo as films_demo
from inklusive_quartiere.films.models import FilmIndexPage, FilmPage
from inklusive_quartiere.films.validators import validate_webvtt

pytestmark = pytest.mark.django_db


def test_demo_films_are_complete_examples(demo):
    index = FilmIndexPage.objects.get()
    assert (index.slug, index.title, index.show_in_menus, index.get_parent().pk) == ("filme", "Filme", True, demo.pk)
    films = {film.slug: film for film in FilmPage.objects.child_of(index).live()}
    assert set(films) == {"trailer", "abschlussfilm", "stadtlabor-ulm", "werkstattgespraech-mitglieder"}
    for film in films.values():
        assert film.is_example and film.captions and film.transcript and film.video.type == "video"
        assert "Testbild" in film.transcript and "Platzhalter" in film.transcript
        validate_webvtt(film.captions)
        assert film.video.duration >= 6 and film.video.file.name.endswith(".mp4")
    assert films["stadtlabor-ulm"].city.title == "Ulm"
    assert films["trailer"].youtube_id
    secret = films["werkstattgespraech-mitglieder"]
    restriction = PageViewRestriction.objects.get(page=secret)
    assert [group.name for group in restriction.groups.all()] == [MEMBERS]
    assert secret.video.collection.name == MEMBERS_COLLECTION
    assert secret.video.collection.get_parent().is_root()


def test_loading_again_generates_nothing(demo):
    media_count = get_media_model().objects.count()
    started = time.monotonic()
    films_demo.load(io.StringIO())
    assert time.monotonic() - started < 2
    assert get_media_model().objects.count() == media_count
    assert FilmPage.objects.count() == 4
