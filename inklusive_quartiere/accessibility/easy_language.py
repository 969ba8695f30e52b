"""A simple automatic check of Leichte Sprache rules.

It cannot judge whether a text is easy to understand; it catches what a machine can see: long sentences,
abbreviations, passive voice (a heuristic), semicolons and numbers written as words. Editors and a review by
people with learning difficulties remain the real test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from inklusive_quartiere.core.blocks import LinkTargetBlock

MAX_WORDS = 15

SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n+")
WORD = re.compile(r"[\w·\-]+")
ABBREVIATION = re.compile(
    r"(?<!\w)(z\.\s?B\.|u\.\s?a\.|d\.\s?h\.|s\.\s?o\.|s\.\s?u\.|o\.\s?Ä\.|u\.\s?Ä\.|usw\.|bzw\.|etc\.|ca\.|ggf\."
    r"|evtl\.|inkl\.|vgl\.|bspw\.|sog\.|zzgl\.|Nr\.|Tel\.|str\.)",
    re.IGNORECASE,
)
# "wird … gemacht", "wurden … geprüft", "ist … worden": a form of "werden" and a past participle in one sentence.
PASSIVE = re.compile(r"\b(?:wird|werden|wurde|wurden|worden)\b(?:\s+\S+){0,8}?\s+\w*ge\w+(?:t|en)\b|\bworden\b", re.I)
NUMBER_WORD = re.compile(
    r"\b(?:zwei|drei|vier|fünf|sechs|sieben|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend)\b", re.I
)


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text or "") if part.strip()]


def word_count(sentence: str) -> int:
    return len(WORD.findall(sentence))


def problems(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """German descriptions of every rule the text breaks (empty list: nothing found)."""
    found = []
    if ";" in text:
        found.append(f"Semikolon: {text!r}")
    for match in ABBREVIATION.finditer(text):
        found.append(f"Abkürzung „{match.group(0)}“: {text!r}")
    for match in NUMBER_WORD.finditer(text):
        found.append(f"Zahl als Wort „{match.group(0)}“ (Ziffern schreiben): {text!r}")
    for sentence in sentences(text):
        if word_count(sentence) > max_words:
            found.append(f"Satz mit {word_count(sentence)} Wörtern (höchstens {max_words}): {sentence!r}")
        if PASSIVE.search(sentence):
            found.append(f"Passiv: {sentence!r}")
    return found


def page_texts(page) -> Iterator[str]:
    """Every visitor-facing text of an EasyLanguagePage: title, short description and the body's blocks."""
    yield page.title
    if page.intro:
        yield page.intro
    for block in page.body:
        value = block.value
        if block.block_type in ("heading", "paragraph"):
            yield str(value)
        elif block.block_type == "term":
            yield value["term"]
            yield value["explanation"]
        elif block.block_type == "list":
            yield from (str(item) for item in value)
        elif isinstance(block.block, LinkTargetBlock):  # by type, whatever the block is called
            yield value["link_text"]
        elif block.block_type == "image":
            yield value["alt_text"]
            if value.get("caption"):
                yield value["caption"]
