"""The German analyzer: one place that turns text into search terms, for documents and queries alike.

Steps for every word: lowercase → Snowball German stem (which also folds ä/ö/ü/ß and the spellings
ae/oe/ue/ss, so "Straße" = "Strasse", "Müller" = "Mueller") → plus the stems of its compound parts, found
with a lexicon of German word parts and the usual linking elements ("Nachbarschaftstreff" → nachbarschaft +
treff, "Quartiersentwicklung" → quartier + entwicklung). Feminine plural and singular forms are mapped to
the base word where the base is known ("Seniorinnen" → senior). Stop words are dropped.

Because the same Python code analyzes documents and queries, SQLite and PostgreSQL see identical terms.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import snowballstemmer

DATA_DIR = Path(__file__).parent / "german"
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", re.UNICODE)
LINKING = ("", "s", "es", "n", "en", "er", "e", "ens")
MIN_PART = 3
MAX_WORD = 40


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("german")


def fold(text: str) -> str:
    """Lowercase, ß→ss, umlauts → two letters; other accents removed (é → e)."""
    text = text.lower().replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _read(name: str) -> frozenset[str]:
    path = DATA_DIR / name
    if not path.exists():
        return frozenset()
    return frozenset(fold(line.strip()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@functools.cache
def stopwords() -> frozenset[str]:
    return _read("stopwords.txt")


@functools.cache
def lexicon() -> frozenset[str]:
    return frozenset(word for word in _read("lexicon.txt") if len(word) >= MIN_PART)


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of one folded word."""
    return _stemmer().stemWord(word)


def _base_of_feminine(word: str) -> str:
    """'seniorinnen' → 'senior', 'buergerin' → 'buerger' when the base is a known word part."""
    for suffix in ("innen", "in"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if base in lexicon():
                return base
    return word


@functools.lru_cache(maxsize=200_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a compound (folded), or () when the word is not a known compound.

    Prefers the split with the fewest parts, then the longest first part. The last part may carry an
    inflection ending (Treffs, Gärten → handled by stemming the part afterwards).
    """
    if len(word) < 2 * MIN_PART or len(word) > MAX_WORD:
        return ()
    best = _split(word, 0)
    return best if best and len(best) >= 2 else ()


def _known(part: str) -> bool:
    if part in lexicon():
        return True
    for ending in ("s", "es", "e", "en", "n", "er", "ern"):
        if part.endswith(ending) and part[: -len(ending)] in lexicon():
            return True
    return False


def _split(word: str, start: int) -> tuple[str, ...] | None:
    return _split_cached(word, start)


@functools.lru_cache(maxsize=400_000)
def _split_cached(word: str, start: int) -> tuple[str, ...] | None:
    rest = word[start:]
    if len(rest) >= MIN_PART and _known(rest):
        return (rest,)
    best = None
    # Longest first part first; then the fewest parts wins.
    for end in range(len(word) - MIN_PART, start + MIN_PART - 1, -1):
        part = word[start:end]
        if part not in lexicon():
            continue
        for link in LINKING:
            if not word.startswith(link, end):
                continue
            tail = _split_cached(word, end + len(link))
            if tail and (best is None or len(tail) + 1 < len(best)):
                best = (part, *tail)
        if best is not None and len(best) == 2:
            break
    return best


@dataclass(frozen=True)
class Token:
    text: str  # as written
    start: int
    end: int
    terms: tuple[str, ...]  # full-word stem first, then compound-part stems


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in WORD_RE.finditer(text or ""):
        terms = word_terms(match.group())
        if terms:
            tokens.append(Token(match.group(), match.start(), match.end(), terms))
    return tokens


@functools.lru_cache(maxsize=200_000)
def word_terms(raw: str) -> tuple[str, ...]:
    word = fold(raw)
    if not word or word in stopwords() or len(word) > MAX_WORD:
        return ()
    if "-" in word:  # "Quartiers-Café": each part, plus the joined word
        pieces = [p for p in word.split("-") if p]
        terms = []
        for piece in [*pieces, "".join(pieces)]:
            for term in word_terms(piece):
                if term not in terms:
                    terms.append(term)
        return tuple(terms)
    if len(word) < 2 and not word.isdigit():
        return ()
    base = _base_of_feminine(word)
    terms = [stem(base)]
    for part in split_compound(base):
        part_stem = stem(_base_of_feminine(part))
        if len(part_stem) >= MIN_PART and part_stem not in terms:
            terms.append(part_stem)
    return tuple(terms)


def document_terms(text: str) -> list[str]:
    """Every term of a text (full-word stems and compound parts), in order, with repetitions."""
    return [term for token in tokenize(text) for term in token.terms]


@dataclass
class QueryWord:
    text: str
    stem: str
    parts: tuple[str, ...] = ()
    corrections: tuple[str, ...] = field(default_factory=tuple)
    # Other ways to say the same (thesaurus: synonyms, abbreviations, loan words, narrower terms, derived forms),
    # each a tuple of index terms that must all occur in a document ("Senioren" → ("alt", "mensch")). A document
    # matching an alternative matches the word, with a lower weight than the word itself (catalogue/engine.py).
    alternatives: tuple[tuple[str, ...], ...] = ()


def analyze_query(query: str) -> list[QueryWord]:
    """Query words in order; duplicates dropped. Operators and punctuation are plain characters here."""
    words, seen = [], set()
    for token in tokenize(query):
        stem_, *parts = token.terms
        if stem_ in seen:
            continue
        seen.add(stem_)
        words.append(QueryWord(text=token.text, stem=stem_, parts=tuple(parts)))
    return words


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]
