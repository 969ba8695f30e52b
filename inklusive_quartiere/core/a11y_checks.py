"""Accessibility checks on what editors write: heading outlines and link texts.

Plain functions on HTML and text, used by validation (the body stream's heading blocks in ``core.blocks``; the
``HeadingOutlineValidator`` for any rich text that offers headings), by the warnings after saving a page
(``core.wagtail_hooks``) and, for the link texts, by the content checker in the editor (the same word list is handed
to its JavaScript check). Each rule therefore lives and is tested in one place.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

# --- Headings ------------------------------------------------------------------------------------------------------

HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
# h1 is the page title; below h4 an outline is too deep for the short texts on this site.
DEEPEST_HEADING_LEVEL = 4
# Rich-text features that must never be offered to editors anywhere (a test walks every field and block).
FORBIDDEN_HEADING_FEATURES = frozenset({"h1", "h5", "h6"})
HEADING_FEATURES = frozenset(HEADING_LEVELS)


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


def skipped_heading_positions(levels: Iterable[int], start_level: int) -> list[int]:
    """Positions in ``levels`` of headings that go down more than one level from the last well-placed heading
    before them (at first: ``start_level``, the heading the content sits under). Going up is always fine. A
    misplaced heading does not count as a parent, so every h3 before the first h2 is reported, not only the first.
    """
    skipped = []
    previous = start_level
    for position, level in enumerate(levels):
        if level > previous + 1:
            skipped.append(position)
        else:
            previous = level
    return skipped


def heading_outline_problems(html: str, start_level: int = 2) -> list[str]:
    """German descriptions of what is wrong with the headings in ``html`` (empty list: nothing).

    ``start_level`` is the level of the heading the text sits under on the rendered page: 1 for text directly below
    the page title (its first heading must be an h2), 2 for text inside an h2 section (its first heading may be an
    h3). A heading may go down only one level at a time; h1 (the page title) and levels below h4 are refused.
    """
    headings = [
        (HEADING_LEVELS[element.name], _text(element))
        for element in BeautifulSoup(html or "", "html.parser").find_all(list(HEADING_LEVELS))
    ]
    # An h1 is reported on its own and left out of the outline, so that it does not hide a skip after it.
    outline = [level for level, _text_ in headings if level != 1]
    skipped = set(skipped_heading_positions(outline, start_level))
    problems: list[str] = []
    position = -1
    for level, text in headings:
        name = f"„{text}“" if text else _("ohne Text")
        if level == 1:
            problems.append(
                _(
                    "Die Überschrift %(name)s ist eine h1. Die h1 ist der Seitentitel und kommt nur einmal vor; "
                    "wählen Sie eine niedrigere Ebene."
                )
                % {"name": name}
            )
            continue
        position += 1
        if not text:
            problems.append(_("Eine Überschrift ist leer. Geben Sie ihr einen Text oder entfernen Sie sie."))
        if level > DEEPEST_HEADING_LEVEL:
            problems.append(
                _("Die Überschrift %(name)s ist eine h%(level)s. Mehr als vier Ebenen (bis h4) gibt es hier nicht.")
                % {"name": name, "level": level}
            )
        elif position in skipped:
            problems.append(
                _(
                    "Die Überschrift %(name)s (h%(level)s) überspringt eine Ebene: davor steht keine h%(parent)s. "
                    "Überschriften bilden eine Gliederung wie ein Inhaltsverzeichnis – Screenreader-Nutzende "
                    "springen darin von Ebene zu Ebene. Wählen Sie h%(parent)s oder setzen Sie vorher eine "
                    "h%(parent)s-Überschrift."
                )
                % {"name": name, "level": level, "parent": level - 1}
            )
    return problems


@deconstructible
class HeadingOutlineValidator:
    """Validator for a RichTextField that offers headings: refuses skipped, empty, h1 and too deep headings."""

    def __init__(self, start_level: int = 2):
        self.start_level = start_level

    def __call__(self, value):
        problems = heading_outline_problems(str(value or ""), self.start_level)
        if problems:
            raise ValidationError(problems, code="heading_outline")

    def __eq__(self, other):
        return isinstance(other, HeadingOutlineValidator) and other.start_level == self.start_level

    def __hash__(self):
        return hash(("HeadingOutlineValidator", self.start_level))


# --- Link texts ----------------------------------------------------------------------------------------------------

# Link texts that say nothing about the target once read without the sentence around them (screen readers list
# links on their own). Written already normalised: lower case, no punctuation, single spaces.
MEANINGLESS_LINK_TEXTS = frozenset(
    {
        # German
        "hier",
        "da",
        "dort",
        "mehr",
        "weiter",
        "weiterlesen",
        "weiter lesen",
        "hier weiterlesen",
        "mehr lesen",
        "mehr erfahren",
        "hier mehr erfahren",
        "mehr dazu",
        "mehr infos",
        "mehr informationen",
        "mehr details",
        "details",
        "info",
        "infos",
        "informationen",
        "hier klicken",
        "bitte hier klicken",
        "klicken sie hier",
        "klick hier",
        "hier klicken für mehr",
        "link",
        "dieser link",
        "zum link",
        "linkadresse",
        "seite",
        "diese seite",
        "zur seite",
        "download",
        "herunterladen",
        "hier herunterladen",
        "zum download",
        # English
        "here",
        "click here",
        "click",
        "more",
        "read more",
        "learn more",
        "more info",
        "continue",
        "this link",
    }
)

# A bare address as link text (read out character by character): with scheme or www., or a host name with a
# top-level domain. E-mail addresses are fine as the text of a mailto link and are not matched.
BARE_URL_PATTERN = re.compile(
    r"^(?:(?:https?|ftp)://\S+|www\.\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?)$",
    re.IGNORECASE,
)


def normalise_link_text(text: str) -> str:
    """Lower case, punctuation and symbols removed, whitespace collapsed ("» Mehr …" → "mehr")."""
    kept = (" " if unicodedata.category(char)[0] in "PSZC" else char for char in text.lower())
    return " ".join("".join(kept).split())


def is_meaningless_link_text(text: str) -> bool:
    compact = " ".join((text or "").split())
    if not compact:
        return True
    if BARE_URL_PATTERN.match(compact):
        return True
    return normalise_link_text(compact) in MEANINGLESS_LINK_TEXTS


def link_texts(html: str) -> list[str]:
    """The visible text of every link in a piece of (rich-text) HTML, whitespace collapsed."""
    return [_text(anchor) for anchor in BeautifulSoup(html or "", "html.parser").find_all("a")]


def meaningless_link_texts(html: str) -> list[str]:
    return [text for text in link_texts(html) if is_meaningless_link_text(text)]


# --- Walking a page's content --------------------------------------------------------------------------------------

logger = logging.getLogger(__name__)


def _is_link_text_block(block) -> bool:
    """A block that holds the text of a link (``core.blocks.LinkTextBlock``), recognised by its type."""
    # deferred: blocks imports this module
    from .blocks import LinkTextBlock

    return isinstance(block, LinkTextBlock)


def _block_link_texts(block, value) -> Iterator[str]:
    """Link texts inside one block value. Only the value types these checks understand are read: rich text, link-text
    blocks, and the containers (stream, list, struct) around them. Anything else — images, documents, media, pages,
    snippets, tables, a struct block whose value is a model instance (Wagtail's ImageBlock) — holds no link text and
    is skipped; a value that does not have the expected shape is skipped too, never raised on."""
    from wagtail import blocks
    from wagtail.blocks.list_block import ListValue
    from wagtail.blocks.stream_block import StreamValue
    from wagtail.blocks.struct_block import StructValue

    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield from link_texts(getattr(value, "source", None) or str(value))
    elif _is_link_text_block(block):
        if isinstance(value, str):
            yield " ".join(value.split())
    elif isinstance(block, blocks.StreamBlock):
        if isinstance(value, StreamValue):
            for child in value:
                yield from _block_link_texts(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        if isinstance(value, (ListValue, list, tuple)):
            for item in value:
                yield from _block_link_texts(block.child_block, item)
    elif isinstance(block, blocks.StructBlock) and isinstance(value, (StructValue, dict)):
        for name, child_block in block.child_blocks.items():
            yield from _block_link_texts(child_block, value.get(name))


def _safe_block_link_texts(block, value) -> list[str]:
    try:
        return list(_block_link_texts(block, value))
    except Exception:  # a check must never break saving; log and skip what it cannot read
        logger.exception("link-text check skipped a value of %s", type(block).__name__)
        return []


def _field_link_texts(field, value) -> Iterable[str]:
    from wagtail.fields import RichTextField, StreamField

    if isinstance(field, RichTextField):
        return link_texts(value or "")
    if isinstance(field, StreamField):
        return _safe_block_link_texts(field.stream_block, value)
    return []


def meaningless_links_by_field(instance) -> dict[str, list[str]]:
    """{field label: [offending link texts]} for every rich-text field and StreamField of a model instance
    (rich text nested in blocks and the link texts of call-to-action blocks included). Each text listed once."""
    from wagtail.fields import RichTextField, StreamField

    found: dict[str, list[str]] = {}
    for field in instance._meta.concrete_fields:
        if not isinstance(field, (RichTextField, StreamField)):
            continue
        offending = []
        for text in _field_link_texts(field, getattr(instance, field.attname, None)):
            if is_meaningless_link_text(text) and text not in offending:
                offending.append(text)
        if offending:
            found[str(field.verbose_name)] = offending
    return found
