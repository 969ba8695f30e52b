"""Relevance on the demo content: German queries (inflections, compounds, umlaut spellings, typos).

The file search/relevance/queries.json names the Steckbriefe each query must bring into the top 10.
recall@10 = mean over queries of |expected ∩ top 10| / |expected|; must be ≥ 0.9. MRR is printed.
"""

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from inklusive_quartiere import search
from inklusive_quartiere.catalogue.engine import STECKBRIEF, get_engine
from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.steckbriefe.models import SteckbriefPage

pytestmark = pytest.mark.django_db
QUERIES = json.loads((Path(search.__file__).parent / "relevance" / "queries.json").read_text(encoding="utf-8"))


def test_the_query_file_is_broad_enough():
    assert len(QUERIES) >= 30
    kinds = {q["kind"] for q in QUERIES}
    assert {"inflection", "compound", "umlaut", "typo"} <= kinds


def test_recall_at_10_and_mrr(demo, capsys):
    engine = get_engine()
    reader = User.objects.create_superuser("leser", "l@example.org", "x" * 16)  # sees every Steckbrief

    slug_of = dict(SteckbriefPage.objects.values_list("pk", "slug"))
    recalls, reciprocal_ranks, misses = [], [], []
    for case in QUERIES:
        result = engine.search(
            reader, analyze_query(case["query"]), {}, "relevanz", kinds=[STECKBRIEF], with_counts=False
        )
        ranked = [slug_of[int(engine.page_ids[i])] for i in result.order[:10]]
        expected = set(case["expected"])
        found = expected & set(ranked)
        recalls.append(len(found) / len(expected))
        first = next((rank for rank, slug in enumerate(ranked, 1) if slug in expected), None)
        reciprocal_ranks.append(1 / first if first else 0.0)
        if found != expected:
            misses.append(f"{case['kind']:10} {case['query']!r}: missing {sorted(expected - found)}")
    recall = sum(recalls) / len(recalls)
    mrr = sum(reciprocal_ranks) / len(reciprocal_ranks)
    with capsys.disabled():
        print(f"\nrelevance: {len(QUERIES)} queries, recall@10 = {recall:.3f}, MRR = {mrr:.3f}")
        for line in misses:
            print("  miss:", line)
    assert recall >= 0.9, misses
