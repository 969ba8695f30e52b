""" "Meinten Sie …": a rewritten query to offer when a typo correction or the thesaurus found what the words did not.

- A typo the engine widened (``SearchResult.corrections``, index stems) is replaced by the word as written in the
  titles, then the summaries, of the results: every one of them is a page the visitor may see, so a word that
  only members-only pages contain can never be offered.
- A synonym of a thesaurus entry is replaced by the entry's preferred term (the office's word, not content) when
  the widened query found more than the literal words.

The result is a query string; the views turn it into a link (the catalogue keeps its filters).
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
from wagtail.models import Page

from inklusive_quartiere.core.summaries import summary_of, with_summaries
from inklusive_quartiere.core.visibility import visible_pages
from inklusive_quartiere.search.analyzer import WORD_RE, QueryWord, tokenize
from inklusive_quartiere.thesaurus.expansion import preferred_rewrite
from inklusive_quartiere.thesaurus.terms import term_key

TITLES_LOOKED_AT = 200
SUMMARIES_LOOKED_AT = 20


def literal(words: list[QueryWord]) -> list[QueryWord]:
    """The words without their thesaurus alternatives (what the visitor literally typed)."""
    return [dataclasses.replace(word, alternatives=()) for word in words]


def _surface(stem: str, texts) -> str | None:
    """The most frequent written form of ``stem`` (as a whole word) in ``texts``."""
    forms: Counter[str] = Counter()
    for text in texts:
        for token in tokenize(text or ""):
            if token.terms[0] == stem:
                forms[token.text] += 1
    return forms.most_common(1)[0][0] if forms else None


def _corrected_word(engine, user, order: np.ndarray, stems: list[str]) -> str | None:
    """A written word for the best of the correction stems, found in visible results only."""
    docs = order[:TITLES_LOOKED_AT]

    def hits(stem: str) -> int:
        posting = engine.postings.get(stem)
        return int(np.isin(posting[0], docs).sum()) if posting is not None else 0

    ranked = sorted(stems, key=hits, reverse=True)
    titles = [engine.titles[i] for i in docs]
    for stem in ranked:
        if (found := _surface(stem, titles)) is not None:
            return found
    ids = [int(engine.page_ids[i]) for i in order[:SUMMARIES_LOOKED_AT]]
    pages = with_summaries(visible_pages(user, Page.objects.filter(pk__in=ids)))
    summaries = [summary_of(page) for page in pages]
    for stem in ranked:
        if (found := _surface(stem, summaries)) is not None:
            return found
    return None


def _replace_word(text: str, old: str, new: str) -> str:
    for match in WORD_RE.finditer(text):
        if match.group() == old:
            return text[: match.start()] + new + text[match.end() :]
    return text


def did_you_mean(engine, request, text: str, words: list[QueryWord], result, **search) -> str | None:
    """The rewritten query, or None. ``search``: the arguments of the ``Engine.search`` that gave ``result`` (filters,
    sort, kinds, visible), to count the literal words' results when the thesaurus widened a word."""
    if not result.total:
        return None
    rewritten = text
    for written, stems in result.corrections.items():
        word = _corrected_word(engine, request.user, result.order, stems)
        if word:
            rewritten = _replace_word(rewritten, written, word)
    if any(word.alternatives for word in words):
        preferred = preferred_rewrite(rewritten, request)
        if preferred and engine.search(request.user, literal(words), with_counts=False, **search).total < result.total:
            rewritten = preferred
    return rewritten if term_key(rewritten) != term_key(text) else None
