"""The in-memory catalogue engine: best-match (BM25F) full-text ranking, facet filtering and counting, sorting.

Why in memory: the index lives in ordinary tables (models.py) so that SQLite and PostgreSQL hold the same
terms and return the same results; counting twelve facets against every combination of the other filters
is a handful of vector operations over NumPy arrays instead of a dozen GROUP BY queries. Each process
builds the engine from the tables; when the content token (``core.content_token``, one indexed lookup per request)
moved, it applies just the pages published or unpublished since (``catalogue.incremental``, ``Engine.applied``)
or, after any other change, rebuilds. Visibility is not cached: every call applies ``core.visibility.user_passes``
for the user.

Nothing the engine reports may depend on pages the visitor cannot see: not the results and counts, and not the
hints either. Whether a query word occurs at all ("unmatched"), which terms a typo is widened to ("corrections")
and which values of a content-defined filter exist (``facet_values``) are worked out over the visible documents
only; otherwise the hints would tell an outsider which words and labels the members-only pages contain. The
ranking too: the IDF, the document count and the average field lengths of BM25F are taken over the visible
documents (``Scorer``), so the order of public results does not move with the words of members-only pages.
"""

from __future__ import annotations

import bisect
import copy
import math
import threading
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from inklusive_quartiere.cities.models import CityPage, size_band_for
from inklusive_quartiere.core.chrome import content_token
from inklusive_quartiere.core.content_token import ContentToken
from inklusive_quartiere.core.visibility import user_group_ids, user_passes
from inklusive_quartiere.search.analyzer import QueryWord, fold, stem, within_one_edit
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, FundingProgramme, TargetGroup

from .facets import FACETS, STUMBLING_VALUE
from .incremental import changes_since
from .models import SearchDocument

STECKBRIEF = "steckbriefpage"
FIELD_WEIGHTS = (("title_terms", 3), ("summary_terms", 2), ("body_terms", 1))
TYPO_MIN_LENGTH = 7
BUILD_CHUNK = 2000  # documents analysed together while building the postings
# BM25F: term-frequency saturation and document-length normalisation (the usual values).
K1 = 1.2
B = 0.75
PARTS_FACTOR = 0.5  # a compound query word whose parts occur separately
ALTERNATIVE_FACTOR = 0.7  # another way to say the word (QueryWord.alternatives, filled by the thesaurus)
MIN_MATCH_SHARE = 0.5  # queries of three words or more: at least half of the words that occur at all


def minimum_match(present: int) -> int:
    """How many of the query words that occur in some visible document a result must contain.

    One or two words: all of them; three or more: half, rounded up. When no document reaches that many, the
    best number any document reaches (the result is never empty just because no text contains every word)."""
    if present <= 2:
        return present
    return math.ceil(present * MIN_MATCH_SHARE)


class Scorer:
    """BM25F scores of index terms for one request, computed over the documents the visitor may see only.

    The document count and the document frequency (for the IDF) and the average field lengths are taken over
    ``visible``; so the ranking of the visible results is the same whatever members-only pages exist, and the
    order cannot tell an outsider which words hidden pages contain."""

    def __init__(self, engine: Engine, visible: np.ndarray):
        self.engine = engine
        self.visible = visible
        self.count = int(np.count_nonzero(visible))
        lengths = engine.lengths @ visible.astype(np.float32)
        self.average = np.where(lengths > 0, lengths / max(self.count, 1), 1.0).astype(np.float32)
        self.weights = np.array([w for _f, w in FIELD_WEIGHTS], dtype=np.float32)
        self._cache: dict[str, tuple[np.ndarray, np.ndarray] | None] = {}
        self._full: dict[str, np.ndarray] = {}
        self._idf: dict[str, float] = {}

    def idf_for(self, frequency: int) -> float:
        """The IDF of something ``frequency`` visible documents contain."""
        return math.log(1 + (self.count - frequency + 0.5) / (frequency + 0.5))

    def idf(self, term: str) -> float:
        """The IDF of a term that occurs in some visible document (``term`` is not None for it)."""
        self.term(term)
        return self._idf[term]

    def term(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(documents, BM25F score) of a term, or None when no visible document contains it."""
        if term in self._cache:
            return self._cache[term]
        posting = self.engine._posting(term)
        value = None
        if posting is not None:
            docs, tfs = posting
            frequency = int(np.count_nonzero(self.visible[docs]))
            if frequency:
                idf = self._idf[term] = self.idf_for(frequency)
                norm = (1 - B) + B * self.engine.lengths[:, docs].T / self.average
                weighted = (tfs / norm) @ self.weights
                value = (docs, (idf * weighted * (K1 + 1) / (K1 + weighted)).astype(np.float32))
        self._cache[term] = value
        return value

    def full(self, term: str) -> np.ndarray:
        """The term's scores as a dense array over all documents (0 = absent)."""
        dense = self._full.get(term)
        if dense is None:
            dense = self._full[term] = np.zeros(self.engine.n, dtype=np.float32)
            posting = self.term(term)
            if posting is not None:
                dense[posting[0]] = posting[1]
        return dense

    def together(self, terms: tuple[str, ...]) -> np.ndarray | None:
        """Documents containing every one of ``terms``; None when one of them occurs in no visible document."""
        if not terms or any(self.term(t) is None for t in terms):
            return None
        mask = np.ones(self.engine.n, dtype=bool)
        for t in terms:
            mask &= self.full(t) > 0
        return mask

    def mean(self, terms: tuple[str, ...]) -> np.ndarray:
        return sum(self.full(t) for t in terms) / len(terms)


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
    def __init__(self, token: str, state: tuple[int, int] = (0, 0)):
        """``state``: (version, structure) of the content token this engine was built at (see incremental.py)."""
        self.token = token
        self.version, self.structure = state
        self.full_builds, self.incremental_applies = 1, 0
        self._deletes: dict[str, list[str]] | None = None
        self._pending: dict[str, list[tuple[int, tuple[int, int, int]]]] = {}
        self._lock = threading.Lock()  # merging pending postings
        self._load_documents()
        self._load_facets()
        self._load_restrictions()

    # -- building -------------------------------------------------------------------------------------
    DOCUMENT_COLUMNS = (
        "page_id",
        "kind",
        "page__path",
        "page__title",
        "page__first_published_at",
        "title_terms",
        "summary_terms",
        "body_terms",
    )

    def _load_documents(self) -> None:
        rows = list(
            SearchDocument.objects.filter(page__live=True)
            .order_by("-page__first_published_at", "-page_id")
            .values_list(*self.DOCUMENT_COLUMNS)
        )
        self.n = len(rows)
        self.page_ids = np.array([r[0] for r in rows], dtype=np.int64)
        self.index_of = {int(pid): i for i, pid in enumerate(self.page_ids)}
        self.alive = np.ones(self.n, dtype=bool)  # False: a position replaced or removed by an incremental update
        kinds = sorted({r[1] for r in rows})
        self.kind_names = kinds
        self.kind_codes = np.array([kinds.index(r[1]) for r in rows], dtype=np.int16)
        self.paths = [r[2] for r in rows]
        self.titles = [r[3] for r in rows]
        self.published = np.array([r[4].timestamp() if r[4] else 0.0 for r in rows], dtype=np.float64)
        # Sort keys as floats, so that a document appended later can get a key between two others.
        self.publication_rank = np.arange(self.n, dtype=np.float64)  # newest first
        self._by_publication = [(-self.published[i], -int(self.page_ids[i]), i) for i in range(self.n)]
        self._by_title = sorted((fold(self.titles[i]), i) for i in range(self.n))
        self.title_rank = np.empty(self.n, dtype=np.float64)
        self.title_rank[[i for _t, i in self._by_title]] = np.arange(self.n, dtype=np.float64)
        self.in_publication_order = True  # the positions themselves are the "newest first" order

        # Postings: term → (documents ascending, term frequency in title, summary and body); field lengths per document.
        # Built with array operations, a chunk of documents at a time (bounded temporary memory): every (term,
        # document, field) occurrence becomes one key, counted by np.unique; then all chunks are grouped by term.
        term_id: dict[str, int] = {}
        n_fields, size = len(FIELD_WEIGHTS), max(self.n, 1)
        self.lengths = np.zeros((n_fields, self.n), dtype=np.float32)
        chunks: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for low in range(0, self.n, BUILD_CHUNK):
            high = min(self.n, low + BUILD_CHUNK)
            keys, slots = [], []
            for slot in range(n_fields):
                ids, counts = [], []
                for row in rows[low:high]:
                    terms = row[5 + slot].split()
                    counts.append(len(terms))
                    ids.extend([term_id.setdefault(t, len(term_id)) for t in terms])
                self.lengths[slot, low:high] = counts
                docs = np.repeat(np.arange(low, high, dtype=np.int64), counts)
                keys.append(np.array(ids, dtype=np.int64) * size + docs)
                slots.append(np.full(len(ids), slot, dtype=np.int64))
            unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
            tfs = np.bincount(inverse * n_fields + np.concatenate(slots), minlength=unique.size * n_fields)
            chunks.append(
                (
                    (unique // size).astype(np.int32),
                    (unique % size).astype(np.int32),
                    np.minimum(tfs.reshape(-1, n_fields), 255).astype(np.uint8),
                )
            )
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if chunks:
            term_of = np.concatenate([c[0] for c in chunks])
            order = np.argsort(term_of, kind="stable")  # stable: documents stay ascending within a term
            term_of = term_of[order]
            doc_of = np.concatenate([c[1] for c in chunks])[order]
            tfs = np.concatenate([c[2] for c in chunks])[order]
            del chunks, order
            bounds = np.flatnonzero(np.diff(term_of)) + 1
            terms = list(term_id)
            for first, docs, frequencies in zip(
                np.r_[0, bounds], np.split(doc_of, bounds), np.split(tfs, bounds), strict=True
            ):
                self.postings[terms[int(term_of[first])]] = (docs, frequencies)

    def _term_frequencies(self, i: int, texts) -> dict[str, list[int]]:
        """Per term its frequency in each field of document ``i``; records the field lengths."""
        frequencies: dict[str, list[int]] = {}
        for slot, text in enumerate(texts):
            terms = text.split()
            self.lengths[slot, i] = len(terms)
            for term in terms:
                tf = frequencies.get(term)
                if tf is None:
                    tf = frequencies[term] = [0, 0, 0]
                tf[slot] += 1
        return frequencies

    def has_term(self, term: str) -> bool:
        """Whether any document holds ``term`` (also one an incremental update appended but no search used yet)."""
        return term in self.postings or term in self._pending

    def _posting(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """A term's posting, with the documents an incremental update appended merged in on first use."""
        if term in self._pending:
            with self._lock:
                pending = self._pending.pop(term, None)
                if pending is not None:
                    empty = (np.empty(0, dtype=np.int32), np.empty((0, 3), dtype=np.uint8))
                    docs, tfs = self.postings.get(term, empty)
                    extra_docs = np.array([d for d, _tf in pending], dtype=np.int32)
                    extra_tfs = np.minimum(np.array([tf for _d, tf in pending]), 255).astype(np.uint8)
                    self.postings[term] = (np.concatenate([docs, extra_docs]), np.concatenate([tfs, extra_tfs]))
        return self.postings.get(term)

    TAXONOMIES = (
        ("kategorie", Category, "categories"),
        ("zielgruppe", TargetGroup, "target_groups"),
        ("foerderung", FundingProgramme, "funding_programmes"),
    )
    CHOICE_PARAMS = ("groesse", "bezirk", "netzwerk", "status", "kosten", "personal", "dauer")

    def _load_facets(self) -> None:
        n = self.n
        self.is_steckbrief = self.kind_codes == (
            self.kind_names.index(STECKBRIEF) if STECKBRIEF in self.kind_names else -1
        )
        self.facets: dict[str, FacetData] = {}
        self._cities = list(
            CityPage.objects.live()
            .order_by("title")
            .values_list("path", "slug", "title", "inhabitants", "regierungsbezirk", "network")
        )
        self._city_code = {c[0]: code for code, c in enumerate(self._cities)}
        self.facets["stadt"] = FacetData(
            [(c[1], c[2]) for c in self._cities], np.full(n, -1, dtype=np.int16), in_use_only=True
        )
        for facet in FACETS:
            if facet.choices is not None:
                self.facets[facet.param] = FacetData(
                    [(value, str(label)) for value, label in facet.choices.choices], np.full(n, -1, dtype=np.int16)
                )
        self.facets["stolpersteine"] = FacetData([(STUMBLING_VALUE, "")], np.full(n, -1, dtype=np.int16))
        self._choice_codes = {
            param: {value: code for code, (value, _l) in enumerate(self.facets[param].values)}
            for param in self.CHOICE_PARAMS
        }
        self.reviewed = np.full(n, -1, dtype=np.int32)
        self._term_codes: dict[str, dict[int, int]] = {}
        for param, model, _relation in self.TAXONOMIES:
            terms = list(model.objects.order_by("sort_order", "name").values_list("pk", "slug", "name"))
            self._term_codes[param] = {pk: c for c, (pk, _s, _n) in enumerate(terms)}
            matrix = np.zeros((n, len(terms)), dtype=bool)
            self.facets[param] = FacetData([(s, name) for _pk, s, name in terms], matrix=matrix, in_use_only=True)
        self._fill_facets([int(pid) for pid in self.page_ids[self.is_steckbrief]])
        for param, _model, _relation in self.TAXONOMIES:
            self.facets[param].weights = self.facets[param].matrix.astype(np.float32)

    def _fill_facets(self, steckbrief_ids: list[int]) -> None:
        """Set the facet values of these Steckbriefe (at their positions in ``index_of``)."""
        rows = SteckbriefPage.objects.filter(pk__in=steckbrief_ids).values_list(
            "pk", "path", "status", "cost_band", "staff_effort", "duration", "last_reviewed", "stumbling_blocks"
        )
        for pk, path, status, cost, staff, duration, reviewed, stumbling in rows:
            i = self.index_of[pk]
            city = self._city_code.get(path[:-4])
            if city is not None:
                _p, _s, _t, inhabitants, region, network = self._cities[city]
                self.facets["stadt"].codes[i] = city
                self._set("groesse", i, size_band_for(inhabitants))
                self._set("bezirk", i, region)
                self._set("netzwerk", i, network)
            self._set("status", i, status)
            self._set("kosten", i, cost)
            self._set("personal", i, staff)
            self._set("dauer", i, duration)
            if reviewed:
                self.reviewed[i] = reviewed.toordinal()
            if stumbling and stumbling.strip() not in ("", "<p></p>"):
                self.facets["stolpersteine"].codes[i] = 0
        for param, model, relation in self.TAXONOMIES:
            through = getattr(SteckbriefPage, relation).through
            column = f"{model._meta.model_name}_id"
            matrix, code = self.facets[param].matrix, self._term_codes[param]
            for page_id, term_id in through.objects.filter(steckbriefpage_id__in=steckbrief_ids).values_list(
                "steckbriefpage_id", column
            ):
                matrix[self.index_of[page_id], code[term_id]] = True

    def _set(self, param, i, value):
        code = self._choice_codes[param].get(value)
        if code is not None:
            self.facets[param].codes[i] = code

    # -- incremental updates (catalogue.incremental) ------------------------------------------------------
    def applied(self, page_ids: list[int], token: str, state: tuple[int, int]) -> Engine | None:
        """A new engine: this one with the current index rows of ``page_ids`` applied; None when a full rebuild is
        needed (a city page changed: its inhabitants and labels feed other pages' facets).

        Nothing this engine holds is changed (searches in other threads go on using it): the arrays are replaced by
        longer copies. Every changed page's old position is tombstoned (``alive``) and its current rows, if it is
        live, are appended at the end; the sort keys of the new position are placed between their neighbours."""
        rows = list(
            SearchDocument.objects.filter(page_id__in=page_ids, page__live=True).values_list(*self.DOCUMENT_COLUMNS)
        )
        old = [self.index_of[pid] for pid in page_ids if pid in self.index_of]
        if any(r[1] == "citypage" for r in rows) or any(self.kind_names[self.kind_codes[i]] == "citypage" for i in old):
            return None
        new = copy.copy(self)
        new.token, (new.version, new.structure) = token, state
        new.incremental_applies = self.incremental_applies + 1
        new._lock = threading.Lock()
        new._pending = {term: list(entries) for term, entries in self._pending.items()}
        new.postings = dict(self.postings)
        new.index_of = dict(self.index_of)
        new.alive = self.alive.copy()
        for pid in page_ids:
            i = new.index_of.pop(pid, None)
            if i is not None:
                new.alive[i] = False

        start, m = self.n, len(rows)
        new.n = self.n + m
        new.kind_names = list(self.kind_names)
        for row in rows:
            if row[1] not in new.kind_names:
                new.kind_names.append(row[1])
        new.page_ids = np.concatenate([self.page_ids, np.array([r[0] for r in rows], dtype=np.int64)])
        new.kind_codes = np.concatenate(
            [self.kind_codes, np.array([new.kind_names.index(r[1]) for r in rows], dtype=np.int16)]
        )
        steckbrief_code = new.kind_names.index(STECKBRIEF) if STECKBRIEF in new.kind_names else -1
        new.is_steckbrief = new.kind_codes == steckbrief_code
        new.is_steckbrief[: self.n] &= new.alive[: self.n]  # a replaced position is no Steckbrief any more
        new.paths = [*self.paths, *(r[2] for r in rows)]
        new.titles = [*self.titles, *(r[3] for r in rows)]
        new.published = np.concatenate(
            [self.published, np.array([r[4].timestamp() if r[4] else 0.0 for r in rows], dtype=np.float64)]
        )
        new.alive = np.concatenate([new.alive, np.ones(m, dtype=bool)])
        new.publication_rank = np.concatenate([self.publication_rank, np.zeros(m)])
        new.title_rank = np.concatenate([self.title_rank, np.zeros(m)])
        new._by_publication, new._by_title = list(self._by_publication), list(self._by_title)
        new.in_publication_order = self.in_publication_order and m == 0
        new.lengths = np.concatenate([self.lengths, np.zeros((len(FIELD_WEIGHTS), m), dtype=np.float32)], axis=1)
        new_terms = []
        for offset, row in enumerate(rows):
            i = start + offset
            new.index_of[int(row[0])] = i
            _insert_rank(new._by_publication, (-new.published[i], -int(row[0]), i), new.publication_rank)
            _insert_rank(new._by_title, (fold(row[3]), i), new.title_rank)
            for term, tf in new._term_frequencies(i, row[5:8]).items():
                if term not in new.postings and term not in new._pending:
                    new_terms.append(term)
                new._pending.setdefault(term, []).append((i, tuple(tf)))
        if self._deletes is not None and new_terms:
            new._deletes = dict(self._deletes)
            for term in new_terms:
                if len(term) >= TYPO_MIN_LENGTH - 2:
                    for key in {term} | {term[:k] + term[k + 1 :] for k in range(len(term))}:
                        new._deletes[key] = [*new._deletes.get(key, ()), term]

        new.facets = {}
        for param, data in self.facets.items():
            grown = copy.copy(data)
            if data.matrix is not None:
                grown.matrix = np.concatenate([data.matrix, np.zeros((m, data.matrix.shape[1]), dtype=bool)])
            else:
                grown.codes = np.concatenate([data.codes, np.full(m, -1, dtype=data.codes.dtype)])
            new.facets[param] = grown
        new.reviewed = np.concatenate([self.reviewed, np.full(m, -1, dtype=np.int32)])
        try:
            new._fill_facets([int(r[0]) for r in rows if r[1] == STECKBRIEF])
        except KeyError:  # a taxonomy term this engine does not know (its change will rebuild anyway)
            return None
        for param, _model, _relation in self.TAXONOMIES:
            data = new.facets[param]
            data.weights = np.concatenate([self.facets[param].weights, data.matrix[start:].astype(np.float32)])

        new.restriction_classes = {
            key: np.concatenate([covered, np.zeros(m, dtype=bool)]) for key, covered in self.restriction_classes.items()
        }
        for offset, row in enumerate(rows):
            for key, path in self._restrictions:
                if row[2].startswith(path):
                    covered = new.restriction_classes.get(key)
                    if covered is None:
                        covered = new.restriction_classes[key] = np.zeros(new.n, dtype=bool)
                    covered[start + offset] = True
        return new

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
        self._restrictions: list[tuple[tuple[str, frozenset[int]], str]] = []  # (class, path), for appended pages
        for restriction_id, kind, path in PageViewRestriction.objects.values_list(
            "pk", "restriction_type", "page__path"
        ):
            key = (kind, frozenset(groups.get(restriction_id, ())))
            self._restrictions.append((key, path))
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
        """Documents the user may see: the rule of core.visibility, applied per class of restriction.

        Positions an incremental update replaced or removed are never visible."""
        mask = self.alive.copy()
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
            for candidate in [*self.postings, *self._pending]:
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
        return sorted(s for s in stems if s in self.postings or s in self._pending)

    # -- scoring ---------------------------------------------------------------------------------------
    def scorer(self, visible: np.ndarray) -> Scorer:
        return Scorer(self, visible)

    def word_scores(
        self, word: QueryWord, visible: np.ndarray, scorer: Scorer | None = None
    ) -> tuple[np.ndarray, list[str], list[str], np.ndarray]:
        """Per-document score of one query word (0 = no match), the terms that matched, typo widenings, and which
        documents contain the visitor's own word (its stem, its parts or a typo widening: not only an alternative).

        The word's own stem scores its BM25F value; documents that only contain the parts of a compound query word
        separately, ``PARTS_FACTOR`` of the parts' mean; an alternative (all of its terms in one document)
        ``ALTERNATIVE_FACTOR`` of its terms' mean; a document gets the best of these. With alternatives, the word's
        own score and theirs use one shared IDF (see below). A word of seven letters or
        more that matches nothing is widened to the index terms within one edit.

        Only terms occurring in a ``visible`` document count as existing: a word only hidden pages contain is
        treated exactly like a word no page contains (no match, typo widening, the same hints).
        """
        scorer = scorer or self.scorer(visible)
        scores = np.zeros(self.n, dtype=np.float32)
        matched, corrections = [], []
        own = scorer.term(word.stem)
        if own is not None:
            scores[own[0]] = own[1]
            matched.append(word.stem)
        if word.parts:  # a compound query also finds its parts used separately ("Treff in der Nachbarschaft")
            together = scorer.together(word.parts)
            if together is not None:
                fill = together & (scores == 0)
                scores[fill] = PARTS_FACTOR * scorer.mean(word.parts)[fill]
                matched.extend(word.parts)
        direct = scores > 0
        found = [(alt, together) for alt in word.alternatives if (together := scorer.together(alt)) is not None]
        if found:
            # The word and its alternatives are one pseudo-term (as Lucene scores synonyms): one IDF for all, that
            # of the most frequent of them, so that a rare alternative cannot outweigh the visitor's own word and a
            # widely widened word weighs less beside the other words of the query.
            frequencies = [int(np.count_nonzero(together & visible)) for _alt, together in found]
            if own is not None:
                frequencies.append(int(np.count_nonzero(visible[own[0]])))
            shared = scorer.idf_for(max(frequencies))
            if own is not None:
                scores[own[0]] = own[1] * (shared / scorer.idf(word.stem))
            for alternative, together in found:
                saturation = sum(scorer.full(t) / scorer.idf(t) for t in alternative) / len(alternative)
                alternative_scores = ALTERNATIVE_FACTOR * shared * saturation
                np.maximum(scores, np.where(together, alternative_scores, 0), out=scores)
                matched.extend(term for term in alternative if term not in matched)
        if not matched and len(word.text) >= TYPO_MIN_LENGTH:
            candidates = set(self._near_terms(word.stem)) | set(self._near_words(fold(word.text)))
            for candidate in sorted(candidates):
                posting = scorer.term(candidate)
                if posting is None:
                    continue
                docs, values = posting
                scores[docs] = np.maximum(scores[docs], values)
                corrections.append(candidate)
                matched.append(candidate)
            direct = scores > 0
        return scores, matched, corrections, direct

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
        """``visible``: the user's ``visible_mask``, when the caller already computed it for this request.

        With words, the result set is the best-match set (``minimum_match``) for every sort; "relevanz" orders it
        by the number of query words matched, then the summed BM25F score, then newest first.

        Thesaurus alternatives widen a word; they never narrow the result. A document that contains the visitor's
        own words as often as the best literal match does stays in the set even when documents matching more words
        through alternatives raise the bar ("Zugewanderte … unterstützen": the one text that says "Zugewanderte"
        stays, below the texts that say "Migranten" and "unterstützen")."""
        visible = self.visible_mask(user) if visible is None else visible
        base = visible.copy()
        if kinds is not None:
            wanted = [self.kind_names.index(k) for k in kinds if k in self.kind_names]
            base &= np.isin(self.kind_codes, wanted)
        score = np.zeros(self.n, dtype=np.float32)
        matched_words = np.zeros(self.n, dtype=np.int16)
        direct_words = np.zeros(self.n, dtype=np.int16)
        result = SearchResult(page_ids=[], total=0, order=np.empty(0, dtype=np.int64))
        scorer = self.scorer(visible) if words else None  # the averages cost a pass over all documents
        present = 0
        for word in words:
            word_score, matched, corrections, direct = self.word_scores(word, visible, scorer)
            if not matched:
                result.unmatched.append(word.text)
                continue
            present += 1
            if corrections:
                result.corrections[word.text] = corrections
            result.terms.update(matched)
            matched_words += word_score > 0
            direct_words += direct
            score += word_score
        if words:
            best = int(matched_words[base].max()) if present and base.any() else 0
            best_direct = int(direct_words[base].max()) if present and base.any() else 0
            literal = direct_words >= max(1, min(minimum_match(present), best_direct))
            base &= (matched_words >= max(1, min(minimum_match(present), best))) | literal
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
        result.order = indices[self._order(indices, score, matched_words, sort, bool(words))]
        return result

    def _order(
        self, indices: np.ndarray, score: np.ndarray, matched_words: np.ndarray, sort: str, has_text: bool
    ) -> np.ndarray:
        # "Newest first" is the final tie-breaker (the positions themselves, until an incremental update appended).
        newest = self.publication_rank[indices]
        if sort == "titel":
            return np.argsort(self.title_rank[indices], kind="stable")
        if sort == "geprueft":
            return np.lexsort((newest, -self.reviewed[indices]))
        if sort == "relevanz" and has_text:
            return np.lexsort((newest, -score[indices], -matched_words[indices]))
        if self.in_publication_order:
            return np.arange(indices.size)
        return np.argsort(newest, kind="stable")

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


def _insert_rank(ordered: list, key: tuple, ranks: np.ndarray) -> None:
    """Insert ``key`` (whose last item is the document position) into the sorted list and give the position a rank
    between its neighbours' ranks."""
    at = bisect.bisect_left(ordered, key)
    before = ranks[ordered[at - 1][-1]] if at > 0 else None
    after = ranks[ordered[at][-1]] if at < len(ordered) else None
    if before is None and after is None:
        rank = 0.0
    elif before is None:
        rank = after - 1.0
    elif after is None:
        rank = before + 1.0
    else:
        rank = (before + after) / 2
    ranks[key[-1]] = rank
    ordered.insert(at, key)


def _refresh(engine: Engine | None) -> Engine:
    """The engine for the current content: ``engine`` with the publications since applied, or a full rebuild."""
    if engine is not None:
        state, page_ids = changes_since(engine.version, engine.structure, engine.token)
        token, version, structure = state
        if token == engine.token:
            return engine
        if page_ids is not None:
            updated = engine.applied(page_ids, token, (version, structure))
            if updated is not None:
                return updated
        full_builds = engine.full_builds + 1
    else:
        full_builds = 1
    token, version, structure = ContentToken.state()
    fresh = Engine(token, (version, structure))
    fresh.full_builds = full_builds
    return fresh


def get_engine(request=None) -> Engine:
    """The current engine for this process, updated when the content token moved (checked once per request)."""
    global _engine

    token = content_token(request)
    engine = _engine
    if engine is not None and engine.token == token:
        return engine
    with _lock:
        if _engine is None or _engine.token != token:
            _engine = _refresh(_engine)
        return _engine
