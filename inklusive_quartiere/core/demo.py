"""Demo content of the core app: the page tree, the project pages and the (placeholder) legal pages.

Facts about the real project come from shared/facts.md; every text is written for this platform.
Legal pages are placeholders and marked as examples on the page.
"""

from __future__ import annotations

import json

from wagtail.models import Page, Site

from .demo_support import ensure_child, heading, paragraph, stream
from .models import ContentPage, HomePage, SiteSettings

HOME_INTRO = (
    "Wie wird ein Stadtteil zu einem Ort, an dem alle Menschen gut leben können – mit und ohne Behinderung, "
    "jung und alt, alteingesessen und neu zugezogen? Auf dieser Plattform teilen Städte aus Baden-Württemberg, "
    "was sie in ihren Quartieren ausprobiert haben, was gelungen ist und was nicht."
)

HOME_BODY = stream(
    heading("Wissen aus der Praxis für die Praxis"),
    paragraph(
        "Im Projekt „StadtLabore zur inklusiven Quartiersentwicklung“ haben neun Städte zwischen Mai 2019 und "
        "Ende 2020 neue Wege der Quartiersentwicklung erprobt: beteiligend, inklusiv und auf Dauer angelegt. "
        "Ihre Erfahrungen sind in Steckbriefen festgehalten – kurzen, gleich aufgebauten Beschreibungen einer "
        "Maßnahme mit Zielen, Vorgehen, Aufwand, Stolpersteinen und Hinweisen zur Übertragbarkeit.",
        "Im Folgenetzwerk „StadtLabore vor Ort“ haben sieben weitere Städte diese Steckbriefe in ihren eigenen "
        "Quartieren erprobt und weiterentwickelt.",
    ),
    heading("Für wen ist die Plattform?"),
    paragraph(
        "<ul><li>Für Fachleute aus Sozialplanung, Stadtentwicklung und Verwaltung, die ein Vorhaben für ihre "
        "Kommune suchen und begründen wollen.</li><li>Für die Koordinatorinnen und Koordinatoren der beteiligten "
        "Städte, die ihre Erfahrungen hier beschreiben.</li><li>Für alle, die sich für lebendige und "
        "barrierefreie Nachbarschaften interessieren.</li></ul>"
    ),
)

PROJECT_BODY = stream(
    heading("Worum es ging"),
    paragraph(
        "Der Städtetag Baden-Württemberg hat das Projekt in seinem Sozialdezernat getragen. Gefördert wurde es "
        "vom Ministerium für Soziales und Integration aus Landesmitteln, als Teil der Landesstrategie "
        "„Quartier 2020 – Gemeinsam.Gestalten.“, die heute „Quartier 2030“ heißt.",
        "Das Ziel: neue Formen der Quartiersentwicklung ausprobieren, die inklusiv, beteiligungsorientiert und "
        "nachhaltig sind – und aufschreiben, was funktioniert und was nicht, damit andere Kommunen davon lernen. "
        "Das Ergebnis sind übertragbare Methoden, Formate und Strategien: die Steckbriefe.",
    ),
    heading("Ablauf"),
    paragraph(
        "Das Projekt lief von Mai 2019 bis Ende 2020. In 13 bis 14 ganztägigen Experimentier- und "
        "Lernwerkstätten bekamen die Städte vormittags Impulse aus Forschung und Praxis und entwickelten "
        "nachmittags Formate für ihre eigenen Quartiere. Im Mai 2020 ging die Plattform online. Die "
        "Abschlussveranstaltung fand am 25. November 2020 online statt; eine Abschlussbroschüre fasst die "
        "Ergebnisse zusammen.",
        "Zu jeder Stadt entstand ein kurzer Film, dazu ein Abschlussfilm und ein Trailer.",
    ),
    (
        "table",
        {
            "table_caption": "Das Projekt auf einen Blick",
            "table_header_choice": "both",
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "data": [
                ["Zeitraum", "Was geschah"],
                ["2016 bis 2018", "Vorgängerprojekt „Inklusive Quartiere (IQ)“ mit kurzen Videostatements"],
                ["Mai 2019", "Start der StadtLabore mit neun Städten"],
                ["22. Oktober 2019", "Werkstatt zum Thema Inklusion in Freiburg"],
                ["Mai 2020", "Die Plattform geht online; Webinar zur Digitalisierung"],
                ["25. November 2020", "Abschlussveranstaltung, online"],
                ["bis 2023", "Sieben weitere Städte arbeiten als „StadtLabore vor Ort“ weiter"],
            ],
        },
    ),
    heading("Vorgeschichte und Fortsetzung"),
    paragraph(
        "Schon von 2016 bis 2018 lief das Vorgängerprojekt „Inklusive Quartiere (IQ)“, in dem unter anderem "
        "kurze Videostatements von Bürgermeisterinnen, Bürgermeistern und Fachleuten entstanden. Nach dem Ende "
        "der StadtLabore hat das Netzwerk „StadtLabore vor Ort“ bis 2023 unter dem Motto „Aus der Praxis für "
        "die Praxis“ weitergearbeitet."
    ),
)

FUNDING_BODY = stream(
    paragraph(
        "Das Projekt wurde vom Ministerium für Soziales und Integration Baden-Württemberg aus Landesmitteln "
        "gefördert. Es war Teil der Landesstrategie „Quartier 2020 – Gemeinsam.Gestalten.“, die inzwischen "
        "als „Quartier 2030“ fortgeführt wird.",
        "Die Strategie unterstützt Städte und Gemeinden dabei, Quartiere so zu gestalten, dass Menschen dort "
        "selbstbestimmt leben, sich begegnen und füreinander sorgen können.",
    ),
)

PARTNERS_BODY = stream(
    paragraph(
        "Der Städtetag Baden-Württemberg hat das Projekt mit drei Partnern umgesetzt:",
        "<ul><li>einem Filmstudio, das die Filme über die StadtLabore gedreht hat,</li><li>einer Webagentur, "
        "die die ursprüngliche Plattform gebaut hat,</li><li>einem Beratungsbüro für Stadtentwicklung, das die "
        "Inhalte begleitet und die Werkstätten mitorganisiert hat.</li></ul>",
        "Die Namen der Partner ergänzt die Redaktion hier.",
    ),
)

NETWORK_BODY = stream(
    heading("Die neun StadtLabore"),
    paragraph(
        "<ul><li>Bad Krozingen</li><li>Filderstadt</li><li>Freudenberg am Main</li><li>Friedrichshafen</li>"
        "<li>Heidelberg</li><li>Karlsruhe</li><li>Konstanz</li><li>Salach</li><li>Ulm</li></ul>",
        "Die Städte sind sehr verschieden: von Freudenberg am Main mit rund 3 800 Einwohnerinnen und Einwohnern "
        "bis Karlsruhe mit rund 308 000. Gerade das macht ihre Erfahrungen für viele Kommunen nützlich.",
    ),
    heading("Die sieben StadtLabore vor Ort"),
    paragraph(
        "<ul><li>Bruchsal</li><li>Kirchheim unter Teck</li><li>Künzelsau</li><li>Leonberg</li><li>Mannheim</li>"
        "<li>Mössingen</li><li>Stuttgart</li></ul>",
        "Sie haben vorhandene Steckbriefe aufgegriffen, in ihren Quartieren erprobt und weiterentwickelt.",
    ),
)

EXAMPLE_LEGAL = (
    "Dies ist ein Platzhalter der Demo-Inhalte. Die verbindlichen Angaben trägt die Redaktion vor dem "
    "Start der Plattform ein."
)

LEGAL_PAGES = [
    (
        "impressum",
        "Impressum",
        "Angaben zum Betreiber dieser Website.",
        [
            paragraph(
                EXAMPLE_LEGAL,
                "Hier stehen Name und Anschrift des Betreibers, die vertretungsberechtigte Person, die "
                "Kontaktdaten, die zuständige Aufsichtsbehörde und die für den Inhalt verantwortliche Person.",
            )
        ],
    ),
    (
        "datenschutz",
        "Datenschutz",
        "Wie diese Website mit personenbezogenen Daten umgeht.",
        [
            paragraph(
                EXAMPLE_LEGAL,
                "Diese Website lädt keine Inhalte von anderen Servern: keine fremden Schriften, keine "
                "Statistikdienste, keine eingebetteten Videos ohne Ihre ausdrückliche Zustimmung. Ein "
                "Sitzungs-Cookie wird nur gesetzt, wenn Sie sich anmelden oder ein Formular absenden.",
            )
        ],
    ),
    (
        "kontakt",
        "Kontakt",
        "So erreichen Sie die Redaktion der Plattform.",
        [
            paragraph(
                EXAMPLE_LEGAL,
                "Die Redaktion beantwortet Fragen zur Plattform, zu den Steckbriefen und zum Netzwerk. "
                "Die hier gezeigten Kontaktdaten sind erfunden.",
            )
        ],
    ),
]


BROCHURE_TITLE = "Abschlussbroschüre StadtLabore (Beispiel-PDF)"
BROCHURE_HTML = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: sans-serif; margin: 2cm; }} h1 {{ font-size: 20pt; }}</style></head><body>
<h1>StadtLabore zur inklusiven Quartiersentwicklung</h1>
<p><strong>Beispieldokument:</strong> Diese Datei steht für die gedruckte und als PDF veröffentlichte
Abschlussbroschüre des Projekts. Der Text ist ein Platzhalter der Demo-Inhalte.</p>
<h2>Was die Broschüre enthält</h2>
<p>Einen Überblick über die neun StadtLabore und die sieben StadtLabore vor Ort, die Themen der Experimentier-
und Lernwerkstätten und eine Auswahl von Steckbriefen, die sich auf andere Kommunen übertragen lassen.</p>
</body></html>"""


def _ensure_brochure():
    """The final brochure as a document download: a small PDF generated here (a stand-in for the real one)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document_model = get_document_model()
    existing = document_model.objects.filter(title=BROCHURE_TITLE).first()
    if existing is not None:
        return existing
    from weasyprint import HTML

    pdf = HTML(string=BROCHURE_HTML.format(title=BROCHURE_TITLE)).write_pdf(
        pdf_variant="pdf/ua-1", custom_metadata=True
    )
    document = document_model(title=BROCHURE_TITLE)
    document.file.save("abschlussbroschuere-beispiel.pdf", ContentFile(pdf), save=False)
    document.save()
    return document


def _with_brochure(body: str) -> str:
    blocks = json.loads(body)
    download = json.loads(
        stream(("downloads", {"heading": "Abschlussbroschüre", "documents": [_ensure_brochure().pk]}))
    )
    return json.dumps(blocks + download)


def load(stdout) -> None:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Replace the welcome page Wagtail creates on first migration.
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
        root.refresh_from_db()
        home = HomePage(
            title="Inklusive Quartiere",
            slug="start",
            seo_title="Inklusive Quartiere – Wissen aus den StadtLaboren",
            intro=HOME_INTRO,
            body=HOME_BODY,
            search_description=HOME_INTRO[:300],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        stdout.write("  Startseite angelegt")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Inklusive Quartiere"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Inklusive Quartiere"
        site.save()

    project, _ = ensure_child(
        home,
        ContentPage,
        "projekt",
        title="Das Projekt",
        show_in_menus=True,
        intro="Was die StadtLabore zur inklusiven Quartiersentwicklung wollten, wie sie gearbeitet haben "
        "und was daraus geworden ist.",
        body=_with_brochure(PROJECT_BODY),
    )
    ensure_child(
        project,
        ContentPage,
        "foerderung",
        title="Förderung",
        show_in_menus=True,
        intro="Das Projekt wurde aus Landesmitteln im Rahmen der Strategie „Quartier 2020“ gefördert.",
        body=FUNDING_BODY,
    )
    ensure_child(
        project,
        ContentPage,
        "partner",
        title="Partner",
        show_in_menus=True,
        intro="Mit wem der Städtetag Baden-Württemberg das Projekt umgesetzt hat.",
        body=PARTNERS_BODY,
    )
    ensure_child(
        home,
        ContentPage,
        "netzwerk",
        title="Netzwerk",
        show_in_menus=True,
        intro="Sechzehn Städte aus Baden-Württemberg: neun StadtLabore und sieben StadtLabore vor Ort.",
        body=NETWORK_BODY,
    )

    legal = {}
    for slug, title, intro, blocks in LEGAL_PAGES:
        legal[slug], _ = ensure_child(
            home,
            ContentPage,
            slug,
            title=title,
            intro=intro,
            body=stream(*blocks),
            is_example=True,
        )

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if settings.imprint_page_id is None:
        settings.organisation = "Städtetag Baden-Württemberg"
        settings.department = "Dezernat Soziales (Beispielangabe)"
        settings.address = "Musterstraße 1\n70000 Musterstadt (erfundene Beispieladresse)"
        settings.phone = "0000 000000 (Beispiel)"
        settings.email = "redaktion@example.org"
        settings.imprint_page = legal["impressum"]
        settings.privacy_page = legal["datenschutz"]
        settings.contact_page = legal["kontakt"]
        settings.save()
    stdout.write("  Seitenbaum, Projektseiten und Pflichtseiten bereit")
