"""The table block: caption and header cells required, empty tables refused, accessible KERN markup."""

import re

import pytest
from django.core.exceptions import ValidationError

from inklusive_quartiere.core.blocks import AccessibleTableBlock, BodyStreamBlock
from inklusive_quartiere.core.models import ContentPage, HomePage
from inklusive_quartiere.testing.accounts import login_verified

CITIES = [["Stadt", "Einwohner", "Labor seit"], ["Ulm", "126.000", "2021"], ["Bruchsal", "45.000", "2022"]]


def _table(data=None, choice="row", caption="Städte im Netzwerk"):
    return {"data": CITIES if data is None else data, "table_header_choice": choice, "table_caption": caption}


def _clean(value, deferred=False):
    """Publishing cleans with every check; saving a draft defers the "required" ones (Wagtail's clean_deferred)."""
    block = AccessibleTableBlock()
    return block.clean_deferred(value) if deferred else block.clean(value)


def _messages(value, deferred=False):
    with pytest.raises(ValidationError) as error:
        _clean(value, deferred=deferred)
    return " ".join(error.value.messages)


def test_table_with_caption_and_header_row_is_accepted():
    cleaned = _clean(_table())
    assert cleaned["first_row_is_table_header"] and not cleaned["first_col_is_header"]
    assert cleaned["data"] == CITIES


@pytest.mark.parametrize("choice", ["column", "col", "both"])
def test_header_column_or_both_are_accepted(choice):
    cleaned = _clean(_table(choice=choice))
    assert cleaned["first_col_is_header"]


def test_table_without_header_cells_is_refused_with_a_german_explanation():
    text = _messages(_table(choice="neither"))
    assert "Eine Tabelle braucht Überschriftszellen" in text
    # a wrong choice, not a missing value: refused for drafts too
    assert "Überschriftszellen" in _messages(_table(choice="neither"), deferred=True)


def test_table_without_a_header_choice_is_refused():
    assert "welche Zellen Überschriften sind" in _messages(_table(choice=""))


def test_table_without_caption_is_refused():
    assert "Geben Sie der Tabelle eine Tabellenüberschrift" in _messages(_table(caption="  "))


def test_empty_table_is_refused():
    assert "Die Tabelle ist leer" in _messages(_table(data=[["", None], [None, " "]]))
    assert "Die Tabelle ist leer" in _messages(_table(data=[]))


def test_drafts_may_lack_caption_and_data():
    _clean(_table(caption="", data=[["", ""]]), deferred=True)


def test_empty_header_cells_are_refused():
    text = _messages(_table(data=[["Stadt", "", "Labor seit"], ["Ulm", "126.000", "2021"]]))
    assert "Die Kopfzeile hat in Spalte 2 keinen Text" in text
    text = _messages(_table(choice="column", data=[["Ulm", "1"], ["", "2"], ["Bruchsal", "3"]]))
    assert "in Zeile 2 keinen Text" in text


def test_header_row_alone_is_refused():
    assert "nur eine Kopfzeile" in _messages(_table(data=[["Stadt", "Einwohner"]]))


def test_spare_rows_and_columns_are_dropped_but_an_empty_header_row_is_reported():
    cleaned = _clean(_table(data=[["Stadt", "", "Labor"], ["Ulm", None, "2021"], ["", "", ""]]))
    assert cleaned["data"] == [["Stadt", "Labor"], ["Ulm", "2021"]]
    assert "Die Kopfzeile hat in den Spalten 1, 2 keinen Text" in _messages(
        _table(data=[["", ""], ["Ulm", "2021"], ["Bruchsal", "2022"]])
    )


def test_top_left_cell_may_stay_empty_when_both_headers_are_used():
    cleaned = _clean(_table(choice="both", data=[["", "2021", "2022"], ["Ulm", "3", "4"]]))
    html = AccessibleTableBlock().render(cleaned)
    assert '<td class="kern-table__cell"></td><th class="kern-table__header" scope="col">2021</th>' in html
    assert '<th class="kern-table__header" scope="row">Ulm</th>' in html


def test_render_has_caption_header_scopes_and_a_labelled_scroll_region():
    html = AccessibleTableBlock().render(_clean(_table(choice="both")))
    region = re.search(r"<div ([^>]*)>\s*<table", html).group(1)
    assert 'role="region"' in region and 'tabindex="0"' in region and "iq-table-scroll" in region
    caption_id = re.search(r'aria-labelledby="([^"]+)"', region).group(1)
    assert f'<caption class="kern-title" id="{caption_id}">Städte im Netzwerk</caption>' in html
    assert '<table class="kern-table">' in html
    assert html.count('scope="col"') == 3
    assert html.count('scope="row"') == 2  # Ulm, Bruchsal
    assert '<td class="kern-table__cell">126.000</td>' in html
    assert "<thead" in html and "<tbody" in html


def test_two_tables_on_a_page_get_different_caption_ids():
    block = AccessibleTableBlock()
    value = _clean(_table())
    ids = {re.search(r'id="([^"]+)"', block.render(value)).group(1) for _ in range(2)}
    assert len(ids) == 2


def test_cell_text_is_escaped():
    value = _clean(_table(data=[["<b>Stadt</b>", "Wert"], ["<script>x</script>", "1"]]))
    html = AccessibleTableBlock().render(value)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;Stadt" in html


def test_body_stream_offers_the_table_and_renders_it():
    block = BodyStreamBlock()
    assert "table" in block.child_blocks
    stream = block.to_python(
        [{"type": "heading", "value": {"text": "Zahlen", "level": "h2"}}, {"type": "table", "value": _table()}]
    )
    cleaned = block.clean(stream)
    html = block.render(cleaned)
    assert "<caption" in html and "Städte im Netzwerk" in html


# -- in the editor --------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_editor_is_stopped_by_a_table_without_headers_and_can_publish_a_good_one(client, demo):
    import json

    from django.contrib.auth.models import User
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    login_verified(client, User.objects.create_superuser("tabellen-redaktion", "t@example.org", "x" * 16))
    home = HomePage.objects.get()
    assert client.get(f"/admin/pages/add/core/contentpage/{home.pk}/").status_code == 200

    def post(table):
        data = {
            "title": "Tabellen",
            "slug": "tabellen",
            "intro": "",
            "body": streamfield([("table", json.dumps(table))]),
            "action-publish": "publish",
        }
        return client.post(f"/admin/pages/add/core/contentpage/{home.pk}/", nested_form_data(data))

    response = post(_table(choice="neither"))
    assert response.status_code == 200
    # block errors travel to the editor in the stream's JSON (non-ASCII letters escaped)
    assert "Eine Tabelle braucht \\u00dcberschriftszellen" in response.content.decode()
    assert not ContentPage.objects.filter(slug="tabellen").exists()

    response = post(_table(choice="column"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ContentPage.objects.get(slug="tabellen")
    html = client.get(page.url).content.decode()
    assert '<th class="kern-table__header" scope="row">Ulm</th>' in html
    assert ">Städte im Netzwerk</caption>" in html
