"""What a query's words are, for every channel that searches (catalogue listing, site search, relevance tests):
the analyzer's words (search/analyzer.py) widened by the office's thesaurus and the derivation rules
(thesaurus/expansion.py), derived forms only where the engine's index holds them."""

from __future__ import annotations

from inklusive_quartiere.search.analyzer import QueryWord, analyze_query
from inklusive_quartiere.thesaurus.expansion import expand

from .engine import Engine


class _Vocabulary:
    def __init__(self, engine: Engine):
        self.engine = engine

    def __contains__(self, term: str) -> bool:
        return self.engine.has_term(term)


def query_words(engine: Engine, text: str, request=None) -> list[QueryWord]:
    return expand(analyze_query(text), request, vocabulary=_Vocabulary(engine))
