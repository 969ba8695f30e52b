"""Demo content: the overview "Termine und Werkstätten" and the workshops of the real project.

Real (from the project's public facts): the workshop topics, the inclusion workshop in Freiburg on
22 October 2019, the digitalisation webinar in May 2020 (day unknown), the online closing event on
25 November 2020, the three topics planned for the second half of 2020, and the format of the day.
Where no date is known the page says so ("Zwischen Mai 2019 und November 2020"); no day is invented.

Invented (``is_example=True``, people named as examples): programmes, inputs, findings, documentation,
files and images, a public online consultation hour and a members-only network meeting.
"""

from __future__ import annotations

import datetime
import io
import json
import math

from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, PageViewRestriction

from inklusive_quartiere.core.demo_support import ensure_child, rich, stream
from inklusive_quartiere.core.models import HomePage
from inklusive_quartiere.core.visibility import visible_pages
from inklusive_quartiere.taxonomy.models import Category

from .models import EventIndexPage, EventPage

PUBLIC_COLLECTION = "Werkstätten und Termine"
FORMAT = (
    "Ganztägige Werkstatt: vormittags Impulse aus Forschung und Praxis, nachmittags entwickeln die Städte "
    "Formate für ihre eigenen Quartiere."
)
UNKNOWN_PERIOD = ("Zwischen Mai 2019 und November 2020", datetime.date(2019, 5, 1), datetime.date(2020, 11, 30))
SECOND_HALF_2020 = ("2. Halbjahr 2020", datetime.date(2020, 7, 1), datetime.date(2020, 12, 31))

# The workshops whose day is not known: (slug, title, category slug, period, status).
WORKSHOPS_WITHOUT_DAY = [
    (
        "werkstatt-mobilitaet-klimaschutz",
        "Werkstatt Mobilität und Klimaschutz",
        "mobilitaet-und-klimaschutz",
        SECOND_HALF_2020,
        "planned",
    ),
    ("werkstatt-buergerengagement", "Werkstatt Bürgerengagement", "buergerengagement", SECOND_HALF_2020, "planned"),
    (
        "werkstatt-gutes-aelterwerden",
        "Werkstatt Gutes Älterwerden im Quartier",
        "gutes-aelterwerden-im-quartier",
        SECOND_HALF_2020,
        "planned",
    ),
    (
        "werkstatt-einstieg",
        "Werkstatt Einstieg in die Quartiersentwicklung",
        "einstieg-in-die-quartiersentwicklung",
        UNKNOWN_PERIOD,
        "confirmed",
    ),
    ("werkstatt-beteiligung", "Werkstatt Beteiligungskultur", "beteiligungskultur", UNKNOWN_PERIOD, "confirmed"),
    ("werkstatt-strategie", "Werkstatt Stadtweite Strategie", "strategie", UNKNOWN_PERIOD, "confirmed"),
    ("werkstatt-orte-der-begegnung", "Werkstatt Orte der Begegnung", "orte-der-begegnung", UNKNOWN_PERIOD, "confirmed"),
    ("werkstatt-innovationsmethoden", "Werkstatt Innovationsmethoden", "innovation", UNKNOWN_PERIOD, "confirmed"),
]

INDEX_INTRO = (
    "Von Mai 2019 bis November 2020 trafen sich die StadtLabore zu ganztägigen Experimentier- und "
    "Lernwerkstätten. Hier stehen die Termine – so genau, wie sie bekannt sind – und was die Städte "
    "aus den Werkstätten mitgenommen haben."
)


def _raw(*blocks) -> list[dict]:
    """StreamField data (as stored) from (block_type, value) pairs."""
    return json.loads(stream(*blocks))


def _picture(kind: str) -> bytes:
    """Simple generated pictures (shapes only): demo images are drawn here, never downloaded."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 640), (246, 244, 238))
    draw = ImageDraw.Draw(image)
    if kind == "pinboards":
        colours = [(241, 196, 15), (93, 173, 226), (88, 214, 141), (245, 176, 65), (236, 112, 99)]
        for board in range(3):
            left = 60 + board * 300
            draw.rectangle([left, 120, left + 240, 520], fill=(250, 250, 250), outline=(120, 120, 120), width=4)
            for row in range(4):
                for col in range(2):
                    x, y = left + 20 + col * 110, 150 + row * 90
                    draw.rectangle([x, y, x + 90, y + 60], fill=colours[(board + row + col) % len(colours)])
    elif kind == "circle":
        draw.ellipse([380, 220, 580, 420], fill=(160, 110, 70))
        for seat in range(12):
            angle = 2 * math.pi * seat / 12
            x, y = 480 + 250 * math.cos(angle), 320 + 250 * math.sin(angle)
            draw.rectangle([x - 28, y - 28, x + 28, y + 28], fill=(40, 110, 160))
    else:  # "screen": a video conference with nine tiles
        draw.rectangle([120, 60, 840, 520], fill=(40, 44, 52))
        draw.rectangle([420, 520, 540, 580], fill=(90, 90, 90))
        for row in range(3):
            for col in range(3):
                x, y = 150 + col * 225, 90 + row * 140
                draw.rectangle([x, y, x + 205, y + 120], fill=(70 + 30 * row, 120 + 20 * col, 150))
                draw.ellipse([x + 80, y + 25, x + 125, y + 70], fill=(240, 220, 190))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _collections() -> tuple[Collection, Collection]:
    from inklusive_quartiere.members.roles import MEMBERS_COLLECTION, ensure_base_roles

    ensure_base_roles()  # idempotent: creates the root's members-only collection if a fresh database lacks it
    root = Collection.get_first_root_node()
    public = root.get_children().filter(name=PUBLIC_COLLECTION).first() or root.add_child(name=PUBLIC_COLLECTION)
    members_only = root.get_children().get(name=MEMBERS_COLLECTION)
    return public, members_only


def _document(title: str, filename: str, content: bytes, collection):
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = model(title=title, collection=collection)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def _image(title: str, filename: str, kind: str, collection):
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = model(title=title, collection=collection, file=ImageFile(io.BytesIO(_picture(kind)), name=filename))
    image.save()
    return image


def _figure(image, alt: str, caption: str) -> tuple[str, dict]:
    return (
        "figure",
        {"image": {"image": image.pk, "decorative": False, "alt_text": alt}, "caption": caption, "credit": ""},
    )


def _steckbriefe(category_slug: str, public: int = 3, members_only: int = 0) -> list:
    """Demo Steckbriefe of a category: a few public ones and, if asked, members-only ones."""
    from inklusive_quartiere.steckbriefe.models import SteckbriefPage

    pages = SteckbriefPage.objects.live().filter(categories__slug=category_slug).order_by("title").distinct()
    public_ids = set(visible_pages(AnonymousUser(), pages).values_list("pk", flat=True))
    chosen = [p for p in pages if p.pk in public_ids][:public]
    chosen += [p for p in pages if p.pk not in public_ids][:members_only]
    return chosen


def _category(slug: str):
    return Category.objects.filter(slug=slug).first()


def _ensure_event(index: EventIndexPage, slug: str, related=(), members_only_group=None, **fields) -> bool:
    """Create and publish the event unless a child with this slug exists (existing pages are kept)."""
    if index.get_children().filter(slug=slug).exists():
        return False
    page = EventPage(slug=slug, **fields)
    page.set_related_steckbriefe(list(related))
    index.add_child(instance=page)
    page.save_revision().publish()
    if members_only_group is not None:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(members_only_group)
    return True


def load(stdout) -> None:
    from django.contrib.auth.models import Group

    from inklusive_quartiere.members.roles import MEMBERS

    home = HomePage.objects.get()
    index, _created = ensure_child(
        home,
        EventIndexPage,
        "termine",
        title="Termine und Werkstätten",
        intro=INDEX_INTRO,
        show_in_menus=True,
    )
    public, members_only = _collections()
    members, _ = Group.objects.get_or_create(name=MEMBERS)
    today = timezone.localdate()
    created = 0

    # -- files ------------------------------------------------------------------------------------------
    agenda = _document(
        "Ablauf der Werkstatt Inklusion (Beispiel)",
        "ablauf-werkstatt-inklusion-beispiel.txt",
        "Ablauf der Werkstatt Inklusion – erfundenes Beispiel\n\n"
        "Vormittag: Impulse aus Forschung und Praxis\n"
        "Nachmittag: Werkstattarbeit der Städte an Formaten für ihre Quartiere\n"
        "Abschluss: Verabredungen bis zur nächsten Werkstatt\n".encode(),
        public,
    )
    evaluation = _document(
        "Interne Auswertung der Werkstatt Inklusion (Beispiel, nur für Mitglieder)",
        "auswertung-werkstatt-inklusion-beispiel.csv",
        b"Frage;Ja;Teilweise;Nein\n"
        b"Impulse waren fuer die eigene Stadt nutzbar;11;4;1\n"
        b"Eigenes Format fuer das Quartier skizziert;9;6;1\n"
        b"# erfundene Beispielzahlen\n",
        members_only,
    )
    minutes = _document(
        "Protokoll des Netzwerktreffens (Beispiel, nur für Mitglieder)",
        "protokoll-netzwerktreffen-beispiel.txt",
        "Protokoll des Netzwerktreffens – erfundenes Beispiel\n\n"
        "1. Stand in den Städten\n2. Austausch zu Stolpersteinen\n3. Verabredungen\n".encode(),
        members_only,
    )
    pinboards = _image(
        "Werkstatt Inklusion: Stellwände (Beispielgrafik)", "werkstatt-stellwaende-beispiel.png", "pinboards", public
    )
    circle = _image(
        "Werkstatt Inklusion: Stuhlkreis (Beispielgrafik)", "werkstatt-stuhlkreis-beispiel.png", "circle", public
    )
    screen = _image("Webinar: Videokonferenz (Beispielgrafik)", "webinar-videokacheln-beispiel.png", "screen", public)

    # -- the real workshops (facts), with invented details marked as examples -----------------------------
    created += _ensure_event(
        index,
        "werkstatt-inklusion-freiburg",
        related=_steckbriefe("inklusion", public=3, members_only=1),
        title="Werkstatt Inklusion in Freiburg",
        summary=(
            "In Freiburg lernten die StadtLabore den Freiburger Leitfaden für eine inklusive Quartiersentwicklung "
            "kennen und übertrugen seine Ideen auf ihre eigenen Quartiere."
        ),
        kind="workshop",
        topic=_category("inklusion"),
        date_precision="day",
        start_date=datetime.date(2019, 10, 22),
        place="Freiburg im Breisgau",
        format=FORMAT,
        programme=_raw(
            ("item", {"start": "10:00", "end": "10:30", "title": "Ankommen und Begrüßung", "speaker": ""}),
            (
                "item",
                {
                    "start": "10:30",
                    "end": "12:00",
                    "title": "Impuls: Der Freiburger Leitfaden in der Praxis",
                    "speaker": "Beispiel-Referentin, Stadtplanung",
                },
            ),
            ("item", {"start": "12:00", "end": "13:00", "title": "Mittagspause", "speaker": ""}),
            (
                "item",
                {
                    "start": "13:00",
                    "end": "15:30",
                    "title": "Werkstattarbeit: Formate für das eigene Quartier",
                    "speaker": "Beispiel-Moderation, Beratungsbüro",
                },
            ),
            ("item", {"start": "15:30", "end": "16:00", "title": "Verabredungen und Ausblick", "speaker": ""}),
        ),
        inputs=_raw(
            (
                "input",
                {
                    "title": "Was ein Leitfaden leisten kann – und was nicht",
                    "speaker": "Beispiel-Referentin",
                    "role": "Stadtplanung (erfundene Beispielperson)",
                    "text": (
                        "Wie ein gemeinsamer Leitfaden Ämter, Träger und Bewohnerschaft auf dieselben Ziele "
                        "verpflichtet, und warum er ohne feste Zuständigkeiten wirkungslos bleibt."
                    ),
                },
            ),
            (
                "input",
                {
                    "title": "Barrieren finden, bevor gebaut wird",
                    "speaker": "Beispiel-Referent",
                    "role": "Behindertenbeirat (erfundene Beispielperson)",
                    "text": (
                        "Erfahrungen mit Begehungen, bei denen Menschen mit Behinderungen die Wege im Quartier "
                        "prüfen – und mit dem, was danach tatsächlich umgebaut wurde."
                    ),
                },
            ),
        ),
        documentation=rich(
            "Rund zwanzig Teilnehmende aus den StadtLaboren verbrachten den Tag in Freiburg (erfundene Zahl). "
            "Am Vormittag standen Impulse zum Freiburger Leitfaden und zu Begehungen im Quartier auf dem Programm.",
            "Am Nachmittag skizzierte jede Stadt ein Format für ihr eigenes Quartier. Mehrere Städte wollten "
            "Begehungen mit Menschen mit Behinderungen ausprobieren; andere planten, Beiräte früher in "
            "Bauvorhaben einzubinden.",
        ),
        findings=_raw(
            (
                "finding",
                "Inklusion gelingt eher, wenn Betroffene von Anfang an mitplanen und nicht erst beim Ergebnis.",
            ),
            ("finding", "Ein Leitfaden wirkt nur mit klaren Zuständigkeiten in der Verwaltung."),
            ("finding", "Begehungen machen Barrieren sichtbar, die auf Plänen niemand bemerkt."),
        ),
        gallery=_raw(
            _figure(
                pinboards,
                "Grafik: drei Stellwände mit bunten Moderationskarten, Ergebnis der Werkstattarbeit",
                "Ergebnisse der Werkstattarbeit am Nachmittag (Beispielgrafik)",
            ),
            _figure(
                circle,
                "Grafik: zwölf Stühle im Kreis um einen runden Tisch",
                "Austausch im Stuhlkreis (Beispielgrafik)",
            ),
        ),
        downloads=_raw(("document", agenda.pk), ("document", evaluation.pk)),
        is_example=True,
    )
    created += _ensure_event(
        index,
        "webinar-digitalisierung",
        related=_steckbriefe("digitalisierung", public=3),
        title="Webinar Digitalisierung im Quartier",
        summary=(
            "Im Mai 2020 traf sich das Netzwerk zum Thema Digitalisierung online: Wie erreichen digitale Angebote "
            "die Menschen im Quartier, ohne jemanden auszuschließen?"
        ),
        kind="webinar",
        topic=_category("digitalisierung"),
        date_precision="month",
        start_date=datetime.date(2020, 5, 1),
        online=True,
        format="Online-Veranstaltung mit kurzen Impulsen und Austausch in kleinen Gruppen.",
        inputs=_raw(
            (
                "input",
                {
                    "title": "Digitale Nachbarschaftsplattformen im Vergleich",
                    "speaker": "Beispiel-Referentin",
                    "role": "Quartiersmanagement (erfundene Beispielperson)",
                    "text": "Welche Plattform für welches Quartier passt – und wer sie pflegt.",
                },
            ),
        ),
        findings=_raw(
            ("finding", "Digitale Angebote brauchen analoge Anlaufstellen, sonst erreichen sie viele Ältere nicht."),
            ("finding", "Ein Webinar ersetzt die Werkstatt vor Ort nicht, hält das Netzwerk aber zusammen."),
        ),
        gallery=_raw(
            _figure(
                screen,
                "Grafik: Bildschirm mit neun Videokacheln einer Online-Konferenz",
                "Das Netzwerk im Webinar (Beispielgrafik)",
            ),
        ),
        is_example=True,
    )
    created += _ensure_event(
        index,
        "abschlussveranstaltung",
        title="Abschlussveranstaltung der StadtLabore",
        summary=(
            "Zum Ende des Projekts stellten die StadtLabore online vor, was sie in ihren Quartieren ausprobiert "
            "haben und welche Steckbriefe daraus entstanden sind."
        ),
        kind="closing",
        date_precision="day",
        start_date=datetime.date(2020, 11, 25),
        online=True,
        programme=_raw(
            ("item", {"start": None, "end": None, "title": "Rückblick auf zwei Jahre StadtLabore", "speaker": ""}),
            (
                "item",
                {
                    "start": None,
                    "end": None,
                    "title": "Gespräch: Was bleibt in den Quartieren?",
                    "speaker": "Beispiel-Gäste aus drei Städten",
                },
            ),
        ),
        is_example=True,
    )
    for slug, title, category, (label, start, end), status in WORKSHOPS_WITHOUT_DAY:
        topic = _category(category)
        planned = status == "planned"
        created += _ensure_event(
            index,
            slug,
            related=_steckbriefe(category, public=2),
            title=title,
            summary=(
                f"Für das zweite Halbjahr 2020 geplante Werkstatt zum Thema „{topic.name if topic else title}“."
                if planned
                else f"Eine der Werkstätten der StadtLabore zum Thema „{topic.name if topic else title}“. "
                "Der genaue Termin ist nicht überliefert."
            ),
            kind="workshop",
            status=status,
            topic=topic,
            date_precision="period",
            period_label=label,
            start_date=start,
            end_date=end,
            format=FORMAT,
        )

    # -- invented events: one public, one members-only ------------------------------------------------------
    created += _ensure_event(
        index,
        "online-sprechstunde-beispiel",
        title="Offene Online-Sprechstunde Quartiersentwicklung (Beispiel)",
        summary=(
            "Erfundener Beispieltermin: Kommunen, die mit der Quartiersentwicklung beginnen, stellen ihre Fragen "
            "an Städte aus dem Netzwerk."
        ),
        kind="other",
        date_precision="day",
        start_date=today + datetime.timedelta(days=30),
        start_time=datetime.time(16, 0),
        end_time=datetime.time(17, 30),
        online=True,
        format="Offene Fragerunde per Videokonferenz, ohne Anmeldung (Beispiel).",
        is_example=True,
    )
    created += _ensure_event(
        index,
        "netzwerktreffen-stadtkoordinatorinnen",
        members_only_group=members,
        title="Netzwerktreffen der Stadtkoordinatorinnen (Beispiel)",
        summary=(
            "Erfundener Beispieltermin nur für Mitglieder: Die Koordinatorinnen und Koordinatoren der Städte "
            "tauschen sich über Stand und Stolpersteine aus."
        ),
        kind="network",
        date_precision="day",
        start_date=today + datetime.timedelta(days=45),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(15, 0),
        place="Stuttgart (Beispielort)",
        format="Austausch in der Runde, danach Arbeit in kleinen Gruppen (Beispiel).",
        programme=_raw(
            ("item", {"start": "10:00", "end": "11:00", "title": "Stand in den Städten", "speaker": ""}),
            (
                "item",
                {
                    "start": "11:00",
                    "end": "12:30",
                    "title": "Stolpersteine und wie andere sie umgangen haben",
                    "speaker": "Beispiel-Koordinatorin, Stadtverwaltung",
                },
            ),
        ),
        downloads=_raw(("document", minutes.pk)),
        is_example=True,
    )
    total = EventPage.objects.child_of(index).count()
    stdout.write(f"  Terminübersicht mit {total} Werkstätten und Terminen bereit ({created} neu)")
