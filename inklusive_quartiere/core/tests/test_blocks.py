"""Block validation: images need alt text or an explicit decorative choice; links need a target."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from inklusive_quartiere.core.blocks import CallToActionBlock, FigureBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return Image.objects.create(title="Test", file=get_test_image_file())


def _figure_value(image, alt_text="", decorative=False):
    block = FigureBlock()
    return block, block.to_python(
        {"image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative}, "caption": "", "credit": ""}
    )


def test_image_without_alt_text_is_rejected(image):
    block, value = _figure_value(image)
    with pytest.raises(ValidationError):
        block.clean(value)


def test_image_with_alt_text_or_decorative_is_accepted(image):
    block, value = _figure_value(image, alt_text="Kinder bauen ein Hochbeet")
    block.clean(value)
    block, value = _figure_value(image, decorative=True)
    block.clean(value)


def test_figure_renders_alt_text(image):
    block, value = _figure_value(image, alt_text="Kinder bauen ein Hochbeet")
    assert 'alt="Kinder bauen ein Hochbeet"' in block.render(value)


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    value = block.to_python({"title": "Mitmachen", "text": "", "page": None, "url": "", "link_text": "Zum Netzwerk"})
    with pytest.raises(ValidationError):
        block.clean(value)
    value = block.to_python(
        {"title": "Mitmachen", "text": "", "page": None, "url": "https://example.org/", "link_text": "Zum Netzwerk"}
    )
    block.clean(value)
