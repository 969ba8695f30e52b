"""Form data for Wagtail's edit views, shared by the tests that edit pages through the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from inklusive_quartiere.taxonomy.models import Category


def steckbrief_form(**overrides):
    """POST data of Wagtail's Steckbrief edit form, valid unless overridden."""
    data = {
        "title": "Neuer Steckbrief Lupine",
        "slug": "neuer-steckbrief-lupine",
        "summary": "Kurz und knapp.",
        "status_history": inline_formset([{"status": "in_progress", "date": "2022-03-01", "note": ""}]),
        "start_date_month": "3",
        "start_date_year": "2022",
        "end_date_month": "",
        "end_date_year": "",
        "related_steckbrief_links": inline_formset([]),
        "new_neighbourhoods": "",
        "cost_band": "lt5k",
        "staff_effort": "low",
        "duration": "short",
        "partners": "",
        "description": rich_text("<p>Beschreibung.</p>"),
        "aims": rich_text(""),
        "steps": streamfield([]),
        "success_factors": rich_text(""),
        "stumbling_blocks": rich_text(""),
        "transferability": rich_text(""),
        "results": rich_text(""),
        "gallery": streamfield([]),
        "downloads": streamfield([]),
        "contact": "",
        "last_reviewed": "",
        "licence": "cc-by-4.0",
        "seo_title": "",
        "search_description": "",
        "is_example": "",
    }
    categories = overrides.pop("categories", [_first_category()])
    data.update(overrides)
    form = nested_form_data(data)
    # Multiple-choice fields go to the test client as lists, which nested_form_data would flatten.
    form["categories"] = categories
    return form


def _first_category():
    return Category.objects.first().pk
