"""Widening a query with the thesaurus and the derivation rules: fills ``QueryWord.alternatives``.

A query word, or a phrase of up to ``MAX_PHRASE`` consecutive query words, that is a term of an active entry gets
the entry's other terms as alternatives ("Senioren" → ("alt", "mensch"), ("rentn",) …); a phrase passes the
alternative to each of its words, so a Steckbrief that says "Senioren" matches both words of "ältere Menschen".
Narrower terms are added for the entry's terms only (one way). Derived forms (``derivation.py``) come last. At
most ``MAX_ALTERNATIVES`` per word, so no query can explode.

The entries are read once per process and content token (``core.content_token``): saving or deleting an entry
replaces the token (``signals.py``), and every process rebuilds its table on its next request, without a restart.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, field

from inklusive_quartiere.core.chrome import content_token
from inklusive_quartiere.search.analyzer import QueryWord, fold

from .derivation import derived_terms
from .terms import term_key, word_key, words_with_keys

MAX_ALTERNATIVES = 8
MAX_PHRASE = 4

Key = tuple[str, ...]


@dataclass
class Table:
    token: str
    alternatives: dict[Key, list[Key]]  # a term → the terms it also finds
    preferred: dict[Key, str]  # a synonym → the entry's preferred term as written (for "Meinten Sie …")
    # Every term as written, sorted by its folded words ("aeltere menschen"), for suggestions while typing.
    labels: list[tuple[str, str]] = field(default_factory=list)


def build_table(token: str = "") -> Table:
    """The table of the active entries in the database."""
    from .models import ThesaurusEntry  # deferred: the models import this app's term helpers

    rows = ThesaurusEntry.objects.filter(active=True).values_list("term", "synonyms", "narrower")
    return table_from_rows(rows, token)


def table_from_rows(rows, token: str = "") -> Table:
    """The table of entries given as (term, synonyms, narrower), the last two one term per line."""
    alternatives: dict[Key, list[Key]] = {}
    preferred: dict[Key, str] = {}
    labels: dict[str, str] = {}
    for term, synonyms, narrower in rows:
        for label in [term, *synonyms.splitlines(), *narrower.splitlines()]:
            label = label.strip()
            if label:
                labels.setdefault(_folded_words(label), label)
        group = [key for key in (term_key(t) for t in [term, *synonyms.splitlines()]) if key]
        below = [key for key in (term_key(t) for t in narrower.splitlines()) if key]
        term_k = term_key(term)
        for key in group:
            found = alternatives.setdefault(key, [])
            for other in [*group, *below]:
                if other != key and other not in found:
                    found.append(other)
            if key != term_k and term_k:
                preferred.setdefault(key, term)
    return Table(token, alternatives, preferred, sorted(labels.items()))


def _folded_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def terms_starting_with(prefix: str, limit: int, request=None) -> list[str]:
    """Terms of the active entries (as written) whose folded words start with ``prefix`` (folded words joined by
    single spaces, as the suggestions endpoint passes them): "rent" → "Rentnerinnen und Rentner". The thesaurus is
    the office's own vocabulary, no content, so every visitor may read it."""
    labels = get_table(request).labels
    found = []
    for folded, label in labels[bisect_left(labels, (prefix, "")) :]:
        if not folded.startswith(prefix) or len(found) >= limit:
            break
        found.append(label)
    return found


_lock = threading.Lock()
_table: Table | None = None


def get_table(request=None) -> Table:
    """This process's table for the current content token (rebuilt when the token moved)."""
    global _table
    token = content_token(request)
    table = _table
    if table is not None and table.token == token:
        return table
    with _lock:
        if _table is None or _table.token != token:
            _table = build_table(token)
        return _table


def _spans(keys: list[str], table: Table):
    """(start, end, key) of the longest thesaurus phrases in a list of word keys, left to right."""
    i = 0
    while i < len(keys):
        for length in range(min(MAX_PHRASE, len(keys) - i), 0, -1):
            key = tuple(keys[i : i + length])
            if key in table.alternatives:
                yield i, i + length, key
                i += length
                break
        else:
            i += 1


def expand(words: list[QueryWord], request=None, vocabulary=None, table: Table | None = None) -> list[QueryWord]:
    """The query words with their alternatives. ``vocabulary``: the index terms (derived forms must be among them)."""
    if not words:
        return words
    table = table or get_table(request)
    keys = [word_key(w.text) or w.stem for w in words]
    found: list[list[Key]] = [[] for _ in words]
    for start, end, key in _spans(keys, table):
        for i in range(start, end):
            found[i].extend(table.alternatives[key])
    for i, word in enumerate(words):
        if keys[i][-1:] == "s" and (keys[i][:-1],) in table.alternatives:  # "Kitas", "MGHs"
            found[i].extend([(keys[i][:-1],), *table.alternatives[(keys[i][:-1],)]])
        found[i].extend((term,) for term in derived_terms(word.text, vocabulary))
    expanded = []
    for word, alternatives in zip(words, found, strict=True):
        unique: list[Key] = []
        own = (word.stem,)
        for alternative in alternatives:
            if alternative != own and alternative not in unique:
                unique.append(alternative)
        expanded.append(dataclasses.replace(word, alternatives=tuple(unique[:MAX_ALTERNATIVES])))
    return expanded


def preferred_rewrite(text: str, request=None, table: Table | None = None) -> str | None:
    """The query with every synonym phrase replaced by its entry's preferred term, or None if nothing changes."""
    table = table or get_table(request)
    positions = words_with_keys(text)
    keys = [key for _s, _e, key in positions]
    pieces, last = [], 0
    for start, end, key in _spans(keys, table):
        term = table.preferred.get(key)
        if term is None:
            continue
        pieces += [text[last : positions[start][0]], term]
        last = positions[end - 1][1]
    if not pieces:
        return None
    rewritten = "".join([*pieces, text[last:]])
    return rewritten if term_key(rewritten) != term_key(text) else None
