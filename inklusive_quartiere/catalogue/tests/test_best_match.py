"""Best-match ranking: coordination, the minimum match, alternatives (hand-built QueryWords, as the thesaurus fills
them), and scores that depend on the visible documents only."""

import dataclasses

import numpy as np
import pytest
from django.contrib.auth.models import AnonymousUser

from inklusive_quartiere.catalogue.engine import STECKBRIEF, get_engine, minimum_match
from inklusive_quartiere.search.analyzer import QueryWord, analyze_query
from inklusive_quartiere.testing.support.factories import make_steckbrief
from inklusive_quartiere.testing.support.personas import make_member

pytestmark = pytest.mark.django_db
SORTS = ("relevanz", "neueste", "titel", "geprueft")


@pytest.fixture
def pages(demo):
    return {
        "word": make_steckbrief(title="Kolibriwort Sammelstelle", slug="kolibri", summary="Nur ein Test."),
        "phrase": make_steckbrief(title="Pinguinwort und Eiswort", slug="pinguin-eis", summary="Nur ein Test."),
        "half": make_steckbrief(title="Pinguinwort Lemurwort", slug="pinguin", summary="Nur ein Test."),
    }


def search(words, user=None, sort="relevanz"):
    engine = get_engine()
    result = engine.search(user or AnonymousUser(), words, {}, sort, kinds=[STECKBRIEF], with_counts=False)
    return result, [int(engine.page_ids[i]) for i in result.order]


def with_alternatives(text: str, *alternatives: str) -> QueryWord:
    """The query word of ``text`` with each alternative phrase's terms (as the thesaurus would fill them)."""
    word = analyze_query(text)[0]
    phrases = tuple(tuple(w.stem for w in analyze_query(phrase)) for phrase in alternatives)
    return dataclasses.replace(word, alternatives=phrases)


def test_minimum_match_rule():
    assert [minimum_match(n) for n in range(7)] == [0, 1, 2, 2, 2, 3, 3]


def test_an_alternative_matches_the_word_below_the_word_itself(pages):
    result, found = search([with_alternatives("Kolibriwort", "Pinguinwort Eiswort")])
    assert found == [pages["word"].pk, pages["phrase"].pk]  # "half" has only one term of the phrase
    phrase_terms = {w.stem for w in analyze_query("Pinguinwort Eiswort")}
    assert phrase_terms <= result.terms  # for highlighting
    assert not result.unmatched


def test_a_word_found_only_through_an_alternative_is_not_unmatched(pages):
    result, found = search([with_alternatives("Nirgendwortqq", "Pinguinwort Eiswort")])
    assert found == [pages["phrase"].pk]
    assert not result.unmatched
    assert not result.corrections  # a thesaurus hit is not a typo


def test_an_alternative_only_members_only_pages_contain_does_not_exist_for_outsiders(demo):
    secret = make_steckbrief(title="Geheimwortqq", slug="geheim", members_only=True)
    word = with_alternatives("Nirgendwortqq", "Geheimwortqq")
    result, found = search([word])
    assert (found, result.unmatched, result.terms) == ([], ["Nirgendwortqq"], set())
    result, found = search([word], user=make_member("mitglied"))
    assert found == [secret.pk]


def test_a_query_word_absent_everywhere_does_not_empty_the_result(pages):
    words = analyze_query("Kolibriwort Sammelstelle Pinguinwort Eiswort Lemurwort Nirgendwortqq")
    result, found = search(words)
    assert result.unmatched == ["Nirgendwortqq"]
    # Five words occur, so three should match; no document has more than two, so two is the floor.
    assert set(found) == {p.pk for p in pages.values()}


def test_more_matching_words_rank_first_and_all_words_stay_on_top(pages):
    _result, found = search(analyze_query("Pinguinwort Eiswort"))
    assert found == [pages["phrase"].pk]  # two words: both, as long as a document has both
    _result, found = search(analyze_query("Pinguinwort Lemurwort Eiswort"))
    assert set(found) == {pages["phrase"].pk, pages["half"].pk}  # two of three words each


def test_long_queries_do_not_return_everything_that_matches_one_word(pages):
    _result, found = search(analyze_query("Kolibriwort Sammelstelle Pinguinwort"))
    assert found == [pages["word"].pk]  # 2 of 3 words; the Pinguinwort pages match one only


def test_two_words_no_document_has_together_give_the_documents_with_either(pages):
    result, found = search(analyze_query("Kolibriwort Eiswort"))
    assert set(found) == {pages["word"].pk, pages["phrase"].pk}
    assert not result.unmatched


def test_a_one_word_query_behaves_as_before(pages):
    _result, found = search(analyze_query("Pinguinwort"))
    assert set(found) == {pages["phrase"].pk, pages["half"].pk}


@pytest.mark.parametrize("sort", SORTS)
def test_every_sort_shows_the_best_match_set(pages, sort):
    words = analyze_query("Kolibriwort Eiswort")
    _result, relevance = search(words)
    _result, other = search(words, sort=sort)
    assert sorted(other) == sorted(relevance)


def test_scores_of_public_documents_do_not_depend_on_members_only_ones(pages):
    engine = get_engine()
    anonymous = engine.visible_mask(AnonymousUser())
    before = engine.scorer(anonymous).term(analyze_query("Pinguinwort")[0].stem)
    before = dict(zip(engine.page_ids[before[0]].tolist(), before[1].tolist(), strict=True))
    for n in range(3):
        make_steckbrief(title=f"Pinguinwort Pinguinwort {n}", slug=f"geheim-{n}", members_only=True)
    engine = get_engine()
    anonymous = engine.visible_mask(AnonymousUser())
    after = engine.scorer(anonymous).term(analyze_query("Pinguinwort")[0].stem)
    visible_docs = anonymous[after[0]]
    after = dict(zip(engine.page_ids[after[0][visible_docs]].tolist(), after[1][visible_docs].tolist(), strict=True))
    assert after == pytest.approx(before)
    assert np.count_nonzero(engine.is_steckbrief & ~anonymous) >= 3


def test_alternatives_never_push_out_the_text_with_the_visitors_own_word(demo):
    """Two query words: "Kolibriwort" (one text uses it, others its alternative "Pinguinwort") and "Lemurwort". The
    texts matching both through the alternative come first, but the one text with the visitor's own word stays in
    the result below them (before the thesaurus it was the first result; the alternative must not remove it)."""
    own = make_steckbrief(title="Kolibriwort Sammelstelle", slug="kolibri-eigen", summary="Nur ein Test.")
    both = make_steckbrief(title="Pinguinwort Lemurwort", slug="pinguin-lemur", summary="Nur ein Test.")
    other = make_steckbrief(title="Lemurwort allein", slug="lemur", summary="Nur ein Test.")
    words = [with_alternatives("Kolibriwort", "Pinguinwort"), analyze_query("Lemurwort")[0]]
    _result, found = search(words)
    assert found[0] == both.pk  # both words (one through the alternative)
    assert own.pk in found and other.pk in found  # the literal best (one own word each) stays
    _result, plain = search([analyze_query("Kolibriwort")[0], analyze_query("Lemurwort")[0]])
    assert set(plain) == {own.pk, both.pk, other.pk}  # without the thesaurus: the union (nothing has both)


def test_a_rare_alternative_does_not_outrank_the_visitors_own_word(demo):
    """The word and its alternatives share one IDF (that of the most frequent): six texts say "Kolibriwort", one
    says only its rare alternative "Pinguinwort". With an IDF of its own the rare alternative came first; now the
    texts with the visitor's own word do, and the alternative still follows."""
    own = [
        make_steckbrief(title=f"Kolibriwort Beispiel {n}", slug=f"kolibri-{n}", summary="Nur ein Test.")
        for n in range(6)
    ]
    rare = make_steckbrief(title="Pinguinwort Beispiel", slug="pinguin-selten", summary="Nur ein Test.")
    _result, found = search([with_alternatives("Kolibriwort", "Pinguinwort")])
    assert set(found[:6]) == {page.pk for page in own}
    assert found[6] == rare.pk
