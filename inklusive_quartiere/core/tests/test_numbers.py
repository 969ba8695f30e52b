"""German number formatting (core/numbers.py): one helper for every number a visitor reads."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from inklusive_quartiere.core.numbers import NBSP, format_currency, format_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1_000"),
        (20500, "20_500"),
        (630000, "630_000"),
        (1234567, "1_234_567"),
        (-20500, "−20_500"),
        (-5, "−5"),
        (3.5, "3,5"),
        (2.0, "2"),
        (Decimal("1234.50"), "1_234,50"),
        ("20500", "20_500"),
        (None, ""),
        ("", ""),
        (True, ""),
        ("20\u00a0500", "20_500"),  # already formatted: left as it is, never doubled
        ("ca. 3000", "ca. 3000"),  # not a number: left as it is
        (float("nan"), "nan"),
    ],
)
def test_format_number(value, expected):
    assert format_number(value) == expected.replace("_", NBSP)  # "_": the no-break space


def test_the_group_separator_is_a_no_break_space():
    """A no-break space keeps "20 500" on one line; it is U+00A0 because the site's font has no U+202F."""
    assert format_number(20500) == "20\u00a0500"
    assert " " not in format_number(630000)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(12.345, 1, "12,3"), (12.35, 1, "12,4"), (1000, 2, "1 000,00"), (0.5, 0, "1"), (-0.04, 1, "0,0")],
)
def test_format_number_with_fixed_decimals(value, decimals, expected):
    assert format_number(value, decimals) == expected.replace(" ", NBSP)


def test_format_currency():
    assert format_currency(12000) == f"12{NBSP}000{NBSP}€"
    assert format_currency(None) == ""
    assert format_currency(1499.5, 2) == f"1{NBSP}499,50{NBSP}€"


def test_template_filters():
    template = Template(
        "{% load core_tags %}{{ n|de_number }}|{{ share|de_number:1 }}|{{ cost|de_currency }}|{{ none|de_number }}|"
        "{{ n|de_number:'x' }}"
    )
    html = template.render(Context({"n": 20500, "share": 12.25, "cost": 12000, "none": None}))
    assert html == f"20{NBSP}500|12,3|12{NBSP}000{NBSP}€||20{NBSP}500"
