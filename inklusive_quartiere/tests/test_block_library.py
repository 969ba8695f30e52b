"""The one block library (core/blocks.py): gallery, document list and link blocks are defined once, have
templates, descriptions and preview values for the editor's block previews, and links are found by type."""

import pytest
from django.apps import apps
from wagtail import blocks
from wagtail.fields import StreamField

from inklusive_quartiere.accessibility.blocks import EasyLinkBlock
from inklusive_quartiere.accessibility.easy_language import page_texts
from inklusive_quartiere.accessibility.models import EasyLanguagePage
from inklusive_quartiere.core import blocks as core_blocks
from inklusive_quartiere.core.a11y_checks import _block_link_texts
from inklusive_quartiere.core.visibility import is_members_only_collection
from inklusive_quartiere.events import blocks as event_blocks
from inklusive_quartiere.events.models import EventPage
from inklusive_quartiere.events.tests.factories import document, members_collection, public_collection
from inklusive_quartiere.steckbriefe import blocks as steckbrief_blocks
from inklusive_quartiere.steckbriefe.models import SteckbriefPage


def _stream_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                yield model, field


def _all_blocks(block):
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from _all_blocks(child)
    if isinstance(block, blocks.ListBlock):
        yield from _all_blocks(block.child_block)


@pytest.mark.parametrize("model", [EventPage, SteckbriefPage], ids=lambda m: m.__name__)
def test_gallery_and_downloads_use_the_shared_blocks(model):
    assert isinstance(model._meta.get_field("gallery").stream_block, core_blocks.GalleryBlock)
    assert isinstance(model._meta.get_field("downloads").stream_block, core_blocks.DocumentListBlock)


def test_no_app_defines_its_own_gallery_or_downloads_block():
    for module in (event_blocks, steckbrief_blocks):
        assert not hasattr(module, "GalleryBlock") and not hasattr(module, "DownloadsBlock")


def test_every_link_block_is_a_link_target_block():
    """A block with a page and an address to choose from is a link: it must be a LinkTargetBlock, so the checks
    that read link texts find it whatever a StreamField calls it."""
    found = []
    for model, field in _stream_fields():
        for block in _all_blocks(field.stream_block):
            children = getattr(block, "child_blocks", {})
            if {"page", "url"} <= set(children):
                found.append(type(block).__name__)
                assert isinstance(block, core_blocks.LinkTargetBlock), f"{model.__name__}.{field.name}: {block}"
                assert isinstance(children["link_text"], core_blocks.LinkTextBlock)
    assert {"CallToActionBlock", "EasyLinkBlock"} <= set(found)


def test_a_link_block_under_any_name_is_found_by_the_link_text_check():
    stream = blocks.StreamBlock([("irgendein_name", core_blocks.CallToActionBlock())])
    link = {"title": "T", "url": "https://a.example/", "link_text": "hier"}
    value = stream.to_python([{"type": "irgendein_name", "value": link}])
    assert list(_block_link_texts(stream, value)) == ["hier"]


def test_easy_language_texts_find_link_blocks_by_type(db):
    assert issubclass(EasyLinkBlock, core_blocks.LinkTargetBlock)
    page = EasyLanguagePage(title="T", body=[("link", {"link_text": "Zur Startseite gehen", "url": "/"})])
    assert "Zur Startseite gehen" in list(page_texts(page))


@pytest.mark.parametrize("block", [core_blocks.CallToActionBlock(), core_blocks.LinkTargetBlock()], ids=type)
def test_link_target_needs_exactly_one_of_page_and_address(block):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "T", "link_text": "Zum Programm"}))
    block.clean(block.to_python({"title": "T", "link_text": "Zum Programm", "url": "https://a.example/"}))


def test_link_fields_keep_their_order_in_the_editor():
    assert list(core_blocks.CallToActionBlock().child_blocks) == ["title", "text", "page", "url", "link_text"]
    assert list(EasyLinkBlock().child_blocks) == ["link_text", "page", "url"]


PREVIEWED = {
    "figure": core_blocks.FigureBlock(),
    "document": core_blocks.DocumentBlock(),
    "downloads": core_blocks.DownloadListBlock(),
    "call_to_action": core_blocks.CallToActionBlock(),
}


@pytest.mark.parametrize("name", PREVIEWED)
def test_blocks_have_a_description_and_a_preview_that_renders(demo, name):
    block = PREVIEWED[name]
    block.set_name(name)
    assert str(block.get_description())
    assert block.is_previewable
    value = block.get_preview_value()
    assert value
    html = block.render(value)
    assert html.strip()


@pytest.mark.parametrize(
    "block", [core_blocks.GalleryBlock(), core_blocks.DocumentListBlock(), core_blocks.DocumentBlock()], ids=type
)
def test_shared_blocks_have_templates(block):
    assert block.meta.template


def test_preview_files_are_never_members_only(demo):
    document = core_blocks.DocumentBlock().get_preview_value()
    image = core_blocks.FigureBlock().get_preview_value()["image"]
    assert not is_members_only_collection(document.collection)
    assert not is_members_only_collection(image.collection)


def test_document_list_block_renders_only_visible_documents(demo):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    block = core_blocks.DocumentListBlock()
    open_doc, closed_doc = document("Offen", public_collection()), document("Intern", members_collection())
    value = block.to_python([{"type": "document", "value": closed_doc.pk}, {"type": "document", "value": open_doc.pk}])
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = block.render(value, context={"request": request})
    assert ">Offen</a>" in html and "Intern" not in html
    only_closed = block.to_python([{"type": "document", "value": closed_doc.pk}])
    assert block.render(only_closed, context={"request": request}).strip() == ""
