"""Helpers for writing StreamField and rich-text values in code (tests' factories, the Steckbrief demo hook)."""

from __future__ import annotations

import json
import uuid


def rich(*paragraphs: str) -> str:
    """Plain paragraphs (with <ul>/<ol> passed through) to rich-text HTML."""
    parts = []
    for text in paragraphs:
        parts.append(text if text.lstrip().startswith(("<ul", "<ol")) else f"<p>{text}</p>")
    return "".join(parts)


def stream(*blocks: tuple[str, object]) -> str:
    """StreamField JSON from (block_type, value) pairs."""
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks])
