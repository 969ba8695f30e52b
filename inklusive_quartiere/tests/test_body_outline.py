"""The body stream's heading outline: it follows the page title (h1), so an h3 needs an h2 before it."""

import pytest
from django.core.exceptions import ValidationError

from inklusive_quartiere.core.blocks import BodyStreamBlock
from inklusive_quartiere.core.models import ContentPage, HomePage
from inklusive_quartiere.news.models import NewsPage
from inklusive_quartiere.testing.accounts import login_verified

OUTLINE_MESSAGE = "Vor dieser Unterüberschrift (h3) steht noch keine Abschnittsüberschrift (h2)"


def _heading(text, level):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _paragraph(html="<p>Text</p>"):
    return {"type": "paragraph", "value": html}


def _downloads(heading):
    return {"type": "downloads", "value": {"heading": heading, "documents": []}}


def _outline_errors(items):
    block = BodyStreamBlock()
    return block.heading_outline_errors(block.to_python(items))


def test_h3_after_h2_is_accepted():
    block = BodyStreamBlock()
    items = [_heading("Worum es geht", "h2"), _paragraph(), _heading("Im Detail", "h3"), _paragraph()]
    block.clean(block.to_python(items))


def test_h3_before_any_h2_is_refused_on_its_level_field():
    block = BodyStreamBlock()
    items = [_paragraph(), _heading("Im Detail", "h3"), _heading("Worum es geht", "h2"), _heading("Mehr", "h3")]
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(items))
    data = error.value.as_json_data()
    assert set(data["blockErrors"]) == {1}
    message = data["blockErrors"][1]["blockErrors"]["level"]["messages"][0]
    assert OUTLINE_MESSAGE in message
    assert "Seitentitel (h1) → Abschnitte (h2) → Unterabschnitte (h3)" in message


def test_a_download_list_with_heading_opens_an_h2_section():
    assert _outline_errors([_downloads("Materialien"), _heading("Für Städte", "h3")]) == {}
    assert set(_outline_errors([_downloads(""), _heading("Für Städte", "h3")])) == {1}


def test_outline_errors_are_reported_together_with_other_block_errors():
    block = BodyStreamBlock()
    items = [_heading("Im Detail", "h3"), _heading("", "h2")]
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(items))
    block_errors = error.value.as_json_data()["blockErrors"]
    assert set(block_errors) == {0, 1}
    assert OUTLINE_MESSAGE in block_errors[0]["blockErrors"]["level"]["messages"][0]
    assert "text" in block_errors[1]["blockErrors"]


def test_outline_is_checked_for_drafts_too():
    block = BodyStreamBlock()
    with pytest.raises(ValidationError):
        block.clean_deferred(block.to_python([_heading("Im Detail", "h3")]))


@pytest.mark.django_db
def test_every_demo_body_passes_the_body_validation(demo):
    """The demo loader writes stream JSON directly; every body must still be valid when an editor saves it."""
    pages = [*HomePage.objects.all(), *ContentPage.objects.all(), *NewsPage.objects.all()]
    assert len(pages) > 5
    for page in pages:
        block = page.body.stream_block
        try:
            block.clean(page.body)
        except ValidationError as error:
            pytest.fail(f"{page.url_path}: {error.as_json_data() if hasattr(error, 'as_json_data') else error}")


@pytest.mark.django_db
def test_editor_sees_the_outline_error_and_the_page_is_not_saved(client, demo):
    from django.contrib.auth.models import User
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    login_verified(client, User.objects.create_superuser("gliederung", "g@example.org", "x" * 16))
    home = HomePage.objects.get()
    data = {
        "title": "Gliederung",
        "slug": "gliederung",
        "intro": "",
        "body": streamfield([("heading", {"text": "Im Detail", "level": "h3"})]),
    }
    response = client.post(f"/admin/pages/add/core/contentpage/{home.pk}/", nested_form_data(data))
    assert response.status_code == 200
    # block errors travel to the editor in the stream's JSON (non-ASCII letters escaped)
    assert "Vor dieser Unter\\u00fcberschrift (h3) steht noch keine Abschnitts\\u00fcberschrift (h2)" in (
        response.content.decode()
    )
    assert not ContentPage.objects.filter(slug="gliederung").exists()


def test_every_h3_before_the_first_h2_is_marked():
    items = [_heading("A", "h3"), _paragraph(), _heading("B", "h3"), _heading("C", "h2"), _heading("D", "h3")]
    assert set(_outline_errors(items)) == {0, 2}
