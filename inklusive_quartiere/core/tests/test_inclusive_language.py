"""One inclusive style in everything a visitor reads: the pair form ("Einwohnerinnen und Einwohner"), never the
masculine form alone for a group of people, nor the gender star. Scans the templates, the demo content, the
German catalogue and the texts in the Python code (verbose names, help texts, choices)."""

import re
from pathlib import Path

import pytest

APP_DIR = Path(__file__).resolve().parents[2]

# Masculine plural forms that stand for a group of people. Each must come as the second half of a pair
# ("Bewohnerinnen und Bewohner", "Bewohnerinnen, Bewohner und Verwaltung"); compounds ("Einwohnerzahl",
# "Bürgerbeteiligung") are fine, and so are gender-neutral words ("Teilnehmende", "Ansprechperson").
TERMS = [
    "Einwohner",
    "Bewohner",
    "Anwohner",
    "Bürger",
    "Nutzer",
    "Planer",
    "Teilnehmer",
    "Mitarbeiter",
    "Besucher",
    "Experten",
    "Akteure",
    "Ansprechpartner",
    "Leser",
    "Referenten",
]
SHORT_FORM = re.compile(r"(?<!innen und )(?<!innen, )(?<!innen oder )\b(?:" + "|".join(TERMS) + r")n?\b(?!innen)")
GENDER_STAR = re.compile(r"\w[*:_]innen\b")
# One named man, not a group: the masculine singular is right here.
ALLOWED = ["Teilnehmer (Beispiel)", "Mitarbeiter StadtLabor", "männlichen Besucher"]


def short_forms(text: str) -> list[str]:
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    found = [text[max(0, m.start() - 30) : m.end() + 10] for m in SHORT_FORM.finditer(text)]
    found += [text[max(0, m.start() - 30) : m.end() + 10] for m in GENDER_STAR.finditer(text)]
    return found


def visitor_texts():
    for path in sorted(APP_DIR.rglob("*")):
        parts = set(path.parts)
        if parts & {"tests", "testing", "migrations", "node_modules", "built", "static"} or not path.is_file():
            continue
        demo_json = path.suffix == ".json" and parts & {"demo_content", "demo_data"}
        if path.suffix in {".html", ".po", ".py"} or demo_json:
            yield path


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("ca. 126 000 Einwohner", True),
        ("unter 10 000 Einwohnern", True),
        ("die Akteure im Quartier", True),
        ("Planer und Verwaltung", True),
        ("Bürger*innen", True),
        ("Einwohnerinnen und Einwohner", False),
        ("Einwohnerinnen und Einwohnern", False),
        ("Bewohnerinnen, Bewohner und Verwaltung", False),
        ("die Einwohnerzahl", False),
        ("Teilnehmende und Ansprechperson", False),
        ("Teilnehmer (Beispiel): Früher mit dem Bauamt reden.", False),
    ],
)
def test_the_scan_finds_short_forms(text, flagged):
    assert bool(short_forms(text)) is flagged


def test_scan_covers_templates_demo_content_and_code():
    names = {path.name for path in visitor_texts()}
    assert {"city_page.html", "10-cities.json", "part_a.json", "django.po", "models.py"} <= names


def test_no_short_forms_in_what_visitors_read():
    problems = {}
    for path in visitor_texts():
        found = short_forms(path.read_text(encoding="utf-8"))
        if found:
            problems[str(path.relative_to(APP_DIR))] = found
    assert problems == {}, f"use the pair form (Einwohnerinnen und Einwohner): {problems}"
