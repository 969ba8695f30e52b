"""Helpers for the idempotent demo loaders (each app's ``demo.py``)."""

from __future__ import annotations

import json
import uuid

from wagtail.models import Page


def rich(*paragraphs: str) -> str:
    """Plain paragraphs (with <ul>/<ol> passed through) to rich-text HTML."""
    parts = []
    for text in paragraphs:
        parts.append(text if text.lstrip().startswith(("<ul", "<ol")) else f"<p>{text}</p>")
    return "".join(parts)


def stream(*blocks: tuple[str, object]) -> str:
    """StreamField JSON from (block_type, value) pairs."""
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks])


def heading(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def paragraph(*paragraphs: str) -> tuple[str, str]:
    return ("paragraph", rich(*paragraphs))


def ensure_child(parent: Page, page_class, slug: str, **fields) -> tuple[Page, bool]:
    """Return the child with this slug, creating and publishing it if missing (existing pages are kept)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True
