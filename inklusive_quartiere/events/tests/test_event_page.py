"""The event page: every section, honest dates, privacy of the page, its files and its links."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from inklusive_quartiere.core.visibility import visible_pages
from inklusive_quartiere.events.models import EventPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage

from .factories import document, figure, image, make_event, member, members_collection, public_collection, raw

pytestmark = pytest.mark.django_db
FULL = "/termine/werkstatt-inklusion-freiburg/"
MONTH = "/termine/webinar-digitalisierung/"
PERIOD = "/termine/werkstatt-mobilitaet-klimaschutz/"
MEMBERS_ONLY = "/termine/netzwerktreffen-stadtkoordinatorinnen/"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _item(html: str, title: str) -> str:
    """The <li> that contains ``title``."""
    start = html.rindex("<li", 0, html.index(title))
    return html[start : html.index("</li>", start)]


def test_full_event_shows_every_section(client, demo):
    response = client.get(FULL)
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    assert html.count("<h1") == 1
    for expected in (
        "Werkstatt Inklusion in Freiburg",
        "Experimentier- und Lernwerkstatt",
        "Termin 22. Oktober 2019",
        "Ort Freiburg im Breisgau",
        "Beispielinhalt",
        "Programm",
        "10:30 bis 12:00 Uhr: Impuls: Der Freiburger Leitfaden in der Praxis (Beispiel-Referentin, Stadtplanung)",
        "Inputs und Referierende",
        "Dokumentation",
        "Erkenntnisse",
        "Begehungen machen Barrieren sichtbar",
        "Bilder",
        "Downloads",
        "Ablauf der Werkstatt Inklusion (Beispiel)",
        "Passende Steckbriefe",
        "Auf dieser Seite",
    ):
        assert expected in text, expected
    assert '<time datetime="2019-10-22">22. Oktober 2019</time>' in html
    assert 'href="/steckbriefe/kategorie/inklusion/"' in html
    assert 'href="/termine/werkstatt-inklusion-freiburg/kalender.ics"' in html
    # every image has a German alt text
    images = re.findall(r"<img [^>]*>", html)
    assert len(images) == 2
    assert all(re.search(r'alt="Grafik: [^"]+"', tag) for tag in images)


def test_heading_levels_have_no_gaps(client, demo):
    html = client.get(FULL).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_members_only_download_is_hidden_from_visitors(client, demo):
    html = client.get(FULL).content.decode()
    assert "Ablauf der Werkstatt Inklusion (Beispiel)" in html
    assert "Interne Auswertung der Werkstatt Inklusion" not in html
    assert "Nur für Mitglieder" not in html


def test_members_only_download_is_labelled_for_members(client, demo):
    client.force_login(member())
    response = client.get(FULL)
    html = response.content.decode()
    members_item = _item(html, "Interne Auswertung der Werkstatt Inklusion")
    public_item = _item(html, "Ablauf der Werkstatt Inklusion (Beispiel)")
    assert "Nur für Mitglieder" in members_item
    assert "Nur für Mitglieder" not in public_item
    assert "private" in response["Cache-Control"]


def test_month_precision_event(client, demo):
    html = client.get(MONTH).content.decode()
    assert "Mai 2020 (genauer Tag nicht bekannt)" in _text(html)
    assert '<time datetime="2020-05">Mai 2020</time>' in html
    assert 'href="/termine/webinar-digitalisierung/kalender.ics"' in html


def test_period_event_has_no_calendar_file(client, demo):
    html = client.get(PERIOD).content.decode()
    assert "2. Halbjahr 2020 (geplant)" in _text(html)
    assert "kalender.ics" not in html.replace('href="/termine/kalender.ics"', "")
    assert client.get(PERIOD + "kalender.ics").status_code == 404


def test_members_only_event_sends_visitors_to_sign_in(client, demo):
    response = client.get(MEMBERS_ONLY)
    assert response.status_code == 302
    assert response["Location"].startswith("/anmelden/?next=")
    client.force_login(member())
    response = client.get(MEMBERS_ONLY)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nur für Mitglieder" in html
    assert "Protokoll des Netzwerktreffens (Beispiel, nur für Mitglieder)" in html


@pytest.mark.parametrize(
    "path",
    ["/termine/gibt-es-nicht/", "/termine/werkstatt-inklusion-freiburg/unbekannt/", "/termine/seite/2/"],
)
def test_unknown_addresses_are_the_designed_404(client, demo, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.content.decode()


def test_draft_event_is_not_reachable(client, demo):
    page = make_event(title="Entwurf Holunder", slug="entwurf", publish=False)
    assert client.get("/termine/entwurf/").status_code == 404
    assert page.live is False


@pytest.mark.parametrize("query", ["%ff=%zz", "seite=abc", "=&&=", "x=" + "%" * 50])
def test_malformed_query_strings_on_the_event_page(demo, query):
    assert Client().get(f"{FULL}?{query}").status_code == 200


def test_related_steckbriefe_respect_visibility(client, demo):
    steckbriefe = SteckbriefPage.objects.live().order_by("path")
    public_ids = set(visible_pages(AnonymousUser(), steckbriefe).values_list("pk", flat=True))
    public = next(s for s in steckbriefe if s.pk in public_ids)
    restricted = next(s for s in steckbriefe if s.pk not in public_ids)
    make_event(slug="verweise", related=[public, restricted])

    html = client.get("/termine/verweise/").content.decode()
    assert public.title in html
    assert restricted.title not in html and restricted.url not in html

    client.force_login(member())
    html = client.get("/termine/verweise/").content.decode()
    assert "Nur für Mitglieder" in _item(html, restricted.title)
    assert "Nur für Mitglieder" not in _item(html, public.title)


def test_gallery_images_of_members_only_collections_are_hidden(client, demo):
    open_image = image("Offenes Bild", public_collection())
    closed_image = image("Internes Bild", members_collection())
    make_event(
        slug="galerie",
        gallery=raw(figure(open_image, "Offene Skizze Wacholder"), figure(closed_image, "Interne Skizze Mistel")),
    )
    html = client.get("/termine/galerie/").content.decode()
    assert "Offene Skizze Wacholder" in html
    assert "Interne Skizze Mistel" not in html
    client.force_login(member())
    assert "Interne Skizze Mistel" in client.get("/termine/galerie/").content.decode()


def test_deleted_download_does_not_break_the_page(client, demo):
    doc = document("Bald gelöscht", public_collection())
    make_event(slug="geloescht", downloads=raw(("document", doc.pk)))
    doc.delete()
    response = client.get("/termine/geloescht/")
    assert response.status_code == 200
    assert 'id="downloads"' not in response.content.decode()


def test_cancelled_event_says_so(client, demo):
    make_event(slug="abgesagt", status="cancelled", start_date=datetime.date(2021, 4, 1))
    text = _text(client.get("/termine/abgesagt/").content.decode())
    assert "1. April 2021 (abgesagt)" in text
    assert "Diese Veranstaltung wurde abgesagt." in text


def test_event_page_in_site_search(client, demo):
    html = client.get("/suche/", {"q": "Freiburger Leitfaden"}).content.decode()
    assert 'href="/termine/werkstatt-inklusion-freiburg/"' in html  # the title itself carries <mark> highlights


def test_demo_is_honest_about_dates(demo):
    events = {e.slug: e for e in EventPage.objects.all()}
    assert events["werkstatt-inklusion-freiburg"].start_date == datetime.date(2019, 10, 22)
    assert events["werkstatt-inklusion-freiburg"].date_precision == "day"
    assert events["abschlussveranstaltung"].start_date == datetime.date(2020, 11, 25)
    assert events["abschlussveranstaltung"].online
    assert events["webinar-digitalisierung"].date_precision == "month"
    for slug in ("werkstatt-mobilitaet-klimaschutz", "werkstatt-buergerengagement", "werkstatt-gutes-aelterwerden"):
        assert (events[slug].date_precision, events[slug].period_label, events[slug].status) == (
            "period",
            "2. Halbjahr 2020",
            "planned",
        )
    for slug in ("werkstatt-einstieg", "werkstatt-beteiligung", "werkstatt-strategie", "werkstatt-orte-der-begegnung"):
        assert events[slug].date_precision == "period"
    invented = [e for e in events.values() if e.programme or e.inputs or e.findings]
    assert invented and all(e.is_example for e in invented)
    assert all("Beispiel" in b.value["speaker"] for e in invented for b in e.inputs)
