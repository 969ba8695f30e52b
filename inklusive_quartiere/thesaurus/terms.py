"""How a term of the thesaurus becomes index terms: the analyzer's full-word stem of each word, in order.

"ältere Menschen" → ("alt", "mensch"); "Co-Creation" → ("cocreation",) (a hyphenated word as the joined word, which
the index holds next to its pieces); stop words are dropped ("Menschen mit Behinderungen" → ("mensch", "behinder")).
"""

from __future__ import annotations

import functools

from inklusive_quartiere.search.analyzer import WORD_RE, word_terms


@functools.lru_cache(maxsize=20_000)
def word_key(raw: str) -> str | None:
    """The index term that stands for one written word (None for a stop word)."""
    terms = word_terms(raw.replace("-", "")) if "-" in raw else word_terms(raw)
    return terms[0] if terms else None


def words_with_keys(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of every searchable word of a text."""
    found = []
    for match in WORD_RE.finditer(text or ""):
        key = word_key(match.group())
        if key:
            found.append((match.start(), match.end(), key))
    return found


def term_key(text: str) -> tuple[str, ...]:
    return tuple(key for _start, _end, key in words_with_keys(text))
