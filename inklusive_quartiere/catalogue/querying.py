"""What a query's words are, for every channel that searches (catalogue listing, site search, relevance tests):
the analyzer's words (search/analyzer.py) widened by the office's thesaurus and the derivation rules
(thesaurus/expansion.py), derived forms only where the engine's index holds them.

Truncated words: planners abbreviate by cutting a word and writing a full stop ("Bürgerbet.", "Pflegestützp.",
"ehrenamtl."). Such a word also finds the index terms it begins ("burgerbeteil", "pflegestutzpunkt"), the most
frequent first, or — when it was cut after the stem ("ehrenamtl." → "ehrenamt") — the term it begins with.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import weakref
from bisect import bisect_left

from inklusive_quartiere.search.analyzer import QueryWord, analyze_query
from inklusive_quartiere.thesaurus.expansion import MAX_ALTERNATIVES, expand

from .engine import Engine

# A word of at least four letters directly followed by a full stop (not the dot inside "z.B." or a domain name).
TRUNCATED = re.compile(r"(?<![\w.-])([^\W\d_]{4,})\.(?![\w.])")
MAX_PREFIX_TERMS = 6
_sorted: weakref.WeakKeyDictionary[Engine, list[str]] = weakref.WeakKeyDictionary()
_sorted_lock = threading.Lock()


class _Vocabulary:
    def __init__(self, engine: Engine):
        self.engine = engine

    def __contains__(self, term: str) -> bool:
        return self.engine.has_term(term)


def _sorted_terms(engine: Engine) -> list[str]:
    """The engine's index terms in order (built once per engine, on the first truncated word)."""
    terms = _sorted.get(engine)
    if terms is None:
        with _sorted_lock:
            terms = _sorted.get(engine)
            if terms is None:
                terms = _sorted[engine] = sorted(set(engine.postings) | set(engine._pending))
    return terms


def truncated_terms(engine: Engine, stem: str) -> list[tuple[str, ...]]:
    """Index terms a truncated word stands for (each as a one-term alternative), the most frequent first."""
    terms = _sorted_terms(engine)
    found = []
    for term in terms[bisect_left(terms, stem) :]:
        if not term.startswith(stem):
            break
        if term != stem:
            found.append(term)
    if not found:  # cut after the stem: "ehrenamtl" → "ehrenamt", "verwaltg" → "verwalt"…
        for cut in (1, 2):
            if len(stem) - cut >= 4 and engine.has_term(stem[:-cut]):
                found.append(stem[:-cut])
                break
    found.sort(key=lambda term: -_document_count(engine, term))
    return [(term,) for term in found[:MAX_PREFIX_TERMS]]


def _document_count(engine: Engine, term: str) -> int:
    posting = engine.postings.get(term)
    return 0 if posting is None else len(posting[0])


def query_words(engine: Engine, text: str, request=None) -> list[QueryWord]:
    words = expand(analyze_query(text), request, vocabulary=_Vocabulary(engine))
    cut = {match.group(1) for match in TRUNCATED.finditer(text or "")}
    if not cut:
        return words
    widened = []
    for word in words:
        if word.text in cut:
            extra = [alt for alt in truncated_terms(engine, word.stem) if alt not in word.alternatives]
            alternatives = (*extra, *word.alternatives)[: MAX_ALTERNATIVES + MAX_PREFIX_TERMS]
            word = dataclasses.replace(word, alternatives=alternatives)
        widened.append(word)
    return widened
