"""The sign language page ("Gebärdensprache", BITV 2.0 § 4): demo content, what a visitor sees, what editors
may publish, and who may load its caption file."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils.form_data import rich_text

from inklusive_quartiere.core.audiences import MEMBERS
from inklusive_quartiere.core.models import ContentPage, SiteSettings
from inklusive_quartiere.films import demo as films_demo
from inklusive_quartiere.films import models as films_models
from inklusive_quartiere.films.models import FilmIndexPage, SignLanguagePage
from inklusive_quartiere.films.validators import validate_webvtt
from inklusive_quartiere.testing.accounts import login_verified

from .helpers import VALID_VTT, captioned_video_form, make_video, member_client, private, streamed, vtt_upload

pytestmark = pytest.mark.django_db

SLUG = "gebaerdensprache"
NEW_SLUG = "gebaerdensprache-neu"
NO_CAPTIONS = "Ohne Untertitel kann das Video in Gebärdensprache nicht veröffentlicht werden"


def _html(response) -> str:
    return response.content.decode()


def _site_settings() -> SiteSettings:
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


# -- demo content --------------------------------------------------------------------------------------------
def test_demo_page_is_a_marked_placeholder_linked_from_the_footer(client, demo):
    page = SignLanguagePage.objects.get()
    assert (page.slug, page.url, page.get_parent().pk) == (SLUG, "/gebaerdensprache/", demo.pk)
    assert page.live and page.is_example
    assert "Platzhalter" in page.intro and "Platzhalter" in page.transcript
    assert page.video.type == "video" and page.video.file.name.endswith(".mp4")
    assert 20 <= page.video.duration <= 40
    validate_webvtt(page.captions)
    assert b"Platzhalter" in page.captions.read()
    assert _site_settings().sign_language_page_id == page.pk
    assert not ContentPage.objects.filter(slug=SLUG).exists()  # the old placeholder content page is gone
    assert 'href="/gebaerdensprache/"' in _html(client.get("/"))


def test_demo_replaces_an_old_content_page_and_loads_once(demo):
    import io

    SignLanguagePage.objects.get().delete()
    old = ContentPage(title="Gebärdensprache", slug=SLUG, intro="Alter Platzhalter.", is_example=True)
    demo.add_child(instance=old)
    old.save_revision().publish()
    site_settings = _site_settings()
    site_settings.sign_language_page = old
    site_settings.save()

    films_demo.load_sign_language(Page.objects.get(pk=demo.pk).specific, io.StringIO())
    page = SignLanguagePage.objects.get()
    assert page.slug == SLUG and not ContentPage.objects.filter(pk=old.pk).exists()
    assert _site_settings().sign_language_page_id == page.pk

    out = io.StringIO()
    films_demo.load_sign_language(demo, out)  # idempotent: nothing new
    assert out.getvalue() == "" and SignLanguagePage.objects.get().pk == page.pk


def test_demo_keeps_an_editors_page_on_the_slug(demo):
    import io

    SignLanguagePage.objects.get().delete()
    editors = ContentPage(title="Gebärdensprache (Redaktion)", slug=SLUG, intro="Echte Inhalte.")
    demo.add_child(instance=editors)
    out = io.StringIO()
    films_demo.load_sign_language(Page.objects.get(pk=demo.pk).specific, out)
    assert "schon belegt" in out.getvalue()
    assert ContentPage.objects.filter(pk=editors.pk).exists() and not SignLanguagePage.objects.exists()


# -- the page ------------------------------------------------------------------------------------------------
def test_page_shows_video_captions_running_time_and_downloads(client, demo):
    page = SignLanguagePage.objects.get()
    response = client.get("/gebaerdensprache/")
    assert response.status_code == 200
    html = _html(response)
    assert html.count("<h1") == 1
    assert re.search(r'<video controls preload="metadata"[^>]* aria-label="Video in Deutscher Gebärdensprache"', html)
    assert f'<source src="{page.video.url}" type="video/mp4">' in html
    assert f'<track kind="captions" src="{page.captions.url}" srclang="de" label="Deutsch" default>' in html
    assert "aus- und wieder einschalten" in html  # the visible note on switching the captions
    assert '<time datetime="PT34S">34 Sek.</time>' in html
    assert re.search(
        rf'<a href="{re.escape(page.video.url)}" download>Video in Gebärdensprache herunterladen</a> '
        r'<span class="kern-body--muted">\(MP4, [\d,]+\s(?:KB|MB), 34 Sek\.\)</span>',
        html,
    )
    assert re.search(
        rf'<a href="{re.escape(page.captions.url)}" download>Untertitel herunterladen</a> '
        r'<span class="kern-body--muted">\(WebVTT, [\d,]+\s(?:Bytes|KB)\)</span>',
        html,
    )
    assert "Der Inhalt des Videos als Text" in html and "Steckbriefe" in html
    assert "Beispielinhalt" in html and "Deutsche Gebärdensprache (DGS)" in html


def test_page_without_video_explains_and_shows_the_text(client, demo):
    page = SignLanguagePage.objects.get()
    SignLanguagePage.objects.filter(pk=page.pk).update(video=None)
    html = _html(client.get("/gebaerdensprache/"))
    assert "<video" not in html and "wird gerade vorbereitet" in html
    assert "Der Inhalt des Videos als Text" in html


def test_only_one_page_and_only_under_the_home_page(demo):
    assert SignLanguagePage.max_count == 1
    assert not SignLanguagePage.can_create_at(demo)  # the demo page exists
    assert not SignLanguagePage.can_create_at(FilmIndexPage.objects.get())
    SignLanguagePage.objects.get().delete()
    assert SignLanguagePage.can_create_at(Page.objects.get(pk=demo.pk).specific)
    assert not SignLanguagePage.can_create_at(FilmIndexPage.objects.get())


# -- editing -------------------------------------------------------------------------------------------------
@pytest.fixture
def editor_client(client, demo):
    user = User.objects.create_superuser("dgs-redaktion", "dgs@example.org", "x" * 16)
    login_verified(client, user)
    return client


@pytest.fixture
def empty_home(demo):
    """The home page without the demo's sign language page (max_count would refuse a second one)."""
    SignLanguagePage.objects.get().delete()
    return Page.objects.get(pk=demo.pk)


@pytest.fixture
def hd_video(demo):
    video = make_video("Video DGS Kornblume")
    video.width, video.height = 1920, 1080
    video.save()
    return video


def _form(**overrides) -> dict:
    defaults = {
        "title": "Gebärdensprache",
        "slug": NEW_SLUG,
        "intro": "Die Website in Deutscher Gebärdensprache.",
        "transcript": rich_text("<p>Was gebärdet wird, als Text.</p>"),
        "seo_title": "",
        "search_description": "",
        "is_example": "",
    }
    return captioned_video_form(defaults, overrides)


def _publish(form: dict) -> dict:
    form["action-publish"] = "action-publish"
    return form


def _add_url(home) -> str:
    return f"/admin/pages/add/films/signlanguagepage/{home.pk}/"


def test_edit_form_shows_the_video_requirements(editor_client):
    page = SignLanguagePage.objects.get()
    html = _html(editor_client.get(f"/admin/pages/{page.pk}/edit/"))
    for requirement in (
        "Anforderungen an das Video in Deutscher Gebärdensprache",
        "MP4 mit dem Bildformat H.264",
        "mindestens 1280 × 720 Pixel, empfohlen 1920 × 1080 Pixel",
        "25 oder 50 Bilder pro Sekunde",
        "einfarbiger Hintergrund",
        "WebVTT-Datei",
        "Laufzeit",
        "höchstens 300 MB",
    ):
        assert requirement in html, requirement


def test_second_page_cannot_be_added(editor_client, demo):
    response = editor_client.get(_add_url(demo))
    assert response.status_code in (302, 403)
    assert SignLanguagePage.objects.count() == 1


def test_publishing_without_captions_is_refused(editor_client, empty_home, hd_video):
    response = editor_client.post(_add_url(empty_home), _publish(_form(video=hd_video.pk)))
    assert response.status_code == 200
    assert NO_CAPTIONS in _html(response)
    assert not SignLanguagePage.objects.exists()


def test_draft_without_captions_is_saved_but_not_published_later(editor_client, empty_home, hd_video):
    response = editor_client.post(_add_url(empty_home), _form(video=hd_video.pk))
    assert response.status_code == 302, _html(response)[:2000]
    page = SignLanguagePage.objects.get(slug=NEW_SLUG)
    assert not page.live and not page.captions
    response = editor_client.post(f"/admin/pages/{page.pk}/edit/", _publish(_form(video=hd_video.pk)))
    assert response.status_code == 200
    assert NO_CAPTIONS in _html(response)
    page.refresh_from_db()
    assert not page.live


def test_publishing_without_text_is_refused(editor_client, empty_home, hd_video):
    form = _form(video=hd_video.pk, captions=vtt_upload(), transcript='{"blocks":[],"entityMap":{}}')
    response = editor_client.post(_add_url(empty_home), _publish(form))
    assert response.status_code == 200
    assert "Ohne Text zum Video kann die Seite nicht veröffentlicht werden" in _html(response)
    assert not SignLanguagePage.objects.exists()


def test_publishing_with_video_captions_and_text_works(editor_client, empty_home, hd_video):
    response = editor_client.post(_add_url(empty_home), _publish(_form(video=hd_video.pk, captions=vtt_upload())))
    assert response.status_code == 302, _html(response)[:3000]
    page = SignLanguagePage.objects.get(slug=NEW_SLUG)
    assert page.live and page.captions.name.startswith("films/captions/")


def test_invalid_webvtt_is_refused(editor_client, empty_home, hd_video):
    form = _form(video=hd_video.pk, captions=vtt_upload("Hallo\n\n00:00:00.000 --> 00:00:02.000\nText\n"))
    response = editor_client.post(_add_url(empty_home), _publish(form))
    assert response.status_code == 200
    assert "Die erste Zeile muss „WEBVTT“ lauten" in _html(response)


def test_newly_chosen_small_video_is_refused(editor_client, empty_home):
    small = make_video("Video DGS klein")  # 640 × 360
    response = editor_client.post(_add_url(empty_home), _publish(_form(video=small.pk, captions=vtt_upload())))
    assert response.status_code == 200
    assert "Das Video ist 640 × 360 Pixel groß" in _html(response)
    assert not SignLanguagePage.objects.exists()


def test_kept_video_is_not_measured_again(editor_client, demo):
    """The demo's placeholder (640 × 360) may stay when an editor only changes the text."""
    page = SignLanguagePage.objects.get()
    form = _form(video=page.video.pk, slug=SLUG, intro="Neue Einleitung.")
    response = editor_client.post(f"/admin/pages/{page.pk}/edit/", _publish(form))
    assert response.status_code == 302, _html(response)[:3000]
    page.refresh_from_db()
    assert page.intro == "Neue Einleitung." and page.live


def test_too_large_video_is_refused(editor_client, empty_home, hd_video, monkeypatch):
    monkeypatch.setattr(films_models, "SIGN_LANGUAGE_VIDEO_MAX_BYTES", 1024)  # the test video has 2 KB
    response = editor_client.post(_add_url(empty_home), _publish(_form(video=hd_video.pk, captions=vtt_upload())))
    assert response.status_code == 200
    assert "erlaubt sind höchstens 300 MB" in _html(response)
    assert not SignLanguagePage.objects.exists()


def test_audio_instead_of_video_is_refused(editor_client, empty_home, hd_video):
    hd_video.type = "audio"
    hd_video.save()
    response = editor_client.post(_add_url(empty_home), _publish(_form(video=hd_video.pk, captions=vtt_upload())))
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen" in _html(response)  # the chooser only offers videos
    assert not SignLanguagePage.objects.exists()


# -- caption file under /media/ ------------------------------------------------------------------------------
def _page_with_captions(home, *, live: bool) -> SignLanguagePage:
    page = SignLanguagePage(
        title="Gebärdensprache",
        slug=NEW_SLUG,
        video=make_video("Video DGS Untertitel"),
        captions=ContentFile(VALID_VTT.encode(), name="dgs-test.vtt"),
        transcript="<p>Text.</p>",
        live=live,
    )
    home.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def test_public_captions_are_served_to_everyone(client, demo):
    url = SignLanguagePage.objects.get().captions.url
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert streamed(response).startswith(b"WEBVTT")
    assert "public" in response["Cache-Control"]


def test_captions_of_a_draft_page_are_not_served(client, empty_home):
    page = _page_with_captions(empty_home, live=False)
    url = page.captions.url
    assert url.startswith("/media/films/captions/")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/anmelden/")
    page.save_revision().publish()
    assert Client().get(url).status_code == 200
    page.refresh_from_db()
    page.unpublish()
    assert Client().get(url).status_code == 302


def test_captions_of_a_private_page_only_for_members(empty_home):
    page = _page_with_captions(empty_home, live=True)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))
    url = page.captions.url
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/anmelden/")
    assert Client().get(page.url).status_code == 302
    member = member_client("dgs-mitglied").get(url)
    assert member.status_code == 200 and private(member)
    assert streamed(member).startswith(b"WEBVTT")


def test_signed_in_non_member_is_refused_private_captions(empty_home):
    page = _page_with_captions(empty_home, live=True)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))
    outsider = Client()
    outsider.force_login(User.objects.create_user("dgs-fremd", password="x" * 16))
    assert outsider.get(page.captions.url).status_code == 403


# -- search --------------------------------------------------------------------------------------------------
def test_search_reads_intro_and_written_version(demo):
    fields = SignLanguagePage.objects.get().search_fields_text()
    assert fields["title"] == "Gebärdensprache"
    assert "Gebärdensprache" in fields["summary"]
    assert "Steckbriefe" in fields["body"] and "<p>" not in fields["body"]
