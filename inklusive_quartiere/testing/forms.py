"""Form data for Wagtail's edit views, shared by the tests that edit pages through the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def steckbrief_form(**overrides):
    """POST data of Wagtail's Steckbrief edit form, valid unless overridden."""
    data = {
        "title": "Neuer Steckbrief Lupine",
        "slug": "neuer-steckbrief-lupine",
        "summary": "Kurz und knapp.",
        "status": "in_progress",
        "status_history": inline_formset([]),
        "start_date": "2022-03-01",
        "end_date": "",
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
    from inklusive_quartiere.steckbriefe.taxonomy import Category

    return Category.objects.first().pk
