"""What a page needs before it goes live, checked on every way of publishing.

The edit form checks these rules when an editor presses "Veröffentlichen" or submits for review. Wagtail's bulk
action "Veröffentlichen" in the page listing publishes the latest revision without any form, so a draft saved
with deferred validation (an image without alt text, a film without captions, a statement without its known
barriers) would go live unchecked. ``publication_problems`` validates the revision as publishing would: the
model's full validation (required fields and StreamField blocks, not deferred) plus the form-level rules a page
type declares in ``publication_errors()``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from .visibility import hidden_collection_ids, is_members_only


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [str(message) for messages in error.message_dict.values() for message in messages]
    return [str(message) for message in error.messages]


def publication_problems(page) -> list[str]:
    """German messages on why the page's latest revision may not be published; empty when it may."""
    page = page.specific
    revision = page.get_latest_revision()
    candidate = revision.as_object() if revision is not None else page
    problems: list[str] = []
    try:
        candidate.full_clean()
    except ValidationError as error:
        problems.extend(_messages(error))
    problems.extend(page_members_only_image_problems(candidate))
    extra_rules = getattr(candidate, "publication_errors", None)
    if extra_rules is not None:
        problems.extend(str(message) for message in extra_rules().values())
    return list(dict.fromkeys(problems))  # each message once


# -- members-only images on public pages -------------------------------------------------------------------------


def _images_in(value):
    """Every image (Wagtail image instance) inside a field value: a foreign key, a StreamField (nested structs,
    lists and streams; Wagtail's ImageBlock stores the image itself) or anything else (ignored)."""
    from wagtail.blocks import StreamValue
    from wagtail.blocks.list_block import ListValue
    from wagtail.blocks.struct_block import StructValue
    from wagtail.images.models import AbstractImage

    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _images_in(child.value)
    elif isinstance(value, (ListValue, list, tuple)):
        for item in value:
            yield from _images_in(item)
    elif isinstance(value, (StructValue, dict)):
        for item in value.values():
            yield from _images_in(item)


def members_only_image_problems(values) -> list[str]:
    """German messages for every image among these field values that lies in a members-only collection (checked
    for a public page: visitors would not see it)."""
    from django.contrib.auth.models import AnonymousUser
    from django.utils.translation import gettext as _

    images = {image.pk: image for value in values for image in _images_in(value) if image is not None}
    if not images:
        return []
    hidden = hidden_collection_ids(AnonymousUser())
    return [
        _(
            "Das Bild „%(title)s“ liegt in einer Sammlung nur für Mitglieder, diese Seite ist aber öffentlich: "
            "Besucherinnen und Besucher würden es nicht sehen. Wählen Sie ein Bild aus einer öffentlichen Sammlung "
            "oder verschieben Sie dieses Bild (unter „Bilder“) in eine öffentliche Sammlung."
        )
        % {"title": image.title}
        for image in images.values()
        if image.collection_id in hidden
    ]


def page_members_only_image_problems(page) -> list[str]:
    if is_members_only(page):
        return []
    from wagtail.fields import StreamField
    from wagtail.images.models import AbstractImage

    values = []
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            values.append(getattr(page, field.attname, None))
        elif field.is_relation and field.related_model and issubclass(field.related_model, AbstractImage):
            values.append(getattr(page, field.name, None))
    return members_only_image_problems(values)
