"""Search suggestions while typing (GET /suche/vorschlaege/?q=…): Steckbrief titles, categories and terms.

Matching is a prefix match on the words of the title, each in two forms: German-folded (search.analyzer.fold:
"aelter" or "älter") and with base letters ("alt" finds "Älteren"); ß is "ss" in both ("strasse" finds
"Straße"). Every word of the query must start a word of the title, in any order.

Visibility: the title index is built from the catalogue engine (the same documents, refreshed with its content
token) and every answer is filtered by the engine's ``visible_mask(user)``; categories come from
``Engine.facet_values`` (only categories a Steckbrief the visitor may see uses). So nothing members-only is ever
suggested to someone who may not read it.

Speed: per engine (i.e. per content token) one sorted list of (folded title word, document) pairs; a request is
one binary search per query word plus a few NumPy operations, not a scan of the titles.

Terms (kind "begriff") come from pluggable sources: ``TERM_SOURCES`` holds callables
``source(prefix_folded, limit) -> list[tuple[label, url | None]]`` (``None``: the site search for the label).
Register one with ``register_term_source``; a source must only return terms every visitor may read.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
import weakref
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import numpy as np
from django.urls import reverse
from wagtail.models import Page, Site

from inklusive_quartiere.search.analyzer import fold
from inklusive_quartiere.search.query import clean_query
from inklusive_quartiere.thesaurus.expansion import terms_starting_with

from .engine import Engine
from .models import CataloguePage

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS = 8
MAX_CATEGORIES = 2
MAX_TERMS = 2
MIN_QUERY_LENGTH = 2
MAX_QUERY_WORDS = 6
WORD = re.compile(r"\w+")
END = "\U0010ffff"

TermSource = Callable[[str, int], list[tuple[str, str | None]]]


def thesaurus_terms(prefix: str, limit: int) -> list[tuple[str, None]]:
    """The office's search terms (thesaurus app, "Suchbegriffe"); a term leads to the site search for it."""
    return [(term, None) for term in terms_starting_with(prefix, limit)]


TERM_SOURCES: list[TermSource] = [thesaurus_terms]


def register_term_source(source: TermSource) -> TermSource:
    """Add a source of terms (usable as a decorator); each is asked with the folded query and a limit."""
    if source not in TERM_SOURCES:
        TERM_SOURCES.append(source)
    return source


def words_of(text: str) -> list[str]:
    """The folded words of a text ("Zaubernuss-Werkstatt für Ältere" → zaubernuss, werkstatt, fuer, aeltere)."""
    return WORD.findall(fold(text))


def _base_letters(word: str) -> str:
    """Umlauts as their base letter (ä → a), ß → ss, other accents removed: "Älter" → "alter"."""
    word = word.lower().replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def word_forms(text: str) -> list[set[str]]:
    """Each word of a text in the forms a visitor may type it: folded ("aelter") and with base letters ("alter")."""
    return [{fold(word), _base_letters(word)} for word in WORD.findall(text)]


@dataclass
class WordIndex:
    """Sorted (folded word, document index) pairs: the documents with a word starting with a prefix are one slice."""

    words: list[str]
    docs: np.ndarray  # int32, aligned with ``words``

    @classmethod
    def of(cls, pairs: list[tuple[str, int]]) -> WordIndex:
        pairs.sort()
        return cls([w for w, _i in pairs], np.array([i for _w, i in pairs], dtype=np.int32))

    def prefix_docs(self, prefix: str) -> np.ndarray:
        """Document indices with a word starting with ``prefix`` (a document may repeat)."""
        start = bisect_left(self.words, prefix)
        end = bisect_left(self.words, prefix + END, lo=start)
        return self.docs[start:end]


@dataclass
class TitleIndex:
    any_word: WordIndex  # every word of every Steckbrief title
    first_word: WordIndex  # the first word of each title (titles that begin with the query rank first)
    urls: dict[int, str]  # document index → relative URL
    catalogue_url: str | None  # the catalogue page's relative URL (for the category pages)


def _relative_urls(page_ids: list[int]) -> dict[int, str]:
    """Page id → relative URL, from ``url_path`` and the site roots (one query, no per-page lookups)."""
    roots = sorted((root_path for _id, root_path, _url, _lang in Site.get_site_root_paths()), key=len, reverse=True)
    urls = {}
    for pk, url_path in Page.objects.filter(pk__in=page_ids).values_list("pk", "url_path"):
        root = next((r for r in roots if url_path.startswith(r)), None)
        if root is not None:
            urls[pk] = "/" + url_path[len(root) :]
    return urls


def _build(engine: Engine) -> TitleIndex:
    any_word, first_word = [], []
    steckbriefe = [int(i) for i in np.flatnonzero(engine.is_steckbrief)]
    for i in steckbriefe:
        forms = word_forms(engine.titles[i])
        any_word.extend((word, i) for word in set().union(*forms))
        first_word.extend((word, i) for word in (forms[0] if forms else ()))
    catalogue = CataloguePage.objects.live().values_list("pk", flat=True).first()
    by_page = _relative_urls([int(engine.page_ids[i]) for i in steckbriefe] + ([catalogue] if catalogue else []))
    urls = {i: by_page[int(engine.page_ids[i])] for i in steckbriefe if int(engine.page_ids[i]) in by_page}
    return TitleIndex(WordIndex.of(any_word), WordIndex.of(first_word), urls, by_page.get(catalogue))


_lock = threading.Lock()
_indexes: weakref.WeakKeyDictionary[Engine, TitleIndex] = weakref.WeakKeyDictionary()


def title_index(engine: Engine) -> TitleIndex:
    """The title index of this engine (built once per engine, i.e. per content token)."""
    index = _indexes.get(engine)
    if index is None:
        with _lock:
            index = _indexes.get(engine)
            if index is None:
                index = _indexes[engine] = _build(engine)
    return index


def query_words(raw: str) -> list[str]:
    """The folded words of what was typed; empty when there is nothing to suggest for (too short)."""
    query, _message = clean_query(raw)
    words = words_of(query)[:MAX_QUERY_WORDS]
    if sum(len(w) for w in words) < MIN_QUERY_LENGTH:
        return []
    return words


def _mask(engine: Engine, docs: np.ndarray) -> np.ndarray:
    mask = np.zeros(engine.n, dtype=bool)
    mask[docs] = True
    return mask


def _steckbriefe(engine: Engine, index: TitleIndex, words: list[str], visible: np.ndarray, limit: int) -> list[dict]:
    """Visible Steckbriefe whose title has a word starting with each query word; titles that begin with the first
    query word first, then alphabetically (the engine's title order)."""
    if limit <= 0:
        return []
    selected = visible & engine.is_steckbrief
    for word in words:
        selected &= _mask(engine, index.any_word.prefix_docs(word))
    found = np.flatnonzero(selected)
    if not found.size:
        return []
    begins = _mask(engine, index.first_word.prefix_docs(words[0]))[found]
    order = np.lexsort((engine.title_rank[found], ~begins))
    result = []
    for i in found[order]:
        url = index.urls.get(int(i))
        if url is not None:
            result.append({"label": engine.titles[i], "kind": "steckbrief", "url": url})
            if len(result) == limit:
                break
    return result


def _categories(engine: Engine, index: TitleIndex, words: list[str], visible: np.ndarray, limit: int) -> list[dict]:
    """Categories whose name has a word starting with each query word, among those a visible Steckbrief uses."""
    if index.catalogue_url is None:
        return []
    result = []
    for _code, slug, label in engine.facet_values("kategorie", visible):
        label_words = set().union(*word_forms(label))
        if all(any(w.startswith(q) for w in label_words) for q in words):
            result.append({"label": label, "kind": "kategorie", "url": f"{index.catalogue_url}kategorie/{slug}/"})
            if len(result) == limit:
                break
    return result


def _terms(words: list[str], limit: int) -> list[dict]:
    prefix = " ".join(words)
    result, seen = [], set()
    for source in TERM_SOURCES:
        try:
            terms = list(source(prefix, limit))
        except Exception:  # a broken source costs its terms, never the answer
            logger.exception("Suggestion source %r failed", source)
            continue
        for label, url in terms:
            if fold(label) in seen:
                continue
            seen.add(fold(label))
            url = url or reverse("search") + "?" + urlencode({"q": label})
            result.append({"label": label, "kind": "begriff", "url": url})
            if len(result) == limit:
                return result
    return result


def suggest(engine: Engine, user, raw: str) -> list[dict]:
    """At most MAX_SUGGESTIONS suggestions for what ``user`` typed: Steckbriefe, then categories, then terms."""
    words = query_words(raw)
    if not words:
        return []
    visible = engine.visible_mask(user)
    index = title_index(engine)
    categories = _categories(engine, index, words, visible, MAX_CATEGORIES)
    terms = _terms(words, MAX_TERMS)
    steckbriefe = _steckbriefe(engine, index, words, visible, MAX_SUGGESTIONS - len(categories) - len(terms))
    return steckbriefe + categories + terms
