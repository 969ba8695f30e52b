"""Demo content of the news app: the page "Neuigkeiten", its categories and nine news items.

Items whose text states only facts from the project (start, the workshop in Freiburg, the platform going
online, the closing event) are real content; everything with invented details — a film, a walk in Bruchsal,
the members-only meeting notes, dates nobody recorded — is marked ``is_example=True``. All texts are written
for this platform; the pictures are drawn here with Pillow (simple shapes), never downloaded.
"""

from __future__ import annotations

import datetime
import io

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, PageViewRestriction

from inklusive_quartiere.core.demo_support import ensure_child, heading, paragraph, stream
from inklusive_quartiere.core.models import HomePage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage

from .models import NewsCategory, NewsIndexPage, NewsPage

MEMBERS_GROUP = "Netzwerk"
MEMBERS_COLLECTION = "Nur für Mitglieder"

INDEX_INTRO = (
    "Was gibt es Neues in den StadtLaboren und im Netzwerk? Hier finden Sie Meldungen über Werkstätten, "
    "Veranstaltungen, Filme und Veröffentlichungen."
)

CATEGORIES = [
    ("Projekt", "projekt"),
    ("Werkstätten", "werkstaetten"),
    ("Veranstaltungen", "veranstaltungen"),
    ("Aus den Städten", "aus-den-staedten"),
    ("Filme", "filme"),
    ("Netzwerk", "netzwerk"),
    ("Veröffentlichungen", "veroeffentlichungen"),
]

# -- pictures -----------------------------------------------------------------------------------------------
BACKGROUND = (245, 245, 240)


def _houses(draw):
    for i, colour in enumerate([(40, 110, 160), (60, 140, 100), (200, 120, 50), (120, 80, 160), (40, 110, 160)]):
        x = 70 + i * 170
        top = 300 - (i % 2) * 60
        draw.rectangle([x, top, x + 130, 560], fill=colour)
        draw.polygon([(x - 10, top), (x + 65, top - 80), (x + 140, top)], fill=(90, 60, 50))
        draw.rectangle([x + 45, 480, x + 85, 560], fill=(250, 230, 180))
    draw.ellipse([780, 50, 900, 170], fill=(250, 200, 60))


def _circle_of_people(draw):
    draw.ellipse([330, 220, 630, 420], fill=(170, 120, 70))
    colours = [(40, 110, 160), (200, 80, 80), (60, 140, 100), (230, 170, 40)]
    centres = [(480, 110), (700, 200), (740, 400), (600, 540), (360, 540), (220, 400), (260, 200), (480, 560)]
    for i, (x, y) in enumerate(centres[:7]):
        draw.ellipse([x - 45, y - 45, x + 45, y + 45], fill=colours[i % len(colours)])


def _screen(draw):
    draw.rounded_rectangle([180, 90, 780, 470], radius=20, fill=(40, 50, 70))
    draw.rectangle([210, 120, 750, 440], fill=(230, 240, 250))
    for row in range(3):
        draw.rectangle([240, 150 + row * 95, 720, 210 + row * 95], fill=(40, 110, 160))
    draw.polygon([(120, 500), (840, 500), (900, 560), (60, 560)], fill=(110, 120, 140))


def _film_strip(draw):
    draw.rectangle([60, 180, 900, 460], fill=(30, 30, 30))
    for i in range(12):
        x = 80 + i * 68
        draw.rectangle([x, 200, x + 36, 226], fill=BACKGROUND)
        draw.rectangle([x, 414, x + 36, 440], fill=BACKGROUND)
    for i, colour in enumerate([(40, 110, 160), (60, 140, 100), (230, 170, 40)]):
        draw.rectangle([110 + i * 270, 250, 320 + i * 270, 390], fill=colour)


def _video_tiles(draw):
    colours = [(40, 110, 160), (200, 80, 80), (60, 140, 100), (230, 170, 40), (120, 80, 160), (90, 160, 190)]
    for i in range(6):
        x = 90 + (i % 3) * 270
        y = 110 + (i // 3) * 230
        draw.rectangle([x, y, x + 240, y + 200], fill=(230, 235, 240))
        draw.ellipse([x + 85, y + 40, x + 155, y + 110], fill=colours[i])
        draw.pieslice([x + 60, y + 110, x + 180, y + 230], 180, 360, fill=colours[i])


def _brochure(draw):
    draw.polygon([(200, 120), (470, 160), (470, 560), (200, 520)], fill=(40, 110, 160))
    draw.polygon([(470, 160), (740, 120), (740, 520), (470, 560)], fill=(60, 140, 100))
    for i in range(6):
        draw.line([(520, 220 + i * 45), (700, 205 + i * 45)], fill=BACKGROUND, width=8)
    draw.ellipse([260, 250, 410, 400], fill=(250, 200, 60))


def _map_pins(draw):
    draw.polygon([(150, 120), (820, 90), (880, 560), (100, 590)], fill=(215, 230, 210))
    for x, y in [(260, 230), (420, 180), (600, 260), (720, 380), (330, 420), (520, 470), (640, 160)]:
        draw.ellipse([x - 28, y - 28, x + 28, y + 28], fill=(200, 60, 60))
        draw.polygon([(x - 20, y + 14), (x + 20, y + 14), (x, y + 60)], fill=(200, 60, 60))


def _path_with_benches(draw):
    draw.polygon([(380, 640), (580, 640), (520, 260), (440, 260)], fill=(200, 190, 170))
    draw.rectangle([0, 0, 960, 260], fill=(200, 225, 240))
    for x, y in [(220, 430), (660, 500)]:
        draw.rectangle([x, y, x + 120, y + 20], fill=(120, 80, 50))
        draw.rectangle([x + 10, y + 20, x + 20, y + 60], fill=(90, 60, 40))
        draw.rectangle([x + 100, y + 20, x + 110, y + 60], fill=(90, 60, 40))
    draw.ellipse([470, 360, 530, 420], fill=(40, 110, 160))  # a wheel
    draw.ellipse([120, 120, 260, 260], fill=(60, 140, 100))
    draw.ellipse([700, 100, 860, 260], fill=(60, 140, 100))


def _notes(draw):
    draw.rectangle([230, 70, 730, 590], fill=(255, 255, 255), outline=(150, 150, 150), width=4)
    for i in range(9):
        draw.line([(280, 150 + i * 48), (680 - (i % 3) * 60, 150 + i * 48)], fill=(120, 120, 140), width=8)
    draw.ellipse([620, 470, 760, 610], fill=(200, 60, 60))


MOTIFS = {
    "houses": _houses,
    "circle": _circle_of_people,
    "screen": _screen,
    "film": _film_strip,
    "tiles": _video_tiles,
    "brochure": _brochure,
    "map": _map_pins,
    "path": _path_with_benches,
    "notes": _notes,
}


def _png(motif: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 640), BACKGROUND)
    MOTIFS[motif](ImageDraw.Draw(image))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _collection(city: str | None, members_only: bool) -> Collection:
    """The city's collection ("Stadt <Name>", created by members/roles.py) or the root; for members-only
    pictures the "Nur für Mitglieder" collection below it."""
    root = Collection.get_first_root_node()
    collection = root
    if city:
        collection = root.get_children().filter(name=f"Stadt {city}").first() or root
    if members_only:
        collection = collection.get_children().filter(name=MEMBERS_COLLECTION).first() or collection
    return collection


def _image(title: str, motif: str, city: str | None, members_only: bool):
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = model(
        title=title,
        collection=_collection(city, members_only),
        file=ImageFile(io.BytesIO(_png(motif)), name=f"neuigkeit-{motif}.png"),
    )
    image.save()
    return image


# -- the news items -----------------------------------------------------------------------------------------
ITEMS = [
    {
        "slug": "neun-stadtlabore-starten",
        "title": "Neun Städte starten als StadtLabore",
        "date": datetime.date(2019, 5, 20),
        "teaser": "Bad Krozingen, Filderstadt, Freudenberg am Main, Friedrichshafen, Heidelberg, Karlsruhe, "
        "Konstanz, Salach und Ulm erproben ab Mai 2019 neue Wege, ihre Quartiere inklusiv und gemeinsam mit den "
        "Menschen vor Ort zu entwickeln.",
        "categories": ["projekt"],
        "image": ("Häuserreihe (Grafik zur Meldung Projektstart)", "houses", None),
        "alt": "Grafik: eine Reihe bunter, stilisierter Häuser mit spitzen Dächern unter einer gelben Sonne.",
        "body": stream(
            heading("Worum es geht"),
            paragraph(
                "Der Städtetag Baden-Württemberg startet das Projekt „StadtLabore zur inklusiven "
                "Quartiersentwicklung“. Das Ministerium für Soziales und Integration fördert es aus Landesmitteln "
                "im Rahmen der Landesstrategie „Quartier 2020 – Gemeinsam.Gestalten.“.",
                "Neun Städte unterschiedlicher Größe probieren aus, wie ein Quartier zu einem Ort wird, an dem "
                "alle Menschen gut leben können – beteiligend, inklusiv und auf Dauer angelegt.",
            ),
            heading("So arbeiten die StadtLabore"),
            paragraph(
                "In ganztägigen Experimentier- und Lernwerkstätten bekommen die Städte am Vormittag Impulse aus "
                "Forschung und Praxis. Am Nachmittag entwickeln sie daraus Formate für ihre eigenen Quartiere.",
                "Was gelingt und was nicht, halten die Städte in Steckbriefen fest, damit andere Kommunen davon "
                "lernen können.",
            ),
        ),
        "is_example": False,
    },
    {
        "slug": "lernwerkstatt-inklusion-freiburg",
        "title": "Lernwerkstatt in Freiburg: Inklusion im Quartier",
        "date": datetime.date(2019, 10, 24),
        "teaser": "Am 22. Oktober 2019 trafen sich die StadtLabore in Freiburg. Im Mittelpunkt stand die Frage, "
        "wie ein Quartier für alle Menschen zugänglich wird – und was der Freiburger Leitfaden zur inklusiven "
        "Quartiersentwicklung dazu beiträgt.",
        "categories": ["werkstaetten"],
        "image": ("Menschen im Kreis (Grafik zur Lernwerkstatt Inklusion)", "circle", None),
        "alt": "Grafik: sieben farbige Kreise als Personen rund um einen ovalen braunen Tisch.",
        "body": stream(
            paragraph(
                "Die Werkstatt zum Thema Inklusion führte die Städte nach Freiburg. Dort lernten sie den Leitfaden "
                "kennen, mit dem die Stadt Freiburg inklusive Quartiersentwicklung plant und umsetzt.",
                "Wie bei allen Werkstätten gehörte der Vormittag den Impulsen, der Nachmittag der eigenen Arbeit: "
                "Jede Stadt überlegte, welche Schritte in ihrem Quartier als Nächstes möglich sind.",
            ),
        ),
        "related": ["stadtteilspaziergang-rollator-rollstuhl", "inklusionsbeirat-barriere-check"],
        "is_example": False,
    },
    {
        "slug": "plattform-online",
        "title": "Die Plattform ist online",
        "date": datetime.date(2020, 5, 14),
        "teaser": "Seit Mai 2020 sind die Erfahrungen der StadtLabore im Netz: Steckbriefe beschreiben, was die "
        "Städte ausprobiert haben, wie sie vorgegangen sind und was sie anderen Kommunen raten.",
        "categories": ["projekt", "veroeffentlichungen"],
        "image": ("Bildschirm mit Textzeilen (Grafik zur Plattform)", "screen", None),
        "alt": "Grafik: ein aufgeklappter Laptop, auf dem Bildschirm drei blaue Textbalken.",
        "body": stream(
            heading("Was Sie hier finden"),
            paragraph(
                "<ul><li>Steckbriefe, sortiert nach den Themen des Netzwerks,</li><li>Seiten zu den "
                "beteiligten Städten,</li><li>eine Suche über alle Inhalte.</li></ul>",
                "Auch die Arbeit in den Werkstätten ging weiter: Die Werkstatt zur Digitalisierung fand im Mai "
                "2020 als Webinar statt.",
            ),
        ),
        "is_example": False,
    },
    {
        "slug": "kurzfilm-friedrichshafen",
        "title": "Neuer Kurzfilm: Unterwegs im StadtLabor Friedrichshafen",
        "date": datetime.date(2020, 9, 15),
        "teaser": "Ein kurzer Film zeigt, wie Menschen in Friedrichshafen ihren Stadtteil erkunden und Ideen für "
        "gemeinsame Orte sammeln. Weitere Clips aus den StadtLaboren folgen in den nächsten Wochen.",
        "categories": ["filme", "aus-den-staedten"],
        "image": ("Filmstreifen (Beispielgrafik Friedrichshafen)", "film", "Friedrichshafen"),
        "alt": "Grafik: ein schwarzer Filmstreifen mit drei farbigen Bildfeldern in Blau, Grün und Gelb.",
        "body": stream(
            paragraph(
                "Der Clip begleitet eine Gruppe aus dem Quartier bei einem Rundgang am Seeufer: Wo treffen sich "
                "Nachbarinnen und Nachbarn schon heute, wo fehlt ein Platz zum Verweilen?",
                "Die kurzen Filme entstehen während des Projekts in allen StadtLaboren. Am Ende steht zu jeder "
                "Stadt ein Film, dazu ein Abschlussfilm und ein Trailer.",
            ),
        ),
        "related": ["inklusiver-spielplatz-seeufer", "lastenrad-verleih-uferviertel"],
        "is_example": True,
    },
    {
        "slug": "rueckblick-abschlussveranstaltung",
        "title": "Rückblick: die Abschlussveranstaltung im Netz",
        "date": datetime.date(2020, 11, 26),
        "teaser": "Am 25. November 2020 ging das Projekt StadtLabore mit einer Online-Veranstaltung zu Ende. Die "
        "Städte stellten vor, was sie in anderthalb Jahren ausprobiert und gelernt haben.",
        "categories": ["veranstaltungen", "projekt"],
        "image": ("Videokonferenz (Grafik zur Abschlussveranstaltung)", "tiles", None),
        "alt": "Grafik: sechs Kacheln wie in einer Videokonferenz, in jeder eine stilisierte Person.",
        "body": stream(
            paragraph(
                "Statt in einem Saal trafen sich die Beteiligten am Bildschirm. Im Mittelpunkt standen die "
                "Erfahrungen der neun Städte: was in ihren Quartieren entstanden ist, was nicht geklappt hat und "
                "was sie anderen Kommunen mitgeben.",
                "Die Ergebnisse sind in den Steckbriefen auf dieser Plattform nachzulesen.",
            ),
        ),
        "is_example": False,
    },
    {
        "slug": "abschlussbroschuere-erschienen",
        "title": "Die Abschlussbroschüre ist erschienen",
        "date": datetime.date(2020, 12, 16),
        "teaser": "Was haben neun Städte in den StadtLaboren ausprobiert, was hat funktioniert und was nicht? Die "
        "Abschlussbroschüre fasst die Ergebnisse zusammen – gedruckt und als PDF.",
        "categories": ["veroeffentlichungen"],
        "image": ("Aufgeschlagene Broschüre (Grafik)", "brochure", None),
        "alt": "Grafik: eine aufgeschlagene Broschüre, links ein blaues Blatt mit gelbem Kreis, rechts Textzeilen.",
        "body": stream(
            paragraph(
                "Die Broschüre schließt das Projekt ab. Sie stellt die Städte vor, beschreibt das Vorgehen in den "
                "Werkstätten und fasst zusammen, was sich auf andere Kommunen übertragen lässt.",
                "Das Erscheinungsdatum dieser Meldung ist ein Beispiel.",
            ),
        ),
        "is_example": True,
    },
    {
        "slug": "stadtlabore-vor-ort",
        "title": "Aus der Praxis für die Praxis: StadtLabore vor Ort",
        "date": datetime.date(2021, 2, 10),
        "teaser": "Sieben weitere Städte – Bruchsal, Kirchheim unter Teck, Künzelsau, Leonberg, Mannheim, "
        "Mössingen und Stuttgart – erproben die Steckbriefe in ihren eigenen Quartieren und entwickeln sie weiter.",
        "categories": ["netzwerk", "aus-den-staedten"],
        "image": ("Karte mit Markierungen (Grafik zum Netzwerk)", "map", None),
        "alt": "Grafik: eine hellgrüne Landkarte mit sieben roten Ortsmarkierungen.",
        "body": stream(
            paragraph(
                "Mit dem Netzwerk „StadtLabore vor Ort“ geht die Arbeit weiter. Bis 2023 nehmen sieben Städte "
                "Steckbriefe aus den StadtLaboren auf, probieren sie in ihren Quartieren aus und schreiben auf, "
                "was sie dabei verändert haben.",
                "So wächst das Wissen auf dieser Plattform weiter – aus der Praxis für die Praxis.",
            ),
        ),
        "related": ["quartiersrundgang-rollstuhl-rollator-moessingen", "interkulturelles-fest-quartiersplatz-mannheim"],
        "is_example": True,
    },
    {
        "slug": "quartiersspaziergang-bruchsal",
        "title": "Quartiersspaziergang mit Rollstuhl und Rollator in Bruchsal",
        "date": datetime.date(2022, 6, 20),
        "teaser": "Bewohnerinnen, Bewohner und Verwaltung haben bei einem Rundgang ausprobiert, wo Wege zu schmal, "
        "Bordsteine zu hoch und Bänke zu selten sind. Bruchsal greift damit einen Steckbrief aus Konstanz auf.",
        "categories": ["aus-den-staedten", "veranstaltungen"],
        "image": ("Weg mit Bänken (Beispielgrafik Bruchsal)", "path", "Bruchsal"),
        "alt": "Grafik: ein Weg zwischen zwei Bäumen, daneben zwei Bänke, auf dem Weg ein blaues Rad.",
        "body": stream(
            heading("Unterwegs im Quartier"),
            paragraph(
                "Treffpunkt war der Platz vor dem Nachbarschaftscafé. In kleinen Gruppen gingen die Teilnehmenden "
                "eine festgelegte Strecke ab, einige im Rollstuhl, andere mit Rollator oder Kinderwagen. An jeder "
                "Station notierten sie, was sie aufgehalten hat.",
            ),
            (
                "quote",
                {
                    "quote": "Mit dem Rollator merkt man jede Kante. Jetzt weiß ich, warum meine Nachbarin den "
                    "Umweg über den Parkplatz nimmt.",
                    "attribution": "Eine Teilnehmerin (Beispiel)",
                },
            ),
            heading("Wie es weitergeht"),
            paragraph(
                "Die Stadtverwaltung sortiert die Hinweise nach Aufwand. Kleine Dinge wie eine zusätzliche Bank "
                "sollen schnell umgesetzt werden; größere Umbauten kommen in die Planung für die nächsten Jahre.",
            ),
        ),
        "related": [
            "stadtteilspaziergang-rollator-rollstuhl",
            "nachbarschaftscafe-ladenlokal-bruchsal",
            "mobile-wohnberatung-bruchsal",
        ],
        "is_example": True,
    },
    {
        "slug": "netzwerktreffen-notizen",
        "title": "Netzwerktreffen: Notizen aus dem internen Erfahrungsaustausch",
        "date": datetime.date(2023, 3, 8),
        "teaser": "Die Koordinatorinnen und Koordinatoren der StadtLabore vor Ort haben offen über Stolpersteine "
        "gesprochen – von knappen Personalstunden bis zu zähen Abstimmungen in der Verwaltung. Die wichtigsten "
        "Punkte für Mitglieder des Netzwerks.",
        "categories": ["netzwerk"],
        "image": ("Notizblatt (Beispielgrafik, nur für Mitglieder)", "notes", None),
        "alt": "Grafik: ein weißes Notizblatt mit grauen Textzeilen und einem roten Punkt in der Ecke.",
        "body": stream(
            heading("Was die Städte beschäftigt"),
            paragraph(
                "<ul><li>Quartiersarbeit hängt oft an einer einzigen Stelle; fällt sie aus, ruht vieles.</li>"
                "<li>Abstimmungen zwischen Ämtern dauern länger als geplant – ein fester Ansprechpartner im "
                "Rathaus hilft.</li><li>Ehrenamtliche wünschen sich kurze Wege für kleine Ausgaben, etwa "
                "über einen Verfügungsfonds.</li></ul>",
            ),
            paragraph(
                "Diese Notizen sind ein erfundenes Beispiel für interne Inhalte, die nur angemeldete Mitglieder "
                "des Netzwerks sehen."
            ),
        ),
        "related": ["leitfaden-quartiersentwicklung-verwaltung-mannheim", "mobile-wohnberatung-bruchsal"],
        "is_example": True,
        "members_only": True,
    },
]


def _ensure_categories() -> dict[str, NewsCategory]:
    for name, slug in CATEGORIES:
        NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})
    return {c.slug: c for c in NewsCategory.objects.all()}


def load(stdout) -> None:
    home = HomePage.objects.get()
    index, _created = ensure_child(
        home, NewsIndexPage, "neuigkeiten", title="Neuigkeiten", intro=INDEX_INTRO, show_in_menus=True
    )
    categories = _ensure_categories()
    existing = set(NewsPage.objects.child_of(index).values_list("slug", flat=True))
    todo = [item for item in ITEMS if item["slug"] not in existing]
    if not todo:
        stdout.write(f"  {len(ITEMS)} Neuigkeiten bereits vorhanden")
        return
    steckbriefe = {p.slug: p for p in SteckbriefPage.objects.all()}
    members, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    for item in todo:
        title, motif, city = item["image"]
        image = _image(title, motif, city, item.get("members_only", False))
        figure = {
            "image": {"image": image.pk, "alt_text": item["alt"], "decorative": False},
            "caption": "",
            "credit": "Beispielgrafik",
        }
        page = NewsPage(
            title=item["title"],
            slug=item["slug"],
            date=item["date"],
            teaser=item["teaser"],
            image=stream(("figure", figure)),
            body=item["body"],
            is_example=item["is_example"],
        )
        page.categories = [categories[slug] for slug in item["categories"]]
        page.set_related_steckbriefe([steckbriefe[slug] for slug in item.get("related", []) if slug in steckbriefe])
        index.add_child(instance=page)
        page.save_revision().publish()
        if item.get("members_only"):
            restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.add(members)
    stdout.write(f"  {len(todo)} Neuigkeiten angelegt ({len(ITEMS)} insgesamt)")
