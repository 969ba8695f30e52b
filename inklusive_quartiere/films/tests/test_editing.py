"""Editing films in Wagtail's admin: captions (WebVTT) and transcript are required to publish, not for drafts."""

import pytest
from django.contrib.auth.models import User

from inklusive_quartiere.films.models import FilmPage
from inklusive_quartiere.testing.accounts import login_verified

from .helpers import film_form, index_page, make_video, vtt_upload

pytestmark = pytest.mark.django_db

SLUG = "neuer-film-kornblume"
NO_CAPTIONS = "Ohne Untertitel kann der Film nicht veröffentlicht werden"


@pytest.fixture
def editor_client(client, demo):
    user = User.objects.create_superuser("filmredaktion", "f@example.org", "x" * 16)
    login_verified(client, user)
    return client


@pytest.fixture
def video(demo):
    return make_video("Video Kornblume")


def _add_url():
    return f"/admin/pages/add/films/filmpage/{index_page().pk}/"


def _publish(form):
    form["action-publish"] = "action-publish"
    return form


def test_publishing_without_captions_is_refused(editor_client, video):
    response = editor_client.post(_add_url(), _publish(film_form(video=video.pk)))
    assert response.status_code == 200
    assert NO_CAPTIONS in response.content.decode()
    assert not FilmPage.objects.filter(slug=SLUG).exists()


def test_draft_without_captions_can_be_saved(editor_client, video):
    response = editor_client.post(_add_url(), film_form(video=video.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = FilmPage.objects.get(slug=SLUG)
    assert not page.live
    assert not page.captions


def test_draft_without_captions_cannot_be_published_later(editor_client, video):
    editor_client.post(_add_url(), film_form(video=video.pk))
    page = FilmPage.objects.get(slug=SLUG)
    response = editor_client.post(f"/admin/pages/{page.pk}/edit/", _publish(film_form(video=video.pk)))
    assert response.status_code == 200
    assert NO_CAPTIONS in response.content.decode()
    page.refresh_from_db()
    assert not page.live


def test_publishing_with_valid_captions_works(editor_client, video):
    response = editor_client.post(_add_url(), _publish(film_form(video=video.pk, captions=vtt_upload())))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = FilmPage.objects.get(slug=SLUG)
    assert page.live
    assert page.captions.name.startswith("films/captions/")
    assert page.captions.read().startswith(b"WEBVTT")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("Hallo\n\n00:00:00.000 --> 00:00:02.000\nText\n", "a.vtt", "Die erste Zeile muss „WEBVTT“ lauten"),
        ("WEBVTT\n\n00:00:00,000 --> 00:00:02,000\nText\n", "b.vtt", "keine gültige Zeitangabe"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nText\n", "c.vtt", "Das Ende liegt nicht nach dem Anfang"),
        ("WEBVTT\n\nNOTE nur ein Kommentar\n", "d.vtt", "enthält keinen Untertitel"),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nText\n", "e.srt", "Endung .vtt"),
    ],
    ids=["no-header", "srt-timestamps", "end-before-start", "no-cue", "wrong-extension"],
)
@pytest.mark.parametrize("publish", [False, True], ids=["draft", "publish"])
def test_invalid_webvtt_is_refused_with_a_message(editor_client, video, content, name, message, publish):
    form = film_form(video=video.pk, captions=vtt_upload(content, name))
    response = editor_client.post(_add_url(), _publish(form) if publish else form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FilmPage.objects.filter(slug=SLUG).exists()


def test_publishing_without_transcript_is_refused(editor_client, video):
    form = film_form(video=video.pk, captions=vtt_upload(), transcript='{"blocks":[],"entityMap":{}}')
    response = editor_client.post(_add_url(), _publish(form))
    assert response.status_code == 200
    assert "Ohne Transkript kann der Film nicht veröffentlicht werden" in response.content.decode()
    assert not FilmPage.objects.filter(slug=SLUG).exists()


def test_publishing_without_video_is_refused(editor_client):
    response = editor_client.post(_add_url(), _publish(film_form(captions=vtt_upload())))
    assert response.status_code == 200
    assert "Bitte wählen Sie das Video aus der Medienbibliothek" in response.content.decode()


def test_poster_needs_alt_text_to_publish(editor_client, video):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Plakat", file=get_test_image_file())
    form = film_form(video=video.pk, captions=vtt_upload(), poster=image.pk)
    response = editor_client.post(_add_url(), _publish(form))
    assert response.status_code == 200
    assert "Alternativtext" in response.content.decode()
    assert not FilmPage.objects.filter(slug=SLUG).exists()


def test_audio_or_non_mp4_media_is_refused(editor_client, video):
    video.file.name = "media/film.webm"
    video.save()
    response = editor_client.post(_add_url(), _publish(film_form(video=video.pk, captions=vtt_upload())))
    assert response.status_code == 200
    assert "MP4-Datei" in response.content.decode()


def test_bad_youtube_address_is_refused(editor_client, video):
    form = film_form(video=video.pk, captions=vtt_upload(), external_url="https://example.org/watch?v=abc")
    response = editor_client.post(_add_url(), _publish(form))
    assert response.status_code == 200
    assert "kein YouTube-Video" in response.content.decode()


def test_edit_form_of_a_demo_film_opens(editor_client):
    page = FilmPage.objects.get(slug="trailer")
    response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Untertitel (WebVTT-Datei)" in response.content.decode()
