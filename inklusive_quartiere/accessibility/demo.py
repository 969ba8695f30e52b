"""Demo content of the accessibility app: the accessibility statement and the pages in Leichte Sprache.

The statement describes the real barriers of this platform; its contact data are invented (marked as example).
The Leichte Sprache texts are real texts, written for this platform from the facts in shared/facts.md.

Older demo databases hold both pages as core ContentPages with the same slugs; those are replaced once.
"""

from __future__ import annotations

import datetime

from wagtail.models import Page, Site

from inklusive_quartiere.core.demo_support import ensure_child
from inklusive_quartiere.core.demo_support import stream as _stream
from inklusive_quartiere.core.models import ContentPage, HomePage, SiteSettings

from .blocks import REASON_DISPROPORTIONATE, REASON_NOT_FIXED, REASON_OUT_OF_SCOPE
from .models import (
    CONCILIATION_URL,
    AccessibilityStatementPage,
    ConformityStatus,
    EasyLanguagePage,
)

STATEMENT_SLUG = "barrierefreiheit"
EASY_SLUG = "leichte-sprache"


def _lines(*lines: str) -> tuple[str, str]:
    """A Leichte Sprache paragraph: one sentence per line."""
    return ("paragraph", "\n".join(lines))


def _heading(text: str) -> tuple[str, str]:
    return ("heading", text)


def _term(term: str, *lines: str) -> tuple[str, dict]:
    return ("term", {"term": term, "explanation": "\n".join(lines)})


def _list(*items: str) -> tuple[str, list]:
    return ("list", list(items))


def _link(text: str, *, page: Page | None = None, url: str = "") -> tuple[str, dict]:
    return ("link", {"link_text": text, "page": page.pk if page else None, "url": url})


# -- the accessibility statement ----------------------------------------------------------------------------------

STATEMENT_INTRO = (
    "Der Städtetag Baden-Württemberg möchte, dass alle Menschen diese Plattform nutzen können – mit und ohne "
    "Behinderung. Hier steht, wie weit das gelungen ist, wo es noch Barrieren gibt und wie Sie uns Barrieren melden."
)

STATEMENT_SCOPE = (
    "<p>Diese Erklärung gilt für die Wissensplattform „Inklusive Quartiere“ der StadtLabore zur inklusiven "
    "Quartiersentwicklung unter der Adresse dieser Website: für alle ihre Seiten, die Steckbriefe auch als "
    "PDF-Datei, die Filme und den Bereich für Mitglieder des Netzwerks.</p>"
    "<p>Sie gilt nicht für die Websites der beteiligten Städte und anderer Anbieter, auf die wir verlinken.</p>"
)

STATEMENT_EXPLANATION = (
    "<p>Die Plattform erfüllt die Anforderungen zum größten Teil. Alle Seiten lassen sich vollständig mit der "
    "Tastatur bedienen, sind mit Überschriften und Sprungmarken gegliedert und bleiben auch bei 400 Prozent "
    "Vergrößerung ohne seitliches Verschieben lesbar. Filme haben Untertitel und ein Transkript; die Steckbriefe "
    "gibt es als Webseite und als barrierefreie PDF-Datei.</p>"
    "<p>Einzelne Inhalte erfüllen die Anforderungen noch nicht. Sie sind im nächsten Abschnitt aufgeführt.</p>"
)

KNOWN_BARRIERS = [
    {
        "title": "Video in Deutscher Gebärdensprache",
        "description": (
            "Die Seite „Gebärdensprache“ zeigt derzeit ein Platzhalter-Video ohne Gebärdensprachdolmetscherin "
            "oder -dolmetscher. Gehörlose Menschen erhalten die Informationen über die Plattform deshalb noch "
            "nicht in Deutscher Gebärdensprache."
        ),
        "reason": REASON_NOT_FIXED,
        "justification": "",
        "planned_fix": (
            "Ein Video mit einer Gebärdensprachdolmetscherin oder einem Gebärdensprachdolmetscher entsteht, "
            "sobald die Texte der Plattform feststehen – vor dem Start der Plattform."
        ),
        "alternative": (
            "Die Seiten in Leichter Sprache erklären, was es auf der Plattform gibt und wie man sich "
            "zurechtfindet. Fragen beantwortet die Redaktion auch per E-Mail."
        ),
    },
    {
        "title": "Ältere PDF-Dokumente der Städte",
        "description": (
            "Einige PDF-Dateien, die Städte aus der Projektzeit 2019 und 2020 bereitgestellt haben – etwa "
            "Präsentationen aus den Werkstätten –, enthalten keine Strukturinformationen (Tags). "
            "Screenreader können sie nur eingeschränkt vorlesen."
        ),
        "reason": REASON_NOT_FIXED,
        "justification": "",
        "planned_fix": (
            "Die Redaktion prüft diese Dateien nach und nach und ersetzt sie durch barrierefreie Fassungen oder "
            "durch Text auf einer Webseite. Dateien, nach denen jemand fragt, bearbeiten wir zuerst."
        ),
        "alternative": (
            "Die Steckbriefe selbst stehen vollständig als Webseite und als barrierefreie PDF-Datei bereit. Auf "
            "Anfrage schicken wir Ihnen den Inhalt eines älteren Dokuments in barrierefreier Form."
        ),
    },
    {
        "title": "Verschiebbare Karte der StadtLabore",
        "description": (
            "Die Übersichtsseiten der StadtLabore können zusätzlich eine verschiebbare Karte anbieten. Ihre "
            "Kartenbilder kommen von einem fremden Server und werden erst geladen, wenn Sie ausdrücklich darauf "
            "klicken. Mit Tastatur und Screenreader ist diese Karte nur eingeschränkt bedienbar."
        ),
        "reason": REASON_OUT_OF_SCOPE,
        "justification": (
            "Online-Karten sind von den Anforderungen ausgenommen, wenn ihre wesentlichen Informationen "
            "barrierefrei auf anderem Weg bereitstehen. Das ist hier der Fall."
        ),
        "planned_fix": "",
        "alternative": (
            "Unter jeder Karte steht eine Tabelle mit allen Städten, ihrem Landkreis, Regierungsbezirk und ihrer "
            "Einwohnerzahl, mit Links zu den Stadtseiten. Die vereinfachte Karte ohne fremden Server ist mit der "
            "Tastatur bedienbar."
        ),
    },
    {
        "title": "Leichte Sprache nur für die wichtigsten Informationen",
        "description": (
            "In Leichter Sprache erklären wir, was es auf der Plattform gibt, wie man sich zurechtfindet und wie "
            "barrierefrei sie ist. Die Steckbriefe, Neuigkeiten und Termine gibt es nur in Standardsprache."
        ),
        "reason": REASON_DISPROPORTIONATE,
        "justification": (
            "Die Plattform enthält über 50 Steckbriefe, und die Städte ergänzen laufend neue. Sie alle in Leichte "
            "Sprache zu übertragen und von Prüferinnen und Prüfern mit Lernschwierigkeiten prüfen zu lassen, "
            "übersteigt die Mittel des Projekts."
        ),
        "planned_fix": "",
        "alternative": (
            "Auf Wunsch erklären wir einzelne Steckbriefe in Leichter Sprache. Schreiben Sie uns über das "
            "Formular „Barriere melden“."
        ),
    },
]

METHOD_DESCRIPTION = (
    "<p>Die Erklärung beruht auf einer Selbstbewertung der Redaktion. Bei jeder Änderung der Software prüft ein "
    "automatischer Test jeden Seitentyp in zwei Bildschirmbreiten (1280 und 320 Pixel): mit dem Prüfwerkzeug "
    "axe-core gegen die WCAG 2.2 auf Stufe AA und mit dem Nu Html Checker auf gültiges HTML. Dazu kommen "
    "Abläufe, die der Test nur mit der Tastatur durchspielt, etwa die Anmeldung und die Suche im "
    "Steckbrief-Katalog.</p>"
    "<p>Automatische Tests finden nicht jede Barriere. Neue Seitentypen prüft die Redaktion deshalb zusätzlich "
    "von Hand: mit der Tastatur, mit Bildschirmlupe und mit einem Screenreader.</p>"
)


def _statement_fields() -> dict:
    return {
        "title": "Erklärung zur Barrierefreiheit",
        "intro": STATEMENT_INTRO,
        "search_description": "Wie barrierefrei diese Website ist, welche Barrieren es noch gibt und wie Sie uns "
        "Barrieren melden.",
        "scope": STATEMENT_SCOPE,
        "conformity_status": ConformityStatus.PARTIAL,
        "conformity_explanation": STATEMENT_EXPLANATION,
        "known_barriers": _stream(*(("barrier", barrier) for barrier in KNOWN_BARRIERS)),
        "created_on": datetime.date(2026, 9, 14),
        "reviewed_on": datetime.date(2026, 11, 2),
        "methods": ["selbstbewertung", "automatisiert"],
        "method_description": METHOD_DESCRIPTION,
        # Office invented; e-mail, telephone and address come from the site settings (also examples).
        "contact_office": "Redaktion Inklusive Quartiere (Beispielangabe)",
        "is_example": True,
    }


# -- the pages in Leichte Sprache ---------------------------------------------------------------------------------


def _easy_start_body() -> str:
    return _stream(
        _heading("Willkommen"),
        _lines(
            "Diese Website heißt: Inklusive Quartiere.",
            "Auf dieser Website geht es um Quartiere.",
        ),
        _term(
            "Quartier",
            "Ein Quartier ist ein Teil von einer Stadt.",
            "Zum Beispiel ein Stadt·teil oder eine Nachbarschaft.",
            "Dort wohnen Menschen nah beieinander.",
        ),
        _lines(
            "Alle Menschen sollen gut in ihrem Quartier leben können.",
            "Menschen mit Behinderung und Menschen ohne Behinderung.",
            "Junge Menschen und alte Menschen.",
            "Menschen, die schon lange dort wohnen.",
            "Und Menschen, die neu dort wohnen.",
        ),
        _term(
            "inklusiv",
            "Inklusiv bedeutet: Alle Menschen gehören dazu.",
            "Alle können mitmachen.",
            "Niemand bleibt draußen.",
        ),
        _heading("Was haben die Städte gemacht?"),
        _lines(
            "9 Städte in Baden-Württemberg haben neue Ideen für ihre Quartiere ausprobiert.",
            "Das war von Mai 2019 bis Ende 2020.",
            "Die Städte heißen bei uns: Stadt·Labore.",
        ),
        _term(
            "Stadt·Labor",
            "In einem Labor probiert man etwas Neues aus.",
            "In einem Stadt·Labor probiert eine Stadt neue Ideen aus.",
            "Zum Beispiel: Wie lernen sich Nachbarn besser kennen?",
        ),
        _lines(
            "Die Städte haben dabei viel gelernt.",
            "Sie haben aufgeschrieben: Was hat gut geklappt?",
            "Und was hat nicht gut geklappt?",
            "So können andere Städte davon lernen.",
            "Danach haben 7 weitere Städte mitgemacht.",
            "Sie haben die Ideen in ihren Quartieren ausprobiert.",
        ),
        _heading("Wer hat die Website gemacht?"),
        _lines(
            "Die Website gehört zu einem Projekt vom Städte·tag Baden-Württemberg.",
            "Im Städte·tag arbeiten die Städte aus Baden-Württemberg zusammen.",
            "Das Geld für das Projekt kam vom Land Baden-Württemberg.",
            "Eine Redaktion kümmert sich um die Website.",
            "Die Städte schreiben ihre Erfahrungen selbst auf.",
        ),
        _term(
            "Redaktion",
            "Eine Redaktion ist eine Gruppe von Menschen.",
            "Sie schreiben Texte für die Website.",
            "Und sie prüfen die Texte.",
        ),
        _lines("Auf den nächsten Seiten erklären wir mehr über die Website."),
    )


def _easy_contents_body(pages: dict[str, Page | None]) -> str:
    blocks = [
        _lines("Auf dieser Website gibt es verschiedene Bereiche.", "Hier erklären wir die Bereiche."),
        _heading("Steck·briefe"),
        _lines(
            "Ein Steck·brief beschreibt ein Projekt von einer Stadt.",
            "Zum Beispiel einen neuen Treff·punkt für die Nachbarschaft.",
            "In jedem Steck·brief steht:",
        ),
        _list(
            "Was war das Ziel?",
            "Was hat die Stadt gemacht?",
            "Wie viel Arbeit und Geld hat das gekostet?",
            "Was hat gut geklappt?",
            "Was hat nicht gut geklappt?",
        ),
        _lines(
            "Sie können Steck·briefe zu einem Thema suchen.",
            "Oder Sie suchen Steck·briefe aus einer Stadt.",
            "Jeden Steck·brief gibt es auch als PDF-Datei.",
        ),
        _term(
            "PDF-Datei",
            "Eine PDF-Datei ist ein Dokument für den Computer.",
            "Sie können die Datei speichern.",
            "Und Sie können die Datei ausdrucken.",
        ),
    ]
    if pages.get("steckbriefe"):
        blocks.append(_link("Zu den Steck·briefen", page=pages["steckbriefe"]))
    blocks += [
        _heading("Filme"),
        _lines(
            "Es gibt kurze Filme über die Stadt·Labore.",
            "Die Filme zeigen die Arbeit in den Quartieren.",
            "Alle Filme haben Unter·titel.",
            "Sie können alles aus dem Film auch als Text lesen.",
        ),
    ]
    if pages.get("filme"):
        blocks.append(_link("Zu den Filmen", page=pages["filme"]))
    blocks += [
        _heading("Termine"),
        _lines(
            "Die Städte haben sich oft zu Werk·stätten getroffen.",
            "Bei den Terminen finden Sie diese Treffen.",
        ),
        _term(
            "Werk·statt",
            "In einer Werk·statt arbeiten Menschen zusammen.",
            "Hier bedeutet das: Die Städte treffen sich einen ganzen Tag.",
            "Sie lernen voneinander.",
            "Und sie planen neue Ideen für ihre Quartiere.",
        ),
    ]
    if pages.get("termine"):
        blocks.append(_link("Zu den Terminen", page=pages["termine"]))
    blocks += [
        _heading("Neuigkeiten"),
        _lines(
            "Hier stehen Nachrichten aus den Städten.",
            "Und Nachrichten über die Arbeit von allen Städten zusammen.",
        ),
    ]
    if pages.get("neuigkeiten"):
        blocks.append(_link("Zu den Neuigkeiten", page=pages["neuigkeiten"]))
    blocks += [
        _heading("Suche"),
        _lines(
            "Sie suchen etwas Bestimmtes?",
            "Dann benutzen Sie die Suche.",
            "Die Suche ist oben auf jeder Seite.",
        ),
        _link("Zur Suche", url="/suche/"),
        _heading("Bereich für Mitglieder"),
        _lines(
            "Manche Inhalte sind nur für Mitglieder.",
            "Mitglieder arbeiten in den Städten vom Projekt mit.",
            "Mitglieder melden sich mit ihrem Namen und einem Pass·wort an.",
            "Dann sehen sie auch die Inhalte für Mitglieder.",
        ),
        _term(
            "Pass·wort",
            "Ein Pass·wort ist ein geheimes Wort.",
            "Nur Sie kennen dieses Wort.",
            "Mit dem Pass·wort zeigen Sie: Ich bin es wirklich.",
        ),
        _link("Zur Anmeldung für Mitglieder", url="/anmelden/"),
    ]
    return _stream(*blocks)


def _easy_navigation_body() -> str:
    return _stream(
        _lines("Hier erklären wir: So benutzen Sie diese Website."),
        _heading("Das Menü"),
        _lines(
            "Oben auf jeder Seite ist das Menü.",
            "Im Menü stehen die wichtigsten Bereiche von der Website.",
            "Klicken Sie auf einen Bereich.",
            "Dann kommen Sie zu der Seite für diesen Bereich.",
            "Neben manchen Bereichen ist ein Knopf mit einem Pfeil.",
            "Der Knopf zeigt weitere Seiten an.",
        ),
        _term(
            "Menü",
            "Ein Menü ist eine Liste.",
            "In der Liste stehen die Seiten von der Website.",
        ),
        _heading("Die Suche"),
        _lines(
            "Oben auf jeder Seite ist ein Feld für die Suche.",
            "Schreiben Sie ein Wort in das Feld.",
            "Zum Beispiel: Nachbarschaft.",
            "Klicken Sie dann auf den Knopf: Suchen.",
            "Dann sehen Sie alle Seiten mit diesem Wort.",
        ),
        _heading("Direkt zum Inhalt"),
        _lines(
            "Ganz oben auf jeder Seite gibt es einen versteckten Link.",
            "Der Link heißt: Zum Inhalt springen.",
            "Sie sehen den Link, wenn Sie die Tab-Taste drücken.",
            "Mit dem Link springen Sie über das Menü.",
            "Sie kommen direkt zum Text von der Seite.",
            "Das hilft zum Beispiel Menschen mit einem Bildschirm·leser.",
        ),
        _term(
            "Tab-Taste",
            "Die Tab-Taste ist links auf der Tastatur.",
            "Auf der Taste sind 2 Pfeile.",
        ),
        _term(
            "Bildschirm·leser",
            "Ein Bildschirm·leser ist ein Programm für den Computer.",
            "Das Programm liest vor, was auf dem Bildschirm steht.",
            "Viele blinde Menschen benutzen so ein Programm.",
        ),
        _heading("Die Schrift größer machen"),
        _lines(
            "Ist Ihnen die Schrift zu klein?",
            "Dann können Sie alles größer machen.",
            "Halten Sie die Taste Steuerung gedrückt.",
            "Auf vielen Tastaturen steht auf dieser Taste: Strg.",
            "Drücken Sie dann die Taste mit dem Plus·zeichen.",
            "Jetzt ist alles größer.",
            "Mit der Taste Minus machen Sie alles wieder kleiner.",
            "Auf einem Computer von Apple nehmen Sie die Befehls·taste.",
            "Auf dem Handy ziehen Sie die Seite mit 2 Fingern größer.",
        ),
        _heading("Ohne Maus benutzen"),
        _lines(
            "Sie können die Website auch nur mit der Tastatur benutzen.",
            "Mit der Tab-Taste kommen Sie zum nächsten Link.",
            "Mit der Eingabe·taste öffnen Sie den Link.",
            "Sie sehen immer, wo Sie gerade sind.",
            "Dort ist ein dicker Rahmen.",
        ),
    )


def _easy_accessibility_body(statement: Page | None) -> str:
    blocks = [
        _heading("Was bedeutet Barriere·freiheit?"),
        _term(
            "Barriere",
            "Eine Barriere ist ein Hindernis.",
            "Zum Beispiel eine Treppe für Menschen im Roll·stuhl.",
            "Auch auf einer Website gibt es Barrieren.",
            "Zum Beispiel ein Film ohne Unter·titel.",
        ),
        _lines(
            "Barriere·frei bedeutet: Alle Menschen können die Website gut benutzen.",
            "Auch Menschen mit Behinderung.",
            "Das ist uns wichtig.",
            "Wir prüfen die Website regelmäßig mit einem Computer·programm.",
            "Und wir prüfen die Website selbst.",
        ),
        _heading("Was klappt noch nicht?"),
        _lines("Die Website ist noch nicht ganz barriere·frei.", "Das sind die Probleme:"),
        _list(
            "Das Video in Gebärden·sprache ist nur ein Platz·halter.",
            "Manche älteren PDF-Dateien von den Städten sind nicht barriere·frei.",
            "Die Karte zum Verschieben ist nicht für alle Menschen gut zu benutzen.",
            "Nur ein Teil von der Website ist in Leichter Sprache.",
        ),
        _term(
            "Gebärden·sprache",
            "Gebärden·sprache ist eine Sprache mit den Händen.",
            "Auch das Gesicht und der Körper sprechen mit.",
            "Viele gehörlose Menschen sprechen Gebärden·sprache.",
        ),
        _lines(
            "Für diese Probleme gibt es andere Wege.",
            "Ein Beispiel: Unter der Karte steht eine Tabelle.",
            "In der Tabelle stehen dieselben Informationen wie auf der Karte.",
            "Brauchen Sie eine Datei in einer anderen Form?",
            "Dann schreiben Sie uns.",
        ),
        _heading("Sie haben eine Barriere gefunden?"),
        _lines(
            "Dann sagen Sie uns bitte Bescheid.",
            "Dafür gibt es ein Formular.",
            "Das Formular heißt: Barriere melden.",
            "Wir antworten Ihnen so schnell wie möglich.",
        ),
        _term(
            "Formular",
            "Ein Formular hat Fragen und leere Felder.",
            "Sie schreiben Ihre Antworten in die Felder.",
            "Dann schicken Sie das Formular ab.",
        ),
        ("feedback_link", None),
        _heading("Sie sind mit unserer Antwort nicht zufrieden?"),
        _lines(
            "Dann können Sie die Schlichtungs·stelle fragen.",
            "Die Schlichtungs·stelle gehört zum Landes·zentrum Barriere·freiheit Baden-Württemberg.",
            "Wichtig: Schreiben Sie zuerst uns.",
            "Erst danach kann Ihnen die Schlichtungs·stelle helfen.",
        ),
        _term(
            "Schlichtungs·stelle",
            "Eine Schlichtungs·stelle hilft bei einem Streit.",
            "Sie spricht mit Ihnen und mit uns.",
            "Zusammen suchen alle eine gute Lösung.",
            "Dafür müssen Sie nicht vor ein Gericht gehen.",
            "Die Schlichtung kostet Sie normaler·weise nichts.",
        ),
        _link("Zur Website von der Schlichtungs·stelle", url=CONCILIATION_URL),
    ]
    if statement is not None:
        blocks += [
            _heading("Noch mehr Informationen"),
            _lines(
                "Alles über die Barriere·freiheit steht auch auf einer langen Seite.",
                "Der Text dort ist nicht in Leichter Sprache.",
            ),
            _link("Zur langen Erklärung zur Barriere·freiheit", page=statement),
        ]
    return _stream(*blocks)


EASY_CHILDREN = [
    (
        "was-gibt-es-auf-der-website",
        "Was gibt es auf der Website?",
        "Hier steht: Welche Inhalte finden Sie auf dieser Website?",
    ),
    (
        "so-finden-sie-sich-zurecht",
        "So finden Sie sich zurecht",
        "Hier steht: So benutzen Sie diese Website.",
    ),
    (
        STATEMENT_SLUG,
        "Barriere·freiheit",
        "Hier steht: Was klappt auf der Website noch nicht? Und wie melden Sie ein Problem?",
    ),
]


# -- loading ------------------------------------------------------------------------------------------------------


def _replace_old_content_page(home: HomePage, slug: str, page_class) -> None:
    """Delete a core ContentPage that still holds the slug (older demo databases) so our page type can take it."""
    existing = home.get_children().filter(slug=slug).first()
    if existing is not None and not isinstance(existing.specific, page_class):
        existing.delete()


def _home_section_pages(home: HomePage) -> dict[str, Page | None]:
    children = home.get_children().filter(slug__in=["steckbriefe", "filme", "termine", "neuigkeiten"])
    return {page.slug: page for page in children}


def load(stdout) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    # Settings that still point at the old ContentPages are taken over (those pages are deleted below).
    points_at_old = {
        field: getattr(settings, field) is not None and isinstance(getattr(settings, field).specific, ContentPage)
        for field in ("accessibility_page", "easy_language_page")
    }

    _replace_old_content_page(home, STATEMENT_SLUG, AccessibilityStatementPage)
    _replace_old_content_page(home, EASY_SLUG, EasyLanguagePage)

    statement = AccessibilityStatementPage.objects.first()
    if statement is None:
        statement, _created = ensure_child(home, AccessibilityStatementPage, STATEMENT_SLUG, **_statement_fields())

    easy_start, _created = ensure_child(
        home,
        EasyLanguagePage,
        EASY_SLUG,
        title="Leichte Sprache",
        intro="Hier erklären wir diese Website in Leichter Sprache.",
        body=_easy_start_body(),
        search_description="Informationen über diese Website in Leichter Sprache.",
    )
    bodies = {
        "was-gibt-es-auf-der-website": lambda: _easy_contents_body(_home_section_pages(home)),
        "so-finden-sie-sich-zurecht": _easy_navigation_body,
        STATEMENT_SLUG: lambda: _easy_accessibility_body(statement),
    }
    easy_children = {}
    for slug, title, intro in EASY_CHILDREN:
        easy_children[slug], _created = ensure_child(
            easy_start, EasyLanguagePage, slug, title=title, intro=intro, body=bodies[slug]()
        )

    if statement.easy_language_page_id is None and statement.slug == STATEMENT_SLUG:
        statement.easy_language_page = easy_children[STATEMENT_SLUG]
        statement.save_revision().publish()

    settings.refresh_from_db()
    changed = False
    for field, page in (("accessibility_page", statement), ("easy_language_page", easy_start)):
        if getattr(settings, field) is None or points_at_old[field]:
            setattr(settings, field, page)
            changed = True
    if changed:
        settings.save()
    stdout.write("  Erklärung zur Barrierefreiheit und Seiten in Leichter Sprache bereit")
