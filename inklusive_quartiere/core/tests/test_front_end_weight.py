"""The built front end stays light and complete (docs/front-end.md): subset fonts that still have every character the
site writes, and a purged stylesheet that still has every class the templates use.

These read inklusive_quartiere/built/ as `make frontend` leaves it (make test builds it first)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

from inklusive_quartiere.core import fonts

PROJECT_DIR = Path(settings.BASE_DIR) / "inklusive_quartiere"
BUILT = Path(settings.FRONTEND_BUILD_DIR)
FONT_FILES = [BUILT / "static" / "fonts" / f"FiraSans-{face}.woff2" for face in fonts.FACES]
MAIN_CSS = BUILT / "static" / "css" / "main.css"
PURGE_REPORT = BUILT / ".purge-report.json"
BUILD_HINT = "run `make frontend` (npm run build, then the font subsetting)"

FONT_BUDGET = 30 * 1024  # per face; the full faces weigh ~135 KB
CSS_BUDGET = 160 * 1024  # uncompressed; ~125 KB after the purge, 199 KB before
CSS_GZIP_BUDGET = 21 * 1024  # as WhiteNoise's .gz copy (level 9); ~17 KB after the purge, 23 KB before

# The core classes of every component main.scss includes and of the site's own chrome, plus the variants that are
# only written through a placeholder (`kern-alert--{{ variant }}`): the purge must keep them.
CORE_CLASSES = [
    "kern-icon",
    "kern-icon--info",
    "kern-icon--danger",
    "kern-icon--warning",
    "kern-icon--success",
    "kern-alert",
    "kern-alert__header",
    "kern-alert__body",
    "kern-alert--info",
    "kern-alert--danger",
    "kern-alert--warning",
    "kern-alert--success",
    "kern-badge",
    "kern-btn",
    "kern-btn--primary",
    "kern-btn--secondary",
    "kern-card",
    "kern-description-list",
    "kern-fieldset",
    "kern-form-input",
    "kern-form-input__input",
    "kern-form-input__select",
    "kern-form-check",
    "kern-form-check__checkbox",
    "kern-form-check__radio",
    "kern-table",
    "kern-label",
    "kern-hint",
    "kern-error",
    "kern-link",
    "kern-list",
    "kern-heading-x-large",
    "kern-heading-medium",
    "kern-body",
    "kern-title",
    "kern-sr-only",
    "iq-skip-link",
    "iq-header",
    "iq-nav__toggle",
    "iq-footer",
]


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: {BUILD_HINT}")
    return path


def _classes_of(css: str) -> set[str]:
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css))


def characters_the_site_writes() -> dict[str, str]:
    """Every character of the templates, the translation catalogues and the demo content, with one file it is in."""
    found: dict[str, str] = {}

    def add(text: str, source: Path) -> None:
        for char in text:
            found.setdefault(char, str(source.relative_to(PROJECT_DIR)))

    for path in sorted(PROJECT_DIR.glob("**/templates/**/*")):
        if path.is_file() and "built" not in path.parts:
            add(path.read_text(encoding="utf-8"), path)
    for path in sorted(PROJECT_DIR.glob("locale/*/LC_MESSAGES/*.po")):
        add(path.read_text(encoding="utf-8"), path)
    for path in sorted(PROJECT_DIR.glob("**/demo_content/*.json")):
        # Decoded: the JSON files may write a character as \\u escape.
        add(json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False), path)
    for control in "\n\r\t":
        found.pop(control, None)
    return found


def test_the_scan_finds_the_characters_german_needs():
    """Positive control of the collector: a scan that found nothing would let every font pass."""
    found = characters_the_site_writes()
    assert set("äöüÄÖÜß„“–") <= set(found), sorted(set("äöüÄÖÜß„“–") - set(found))


@pytest.mark.parametrize("path", FONT_FILES, ids=lambda path: path.stem)
def test_every_character_the_site_writes_is_in_the_font_subset(path):
    cmap = TTFont(_require(path)).getBestCmap()
    missing = {
        f"U+{ord(char):04X} {char!r} (e.g. in {source})"
        for char, source in characters_the_site_writes().items()
        if ord(char) not in cmap and char not in fonts.FALLBACK
    }
    assert not missing, (
        f"{path.name} has no glyph for: {sorted(missing)}. Add the characters to EXTRA_CHARACTERS in "
        f"core/fonts.py (or to FALLBACK when Fira Sans has none) and run `make frontend`."
    )


@pytest.mark.parametrize("path", FONT_FILES, ids=lambda path: path.stem)
def test_the_fonts_are_subset_and_keep_kerning_and_ligatures(path):
    size = _require(path).stat().st_size
    assert size <= FONT_BUDGET, f"{path.name} weighs {size} bytes: not subset? {BUILD_HINT}"
    font = TTFont(path)
    source = TTFont(fonts.SOURCE_DIR / path.name).getBestCmap()  # e.g. ſ is only in the italic face
    missing = {f"U+{cp:04X}" for cp in fonts.unicodes() if cp in source and cp not in font.getBestCmap()}
    assert not missing, f"characters of the subset list missing in {path.name}: {sorted(missing)}"
    gpos = {record.FeatureTag for record in font["GPOS"].table.FeatureList.FeatureRecord}
    gsub = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    assert "kern" in gpos and {"liga", "tnum"} <= gsub, (gpos, gsub)


def test_the_stylesheet_is_within_its_budget_and_keeps_every_components_core_classes():
    css = _require(MAIN_CSS).read_bytes()
    compressed = len(gzip.compress(css, compresslevel=9))
    assert len(css) <= CSS_BUDGET, f"main.css weighs {len(css)} bytes (budget {CSS_BUDGET}): not purged? {BUILD_HINT}"
    assert compressed <= CSS_GZIP_BUDGET, f"main.css weighs {compressed} bytes gzipped (budget {CSS_GZIP_BUDGET})"
    missing = sorted(set(CORE_CLASSES) - _classes_of(css.decode("utf-8")))
    assert missing == [], f"the purge removed core classes: {missing}"
    text = css.decode("utf-8")
    # KERN sets its colour tokens on <body> through a selector of pseudo-classes only (frontend/purge.mjs).
    assert ":is(body," in text, "the rule setting KERN's colour tokens on <body> was purged"
    assert "@font-face" in text and "FiraSans-Regular.woff2" in text


def _template_classes() -> dict[str, str]:
    """Literal class names in class="…" attributes of the templates and of the Python files that write HTML."""
    found: dict[str, str] = {}
    paths = [p for p in PROJECT_DIR.glob("**/templates/**/*.html") if "built" not in p.parts]
    paths += [
        p
        for p in PROJECT_DIR.glob("**/*.py")
        if not {"tests", "migrations", "built"} & set(p.parts) and not p.name.startswith("test_")
    ]
    for path in sorted(paths):
        for attribute in re.findall(r'class="([^"]*)"', path.read_text(encoding="utf-8")):
            literal = re.sub(r"\{[{%].*?[%}]\}", " ", attribute)  # the words between template tags are classes
            for name in literal.split():
                if re.fullmatch(r"[a-zA-Z][\w-]*", name):
                    found.setdefault(name, str(path.relative_to(PROJECT_DIR)))
    return found


def test_no_rule_for_classes_the_templates_use_is_purged():
    """A removed selector must name a class no template writes (`.kern-table--striped .kern-table__row` goes because
    no template writes kern-table--striped; `.kern-table__row` alone would have to stay)."""
    report = json.loads(_require(PURGE_REPORT).read_text())
    used = _template_classes()
    assert "kern-btn" in used and "iq-skip-link" in used, "the template scan found nothing"
    assert report["rejected_selectors"], "nothing was purged: is the purge running?"
    wrongly_removed = sorted(
        selector
        for selector in report["rejected_selectors"]
        if (classes := _classes_of(selector)) and classes <= set(used)
    )
    assert wrongly_removed == [], f"rules for classes the templates use were purged from main.css: {wrongly_removed}"
    kept = _classes_of(_require(MAIN_CSS).read_text(encoding="utf-8"))
    compiled = set(report["compiled_classes"])
    assert {"kern-btn", "kern-alert"} <= compiled & kept
