"""Incremental index updates: publishing and unpublishing are applied to the running engine without a full rebuild,
give the same results as a fresh build, and never show a members-only page to outsiders; anything structural
(view restrictions, taxonomies, city pages) rebuilds."""

import numpy as np
import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from wagtail.models import PageViewRestriction

from inklusive_quartiere.catalogue.engine import FACETS, STECKBRIEF, Engine, get_engine
from inklusive_quartiere.catalogue.models import SearchChange
from inklusive_quartiere.core.content_token import ContentToken
from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.testing.support.factories import city_page, make_category, make_steckbrief, restrict_to_members
from inklusive_quartiere.testing.support.personas import make_admin, make_member

pytestmark = pytest.mark.django_db
QUERIES = ["", "Kolibriwort", "Nachbarschaft", "Garten Kolibriwort", "Quartier Treffpunkt Generationen Ehrenamt"]
SORTS = ["relevanz", "neueste", "titel", "geprueft"]


def snapshot(engine, user):
    """Everything a visitor can get out of the engine, by page id (positions differ between builds)."""
    visible = engine.visible_mask(user)
    out = {
        "values": {f.param: engine.facet_values(f.param, visible) for f in FACETS},
        "hidden_steckbriefe": int(np.count_nonzero(engine.is_steckbrief & ~visible)),  # the members-only notice
    }
    for kinds in ([STECKBRIEF], None):
        for query in QUERIES:
            for sort in SORTS:
                result = engine.search(user, analyze_query(query), {}, sort, kinds=kinds, visible=visible)
                out[(str(kinds), query, sort)] = (
                    [int(engine.page_ids[i]) for i in result.order],
                    result.counts,
                    result.unmatched,
                    result.corrections,
                    sorted(result.terms),
                )
    return out


def assert_same_as_a_fresh_build(engine, users):
    fresh = Engine(*_state())
    for user in users:
        assert snapshot(engine, user) == snapshot(fresh, user)


def _state():
    token, version, structure = ContentToken.state()
    return token, (version, structure)


@pytest.fixture
def users(demo):
    return [AnonymousUser(), make_member("mitglied"), make_admin("verwaltung")]


def ids(engine, user, query, sort="relevanz"):
    result = engine.search(user, analyze_query(query), {}, sort, kinds=[STECKBRIEF], with_counts=False)
    return [int(engine.page_ids[i]) for i in result.order]


def test_publish_unpublish_republish_apply_incrementally(users):
    anonymous = users[0]
    engine = get_engine()
    builds = engine.full_builds

    page = make_steckbrief(title="Kolibriwort im Garten", slug="kolibri", summary="Ein Garten für alle Generationen.")
    engine = get_engine()
    assert (engine.full_builds, engine.incremental_applies) == (builds, 1)
    assert ids(engine, anonymous, "Kolibriwort") == [page.pk]
    assert ids(engine, anonymous, "")[0] == page.pk  # newest first
    assert_same_as_a_fresh_build(engine, users)

    page.unpublish()
    engine = get_engine()
    assert (engine.full_builds, engine.incremental_applies) == (builds, 2)
    assert ids(engine, anonymous, "Kolibriwort") == []
    assert page.pk not in engine.index_of
    assert_same_as_a_fresh_build(engine, users)

    page.title = "Kolibriwort Gemeinschaftsgarten"
    page.cost_band = "gt100k"
    page.save_revision().publish()
    engine = get_engine()
    assert (engine.full_builds, engine.incremental_applies) == (builds, 3)
    assert ids(engine, anonymous, "Kolibriwort Gemeinschaftsgarten")[0] == page.pk
    kosten = engine.facets["kosten"]
    assert kosten.values[kosten.codes[engine.index_of[page.pk]]][0] == "gt100k"
    assert_same_as_a_fresh_build(engine, users)


def test_republishing_a_changed_text_replaces_the_old_terms(users):
    builds = get_engine().full_builds
    page = make_steckbrief(title="Kolibriwort", slug="kolibri")
    page.title = "Pinguinwort"
    page.save_revision().publish()
    engine = get_engine()
    assert ids(engine, users[0], "Kolibriwort") == []
    assert ids(engine, users[0], "Pinguinwort") == [page.pk]
    assert (engine.full_builds, engine.incremental_applies) == (builds, 1)  # both publications in one apply
    assert_same_as_a_fresh_build(engine, users)


def test_restriction_change_rebuilds(users):
    page = make_steckbrief(title="Kolibriwort", slug="kolibri")
    engine = get_engine()
    builds = engine.full_builds
    restrict_to_members(page)
    engine = get_engine()
    assert engine.full_builds == builds + 1
    assert ids(engine, users[0], "Kolibriwort") == []
    assert ids(engine, users[1], "Kolibriwort") == [page.pk]


def test_taxonomy_change_rebuilds(users):
    builds = get_engine().full_builds
    make_category("Neue Kategorie")
    assert get_engine().full_builds == builds + 1


def test_members_only_steckbrief_published_later_stays_hidden(users):
    anonymous, member = users[0], users[1]
    page = make_steckbrief(title="Geheimes Kolibriwort", slug="geheim", publish=False)
    restrict_to_members(page)
    engine = get_engine()  # the restriction is structural: a full rebuild
    builds = engine.full_builds
    page.save_revision().publish()
    engine = get_engine()
    assert (engine.full_builds, engine.incremental_applies) == (builds, 1)
    assert ids(engine, anonymous, "Kolibriwort") == []
    assert page.pk not in ids(engine, anonymous, "")
    assert engine.search(anonymous, analyze_query("Kolibriwort"), {}, "relevanz").unmatched == ["Kolibriwort"]
    assert ids(engine, member, "Kolibriwort") == [page.pk]
    assert engine.is_restricted(page.pk)
    assert_same_as_a_fresh_build(engine, users)


def test_steckbrief_published_below_a_restricted_city_stays_hidden(users):
    anonymous, member = users[0], users[1]
    restrict_to_members(city_page("Ulm"))
    builds = get_engine().full_builds
    page = make_steckbrief(title="Kolibriwort in Ulm", slug="kolibri-ulm")
    engine = get_engine()
    assert engine.full_builds == builds
    assert ids(engine, anonymous, "Kolibriwort") == []
    assert ids(engine, member, "Kolibriwort") == [page.pk]
    assert_same_as_a_fresh_build(engine, users)


def test_changes_are_recorded_with_the_version_and_pruned(users):
    _token, _version, structure = ContentToken.state()
    page = make_steckbrief(title="Kolibriwort", slug="kolibri")
    _token, version, after = ContentToken.state()
    assert after == structure  # publishing is not structural
    assert SearchChange.objects.filter(page_id=page.pk, version=version).exists()
    restrict_to_members(page)  # structural: older changes are useless now
    _token, version, structure = ContentToken.state()
    assert structure == version
    make_steckbrief(title="Pinguinwort", slug="pinguin")
    assert list(SearchChange.objects.values_list("version", flat=True)) == [ContentToken.state()[1]]


def test_a_restriction_removed_again_rebuilds(users):
    page = make_steckbrief(title="Kolibriwort", slug="kolibri", members_only=True)
    assert ids(get_engine(), users[0], "Kolibriwort") == []
    PageViewRestriction.objects.filter(page=page).delete()
    assert ids(get_engine(), users[0], "Kolibriwort") == [page.pk]


def test_an_engine_whose_state_was_rolled_back_rebuilds(users):
    """A transaction that bumped the version can be rolled back after an engine saw it (tests do this all the time;
    production when a publication fails late). The next change then gets the same version number: the engine must
    notice that its state is not in the history (the change's token differs) and rebuild, not apply nothing."""
    anonymous = users[0]
    get_engine()

    class RolledBack(Exception):
        pass

    with pytest.raises(RolledBack), transaction.atomic():
        ghost = make_steckbrief(title="Gespensterwort", slug="gespenst")
        engine = get_engine()
        assert ids(engine, anonymous, "Gespensterwort") == [ghost.pk]
        raise RolledBack
    page = make_steckbrief(title="Kolibriwort", slug="kolibri")
    engine = get_engine()
    assert engine.version == ContentToken.state()[1]
    assert ids(engine, anonymous, "Gespensterwort") == []
    assert ids(engine, anonymous, "Kolibriwort") == [page.pk]
    assert_same_as_a_fresh_build(engine, users)
