"""The query pipeline every searching channel uses (catalogue/querying.py): thesaurus widening and truncated words."""

import pytest

from inklusive_quartiere.catalogue.engine import STECKBRIEF, get_engine
from inklusive_quartiere.catalogue.querying import TRUNCATED, query_words
from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.testing.support.personas import make_admin

pytestmark = pytest.mark.django_db


def test_only_a_word_directly_followed_by_a_full_stop_counts_as_cut():
    found = [m.group(1) for m in TRUNCATED.finditer("Bürgerbet. im Quartier, z.B. Pflegestützp. und www.ulm.de Ort.")]
    assert found == ["Bürgerbet", "Pflegestützp"]


def _titles(engine, words, user):
    result = engine.search(user, words, {}, "relevanz", kinds=[STECKBRIEF], with_counts=False)
    return [engine.titles[i] for i in result.order[:10]]


def test_a_truncated_word_finds_what_the_full_word_finds(demo):
    engine = get_engine()
    reader = make_admin()
    full = _titles(engine, analyze_query("Pflegestützpunkt"), reader)
    assert full
    assert _titles(engine, analyze_query("Pflegestützp"), reader) == []  # without the full stop: nothing
    cut = query_words(engine, "Pflegestützp.")
    assert cut[0].alternatives and ("pflegestutzpunkt",) in cut[0].alternatives
    assert _titles(engine, cut, reader)[0] == full[0]


def test_a_word_cut_after_its_stem_finds_the_stem(demo):
    engine = get_engine()
    words = query_words(engine, "ehrenamtl. Helfer")
    assert ("ehrenamt",) in words[0].alternatives
    assert _titles(engine, words, make_admin())


def test_no_truncation_without_a_full_stop_and_no_explosion(demo):
    engine = get_engine()
    assert all(
        not w.alternatives or ("quartiersmanagement",) not in w.alternatives for w in query_words(engine, "Quart")
    )
    words = query_words(engine, "Quar.")  # a short cut matches many terms: at most a handful are used
    assert len(words[0].alternatives) <= 14
