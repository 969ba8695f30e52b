"""The home page's sections (core/home_sections.py and the providers in catalogue, events, news and films): what each
shows, in which order, to whom; sections with nothing to show are left out; the anonymous page cache forgets the
home page when something it lists changes."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError

from inklusive_quartiere.catalogue.models import CataloguePage
from inklusive_quartiere.core import page_cache, registry
from inklusive_quartiere.core.home_sections import HomeStreamBlock, SteckbriefeSectionBlock
from inklusive_quartiere.core.models import HomePage
from inklusive_quartiere.core.text import shorten
from inklusive_quartiere.core.visibility import visible_pages
from inklusive_quartiere.events.models import EventPage
from inklusive_quartiere.films.models import FilmPage
from inklusive_quartiere.news.models import NewsPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category
from inklusive_quartiere.testing.support import factories
from inklusive_quartiere.testing.support.leaks import MEMBERS_ONLY_LABEL, assert_absent, assert_present, text_of
from inklusive_quartiere.testing.support.personas import make_member, signed_in

pytestmark = pytest.mark.django_db

SEARCH_FIELD = 'id="startseite-suche-q"'


def set_sections(*blocks) -> HomePage:
    """Publish the home page with these (type, value) sections as its body."""
    home = HomePage.objects.get()
    home.body = json.dumps([{"type": kind, "value": value} for kind, value in blocks])
    home.save_revision().publish()
    return home


def steckbriefe_block(heading="Empfohlen", mode="featured", pages=(), count=3):
    return ("steckbriefe", {"heading": heading, "mode": mode, "pages": [p.pk for p in pages], "count": count})


def home_html(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return text_of(response)


def section_html(html: str, heading: str) -> str:
    """The <section> whose heading is ``heading`` (fails if there is none)."""
    for match in re.finditer(r"<section\b.*?</section>", html, re.S):
        if f">{heading}</h2>" in match.group(0):
            return match.group(0)
    raise AssertionError(f"no section {heading!r}")


def titles_in(html: str, heading: str) -> list[str]:
    return re.findall(r'<a class="kern-link[^"]*" href="[^"]+">([^<]+)</a></h3>', section_html(html, heading))


@pytest.fixture
def member_client(db) -> Client:
    return signed_in(make_member("startseite-mitglied"))


# -- the demo home page ----------------------------------------------------------------------------------------
def test_search_is_the_first_thing_in_main(client, demo):
    html = home_html(client)
    main = html[html.index("<main") :]
    first_control = re.search(r"<(a|input|button|select|textarea)\b[^>]*>", main[main.index(">") + 1 :])
    assert SEARCH_FIELD in first_control.group(0)
    form = re.search(r'<form class="iq-home-search__form"[^>]*>', html).group(0)
    assert 'action="/suche/"' in form and 'method="get"' in form
    assert 'name="q"' in html


def test_demo_home_shows_every_section(client, demo):
    html = home_html(client)
    for heading in ("Steckbriefe nach Themen", "Von der Redaktion empfohlen", "Neue Steckbriefe", "Nächste Termine"):
        assert f">{heading}</h2>" in html, heading
    assert ">Neuigkeiten</h2>" in html and ">Film</h2>" in html
    assert "Die Quartierskonferenz als Startpunkt für die Weststadt" in section_html(
        html, "Von der Redaktion empfohlen"
    )
    # The old teaser cards repeating the menu are gone.
    assert "Was Sie hier finden" not in html


# -- topics ----------------------------------------------------------------------------------------------------
def test_topic_tiles_lead_to_the_filtered_catalogue_in_the_editors_order(client, demo):
    html = section_html(home_html(client), "Steckbriefe nach Themen")
    links = re.findall(r'href="(/steckbriefe/kategorie/[^"]+/)">([^<]+)</a>', html)
    expected = [
        (f"/steckbriefe/kategorie/{c.slug}/", c.name)
        for c in Category.objects.order_by("sort_order", "name")
        if visible_pages(None, SteckbriefPage.objects.filter(categories=c)).exists()
    ]
    assert links == expected and len(links) == 11
    assert html.count("iq-topic-tile__pictogram") == 11
    first = Category.objects.order_by("sort_order", "name").first()
    assert client.get(f"/steckbriefe/kategorie/{first.slug}/").status_code == 200


def test_topic_counts_and_tiles_follow_the_visibility_rule(client, member_client, demo):
    secret = Category.objects.create(name="Geheimthema", slug="geheimthema", sort_order=99)
    factories.make_steckbrief(title="Geheim", slug="geheim", categories=[secret], members_only=True)
    assert "Geheimthema" not in section_html(home_html(client), "Steckbriefe nach Themen")
    member_tiles = section_html(home_html(member_client), "Steckbriefe nach Themen")
    assert re.search(r"Geheimthema</a>\s*<p[^>]*>1 Steckbrief</p>", member_tiles)


# -- Steckbriefe -----------------------------------------------------------------------------------------------
def test_newest_steckbriefe_newest_first_and_counted(client, demo):
    older = factories.make_steckbrief(title="Älterer Neuzugang", slug="aelterer-neuzugang")
    newer = factories.make_steckbrief(title="Jüngster Neuzugang", slug="juengster-neuzugang")
    SteckbriefPage.objects.filter(pk=older.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=1))
    set_sections(steckbriefe_block("Neu", mode="newest", count=2))
    titles = titles_in(home_html(client), "Neu")
    expected = list(
        visible_pages(None, SteckbriefPage.objects.all())
        .order_by("-first_published_at")
        .values_list("title", flat=True)
    )
    assert titles == expected[:2] and titles[0] == newer.title


def test_newest_members_only_steckbrief_only_for_members(client, member_client, demo):
    secret = factories.make_steckbrief(title="Nur intern neu", slug="nur-intern-neu", members_only=True)
    set_sections(steckbriefe_block("Neu", mode="newest", count=3))
    visitor = client.get("/")
    assert_absent(visitor, secret.title, secret.url, control="Neu</h2>")
    member = section_html(home_html(member_client), "Neu")
    assert titles_in(home_html(member_client), "Neu")[0] == secret.title
    assert MEMBERS_ONLY_LABEL in member


def test_featured_steckbriefe_keep_the_chosen_order_and_hide_what_a_visitor_may_not_see(client, member_client, demo):
    public = list(visible_pages(None, SteckbriefPage.objects.order_by("path"))[:3])
    secret = factories.make_steckbrief(title="Gewählt, aber intern", slug="gewaehlt-intern", members_only=True)
    draft = factories.make_steckbrief(title="Gewählt, aber Entwurf", slug="gewaehlt-entwurf", publish=False)
    chosen = [public[2], secret, draft, public[0]]
    set_sections(steckbriefe_block("Empfohlen", pages=chosen, count=6))
    assert titles_in(home_html(client), "Empfohlen") == [public[2].title, public[0].title]
    assert_absent(client.get("/"), secret.title, secret.url, draft.title, control="Empfohlen</h2>")
    assert titles_in(home_html(member_client), "Empfohlen") == [public[2].title, secret.title, public[0].title]
    set_sections(steckbriefe_block("Empfohlen", pages=chosen, count=1))
    assert titles_in(home_html(client), "Empfohlen") == [public[2].title]


def test_a_section_with_nothing_to_show_renders_nothing(client, member_client, demo):
    secret = factories.make_steckbrief(title="Einzig gewählt, intern", slug="einzig-intern", members_only=True)
    set_sections(
        ("search", {"heading": "Suchen Sie etwas?", "intro": ""}),
        steckbriefe_block("Nur Interne", pages=[secret]),
    )
    html = home_html(client)
    assert SEARCH_FIELD in html and "Nur Interne" not in html and "iq-home-section" not in html
    assert "Nur Interne</h2>" in home_html(member_client)


def test_featured_mode_needs_a_chosen_steckbrief():
    block = SteckbriefeSectionBlock()
    value = block.to_python({"heading": "Empfohlen", "mode": "featured", "pages": [], "count": 3})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
    newest = block.to_python({"heading": "Neu", "mode": "newest", "pages": [], "count": 3})
    assert block.clean(newest)["mode"] == "newest"


def test_a_subheading_after_a_section_is_in_order():
    block = HomeStreamBlock()
    value = block.to_python(
        [
            {"type": "events", "value": {"heading": "Termine", "count": 3}},
            {"type": "heading", "value": {"text": "Unterpunkt", "level": "h3"}},
        ]
    )
    assert block.heading_outline_errors(value) == {}
    alone = block.to_python([{"type": "heading", "value": {"text": "Unterpunkt", "level": "h3"}}])
    assert block.heading_outline_errors(alone)


# -- events, news, film ----------------------------------------------------------------------------------------
def test_next_events_are_future_only_soonest_first(client, member_client, demo):
    today = timezone.localdate()
    later = factories.make_event(title="Spätere Werkstatt", slug="spaeter", start_date=today + datetime.timedelta(40))
    sooner = factories.make_event(title="Baldige Werkstatt", slug="bald", start_date=today + datetime.timedelta(2))
    past = factories.make_event(title="Vergangene Werkstatt", slug="vorbei", start_date=today - datetime.timedelta(3))
    secret = factories.make_event(
        title="Interne Werkstatt", slug="intern", start_date=today + datetime.timedelta(1), members_only=True
    )
    set_sections(("events", {"heading": "Termine", "count": 12}))
    titles = titles_in(home_html(client), "Termine")
    expected = list(
        visible_pages(None, EventPage.objects.filter(last_day__gte=today))
        .order_by("start_date", "title")
        .values_list("title", flat=True)
    )
    assert titles == expected
    assert titles.index(sooner.title) < titles.index(later.title)
    assert past.title not in titles and secret.title not in titles
    assert secret.title in titles_in(home_html(member_client), "Termine")
    set_sections(("events", {"heading": "Termine", "count": 1}))
    assert len(titles_in(home_html(client), "Termine")) == 1


def test_no_upcoming_event_no_events_section(client, demo):
    EventPage.objects.filter(last_day__gte=timezone.localdate()).update(live=False)
    set_sections(("events", {"heading": "Termine", "count": 3}), ("news", {"heading": "Meldungen", "count": 1}))
    html = home_html(client)
    assert ">Termine</h2>" not in html and "Meldungen</h2>" in html
    assert "startseite-events" not in html


def test_latest_news_newest_first(client, member_client, demo):
    factories.make_news("Ganz neue Meldung", date=timezone.localdate())
    secret = factories.make_news(
        "Interne Meldung", date=timezone.localdate() + datetime.timedelta(1), members_only=True
    )
    set_sections(("news", {"heading": "Meldungen", "count": 2}))
    titles = titles_in(home_html(client), "Meldungen")
    expected = list(
        visible_pages(None, NewsPage.objects.order_by("-date", "-first_published_at")).values_list("title", flat=True)
    )
    assert titles == expected[:2] and titles[0] == "Ganz neue Meldung"
    assert titles_in(home_html(member_client), "Meldungen")[0] == secret.title


def test_film_chosen_or_newest(client, member_client, demo):
    newest = factories.make_film("startseitenfilm", title="Neuester Film")
    set_sections(("film", {"heading": "Der Film", "film": None}))
    assert titles_in(home_html(client), "Der Film") == [newest.title]
    chosen = FilmPage.objects.live().exclude(pk=newest.pk).order_by("path").first()
    set_sections(("film", {"heading": "Der Film", "film": chosen.pk}))
    assert titles_in(home_html(client), "Der Film") == [chosen.title]
    secret = factories.make_film("internfilm", title="Interner Film", members_only=True)
    set_sections(("film", {"heading": "Der Film", "film": secret.pk}))
    assert titles_in(home_html(client), "Der Film") == [newest.title]  # a visitor: the newest film she may see
    assert_absent(client.get("/"), "Interner Film", control=newest.title)
    assert titles_in(home_html(member_client), "Der Film") == [secret.title]
    FilmPage.objects.exclude(pk=secret.pk).update(live=False)  # no film a visitor may see: no section
    set_sections(("film", {"heading": "Der Film", "film": secret.pk}))
    assert "Der Film" not in home_html(client)


def test_an_unprovided_section_renders_nothing(client, demo, monkeypatch):
    monkeypatch.setattr(registry, "_home_sections", {})
    set_sections(("news", {"heading": "Meldungen", "count": 2}), ("search", {"heading": "Suche hier", "intro": ""}))
    html = home_html(client)
    assert "Meldungen" not in html and SEARCH_FIELD in html


# -- no text cut mid-sentence ----------------------------------------------------------------------------------
def test_shorten_keeps_whole_sentences_or_whole_words():
    assert shorten("Kurz.", 160) == "Kurz."
    text = "Erster Satz ist hier. Zweiter Satz ist deutlich länger und passt nicht mehr hinein."
    assert shorten(text, 40) == "Erster Satz ist hier."
    words = "Einwohnerinnen und Einwohner entwickeln gemeinsam ein Quartierskonzept für alle Generationen"
    short = shorten(words, 40)
    assert short.endswith("…") and len(short) <= 40
    assert words.startswith(short[:-1]) and words[len(short) - 1] == " "
    assert shorten("   viel   Leerraum  ", 160) == "viel Leerraum"
    assert shorten("", 10) == ""


def test_teasers_on_the_home_page_are_not_cut_mid_word(client, demo):
    long_summary = ("Eine sehr lange Kurzbeschreibung ohne Punkt " * 8).strip()
    factories.make_steckbrief(title="Langer Text", slug="langer-text", summary=long_summary[:300])
    set_sections(steckbriefe_block("Neu", mode="newest", count=1))
    html = section_html(home_html(client), "Neu")
    shown = re.search(r'<p class="kern-body">([^<]+)</p>', html).group(1)
    assert shown.endswith("…") and long_summary.startswith(shown[:-1]) and long_summary[len(shown) - 1] == " "


# -- the anonymous page cache ----------------------------------------------------------------------------------
def _warm(client):
    client.get("/")
    assert client.get("/")[page_cache.HEADER] == "hit"


def _cache_state(client) -> str:
    return client.get("/")[page_cache.HEADER]


def test_publishing_or_unpublishing_a_steckbrief_evicts_the_home_page(client, demo):
    _warm(client)
    page = factories.make_steckbrief(title="Frisch veröffentlicht", slug="frisch-veroeffentlicht")
    response = client.get("/")
    assert response[page_cache.HEADER] == "miss"
    assert_present(response, "Frisch veröffentlicht")
    _warm(client)
    page.unpublish()
    response = client.get("/")
    assert response[page_cache.HEADER] == "miss"
    assert_absent(response, "Frisch veröffentlicht", control=SEARCH_FIELD)


@pytest.mark.parametrize("kind", ["event", "news", "film"])
def test_publishing_or_unpublishing_events_news_and_films_evicts_the_home_page(client, demo, kind):
    today = timezone.localdate()
    makers = {
        "event": lambda: factories.make_event(title="Cache-Werkstatt", slug="cache-werkstatt", start_date=today),
        "news": lambda: factories.make_news("Cache-Meldung", date=today + datetime.timedelta(1)),
        "film": lambda: factories.make_film("cachefilm", title="Cache-Film"),
    }
    _warm(client)
    page = makers[kind]()
    response = client.get("/")
    assert response[page_cache.HEADER] == "miss"
    assert_present(response, page.title)
    _warm(client)
    page.unpublish()
    response = client.get("/")
    assert response[page_cache.HEADER] == "miss"
    assert_absent(response, page.title, control=SEARCH_FIELD)


def test_home_page_declares_the_kinds_it_lists():
    assert set(page_cache.PAGE_DEPENDENCIES["core.homepage"]) >= {
        "steckbriefe.steckbriefpage",
        "events.eventpage",
        "news.newspage",
        "films.filmpage",
    }


# -- card pictures ---------------------------------------------------------------------------------------------


def _card_images(html: str, heading: str) -> list[str]:
    return re.findall(r'<img src="([^"]+)"', section_html(html, heading))


def test_a_featured_card_shows_its_lead_image_only_to_those_who_may_see_it(client, member_client, demo):
    """A card shows its Steckbrief's lead image as a small WebP rendition with an empty alt (the title says it);
    an image from a members-only collection stays off the card for visitors (positive control: the member)."""
    ulm = factories.city_page("Ulm")
    photo = factories.make_image("Kartenbild Hoffest", city="Ulm", size=(1200, 675))
    secret = factories.make_image("Kartenbild intern", members_only=True, city="Ulm", size=(1200, 675))
    with_photo = factories.make_steckbrief(
        ulm, title="Karte mit Bild", slug="karte-mit-bild", lead_image=photo, lead_image_alt="Ein Hoffest."
    )
    with_secret = factories.make_steckbrief(
        ulm, title="Karte mit internem Bild", slug="karte-intern", lead_image=secret, lead_image_alt="Eine Skizze."
    )
    without = factories.make_steckbrief(ulm, title="Karte ohne Bild", slug="karte-ohne-bild")
    set_sections(steckbriefe_block("Empfohlen", pages=[with_photo, with_secret, without]))
    html = home_html(client)
    assert titles_in(html, "Empfohlen") == ["Karte mit Bild", "Karte mit internem Bild", "Karte ohne Bild"]
    images = _card_images(html, "Empfohlen")
    assert len(images) == 1 and "kartenbild-hoffes" in images[0] and images[0].endswith(".webp")
    assert re.search(r'<img src="[^"]+" alt="" loading="lazy"', section_html(html, "Empfohlen"))
    assert client.get(images[0]).status_code == 200
    member_images = _card_images(home_html(member_client), "Empfohlen")
    assert len(member_images) == 2 and "kartenbild-inter" in member_images[1]
    assert client.get(member_images[1]).status_code in (302, 403, 404)


def test_cards_without_a_picture_show_their_topic_drawing_beside_cards_with_one(client, demo):
    """A row of cards keeps its titles level: where one card has a picture, the others show their first category's
    drawing in a tinted panel of the same shape (decorative: no text, the SVG aria-hidden); where no card has a
    picture, no card shows a panel."""
    ulm = factories.city_page("Ulm")
    photo = factories.make_image("Kartenbild Reihe", city="Ulm", size=(1200, 675))
    inklusion = Category.objects.get(name="Inklusion")
    with_photo = factories.make_steckbrief(
        ulm, title="Reihe mit Bild", slug="reihe-mit-bild", lead_image=photo, lead_image_alt="Ein Hoffest."
    )
    without = factories.make_steckbrief(ulm, title="Reihe ohne Bild", slug="reihe-ohne-bild", categories=[inklusion])
    set_sections(steckbriefe_block("Empfohlen", pages=[with_photo, without]))
    section = section_html(home_html(client), "Empfohlen")
    panels = re.findall(r'<div class="kern-card__media iq-card-fallback ([^"]+)"[^>]*>(.*?)</div>', section, re.S)
    assert len(panels) == 1 and panels[0][0] == "iq-picture-fallback--inklusion"
    assert 'aria-hidden="true"' in panels[0][1] and "M6 40c10 6 26 6 36 0" in panels[0][1]  # the Inklusion drawing
    assert len(_card_images(section, "Empfohlen")) == 1

    set_sections(steckbriefe_block("Empfohlen", pages=[without]))
    assert "iq-card-fallback" not in section_html(home_html(client), "Empfohlen")


def test_an_image_whose_file_is_gone_costs_the_picture_not_the_page(client, demo, caplog):
    """A lead image whose file has vanished from the storage (a database restored without its media, a file deleted
    by hand): the Steckbrief, the home page's cards and the catalogue still answer 200, without that picture."""
    ulm = factories.city_page("Ulm")
    photo = factories.make_image("Verschwundenes Hoffest", city="Ulm", size=(1200, 675))
    page = factories.make_steckbrief(
        ulm, title="Bilderprobe im Quartier", slug="bilderprobe", lead_image=photo, lead_image_alt="Ein Hoffest."
    )
    set_sections(steckbriefe_block("Empfohlen", pages=[page]))
    photo.file.storage.delete(photo.file.name)
    search = CataloguePage.objects.live().get().url + "?q=Bilderprobe"
    for url in (page.url, "/", search):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "verschwundenes-hoffest" not in response.content.decode(), url
    assert titles_in(home_html(client), "Empfohlen") == ["Bilderprobe im Quartier"]
    assert page.url in client.get(search).content.decode()  # the Steckbrief is found, shown without its picture
    assert any("has no readable file" in record.getMessage() for record in caplog.records)
