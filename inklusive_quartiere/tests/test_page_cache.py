"""The anonymous page cache (core/page_cache.py): hits without queries, never for signed-in visitors, never for
pages with a CSRF token, normalised keys, ETag/304, and invalidation of exactly the pages a change shows."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

from inklusive_quartiere.cities.models import CityPage, Neighbourhood
from inklusive_quartiere.core import page_cache
from inklusive_quartiere.core.audiences import MEMBERS
from inklusive_quartiere.core.models import ContentPage, HomePage, SiteSettings
from inklusive_quartiere.news.models import NewsPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, ContactPerson, TargetGroup
from inklusive_quartiere.testing.support.leaks import assert_absent

pytestmark = pytest.mark.django_db

UNRELATED_STECKBRIEF = "/stadtlabore/bad-krozingen/hitzeschutz-kurort-kuehle-orte/"
NEWS_ARTICLE = "/neuigkeiten/quartiersspaziergang-bruchsal/"


def cache_state(client, url, **extra) -> str:
    response = client.get(url, **extra)
    assert response.status_code in (200, 302, 404), (url, response.status_code)
    return response.get(page_cache.HEADER, "")


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert cache_state(client, url) == "hit", url


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def _steckbrief(city: CityPage, title: str, slug: str, **fields) -> SteckbriefPage:
    page = SteckbriefPage(
        title=title,
        slug=slug,
        summary=fields.pop("summary", f"Zusammenfassung von {title}."),
        status="in_progress",
        cost_band="lt5k",
        staff_effort="low",
        duration="short",
        start_date=datetime.date(2024, 3, 1),
        **fields,
    )
    page.categories = [Category.objects.order_by("pk").first()]
    city.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def world(demo):
    """Steckbrief A (Ulm; contact, target group, neighbourhood) and R (Konstanz), which lists A as related."""
    ulm = CityPage.objects.get(title="Ulm")
    konstanz = CityPage.objects.get(title="Konstanz")
    contact = ContactPerson.objects.create(name="Hedwig Cachetest", city=ulm)
    group = TargetGroup.objects.create(name="Cachetest-Zielgruppe", slug="cachetest-zielgruppe")
    quarter = Neighbourhood.objects.create(city=ulm, name="Cachequartier", residents=1200)
    a = _steckbrief(ulm, "Cachetest Ahorn", "cachetest-ahorn", contact=contact)
    a.target_groups = [group]
    a.neighbourhoods = [quarter]
    a.save_revision().publish()
    r = _steckbrief(konstanz, "Cachetest Referenz", "cachetest-referenz")
    r.set_related_steckbriefe([a])
    r.save_revision().publish()
    a.refresh_from_db()
    r.refresh_from_db()
    return {"a": a, "r": r, "ulm": ulm, "contact": contact, "group": group, "quarter": quarter}


def _member_client() -> Client:
    client = Client()
    user = User.objects.create_user("cache-mitglied", password="x" * 16)
    user.groups.add(Group.objects.get(name=MEMBERS))
    client.force_login(user)
    return client


# -- hits, headers, keys ----------------------------------------------------------------------------------------
def test_second_anonymous_request_is_served_from_the_cache_without_queries(client, demo):
    first = client.get(UNRELATED_STECKBRIEF)
    assert first[page_cache.HEADER] == "miss"
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert first["ETag"].startswith('"')
    assert "Cookie" in first["Vary"]
    with CaptureQueriesContext(connection) as queries:
        second = client.get(UNRELATED_STECKBRIEF)
    assert second[page_cache.HEADER] == "hit"
    assert len(queries.captured_queries) == 0
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert not second.cookies


def test_page_cache_seconds_is_the_shared_lifetime(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 240
    assert client.get("/")["Cache-Control"] == "public, max-age=0, s-maxage=240"


def test_disabled_cache_neither_reads_nor_fills(client, demo, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")
    response = client.get("/")
    assert response.status_code == 200
    assert page_cache.HEADER not in response
    assert "public" not in response.get("Cache-Control", "")


def test_conditional_get_answers_304_from_the_cache(client, demo):
    etag = client.get(UNRELATED_STECKBRIEF)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(UNRELATED_STECKBRIEF, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert len(queries.captured_queries) == 0
    assert response.content == b""
    assert response["ETag"] == etag
    assert "s-maxage" in response["Cache-Control"]
    assert client.get(UNRELATED_STECKBRIEF, HTTP_IF_NONE_MATCH='"anders"').status_code == 200


def test_conditional_get_on_a_miss_answers_304_too(client, demo):
    etag = client.get("/")["ETag"]
    page_cache.clear()
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response[page_cache.HEADER] == "miss"


def test_head_is_answered_from_the_get_copy(client, demo):
    client.get("/")
    response = client.head("/")
    assert response.status_code == 200
    assert response[page_cache.HEADER] == "hit"


def test_query_string_is_normalised(client, demo):
    client.get("/steckbriefe/?sortierung=titel&kategorie=inklusion")
    assert cache_state(client, "/steckbriefe/?kategorie=inklusion&sortierung=titel") == "hit"
    assert cache_state(client, "/steckbriefe/?kategorie=inklusion&sortierung=titel&q=") == "hit"  # empty dropped
    # Tracking parameters are kept: a page may echo them into its links.
    assert cache_state(client, "/steckbriefe/?kategorie=inklusion&sortierung=titel&utm_source=x") == "miss"
    # The order of one parameter's values is kept (the view reads them in order).
    assert page_cache.normalised_query("b=2&a=1&a=0&c=") == ("a=1&a=0&b=2", False)


def test_a_request_with_empty_parameters_never_fills_the_plain_entry(client, demo):
    warning = "ist ungültig"
    assert warning in client.get("/steckbriefe/?seite=").content.decode()
    response = client.get("/steckbriefe/")
    assert response[page_cache.HEADER] == "miss"
    assert warning not in response.content.decode()
    assert cache_state(client, "/steckbriefe/?seite=") == "hit"  # the normalised page, without the warning


def test_key_contains_host_and_language_but_no_cookie(client, demo, settings):
    settings.ALLOWED_HOSTS = ["testserver", "zweiter.example"]
    client.get("/")
    assert cache_state(client, "/", HTTP_HOST="zweiter.example") == "miss"
    client.cookies["csrftoken"] = "a" * 32
    client.cookies["analyse"] = "1"
    assert cache_state(client, "/") == "hit"


# -- never for signed-in visitors, never with per-visitor content ----------------------------------------------
def test_signed_in_members_neither_read_nor_fill_the_cache(client, demo):
    anonymous = client.get("/steckbriefe/")
    assert "Anmelden" in anonymous.content.decode()
    member = _member_client()
    for _ in range(2):
        response = member.get("/steckbriefe/")
        assert page_cache.HEADER not in response
        assert "Mein Bereich" in response.content.decode()
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert "ETag" not in response
    again = client.get("/steckbriefe/")
    assert again[page_cache.HEADER] == "hit"
    assert "Mein Bereich" not in again.content.decode()


def test_member_listing_never_reaches_anonymous_visitors_and_back(client, world):
    a = world["a"]
    PageViewRestriction.objects.create(page=a, restriction_type=PageViewRestriction.GROUPS).groups.add(
        Group.objects.get(name=MEMBERS)
    )
    member = _member_client()
    # Member first: nothing may be stored for the anonymous visitor (search marks words: look for the address).
    assert a.url in member.get("/steckbriefe/?q=Cachetest").content.decode()
    first = client.get("/steckbriefe/?q=Cachetest")
    assert first[page_cache.HEADER] == "miss"
    assert a.url not in first.content.decode()
    second = client.get("/steckbriefe/?q=Cachetest")
    assert second[page_cache.HEADER] == "hit" and a.url not in second.content.decode()
    # ... and the member never gets the anonymous copy.
    assert a.url in member.get("/steckbriefe/?q=Cachetest").content.decode()
    assert member.get(a.url).status_code == 200
    assert client.get(a.url).status_code == 302


@pytest.mark.parametrize("url", ["/barriere-melden/", "/anmelden/", "/passwort-vergessen/"])
def test_pages_with_a_csrf_token_are_never_cached(client, demo, url):
    first = client.get(url)
    assert b"csrfmiddlewaretoken" in first.content
    assert "public" not in first.get("Cache-Control", "")
    assert cache_state(client, url) != "hit"


def test_a_csrf_token_rendered_into_a_page_keeps_it_out_of_the_cache(client, demo):
    from django.middleware.csrf import get_token

    def render_token(page, request, serve_args, serve_kwargs):
        get_token(request)

    with hooks.register_temporarily("before_serve_page", render_token):
        first = client.get("/projekt/")
    assert "csrftoken" in first.cookies
    assert first[page_cache.HEADER] == "skip"
    assert "public" not in first["Cache-Control"]
    assert cache_state(client, "/projekt/") == "miss"


def test_a_visitor_with_a_session_skips_the_cache(client, demo):
    """A session may hold a passed page password: such a visitor neither reads nor fills the cache."""
    page = ContentPage(title="Mit Kennwort", slug="mit-kennwort", intro="Nur mit Kennwort zu lesen.")
    demo.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="sesam")
    form = client.get(page.url)
    assert b"Nur mit Kennwort" not in form.content
    restriction = PageViewRestriction.objects.get(page=page)
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "sesam", "return_url": page.url},
    )
    for _ in range(2):
        inside = client.get(page.url)
        assert b"Nur mit Kennwort" in inside.content
        assert page_cache.HEADER not in inside
        assert "public" not in inside.get("Cache-Control", "")
    stranger = Client()
    assert b"Nur mit Kennwort" not in stranger.get(page.url).content


def test_health_checks_and_the_editor_are_never_cached(client, demo):
    for url in ("/healthz", "/admin/login/"):
        client.get(url)
        assert cache_state(client, url) != "hit"


def test_page_rendered_while_content_changed_is_not_stored(client, demo):
    def change_during_render(page, request, serve_args, serve_kwargs):
        page_cache.bump({"kind:irgendwas"})

    with hooks.register_temporarily("before_serve_page", change_during_render):
        assert client.get("/projekt/")[page_cache.HEADER] == "miss"
    assert cache_state(client, "/projekt/") == "miss"
    assert cache_state(client, "/projekt/") == "hit"


class BrokenCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("Redis ist nicht erreichbar")

        return fail


def test_cache_errors_degrade_to_no_cache(client, demo, monkeypatch, caplog):
    monkeypatch.setattr(page_cache, "cache", BrokenCache())
    monkeypatch.setitem(page_cache._last_logged, "at", 0.0)
    for _ in range(2):
        response = client.get("/steckbriefe/")
        assert response.status_code == 200
    assert "Seiten-Cache" in caplog.text
    page = ContentPage.objects.live().filter(slug="projekt").first()
    page.save_revision().publish()  # the bump fails too, and is kept for later
    assert page_cache._pending
    monkeypatch.undo()
    client.get("/")  # the next access sends the kept bumps
    assert not page_cache._pending


# -- invalidation: exactly what a change shows ------------------------------------------------------------------
def test_publishing_a_steckbrief_evicts_what_shows_it_and_nothing_else(client, world):
    a, r, ulm = world["a"], world["r"], world["ulm"]
    # The home page lists the newest Steckbriefe (core/home_sections.py).
    shows_a = [a.url, a.url + "pdf/", "/steckbriefe/", ulm.url, r.url, "/suche/?q=Cachetest", "/sitemap.xml", "/"]
    unrelated = [UNRELATED_STECKBRIEF, NEWS_ARTICLE, "/neuigkeiten/", "/projekt/"]
    warm(client, *shows_a, *unrelated)
    a.summary = "Eine ganz neue Zusammenfassung."
    a.save_revision().publish()
    for url in shows_a:
        assert cache_state(client, url) == "miss", url
    assert "ganz neue Zusammenfassung" in client.get(a.url).content.decode()
    for url in unrelated:
        assert cache_state(client, url) == "hit", url


def test_a_new_title_reaches_pages_linking_it_but_not_unrelated_pages(client, world):
    a, r = world["a"], world["r"]
    warm(client, r.url, UNRELATED_STECKBRIEF, NEWS_ARTICLE)
    a.title = "Cachetest Ahorn umbenannt"
    a.save_revision().publish()
    assert "Cachetest Ahorn umbenannt" in client.get(r.url).content.decode()
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"
    assert cache_state(client, NEWS_ARTICLE) == "hit"


def test_a_title_shown_in_the_menu_evicts_every_page(client, demo):
    section = HomePage.objects.get().get_children().in_menu().live().first().specific
    warm(client, UNRELATED_STECKBRIEF, NEWS_ARTICLE)
    section.title = "Neuer Menütitel"
    section.save_revision().publish()
    response = client.get(NEWS_ARTICLE)
    assert response[page_cache.HEADER] == "miss"
    assert "Neuer Menütitel" in response.content.decode()


def test_a_city_page_change_reaches_its_steckbriefe(client, world):
    a, ulm = world["a"], world["ulm"]
    warm(client, a.url, UNRELATED_STECKBRIEF)
    ulm.specific.save_revision().publish()
    assert cache_state(client, a.url) == "miss"
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"


def test_a_new_child_reaches_the_listing_of_its_parent(client, demo):
    index = Page.objects.get(url_path__endswith="/neuigkeiten/").specific
    warm(client, "/neuigkeiten/", NEWS_ARTICLE, UNRELATED_STECKBRIEF)
    news = NewsPage(title="Cache-Meldung", slug="cache-meldung", teaser="Neu.", date=datetime.date.today())
    index.add_child(instance=news)
    news.save_revision().publish()
    assert "Cache-Meldung" in client.get("/neuigkeiten/").content.decode()
    assert cache_state(client, NEWS_ARTICLE) == "hit"
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"


def test_unpublishing_removes_the_page_everywhere(client, world):
    a, r = world["a"], world["r"]
    warm(client, a.url, "/steckbriefe/", r.url, UNRELATED_STECKBRIEF)
    a.unpublish()
    assert client.get(a.url).status_code == 404
    assert_absent(client.get("/steckbriefe/"), a.title, control='id="catalogue-q"')
    assert_absent(client.get(r.url), a.title, control=r.title)
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"


def test_deleting_removes_the_page_everywhere(client, world):
    a, r = world["a"], world["r"]
    url, title = a.url, a.title
    warm(client, url, "/steckbriefe/", r.url, UNRELATED_STECKBRIEF)
    a.delete()
    assert client.get(url).status_code == 404
    assert_absent(client.get("/steckbriefe/"), title, control='id="catalogue-q"')
    assert_absent(client.get(r.url), title, control=r.title)
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"


def test_moving_a_page_evicts_every_page(client, world):
    a = world["a"]
    old_url = a.url
    warm(client, old_url, UNRELATED_STECKBRIEF)
    a.move(CityPage.objects.get(title="Konstanz"), pos="last-child")
    assert client.get(old_url).status_code == 301  # Wagtail's automatic redirect to the new address
    assert cache_state(client, UNRELATED_STECKBRIEF) == "miss"


def test_a_view_restriction_takes_the_page_out_of_every_anonymous_page(client, world):
    a, r = world["a"], world["r"]
    warm(client, a.url, "/steckbriefe/?q=Cachetest", r.url, "/suche/?q=Cachetest")
    restriction = PageViewRestriction.objects.create(page=a, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))
    assert client.get(a.url).status_code == 302
    controls = {
        "/steckbriefe/?q=Cachetest": 'id="catalogue-q"',
        r.url: r.title,
        "/suche/?q=Cachetest": 'id="search-page-q"',
    }
    for url, control in controls.items():
        assert_absent(client.get(url), a.title, control=control)


def test_snippet_edits_reach_the_pages_showing_them(client, world):
    a, ulm = world["a"], world["ulm"]
    warm(client, a.url, ulm.url, "/steckbriefe/", UNRELATED_STECKBRIEF, NEWS_ARTICLE)
    contact = world["contact"]
    contact.name = "Hedwig Neuname"
    contact.save()
    assert "Hedwig Neuname" in client.get(a.url).content.decode()
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"
    group = world["group"]
    group.name = "Umbenannte Zielgruppe"
    group.save()
    assert "Umbenannte Zielgruppe" in client.get(a.url).content.decode()
    assert "Umbenannte Zielgruppe" in client.get("/steckbriefe/").content.decode()  # a facet value
    quarter = world["quarter"]
    quarter.name = "Umbenanntes Quartier"
    quarter.save()
    assert "Umbenanntes Quartier" in client.get(ulm.url).content.decode()
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"
    assert cache_state(client, NEWS_ARTICLE) == "hit"


def test_files_renamed_deleted_or_made_private_leave_the_pages_showing_them(client, demo):
    collection = Collection.get_first_root_node().add_child(name="Cache-Sammlung")
    document = get_document_model()(title="Cache-Protokoll", collection=collection)
    document.file.save("cache-protokoll.txt", ContentFile(b"Protokoll"), save=False)
    document.save()
    image = get_image_model()(
        title="Cache-Bild", collection=collection, file=ImageFile(io.BytesIO(_png()), name="cache.png")
    )
    image.save()
    page = ContentPage(title="Seite mit Dateien im Cache", slug="dateien-im-cache")
    page.body = json.dumps(
        [
            {"type": "downloads", "value": {"heading": "Material", "documents": [document.pk]}},
            {
                "type": "figure",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Cache-Alternativtext", "decorative": False},
                    "caption": "",
                    "credit": "",
                },
            },
        ]
    )
    demo.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Cache-Protokoll" in html and "Cache-Alternativtext" in html
    warm(client, page.url, UNRELATED_STECKBRIEF)

    document.title = "Cache-Protokoll neu"
    document.save()
    assert "Cache-Protokoll neu" in client.get(page.url).content.decode()
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"

    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MEMBERS))
    html = client.get(page.url).content.decode()
    assert "Cache-Protokoll" not in html and "Cache-Alternativtext" not in html
    restriction.delete()
    warm(client, page.url, UNRELATED_STECKBRIEF)

    image.delete()
    assert "Cache-Alternativtext" not in client.get(page.url).content.decode()
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"


def test_site_settings_reach_every_page(client, demo):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    warm(client, UNRELATED_STECKBRIEF, NEWS_ARTICLE)
    site_settings.contact_page = None
    site_settings.save()
    for url in (UNRELATED_STECKBRIEF, NEWS_ARTICLE):
        response = client.get(url)
        assert response[page_cache.HEADER] == "miss"
        assert_absent(response, ">Kontakt</a>", control="</footer>")  # the footer is there, without the link


def test_draft_saves_change_nothing(client, world):
    a = world["a"]
    warm(client, a.url, "/steckbriefe/")
    a.title = "Nur ein Entwurf"
    a.save_revision()
    assert cache_state(client, a.url) == "hit"
    assert cache_state(client, "/steckbriefe/") == "hit"


def test_changes_made_by_another_process_reach_a_process_local_cache(client, demo):
    """Local memory is one cache per process (embedded mode, a cron job publishing scheduled pages)."""
    warm(client, "/", UNRELATED_STECKBRIEF)
    with page_cache._changes_file().open("ab") as changes:
        changes.write(b".")  # what another process's publish appends
    assert cache_state(client, "/") == "miss"
    assert cache_state(client, UNRELATED_STECKBRIEF) == "miss"
    assert cache_state(client, UNRELATED_STECKBRIEF) == "hit"


def test_clear_command_evicts_every_page(client, demo):
    from django.core.management import call_command

    warm(client, "/", UNRELATED_STECKBRIEF)
    call_command("clear_page_cache", stdout=io.StringIO())
    assert cache_state(client, "/") == "miss"
    assert cache_state(client, UNRELATED_STECKBRIEF) == "miss"


def test_every_page_type_declares_what_it_shows():
    page_models = {
        model._meta.label_lower
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label != "wagtailcore"
    }
    assert page_models <= set(page_cache.PAGE_DEPENDENCIES), page_models - set(page_cache.PAGE_DEPENDENCIES)


def test_every_snippet_is_followed():
    from wagtail.snippets.models import get_snippet_models

    snippets = {model._meta.label_lower for model in get_snippet_models()}
    assert snippets <= page_cache.SHOWN_MODELS, snippets - page_cache.SHOWN_MODELS


# -- static files ------------------------------------------------------------------------------------------------
def test_hashed_static_files_are_kept_for_ever_by_browsers(settings, tmp_path):
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.management import call_command
    from django.test import RequestFactory
    from whitenoise.middleware import WhiteNoiseMiddleware

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False  # as in production (Django resets the storage on these changes)
    call_command("collectstatic", "--noinput", "-v0")
    hashed = staticfiles_storage.url("css/main.css")
    assert hashed != "/static/css/main.css"
    middleware = WhiteNoiseMiddleware(lambda request: None, settings=settings)
    forever = middleware(RequestFactory().get(hashed))
    assert forever.status_code == 200
    assert forever["Cache-Control"] == "max-age=315360000, public, immutable"
    plain = middleware(RequestFactory().get("/static/css/main.css"))
    assert plain["Cache-Control"] == "max-age=60, public"
