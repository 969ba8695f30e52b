"""The in-memory catalogue engine: full-text matching, facet filtering and counting, sorting.

Why in memory: the index lives in ordinary tables (models.py) so that SQLite and PostgreSQL hold the same
terms and return the same results; counting twelve facets against every combination of the other filters
is a handful of vector operations over NumPy arrays instead of a dozen GROUP BY queries. Each process
builds the engine from the tables and rebuilds it when the content token (``core.content_token``) changes (one
indexed lookup per request). Visibility is not cached: every call applies ``core.visibility.user_passes`` for the user.

Nothing the engine reports may depend on pages the visitor cannot see: not the results and counts, and not the
hints either. Whether a query word occurs at all ("unmatched"), which terms a typo is widened to ("corrections")
and which values of a content-defined filter exist (``facet_values``) are worked out over the visible documents
only; otherwise the hints would tell an outsider which words and labels the members-only pages contain.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from inklusive_quartiere.cities.models import CityPage, size_band_for
from inklusive_quartiere.core.chrome import content_token
from inklusive_quartiere.core.visibility import user_group_ids, user_passes
from inklusive_quartiere.search.analyzer import QueryWord, fold, stem, within_one_edit
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, FundingProgramme, TargetGroup

from .facets import FACETS, STUMBLING_VALUE
from .models import SearchDocument

STECKBRIEF = "steckbriefpage"
FIELD_WEIGHTS = (("title_terms", 3), ("summary_terms", 2), ("body_terms", 1))
TYPO_MIN_LENGTH = 7


@dataclass
class FacetData:
    values: list[tuple[str, str]]  # (slug, label) in display order; the position is the code
    codes: np.ndarray | None = None  # single-valued: int16 per document, -1 = none
    matrix: np.ndarray | None = None  # multi-valued: bool documents × values
    weights: np.ndarray | None = None  # the matrix as float32, for counting by matrix product
    # Values defined by content (cities, taxonomy terms): offered only when a Steckbrief the visitor may see uses
    # them, since their labels can be as confidential as the members-only Steckbriefe that use them.
    in_use_only: bool = False

    def code_of(self, slug: str) -> int | None:
        for code, (value, _label) in enumerate(self.values):
            if value == slug:
                return code
        return None


@dataclass
class SearchResult:
    page_ids: list[int]
    total: int
    order: np.ndarray  # document indices of all results in display order
    counts: dict[str, list[int]] = field(default_factory=dict)
    corrections: dict[str, list[str]] = field(default_factory=dict)  # query word → terms it was widened to
    unmatched: list[str] = field(default_factory=list)  # query words that match nothing at all
    terms: set[str] = field(default_factory=set)  # every term that matched, for highlighting


class Engine:
    def __init__(self, token: str):
        self.token = token
        self._deletes: dict[str, list[str]] | None = None
        self._load_documents()
        self._load_facets()
        self._load_restrictions()

    # -- building -------------------------------------------------------------------------------------
    def _load_documents(self) -> None:
        rows = list(
            SearchDocument.objects.filter(page__live=True)
            .order_by("-page__first_published_at", "-page_id")
            .values_list(
                "page_id",
                "kind",
                "page__path",
                "page__title",
                "page__first_published_at",
                "title_terms",
                "summary_terms",
                "body_terms",
            )
        )
        self.n = len(rows)
        self.page_ids = np.array([r[0] for r in rows], dtype=np.int64)
        self.index_of = {int(pid): i for i, pid in enumerate(self.page_ids)}
        kinds = sorted({r[1] for r in rows})
        self.kind_names = kinds
        self.kind_codes = np.array([kinds.index(r[1]) for r in rows], dtype=np.int16)
        self.paths = [r[2] for r in rows]
        self.titles = [r[3] for r in rows]
        self.published = np.array([r[4].timestamp() if r[4] else 0.0 for r in rows], dtype=np.float64)
        title_order = sorted(range(self.n), key=lambda i: (fold(self.titles[i]), i))
        self.title_rank = np.empty(self.n, dtype=np.int32)
        self.title_rank[title_order] = np.arange(self.n, dtype=np.int32)

        per_term: dict[str, list[np.ndarray]] = defaultdict(list)
        lists: list[dict[str, list[int]]] = [defaultdict(list) for _ in FIELD_WEIGHTS]
        for i, row in enumerate(rows):
            for slot, text in enumerate(row[5:8]):
                for term in set(text.split()):
                    lists[slot][term].append(i)
        for slot, (_name, weight) in enumerate(FIELD_WEIGHTS):
            for term, docs in lists[slot].items():
                per_term[term].append((np.array(docs, dtype=np.int32), weight))
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, parts in per_term.items():
            if len(parts) == 1:
                docs, weight = parts[0]
                self.postings[term] = (docs, np.full(len(docs), weight, dtype=np.int8))
            else:
                docs = np.concatenate([d for d, _w in parts])
                weights = np.concatenate([np.full(len(d), w, dtype=np.int8) for d, w in parts])
                # Highest weight first, then keep each document once (its best field).
                order = np.argsort(-weights, kind="stable")
                unique_docs, first = np.unique(docs[order], return_index=True)
                self.postings[term] = (unique_docs.astype(np.int32), weights[order][first])

    def _load_facets(self) -> None:
        n = self.n
        self.is_steckbrief = self.kind_codes == (
            self.kind_names.index(STECKBRIEF) if STECKBRIEF in self.kind_names else -1
        )
        self.facets: dict[str, FacetData] = {}
        cities = list(
            CityPage.objects.live()
            .order_by("title")
            .values_list("path", "slug", "title", "inhabitants", "regierungsbezirk", "network")
        )
        city_code = {c[0]: code for code, c in enumerate(cities)}
        self.facets["stadt"] = FacetData(
            [(c[1], c[2]) for c in cities], np.full(n, -1, dtype=np.int16), in_use_only=True
        )
        for facet in FACETS:
            if facet.choices is not None:
                self.facets[facet.param] = FacetData(
                    [(value, str(label)) for value, label in facet.choices.choices], np.full(n, -1, dtype=np.int16)
                )
        self.facets["stolpersteine"] = FacetData([(STUMBLING_VALUE, "")], np.full(n, -1, dtype=np.int16))

        self.reviewed = np.full(n, -1, dtype=np.int32)
        steckbrief_ids = [int(pid) for pid in self.page_ids[self.is_steckbrief]]
        rows = SteckbriefPage.objects.filter(pk__in=steckbrief_ids).values_list(
            "pk", "path", "status", "cost_band", "staff_effort", "duration", "last_reviewed", "stumbling_blocks"
        )
        choice_codes = {
            param: {value: code for code, (value, _l) in enumerate(self.facets[param].values)}
            for param in ("groesse", "bezirk", "netzwerk", "status", "kosten", "personal", "dauer")
        }
        for pk, path, status, cost, staff, duration, reviewed, stumbling in rows:
            i = self.index_of[pk]
            city = city_code.get(path[:-4])
            if city is not None:
                _p, _s, _t, inhabitants, region, network = cities[city]
                self.facets["stadt"].codes[i] = city
                self._set(choice_codes, "groesse", i, size_band_for(inhabitants))
                self._set(choice_codes, "bezirk", i, region)
                self._set(choice_codes, "netzwerk", i, network)
            self._set(choice_codes, "status", i, status)
            self._set(choice_codes, "kosten", i, cost)
            self._set(choice_codes, "personal", i, staff)
            self._set(choice_codes, "dauer", i, duration)
            if reviewed:
                self.reviewed[i] = reviewed.toordinal()
            if stumbling and stumbling.strip() not in ("", "<p></p>"):
                self.facets["stolpersteine"].codes[i] = 0

        for param, model, relation in (
            ("kategorie", Category, "categories"),
            ("zielgruppe", TargetGroup, "target_groups"),
            ("foerderung", FundingProgramme, "funding_programmes"),
        ):
            terms = list(model.objects.order_by("sort_order", "name").values_list("pk", "slug", "name"))
            code = {pk: c for c, (pk, _s, _n) in enumerate(terms)}
            matrix = np.zeros((n, len(terms)), dtype=bool)
            through = getattr(SteckbriefPage, relation).through
            column = f"{model._meta.model_name}_id"
            for page_id, term_id in through.objects.filter(steckbriefpage_id__in=steckbrief_ids).values_list(
                "steckbriefpage_id", column
            ):
                matrix[self.index_of[page_id], code[term_id]] = True
            self.facets[param] = FacetData(
                [(s, name) for _pk, s, name in terms],
                matrix=matrix,
                weights=matrix.astype(np.float32),
                in_use_only=True,
            )

    def _set(self, choice_codes, param, i, value):
        code = choice_codes[param].get(value)
        if code is not None:
            self.facets[param].codes[i] = code

    # -- visibility -----------------------------------------------------------------------------------
    def _load_restrictions(self) -> None:
        """Group the view restrictions by (type, groups) and mark which documents each group covers."""
        from bisect import bisect_left

        from wagtail.models import PageViewRestriction

        groups: dict[int, set[int]] = defaultdict(set)
        for restriction_id, group_id in PageViewRestriction.groups.through.objects.values_list(
            "pageviewrestriction_id", "group_id"
        ):
            groups[restriction_id].add(group_id)
        order = sorted(range(self.n), key=lambda i: self.paths[i])
        sorted_paths = [self.paths[i] for i in order]
        order = np.array(order, dtype=np.int64)
        self.restriction_classes: dict[tuple[str, frozenset[int]], np.ndarray] = {}
        for restriction_id, kind, path in PageViewRestriction.objects.values_list(
            "pk", "restriction_type", "page__path"
        ):
            key = (kind, frozenset(groups.get(restriction_id, ())))
            covered = self.restriction_classes.get(key)
            if covered is None:
                covered = self.restriction_classes[key] = np.zeros(self.n, dtype=bool)
            start, end = bisect_left(sorted_paths, path), bisect_left(sorted_paths, path + "\uffff")
            covered[order[start:end]] = True

    def is_restricted(self, page_id: int) -> bool:
        """Whether any view restriction covers this page (for the "Nur für Mitglieder" label)."""
        i = self.index_of.get(page_id)
        return i is not None and any(covered[i] for covered in self.restriction_classes.values())

    def visible_mask(self, user) -> np.ndarray:
        """Documents the user may see: the rule of core.visibility, applied per class of restriction."""
        mask = np.ones(self.n, dtype=bool)
        group_ids = user_group_ids(user)
        for (kind, restriction_groups), covered in self.restriction_classes.items():
            if not user_passes(kind, restriction_groups, user, group_ids):
                mask &= ~covered
        return mask

    # -- text -----------------------------------------------------------------------------------------
    def _near_terms(self, term: str) -> list[str]:
        """Index terms within one edit of ``term`` (typo tolerance), via a deletion index built once."""
        if self._deletes is None:
            deletes: dict[str, list[str]] = defaultdict(list)
            for candidate in self.postings:
                if len(candidate) >= TYPO_MIN_LENGTH - 2:
                    deletes[candidate].append(candidate)
                    for k in range(len(candidate)):
                        deletes[candidate[:k] + candidate[k + 1 :]].append(candidate)
            self._deletes = deletes
        variants = {term} | {term[:k] + term[k + 1 :] for k in range(len(term))}
        found = {c for v in variants for c in self._deletes.get(v, ())}
        return sorted(c for c in found if c != term and within_one_edit(term, c))

    def _near_words(self, word: str) -> list[str]:
        """Index terms reached by stemming every one-edit variant of the written word.

        Catches typos that upset the stemmer ("Stadtteilzeitunng" keeps its ending, "Stadtteilzeitung" loses it).
        """
        letters = "abcdefghijklmnopqrstuvwxyz"
        splits = [(word[:k], word[k:]) for k in range(len(word) + 1)]
        variants = {a + b[1:] for a, b in splits if b}
        variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        variants |= {a + c + b[1:] for a, b in splits if b for c in letters}
        variants |= {a + c + b for a, b in splits for c in letters}
        stems = {stem(v) for v in variants}
        return sorted(s for s in stems if s in self.postings)

    def _visible_posting(self, term: str, visible: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """The term's posting if at least one visible document contains it; otherwise the term does not exist."""
        posting = self.postings.get(term)
        if posting is None or not visible[posting[0]].any():
            return None
        return posting

    def word_scores(self, word: QueryWord, visible: np.ndarray) -> tuple[np.ndarray, list[str], list[str]]:
        """Per-document score of one query word (0 = no match), the terms that matched, and typo widenings.

        Only terms occurring in a ``visible`` document count as existing: a word only hidden pages contain is
        treated exactly like a word no page contains (no match, typo widening, the same hints).
        """
        scores = np.zeros(self.n, dtype=np.int8)
        matched, corrections = [], []
        posting = self._visible_posting(word.stem, visible)
        if posting is not None:
            scores[posting[0]] = posting[1]
            matched.append(word.stem)
        if word.parts:  # a compound query also finds its parts used separately ("Treff in der Nachbarschaft")
            masks = [self._visible_posting(part, visible) for part in word.parts]
            if all(m is not None for m in masks):
                together = np.ones(self.n, dtype=bool)
                for docs, _w in masks:
                    part_mask = np.zeros(self.n, dtype=bool)
                    part_mask[docs] = True
                    together &= part_mask
                scores[together & (scores == 0)] = 1
                matched.extend(word.parts)
        for alternative in word.alternatives:  # thesaurus (stand-in until the ranking branch scores these)
            found = [self._visible_posting(term, visible) for term in alternative]
            if alternative and all(f is not None for f in found):
                together = np.ones(self.n, dtype=bool)
                for docs, _w in found:
                    hit = np.zeros(self.n, dtype=bool)
                    hit[docs] = True
                    together &= hit
                scores[together] = np.maximum(scores[together], 1)
                matched.extend(alternative)
        if posting is None and len(word.text) >= TYPO_MIN_LENGTH:
            candidates = set(self._near_terms(word.stem)) | set(self._near_words(fold(word.text)))
            for candidate in sorted(candidates):
                if self._visible_posting(candidate, visible) is None:
                    continue
                docs, weights = self.postings[candidate]
                scores[docs] = np.maximum(scores[docs], weights)
                corrections.append(candidate)
                matched.append(candidate)
        return scores, matched, corrections

    # -- the query ------------------------------------------------------------------------------------
    def filter_mask(self, param: str, codes: list[int]) -> np.ndarray:
        data = self.facets[param]
        if data.matrix is not None:
            return data.matrix[:, codes].any(axis=1) if data.values else np.zeros(self.n, dtype=bool)
        lookup = np.zeros(len(data.values) + 1, dtype=bool)  # the extra slot is -1 (no value)
        lookup[codes] = True
        return lookup[data.codes]

    def search(
        self,
        user,
        words: list[QueryWord],
        filters: dict[str, list[int]],
        sort: str,
        kinds: list[str] | None = None,
        with_counts: bool = True,
        visible: np.ndarray | None = None,
    ) -> SearchResult:
        """``visible``: the user's ``visible_mask``, when the caller already computed it for this request."""
        visible = self.visible_mask(user) if visible is None else visible
        base = visible.copy()
        if kinds is not None:
            wanted = [self.kind_names.index(k) for k in kinds if k in self.kind_names]
            base &= np.isin(self.kind_codes, wanted)
        score = np.zeros(self.n, dtype=np.int16)
        result = SearchResult(page_ids=[], total=0, order=np.empty(0, dtype=np.int64))
        for word in words:
            word_score, matched, corrections = self.word_scores(word, visible)
            if not matched:
                result.unmatched.append(word.text)
            if corrections:
                result.corrections[word.text] = corrections
            result.terms.update(matched)
            base &= word_score > 0
            score += word_score
        masks = {param: self.filter_mask(param, codes) for param, codes in filters.items() if codes}
        selected = base.copy()
        for mask in masks.values():
            selected &= mask
        if with_counts:
            for facet in FACETS:
                others = base.copy()
                for param, mask in masks.items():
                    if param != facet.param:
                        others &= mask
                data = self.facets[facet.param]
                # Counting without copying the selected rows: a matrix-vector product for multi-valued facets,
                # a weighted bincount (slot 0 = no value) for single-valued ones.
                if data.matrix is not None:
                    counts = others.astype(np.float32) @ data.weights
                else:
                    counts = np.bincount(data.codes + 1, weights=others, minlength=len(data.values) + 1)[1:]
                result.counts[facet.param] = [int(round(c)) for c in counts]
        indices = np.flatnonzero(selected)
        result.total = int(indices.size)
        result.order = indices[self._order(indices, score, sort, bool(words))]
        return result

    def _order(self, indices: np.ndarray, score: np.ndarray, sort: str, has_text: bool) -> np.ndarray:
        # Document indices follow "newest first", so the index itself is the final tie-breaker.
        if sort == "titel":
            return np.argsort(self.title_rank[indices], kind="stable")
        if sort == "geprueft":
            return np.lexsort((indices, -self.reviewed[indices]))
        if sort == "relevanz" and has_text:
            return np.lexsort((indices, -score[indices]))
        return np.arange(indices.size)

    def facet_values(self, param: str, visible: np.ndarray) -> list[tuple[int, str, str]]:
        """The values of a filter that may be offered to a visitor with this ``visible_mask``: (code, slug, label).

        Fixed value sets (status, costs …) are offered whole; values defined by content only when a visible
        Steckbrief uses them, so that a label only members-only Steckbriefe use is never shown to outsiders."""
        data = self.facets[param]
        if not data.in_use_only:
            return [(code, slug, label) for code, (slug, label) in enumerate(data.values)]
        docs = visible & self.is_steckbrief
        if data.matrix is not None:
            used = docs.astype(np.float32) @ data.weights > 0
        else:
            used = np.bincount(data.codes[docs] + 1, minlength=len(data.values) + 1)[1:] > 0
        return [(code, slug, label) for code, (slug, label) in enumerate(data.values) if used[code]]


_lock = threading.Lock()
_engine: Engine | None = None


def get_engine(request=None) -> Engine:
    """The current engine for this process, rebuilt when the index changed (checked once per request)."""
    global _engine

    token = content_token(request)
    engine = _engine
    if engine is not None and engine.token == token:
        return engine
    with _lock:
        if _engine is None or _engine.token != token:
            _engine = Engine(token)
        return _engine
