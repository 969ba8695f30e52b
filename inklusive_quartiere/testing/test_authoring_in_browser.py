"""Authoring journeys in the editor, in Chromium, as the people who do them.

Every journey signs in with password and one-time code, fills every field and every block type of its page type
(images and documents uploaded through the choosers), saves a draft, submits it for review, and the editorial office
approves it; then a visitor opens the public page and finds what was entered. Any 5xx on the way fails the journey.
The city editor writes Steckbriefe and her city's contacts and neighbourhoods; the office writes news, events,
films, content and Leichte Sprache pages, the accessibility statement and the shared lists.

The journeys run against their own server (``authoring_site``), so the page checks of the browser pass keep seeing
the untouched demo content.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

from inklusive_quartiere.films.demo import _run

from .authoring import CITY_EDITOR, OFFICE
from .editor import Editor

pytestmark = pytest.mark.browser
# The fixtures authoring_site and person (a server of its own, signed-in people) live in testing/authoring.py.


# -- the site, the people and their files ---------------------------------------------------------------------------
@pytest.fixture(scope="session")
def files(tmp_path_factory):
    """Files a person uploads: a photo (unique pixels, so Wagtail's duplicate check stays quiet), a PDF, a video
    with captions."""
    from PIL import Image, ImageDraw
    from pypdf import PdfWriter

    directory = tmp_path_factory.mktemp("uploads")

    def photo(name: str) -> Path:
        rng = random.Random(name)
        image = Image.new("RGB", (1600, 1000), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        draw = ImageDraw.Draw(image)
        for _ in range(12):
            x, y = rng.randrange(1500), rng.randrange(900)
            draw.rectangle([x, y, x + 100, y + 100], fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        path = directory / f"{name}.jpg"
        image.save(path, quality=80)
        return path

    def pdf(name: str) -> Path:
        writer = PdfWriter()
        writer.add_blank_page(595, 842)
        path = directory / f"{name}.pdf"
        with path.open("wb") as handle:
            writer.write(handle)
        return path

    return {"photo": photo, "pdf": pdf, "dir": directory}


def _unique(title: str) -> str:
    return f"{title} {int(time.time() * 1000) % 100000:05d}"


def _page_id(editor: Editor) -> int:
    match = re.search(r"/admin/pages/(\d+)/", editor.page.url)
    assert match, editor.page.url
    return int(match.group(1))


def _page_id_of(editor: Editor, slug: str, page_type: str | None = None) -> int:
    """The id of the page with this slug, from the editor's own page API (what the explorer shows her)."""
    response = editor.page.request.get(f"{editor.base_url}/admin/api/main/pages/?slug={slug}")
    assert response.status == 200, response.status
    items = [item for item in response.json()["items"] if page_type in (None, item["meta"]["type"])]
    assert len(items) == 1, items
    return items[0]["id"]


def _slug(editor: Editor) -> str:
    """The address part Wagtail derived from the title (Einstellungen tab), read before saving."""
    return editor.page.locator("[name='slug']").input_value()


# -- the city editor: a complete Steckbrief, sent back once, then published --------------------------------------
def test_city_editor_writes_a_complete_steckbrief_and_the_office_publishes_it(person, files, authoring_site):
    base_url, _ = authoring_site
    title = _unique("Reparaturcafé im Bürgerhaus")
    coordinator = person(CITY_EDITOR)
    page = coordinator.page

    # Her start page offers a new Steckbrief for her city.
    coordinator.goto("/admin/")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Neuen Steckbrief anlegen")).first.click()
    assert "/admin/pages/add/steckbriefe/steckbriefpage/" in page.url

    # Überblick
    coordinator.fill("title", title)
    coordinator.fill(
        "summary", "Nachbarinnen und Nachbarn reparieren gemeinsam Geräte und Kleidung und lernen sich kennen."
    )
    counter = page.locator("#id_summary-zeichen")
    assert re.fullmatch(r"\d+ von 300 Zeichen", counter.inner_text().strip()), counter.inner_text()
    coordinator.tick("categories", "Bürgerengagement")
    coordinator.tick("categories", "Orte der Begegnung")
    coordinator.tick("target_groups", "Ältere Menschen")
    existing_neighbourhood = page.locator("[data-contentpath='neighbourhoods'] label").first.inner_text().strip()
    page.locator("[data-contentpath='neighbourhoods'] input[type='checkbox']").first.check()
    coordinator.fill("new_neighbourhoods", "Eselsberg-Süd")
    coordinator.select("start_date_month", "März")
    coordinator.fill("start_date_year", "2023")
    coordinator.select("status_history-0-status", "Idee / geplant")
    coordinator.fill_date("status_history-0-date", "2023-03-01")
    coordinator.fill("status_history-0-note", "Erste Idee im Quartiersrat")
    page.click("#id_status_history-ADD")
    coordinator.select("status_history-1-status", "Im Prozess")
    coordinator.fill_date("status_history-1-date", "2024-02-01")
    coordinator.fill("status_history-1-note", "Start im Bürgerhaus")

    # Inhalt: seven text sections and the steps
    coordinator.tab("Inhalt")
    coordinator.rich_text("description", "Einmal im Monat öffnet das Reparaturcafé.", "Ehrenamtliche helfen dabei.")
    coordinator.rich_text("aims", "Weniger Müll und mehr Begegnung im Quartier.")
    step = coordinator.add_block("steps")
    coordinator.fill(f"{step}-title", "Einen Raum finden")
    coordinator.fill(f"{step}-text", "Das Bürgerhaus stellt den Saal kostenlos zur Verfügung.")
    step = coordinator.add_block("steps")
    coordinator.fill(f"{step}-title", "Helfende gewinnen")
    coordinator.fill(f"{step}-text", "Aufruf im Amtsblatt und im Seniorentreff.")
    coordinator.rich_text("success_factors", "Feste Termine und eine Kaffeetafel.")
    coordinator.rich_text("stumbling_blocks", "Haftungsfragen waren anfangs ungeklärt.")
    coordinator.rich_text("transferability", "Geht überall, wo es einen Raum und Werkzeug gibt.")
    coordinator.rich_text("results", "Im ersten Jahr 240 reparierte Geräte.")

    # Aufwand
    coordinator.tab("Aufwand")
    coordinator.select("cost_band", "unter 5\u00a0000\u00a0€")
    coordinator.select("staff_effort", "gering (unter 0,25 Stellen)")
    coordinator.select("duration", "kurz (unter 6 Monaten)")
    coordinator.tick("funding_programmes", "Stiftungsmittel")
    coordinator.fill("partners", "Seniorenbeirat\nRepair-Initiative im Quartier")

    # Bilder und Downloads: the lead image ("Titelbild", uploaded, described, credited), a photo uploaded with its
    # description, a library image marked decorative, a PDF
    coordinator.tab("Bilder und Downloads")
    coordinator.choose_image("lead_image", upload=files["photo"]("titelbild"), title="Titelbild Reparaturcafé")
    assert page.locator("[name='lead_image_alt']").input_value() == "", "the lead image's alt text is not pre-filled"
    coordinator.fill("lead_image_alt", "Eine Frau und ein Mann öffnen gemeinsam das Gehäuse eines Radios.")
    coordinator.fill("lead_image_credit", "Foto: Stadtredaktion Ulm (Beispiel)")
    figure = coordinator.add_block("gallery")
    coordinator.choose_image(f"{figure}-image-image", upload=files["photo"]("reparaturtisch"), title="Reparaturtisch")
    alt_field = page.locator(f"[name='{figure}-image-alt_text']")
    assert alt_field.input_value() == "", "alt text must not be pre-filled from the image's title"
    coordinator.fill(f"{figure}-image-alt_text", "Drei Menschen reparieren an einem langen Tisch einen Toaster.")
    coordinator.fill(f"{figure}-caption", "Reparaturtisch im Bürgerhaus")
    coordinator.fill(f"{figure}-credit", "Foto: Beispiel")
    decorative = coordinator.add_block("gallery")
    coordinator.choose_image(f"{decorative}-image-image", title="Quartiersplatz in Ulm")
    assert page.locator(f"[name='{decorative}-image-alt_text']").input_value() == ""
    page.locator(f"[name='{decorative}-image-decorative']").check()
    coordinator.fill(f"{decorative}-caption", "Der Platz vor dem Bürgerhaus")
    download = coordinator.add_block("downloads")
    coordinator.choose_document(download, upload=files["pdf"]("ablaufplan"), title="Ablaufplan Reparaturcafé")

    # Kontakt und Verweise
    coordinator.tab("Kontakt und Verweise")
    coordinator.choose_in_modal(
        page.locator("[data-contentpath='contact'] button.chooser__choose-button").first, ["Katrin Wendler"]
    )
    opener = page.locator("#id_related_steckbrief_links-OPEN_MODAL")
    assert opener.inner_text().strip() == "Steckbrief hinzufügen"
    coordinator.choose_in_modal(opener, ["Kühle Orte", "Nachbarschaftscafé im leerstehenden"], multiple=True)
    chosen = page.locator(".chooser__title", has_text="Kühle Orte").first.inner_text()
    assert "Bad Krozingen" in chosen, chosen  # the city is shown with the title
    coordinator.fill_date("last_reviewed", "2025-11-03")

    # Einstellungen
    coordinator.tab("Einstellungen")
    coordinator.fill("seo_title", "Reparaturcafé – Steckbrief aus Ulm")
    coordinator.fill("search_description", "Gemeinsam reparieren im Quartier.")
    page.locator("[name='is_example']").check()

    coordinator.save_draft()
    page_id = _page_id(coordinator)
    coordinator.submit_for_review()

    # The office sends it back with a comment ...
    office = person(OFFICE)
    office.goto("/admin/")
    assert title in office.page.locator("main").inner_text(), "the submission is not on the office's start page"
    office.goto(f"/admin/pages/{page_id}/edit/")
    office.request_changes("Bitte die Kosten genauer angeben.")

    # ... she sees the comment on her start page, corrects and resubmits ...
    coordinator.goto("/admin/")
    start_page = page.locator("main").inner_text()
    assert "Bitte die Kosten genauer angeben." in start_page and title in start_page
    coordinator.goto(f"/admin/pages/{page_id}/edit/")
    coordinator.tab("Aufwand")
    coordinator.select("cost_band", "5\u00a0000 – 25\u00a0000\u00a0€")
    coordinator.submit_for_review()

    # ... and the office approves and publishes.
    office.goto(f"/admin/pages/{page_id}/edit/")
    office.approve()

    for editor in (coordinator, office):
        editor.assert_no_server_errors()

    # A visitor finds everything that was entered.
    visitor = person(None)
    visitor.goto("/stadtlabore/ulm/")
    link = visitor.page.locator("main a", has_text=title).first
    path = link.get_attribute("href")
    visitor.goto(path)
    main = visitor.page.locator("main")
    text = main.inner_text()
    for expected in [
        title,
        "Nachbarinnen und Nachbarn reparieren gemeinsam",
        "Bürgerengagement",
        "Orte der Begegnung",
        "Ältere Menschen",
        "Eselsberg-Süd",
        existing_neighbourhood,
        "Im Prozess",
        "März 2023",
        "Einmal im Monat öffnet das Reparaturcafé.",
        "Weniger Müll und mehr Begegnung",
        "Einen Raum finden",
        "Helfende gewinnen",
        "Feste Termine und eine Kaffeetafel.",
        "Haftungsfragen waren anfangs ungeklärt.",
        "Geht überall, wo es einen Raum",
        "Im ersten Jahr 240 reparierte Geräte.",
        "5\u00a0000 – 25\u00a0000\u00a0€",
        "gering (unter 0,25 Stellen)",
        "Stiftungsmittel",
        "Seniorenbeirat",
        "Reparaturtisch im Bürgerhaus",
        "Foto: Beispiel",
        "Foto: Stadtredaktion Ulm (Beispiel)",
        "Ablaufplan Reparaturcafé",
        "Katrin Wendler",
        "Kühle Orte",
        "Nachbarschaftscafé im leerstehenden Ladenlokal",
        "Erste Idee im Quartiersrat",
        "3. November 2025",
    ]:
        assert expected in text, f"{expected!r} missing on the public Steckbrief"
    assert "Beispiel" in text  # invented content is marked as such
    images = main.locator("img")
    alts = [images.nth(i).get_attribute("alt") for i in range(images.count())]
    assert "Drei Menschen reparieren an einem langen Tisch einen Toaster." in alts
    # the lead image: a responsive picture at the top, loaded at once; every source answers
    lead = main.locator("picture img").first
    assert lead.get_attribute("alt") == "Eine Frau und ein Mann öffnen gemeinsam das Gehäuse eines Radios."
    assert lead.get_attribute("fetchpriority") == "high" and lead.get_attribute("width")
    assert lead.evaluate("img => img.complete && img.naturalWidth > 0"), "the lead image did not load"
    sources = main.locator("picture source").evaluate_all("sources => sources.map(s => s.srcset)")
    assert len(sources) == 2 and "avif" in sources[0] and "webp" in sources[1]
    for srcset in sources:
        first = srcset.split(",")[0].split()[0]
        assert visitor.page.request.get(base_url + first).status == 200, first
    assert "" in alts  # the decorative image
    for index in range(images.count()):
        src = images.nth(index).get_attribute("src")
        assert visitor.page.request.get(base_url + src if src.startswith("/") else src).status == 200, src
    pdf_link = main.locator("a", has_text="Ablaufplan Reparaturcafé").first.get_attribute("href")
    response = visitor.page.request.get(base_url + pdf_link if pdf_link.startswith("/") else pdf_link)
    assert response.status == 200 and response.body()[:5] == b"%PDF-"
    council_pdf = visitor.page.request.get(base_url + path.rstrip("/") + "/pdf/")
    assert council_pdf.status == 200 and council_pdf.body()[:5] == b"%PDF-"
    visitor.assert_no_server_errors()


# -- the editorial office --------------------------------------------------------------------------------------------
def _through_review(office: Editor) -> int:
    """Save a draft, submit it for review, approve it: the path every page takes. Returns the page id."""
    office.save_draft()
    page_id = _page_id(office)
    office.submit_for_review()
    office.goto(f"/admin/pages/{page_id}/edit/")
    office.approve()
    return page_id


def _fill_body(office: Editor, files, stream: str = "body", *, tag: str):
    """Every block type of the body stream (core.blocks.BodyStreamBlock)."""
    heading = office.add_block(stream, "Überschrift")
    office.fill(f"{heading}-text", f"Was wir gelernt haben {tag}")
    office.page.locator(f"[name='{heading}-level']").select_option("h2")
    paragraph = office.add_block(stream, "Text")
    office.block_rich_text(paragraph, f"Absatz mit den wichtigsten Ergebnissen {tag}.")
    figure = office.add_block(stream, "Bild")
    office.choose_image(f"{figure}-image-image", upload=files["photo"](f"body-{tag}"), title=f"Werkstattfoto {tag}")
    office.fill(f"{figure}-image-alt_text", f"Menschen sitzen im Kreis und sprechen miteinander {tag}.")
    office.fill(f"{figure}-caption", f"Gesprächsrunde {tag}")
    office.fill(f"{figure}-credit", "Foto: Beispiel")
    table = office.add_block(stream, "Tabelle")
    office.fill_table(
        table,
        header="Die erste Zeile als Überschrift anzeigen",
        caption=f"Teilnehmende nach Stadt {tag}",
        rows=[["Stadt", "Personen"], ["Ulm", "12"], ["Konstanz", "9"]],
    )
    quote = office.add_block(stream, "Zitat")
    office.fill(f"{quote}-quote", f"Wir haben voneinander gelernt {tag}.")
    office.fill(f"{quote}-attribution", "Teilnehmerin (Beispiel)")
    action = office.add_block(stream, "Handlungsaufforderung")
    office.fill(f"{action}-title", f"Mitmachen {tag}")
    office.fill(f"{action}-text", "Schreiben Sie uns, wenn Ihre Stadt dabei sein möchte.")
    office.fill(f"{action}-url", "https://example.org/mitmachen")
    office.fill(f"{action}-link_text", f"Zur Anmeldung für Städte {tag}")
    downloads = office.add_block(stream, "Downloads")
    office.fill(f"{downloads}-heading", f"Unterlagen {tag}")
    office.choose_document(
        f"{downloads}-documents-0-value", upload=files["pdf"](f"unterlagen-{tag}"), title=f"Protokoll {tag}"
    )
    return [
        f"Was wir gelernt haben {tag}",
        f"Absatz mit den wichtigsten Ergebnissen {tag}.",
        f"Gesprächsrunde {tag}",
        f"Teilnehmende nach Stadt {tag}",
        "Konstanz",
        f"Wir haben voneinander gelernt {tag}.",
        f"Zur Anmeldung für Städte {tag}",
        f"Protokoll {tag}",
    ], f"Menschen sitzen im Kreis und sprechen miteinander {tag}."


def _visitor_checks(person, path: str, expected: list[str], alt: str | None = None) -> str:
    visitor = person(None)
    response = visitor.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    text = visitor.page.locator("main").inner_text()
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing on {path}: {missing}"
    if alt is not None:
        alts = visitor.page.locator("main img").evaluate_all("images => images.map(i => i.alt)")
        assert alt in alts, alts
    visitor.assert_no_server_errors()
    return text


def test_office_writes_a_content_page_with_every_block_type(person, files):
    office = person(OFFICE)
    title = _unique("Werkstattbericht")
    office.goto(f"/admin/pages/add/core/contentpage/{_page_id_of(office, 'projekt')}/")
    office.fill("title", title)
    office.fill("intro", "Ein Bericht aus der Werkstatt des Netzwerks.")
    expected, alt = _fill_body(office, files, tag="A")
    office.tab("Einstellungen")
    office.page.locator("[name='is_example']").check()
    slug = _slug(office)
    _through_review(office)
    _visitor_checks(person, f"/projekt/{slug}/", [title, "Ein Bericht aus der Werkstatt", *expected], alt)


def test_office_writes_a_news_item(person, files):
    office = person(OFFICE)
    title = _unique("Neue Werkstatt zur Nachbarschaftshilfe")
    office.goto(f"/admin/pages/add/news/newspage/{_page_id_of(office, 'neuigkeiten')}/")
    office.fill("title", title)
    office.fill_date("date", "2026-11-20")
    office.fill("teaser", "Die Städte des Netzwerks haben sich zur Nachbarschaftshilfe ausgetauscht.")
    lead = office.add_block("image")
    office.choose_image(f"{lead}-image-image", upload=files["photo"]("news-lead"), title="Austausch in der Werkstatt")
    office.fill(f"{lead}-image-alt_text", "Zwei Frauen zeigen auf eine Karte des Quartiers.")
    office.fill(f"{lead}-caption", "Austausch über die Quartierskarte")
    office.fill(f"{lead}-credit", "Foto: Beispiel")
    office.page.locator("[data-contentpath='categories'] input[type='checkbox']").first.check()
    expected, alt = _fill_body(office, files, tag="N")
    office.choose_in_modal(
        office.page.locator("#id_related_steckbrief_links-OPEN_MODAL"),
        ["Nachbarschaftscafé im leerstehenden"],
        multiple=True,
    )
    office.tab("Einstellungen")
    office.page.locator("[name='is_example']").check()
    slug = _slug(office)
    _through_review(office)
    _visitor_checks(
        person,
        f"/neuigkeiten/{slug}/",
        [title, "Austausch über die Quartierskarte", "Nachbarschaftscafé im leerstehenden Ladenlokal", *expected],
        "Zwei Frauen zeigen auf eine Karte des Quartiers.",
    )
    listing = _visitor_checks(person, "/neuigkeiten/", [title])
    assert "Die Städte des Netzwerks haben sich" in listing


def test_office_documents_a_workshop(person, files):
    office = person(OFFICE)
    page = office.page
    title = _unique("Werkstatt Quartiersräume")
    office.goto(f"/admin/pages/add/events/eventpage/{_page_id_of(office, 'termine')}/")
    office.fill("title", title)
    office.fill("summary", "Die Städte tauschen sich über Räume für Begegnung aus.")
    page.locator("select[name='kind']").select_option(index=1)
    office.select("status", "Findet statt / hat stattgefunden")
    office.tab("Termin und Ort")
    office.select("date_precision", "Tag bekannt")
    office.fill_date("start_date", "2025-06-17")
    office.fill("start_time", "10:00")
    page.locator("[name='start_time']").press("Escape")
    office.fill("end_time", "15:30")
    page.locator("[name='end_time']").press("Escape")
    office.fill("place", "Bürgerhaus Mitte, Ulm (Beispiel)")
    office.tab("Programm")
    office.fill("format", "Werkstatt mit Kurzinputs und Tischgruppen")
    item = office.add_block("programme")
    office.fill(f"{item}-start", "10:00")
    page.locator(f"[name='{item}-start']").press("Escape")
    office.fill(f"{item}-end", "10:30")
    page.locator(f"[name='{item}-end']").press("Escape")
    office.fill(f"{item}-title", "Ankommen und Vorstellungsrunde")
    office.fill(f"{item}-speaker", "Moderation (Beispiel)")
    contribution = office.add_block("inputs")
    office.fill(f"{contribution}-title", "Ein Laden wird Treffpunkt")
    office.fill(f"{contribution}-speaker", "Erika Beispiel")
    office.fill(f"{contribution}-role", "Quartiersmanagement (erfunden)")
    office.fill(f"{contribution}-text", "Wie ein leerer Laden zum Nachbarschaftscafé wurde.")
    office.tab("Dokumentation")
    office.rich_text("documentation", "Die Werkstatt zeigte, wie Räume im Quartier geteilt werden können.")
    finding = office.add_block("findings")
    office.fill(f"{finding}", "Räume brauchen eine Person, die den Schlüssel hat und einlädt.")
    office.tab("Bilder und Downloads")
    figure = office.add_block("gallery")
    office.choose_image(f"{figure}-image-image", upload=files["photo"]("event"), title="Tischgruppe Werkstatt")
    office.fill(f"{figure}-image-alt_text", "Sechs Menschen an einem Tisch mit Plakaten.")
    office.fill(f"{figure}-caption", "Tischgruppe zur Raumfrage")
    download = office.add_block("downloads")
    office.choose_document(download, upload=files["pdf"]("werkstatt-programm"), title="Programm der Werkstatt")
    office.tab("Verweise")
    office.choose_in_modal(
        page.locator("#id_related_steckbrief_links-OPEN_MODAL"), ["Nachbarschaftscafé im"], multiple=True
    )
    office.tab("Einstellungen")
    page.locator("[name='is_example']").check()
    slug = _slug(office)
    _through_review(office)
    _visitor_checks(
        person,
        f"/termine/{slug}/",
        [
            title,
            "17. Juni 2025",
            "Bürgerhaus Mitte, Ulm (Beispiel)",
            "Ankommen und Vorstellungsrunde",
            "Ein Laden wird Treffpunkt",
            "Räume brauchen eine Person",
            "Die Werkstatt zeigte",
            "Tischgruppe zur Raumfrage",
            "Programm der Werkstatt",
            "Nachbarschaftscafé im leerstehenden Ladenlokal",
        ],
        "Sechs Menschen an einem Tisch mit Plakaten.",
    )
    ical = person(None).page.request.get(f"{office.base_url}/termine/{slug}/kalender.ics")
    assert ical.status == 200 and title.encode() in ical.body()


def test_office_publishes_a_film_with_captions(person, files):
    video = files["dir"] / "film.mp4"
    _run(
        [
            "-y", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25:duration=2",
            "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono", "-t", "2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
            str(video),
        ]
    )  # fmt: skip
    captions = files["dir"] / "film.vtt"
    captions.write_text("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nWillkommen im Quartier.\n", encoding="utf-8")

    office = person(OFFICE)
    page = office.page
    title = _unique("Film aus der Werkstatt")
    office.goto(f"/admin/pages/add/films/filmpage/{_page_id_of(office, 'filme')}/")
    office.fill("title", title)
    office.fill("summary", "Ein kurzer Film über die Werkstatt zu Quartiersräumen.")
    page.locator("[data-contentpath='video'] button.chooser__choose-button").click()
    modal = office._modal()
    modal.locator("[role='tab']", has_text="hochladen").first.click()
    modal.locator("input[name='media-chooser-upload-file']").set_input_files(str(video))
    modal.locator("input[name='media-chooser-upload-title']").fill(f"Video {title}")
    modal.locator("button[type='submit']", has_text="Hochladen").click()
    page.wait_for_function("document.querySelector(\"input[name='video']\").value !== ''", timeout=60_000)
    office._wait_modal_closed()
    page.locator("input[name='captions']").set_input_files(str(captions))
    office.rich_text("transcript", "Willkommen im Quartier.")
    office.choose_image("poster", upload=files["photo"]("poster"), title="Vorschaubild Werkstattfilm")
    office.fill("poster_alt", "Standbild: ein Saal mit Stuhlkreis.")
    page.locator("[data-contentpath='city'] button.chooser__choose-button").click()
    modal = office._modal()
    modal.locator("input[name='q']").fill("Ulm")
    modal.locator("a", has_text=re.compile(r"^\s*Ulm\s*$")).first.click()
    office._wait_modal_closed()
    office.tab("Einstellungen")
    page.locator("[name='is_example']").check()
    slug = _slug(office)
    _through_review(office)
    visitor = person(None)
    visitor.goto(f"/filme/{slug}/")
    text = visitor.page.locator("main").text_content()  # the transcript sits in a closed disclosure
    assert title in text and "Willkommen im Quartier." in text
    track = visitor.page.locator("video track").first.get_attribute("src")
    assert visitor.page.request.get(office.base_url + track).status == 200
    source = visitor.page.locator("video source, video[src]").first
    src = source.get_attribute("src")
    assert visitor.page.request.get(office.base_url + src, headers={"Range": "bytes=0-99"}).status in (200, 206)
    visitor.assert_no_server_errors()


def test_office_writes_a_leichte_sprache_page(person, files):
    office = person(OFFICE)
    title = _unique("Was ist ein Quartier")
    office.goto(f"/admin/pages/add/accessibility/easylanguagepage/{_page_id_of(office, 'leichte-sprache')}/")
    office.fill("title", title)
    office.fill("intro", "Hier lesen Sie, was ein Quartier ist.")
    heading = office.add_block("body", "Überschrift")
    office.fill(heading, "Ein Quartier ist ein Teil von einer Stadt.")
    text = office.add_block("body", "Text")
    office.fill(text, "In einem Quartier wohnen viele Menschen.")
    term = office.add_block("body", "Wort-Erklärung")
    office.fill(f"{term}-term", "Quartier")
    office.fill(f"{term}-explanation", "Das Wort Quartier spricht man so: Kar-tier.")
    items = office.add_block("body", "Liste")
    office.fill(f"{items}-0-value", "Häuser")
    picture = office.add_block("body", "Bild")
    office.choose_image(f"{picture}-image", upload=files["photo"]("leichte-sprache"), title="Häuser im Quartier")
    office.fill(f"{picture}-alt_text", "Viele bunte Häuser an einer Straße.")
    office.fill(f"{picture}-caption", "Häuser im Quartier")
    link = office.add_block("body", "Link")
    office.fill(f"{link}-link_text", "Zu den Steckbriefen")
    office.fill(f"{link}-url", "/steckbriefe/")
    office.add_block("body", "Link „Barriere melden“")
    office.tab("Einstellungen")
    office.page.locator("[name='is_example']").check()
    slug = _slug(office)
    _through_review(office)
    _visitor_checks(
        person,
        f"/leichte-sprache/{slug}/",
        [title, "In einem Quartier wohnen viele Menschen.", "Kar-tier", "Häuser", "Zu den Steckbriefen"],
        "Viele bunte Häuser an einer Straße.",
    )


def test_office_updates_the_accessibility_statement(person):
    office = person(OFFICE)
    page = office.page
    statement = _page_id_of(office, "barrierefreiheit", "accessibility.AccessibilityStatementPage")
    office.goto(f"/admin/pages/{statement}/edit/")
    barrier_title = _unique("Formular ohne Zeitverlängerung")
    barrier = office.add_block("known_barriers")
    office.fill(f"{barrier}-title", barrier_title)
    office.fill(f"{barrier}-description", "Das Anmeldeformular läuft nach einer Stunde ab.")
    page.locator(f"select[name='{barrier}-reason']").select_option(index=1)
    office.fill(f"{barrier}-justification", "Die Sitzung endet aus Sicherheitsgründen.")
    office.fill(f"{barrier}-planned_fix", "Eine Warnung vor dem Ablauf ist geplant.")
    office.fill(f"{barrier}-alternative", "Sie erreichen die Redaktion auch per Telefon.")
    office.fill_date("reviewed_on", "2026-11-30")
    _through_review(office)
    _visitor_checks(person, "/barrierefreiheit/", [barrier_title, "Eine Warnung vor dem Ablauf ist geplant."])


@pytest.mark.parametrize(
    ("model", "listing_path"),
    [
        ("steckbriefe/category", "/steckbriefe/"),
        ("steckbriefe/targetgroup", "/steckbriefe/"),
        ("steckbriefe/fundingprogramme", "/steckbriefe/"),
        ("news/newscategory", None),
    ],
)
def test_office_adds_to_the_shared_lists(person, model, listing_path):
    office = person(OFFICE)
    page = office.page
    name = _unique("Neuer Eintrag")
    office.goto(f"/admin/snippets/{model}/add/")
    office.fill("name", name)
    office.fill("slug", re.sub(r"\W+", "-", name.lower()).strip("-"))
    if office.field("description").count():
        office.fill("description", "Eine Beschreibung für die Redaktion.")
    office.save()
    office.goto(f"/admin/snippets/{model}/")
    assert name in page.locator("main").inner_text()
    office.assert_no_server_errors()


# -- the city editor's own lists ----------------------------------------------------------------------------------
def _add_for_her_city(coordinator: Editor, model: str, fields: dict[str, str], example: bool = False) -> None:
    """Add a city-owned entry: the city choice offers her city only; the new entry is in her listing."""
    coordinator.goto(f"/admin/snippets/{model}/add/")
    options = coordinator.field("city").locator("option").all_inner_texts()
    assert [option.strip() for option in options] == ["Ulm"], options
    for name, value in fields.items():
        coordinator.fill(name, value)
    if example:
        coordinator.field("is_example").check()
    coordinator.save()
    coordinator.goto(f"/admin/snippets/{model}/")
    listing = coordinator.page.locator("main").inner_text()
    assert fields["name"] in listing and "Konstanz" not in listing


def test_city_editor_adds_a_contact_and_a_neighbourhood_for_her_city_only(person):
    coordinator = person(CITY_EDITOR)
    contact = {
        "name": _unique("Beispiel-Ansprechperson"),
        "role": "Quartiersmanagement",
        "organisation": "Stadt Ulm (Beispiel)",
        "phone": "0000 000000",
        "email": "beispiel@example.org",
    }
    _add_for_her_city(coordinator, "steckbriefe/contactperson", contact, example=True)
    neighbourhood = {
        "name": _unique("Kuhberg-Nord"),
        "description": "Erfundenes Beispielquartier am Hang.",
        "residents": "4200",
        "share_65_plus": "23",
        "focus_themes": "Begegnung, Mobilität",
    }
    _add_for_her_city(coordinator, "cities/neighbourhood", neighbourhood)
    coordinator.assert_no_server_errors()


def test_office_adds_a_city_and_its_editors_group_follows(person):
    office = person(OFFICE)
    page = office.page
    name = _unique("Beispielstadt")
    office.goto(
        f"/admin/pages/add/cities/citypage/{_page_id_of(office, 'stadtlabore-vor-ort', 'cities.CityIndexPage')}/"
    )
    office.fill("title", name)
    office.fill("intro", "Eine erfundene Stadt, die dem Netzwerk neu beitritt.")
    page.locator("select[name='network']").select_option(index=2)
    page.locator("select[name='regierungsbezirk']").select_option(index=1)
    office.fill("district", "Landkreis Beispiel")
    office.fill("inhabitants", "23500")
    office.fill("latitude", "48.50000")
    office.fill("longitude", "9.20000")
    office.fill("departments", "Amt für Soziales\nStadtplanungsamt")
    office.choose_in_modal(
        page.locator("[data-contentpath='contact'] button.chooser__choose-button"), ["Katrin Wendler"]
    )
    office.tab("Einstellungen")
    page.locator("[name='is_example']").check()
    slug = _slug(office)
    _through_review(office)
    text = _visitor_checks(
        person,
        f"/stadtlabore-vor-ort/{slug}/",
        [name, "Eine erfundene Stadt", "Landkreis Beispiel", "Amt für Soziales", "Stadtplanungsamt", "Katrin Wendler"],
    )
    assert re.search(r"23\W?500", text), "inhabitants missing"
    office.goto("/admin/groups/")
    assert f"Stadtredaktion {name}" in page.locator("main").inner_text()
    office.assert_no_server_errors()


def test_city_editor_updates_her_city_page(person):
    coordinator = person(CITY_EDITOR)
    line = _unique("Quartiersbüro Weststadt")
    coordinator.goto(f"/admin/pages/{_page_id_of(coordinator, 'ulm')}/edit/")
    departments = coordinator.field("departments")
    departments.fill(departments.input_value() + "\n" + line)
    coordinator.save_draft()
    coordinator.submit_for_review()
    office = person(OFFICE)
    office.goto(f"/admin/pages/{_page_id_of(office, 'ulm')}/edit/")
    office.approve()
    _visitor_checks(person, "/stadtlabore/ulm/", [line])


def test_office_edits_the_contact_details_in_the_footer(person):
    office = person(OFFICE)
    office.goto("/admin/settings/core/sitesettings/")
    phone = f"0711 {int(time.time()) % 1000000:06d}"
    office.fill("phone", phone)
    office.save()
    footer = person(None)
    footer.goto("/")
    assert phone in footer.page.locator("footer").inner_text()


@pytest.mark.parametrize(
    ("slug", "page_type", "path"),
    [
        ("start", "core.HomePage", "/"),
        ("steckbriefe", "catalogue.CataloguePage", "/steckbriefe/"),
        ("stadtlabore", "cities.CityIndexPage", "/stadtlabore/"),
        ("filme", "films.FilmIndexPage", "/filme/"),
        ("termine", "events.EventIndexPage", "/termine/"),
        ("neuigkeiten", "news.NewsIndexPage", "/neuigkeiten/"),
        ("gebaerdensprache", "films.SignLanguagePage", "/gebaerdensprache/"),
    ],
    ids=lambda value: value if isinstance(value, str) and "." in value else "",
)
def test_office_edits_the_introduction_of_each_single_page(person, slug, page_type, path):
    """The pages that exist once (home, catalogue, overviews, Gebärdensprache): the office changes the
    introduction, and it goes through the same review as everything else."""
    office = person(OFFICE)
    office.goto(f"/admin/pages/{_page_id_of(office, slug, page_type)}/edit/")
    sentence = _unique("Neu in diesem Monat: Berichte aus drei Städten.")
    intro = office.field("intro")
    intro.fill(sentence + " " + intro.input_value())
    _through_review(office)
    _visitor_checks(person, path, [sentence])
