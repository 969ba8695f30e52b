"""The accessibility checks on editors' content: heading outlines in rich text and meaningless link texts; and
the project-wide rule that no rich text offers h1/h5/h6 and every heading-enabled one validates its outline."""

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from inklusive_quartiere.core.a11y_checks import (
    FORBIDDEN_HEADING_FEATURES,
    HEADING_FEATURES,
    HeadingOutlineValidator,
    heading_outline_problems,
    is_meaningless_link_text,
    meaningless_link_texts,
    normalise_link_text,
    skipped_heading_positions,
)

# -- headings -------------------------------------------------------------------------------------------------------


def test_sequential_headings_have_no_problems():
    html = "<p>Intro</p><h3>Ablauf</h3><h4>Vorbereitung</h4><h4>Durchführung</h4><h3>Ergebnis</h3>"
    assert heading_outline_problems(html, start_level=2) == []


def test_text_without_headings_has_no_problems():
    assert heading_outline_problems("<p>Nur Text mit <a href='/x/'>Link</a>.</p>") == []
    assert heading_outline_problems("") == []


def test_h4_without_preceding_h3_is_a_skipped_level():
    problems = heading_outline_problems("<h4>Details</h4>", start_level=2)
    assert len(problems) == 1
    assert "„Details“ (h4) überspringt eine Ebene" in problems[0]
    assert "keine h3" in problems[0]


def test_skip_is_found_after_going_back_up():
    problems = heading_outline_problems("<h3>A</h3><h4>B</h4><h2>C</h2><h4>D</h4>", start_level=2)
    assert len(problems) == 1 and "„D“" in problems[0]


def test_start_level_is_the_heading_the_text_sits_under():
    """Directly below the page title the first heading must be an h2; inside an h2 section an h3 may start."""
    assert heading_outline_problems("<h3>A</h3>", start_level=2) == []
    problems = heading_outline_problems("<h3>A</h3>", start_level=1)
    assert problems and "keine h2" in problems[0]


def test_h1_h5_and_empty_headings_are_problems():
    problems = heading_outline_problems("<h1>Titel</h1><h3>A</h3><h4>B</h4><h5>C</h5><h3> </h3>", start_level=2)
    text = " ".join(problems)
    assert "„Titel“ ist eine h1" in text
    assert "„C“ ist eine h5" in text
    assert "Eine Überschrift ist leer" in text
    assert len(problems) == 3


def test_validator_raises_the_problems_and_deconstructs():
    validator = HeadingOutlineValidator(start_level=2)
    validator("<h3>A</h3><h4>B</h4>")
    with pytest.raises(ValidationError) as error:
        validator("<h4>B</h4>")
    assert "überspringt eine Ebene" in error.value.messages[0]
    path, args, kwargs = validator.deconstruct()
    assert path == "inklusive_quartiere.core.a11y_checks.HeadingOutlineValidator"
    assert kwargs == {"start_level": 2}
    assert validator == HeadingOutlineValidator(2) and validator != HeadingOutlineValidator(1)


def test_rich_text_block_with_headings_refuses_a_skipped_level():
    block = blocks.RichTextBlock(features=["h3", "h4", "bold"], validators=[HeadingOutlineValidator(2)])
    block.clean(block.to_python("<h3>A</h3><h4>B</h4>"))
    with pytest.raises(ValidationError):
        block.clean(block.to_python("<h4>B</h4>"))


# -- every rich text in the project ---------------------------------------------------------------------------------


def _default_features():
    return settings.WAGTAILADMIN_RICH_TEXT_EDITORS["default"]["OPTIONS"]["features"]


def _rich_text_blocks(block, path):
    if isinstance(block, blocks.RichTextBlock):
        yield path, block
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from _rich_text_blocks(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from _rich_text_blocks(block.child_block, f"{path}[]")


def _project_rich_text():
    """(where, features, validators) for every RichTextField and RichTextBlock of the project's models."""
    for model in apps.get_models():
        if not model.__module__.startswith("inklusive_quartiere."):
            continue
        for field in model._meta.get_fields():
            where = f"{model._meta.label}.{field.name}"
            if isinstance(field, RichTextField):
                yield where, field.features or _default_features(), field.validators
            elif isinstance(field, StreamField):
                for path, block in _rich_text_blocks(field.stream_block, where):
                    yield path, block.features or _default_features(), block.field_options["validators"]


def test_default_editor_offers_no_h1_h5_h6():
    assert not FORBIDDEN_HEADING_FEATURES & set(_default_features())


def test_the_walk_finds_the_projects_rich_text():
    found = {where for where, _features, _validators in _project_rich_text()}
    assert "core.ContentPage.body.paragraph" in found
    assert any(where.endswith(".transcript") for where in found)  # films: a RichTextField


def _policy_violations(entries):
    violations = []
    for where, features, validators in entries:
        if FORBIDDEN_HEADING_FEATURES & set(features):
            violations.append(f"{where} offers {sorted(FORBIDDEN_HEADING_FEATURES & set(features))}")
        elif HEADING_FEATURES & set(features) and not any(isinstance(v, HeadingOutlineValidator) for v in validators):
            violations.append(f"{where} offers headings without HeadingOutlineValidator")
    return violations


def test_policy_catches_forbidden_levels_and_unvalidated_headings():
    entries = [
        ("a", ["bold", "h1"], [HeadingOutlineValidator()]),
        ("b", ["h3", "h4"], []),
        ("c", ["h3", "h4"], [HeadingOutlineValidator(2)]),
        ("d", ["bold", "link"], []),
    ]
    assert [v[0] for v in _policy_violations(entries)] == ["a", "b"]


def test_no_rich_text_offers_h1_h5_h6_and_headings_are_validated():
    assert _policy_violations(_project_rich_text()) == []


# -- link texts -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hier",
        "Hier",
        " HIER. ",
        "mehr",
        "» Mehr …",
        "weiter",
        "Weiterlesen",
        "Klicken Sie hier!",
        "hier klicken",
        "Mehr erfahren",
        "Link",
        "click here",
        "More",
        "Read more →",
        "https://www.stadt-ulm.de/leben",
        "www.example.org",
        "example.org/programm",
        "",
        "   ",
    ],
)
def test_meaningless_link_texts_are_found(text):
    assert is_meaningless_link_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Programm der Werkstatt als PDF",
        "Mehr über das Quartierscafé in Bruchsal",
        "Hier wohnen: Erfahrungen aus Ulm",
        "Weiter zur Anmeldung für die Werkstatt",
        "info@example.org",
        "z. B. das Handbuch",
    ],
)
def test_meaningful_link_texts_pass(text):
    assert not is_meaningless_link_text(text)


def test_normalisation():
    assert normalise_link_text("  »Klicken   Sie hier!« ") == "klicken sie hier"


def test_links_in_html_are_checked_by_their_text():
    html = (
        '<p>Das Programm finden Sie <a href="/programm/">hier</a>. '
        '<a linktype="page" id="3">Zur Anmeldung für die Werkstatt</a> '
        '<a href="https://example.org/x">https://example.org/x</a></p>'
    )
    assert meaningless_link_texts(html) == ["hier", "https://example.org/x"]


def test_skipped_positions_every_misplaced_heading_is_reported():
    assert skipped_heading_positions([3, 3, 2, 3], start_level=1) == [0, 1]
    assert skipped_heading_positions([2, 4, 4, 3, 4], start_level=1) == [1, 2]
    assert skipped_heading_positions([3, 4, 2, 3], start_level=2) == []
