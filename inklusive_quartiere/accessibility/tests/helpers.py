"""Shared test helpers: the demo pages and the statement's admin form data."""

from __future__ import annotations

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from inklusive_quartiere.accessibility.models import AccessibilityStatementPage, EasyLanguagePage

BARRIER = {
    "title": "Platzhalter-Video",
    "description": "Das Video zeigt noch keine Person, die gebärdet.",
    "reason": "noch_nicht_behoben",
    "justification": "",
    "planned_fix": "Neues Video bis Ende des Jahres.",
    "alternative": "Text in Leichter Sprache.",
}


def statement() -> AccessibilityStatementPage:
    return AccessibilityStatementPage.objects.get()


def easy_start() -> EasyLanguagePage:
    return EasyLanguagePage.objects.get(depth=3, slug="leichte-sprache")


def statement_form(*, barriers=None, methods=("selbstbewertung",), **overrides) -> dict:
    """POST data of the statement's edit form (valid for publishing unless overridden)."""
    data = {
        "title": "Erklärung zur Barrierefreiheit",
        "slug": "barrierefreiheit",
        "intro": "",
        "easy_language_page": "",
        "scope": rich_text("<p>Diese Website.</p>"),
        "conformity_status": "teilweise",
        "conformity_standard": "den Anforderungen der BITV 2.0",
        "conformity_explanation": rich_text(""),
        "known_barriers": streamfield([("barrier", b) for b in ([BARRIER] if barriers is None else barriers)]),
        "created_on": "2026-01-10",
        "reviewed_on": "2026-02-01",
        "method_description": rich_text(""),
        "feedback_text": "",
        "contact_office": "",
        "contact_email": "",
        "contact_phone": "",
        "contact_address": "",
        "enforcement_text": rich_text(""),
        "conciliation_name": "Schlichtungsstelle",
        "conciliation_url": "https://example.org/schlichtung",
        "conciliation_legal_basis": "§ 10b L-BGG",
        "seo_title": "",
        "search_description": "",
        "is_example": "",
    }
    data.update(overrides)
    form = nested_form_data(data)
    form["methods"] = list(methods)
    return form
