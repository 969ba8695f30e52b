"""The catalogue and /suche/ count a search for the office's report (querylog) once per request: anonymous
visitors, first page, with words only — page-cache hits included, failures swallowed, nothing from members-only."""

from unittest import mock

import pytest
from wagtail.models import PageViewRestriction

from inklusive_quartiere.core.audiences import MEMBERS
from inklusive_quartiere.querylog import recording
from inklusive_quartiere.querylog.models import SearchQueryCount
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.support.personas import make_member, make_office_user, signed_in

pytestmark = pytest.mark.django_db

CATALOGUE = "/steckbriefe/"
SEARCH = "/suche/"


def _counts():
    return {(row.query, row.channel): (row.count, row.results) for row in SearchQueryCount.objects.all()}


@pytest.mark.parametrize(("url", "channel"), [(CATALOGUE, "katalog"), (SEARCH, "suche")])
def test_an_anonymous_search_is_counted_once_with_its_result_count(client, demo, url, channel):
    response = client.get(url, {"q": "Quasselbude"})
    assert response.status_code == 200
    assert _counts() == {("quasselbude", channel): (1, 0)}
    response = client.get(url, {"q": "Quartier"})
    total = response.context["catalogue"]["total"] if url == CATALOGUE else response.context["total"]
    assert total > 0
    assert _counts()[("quartier", channel)] == (1, total)


def test_the_second_page_and_filter_only_requests_are_not_counted(client, demo):
    first = client.get(CATALOGUE, {"q": "Quartier"})
    assert first.context["catalogue"]["total"] > 20, "needs two pages of results"
    client.get(CATALOGUE, {"q": "Quartier", "seite": "2"})
    client.get(SEARCH, {"q": "Quartier", "seite": "2"})
    client.get(CATALOGUE, {"status": "laufend"})
    client.get(CATALOGUE)
    client.get(CATALOGUE, {"q": "   "})
    client.get(SEARCH, {"q": "und oder"})
    assert _counts() == {("quartier", "katalog"): (1, first.context["catalogue"]["total"])}


def test_page_cache_hits_are_counted_too(client, demo):
    first = client.get(SEARCH, {"q": "Quasselbude"})
    second = client.get(SEARCH, {"q": "Quasselbude"})
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    catalogue = [client.get(CATALOGUE, {"q": "Quasselbude"}) for _ in range(3)]
    assert [r["X-Page-Cache"] for r in catalogue] == ["miss", "hit", "hit"]
    assert _counts() == {("quasselbude", "suche"): (2, 0), ("quasselbude", "katalog"): (3, 0)}
    # A cached second page carries no mark: still not counted.
    client.get(CATALOGUE, {"q": "Quartier", "seite": "2"})
    client.get(CATALOGUE, {"q": "Quartier", "seite": "2"})
    assert ("quartier", "katalog") not in _counts()


def test_signed_in_people_are_not_counted(demo):
    for user in (make_member("mitglied-ql"), make_office_user("redaktion-ql")):
        client = signed_in(user)
        assert client.get(CATALOGUE, {"q": "Quasselbude"}).status_code == 200
        assert client.get(SEARCH, {"q": "Quasselbude"}).status_code == 200
    assert not SearchQueryCount.objects.exists()


def test_the_stored_result_count_is_what_the_public_sees(client, demo):
    """A members-only Steckbrief's title: members find it, the anonymous count (the one stored) does not."""
    restricted = PageViewRestriction.objects.filter(groups__name=MEMBERS).values_list("page__path", flat=True)
    secret = next(
        page for page in SteckbriefPage.objects.live() if any(page.path.startswith(path) for path in restricted)
    )
    query = secret.title
    member_total = signed_in(make_member("mitglied-ql")).get(SEARCH, {"q": query}).context["total"]
    public_total = client.get(SEARCH, {"q": query}).context["total"]
    assert member_total > public_total
    row = SearchQueryCount.objects.get()
    assert (row.count, row.results) == (1, public_total)


@pytest.mark.parametrize("url", [CATALOGUE, SEARCH])
def test_a_failing_write_never_breaks_the_search(client, demo, url, caplog):
    with mock.patch.object(SearchQueryCount.objects, "filter", side_effect=RuntimeError("disk full")):
        response = client.get(url, {"q": "Quartier"})
    assert response.status_code == 200
    assert "Suchanfrage konnte nicht gezählt werden" in caplog.text
    assert "X-Query-Log" not in response


def test_a_failing_count_of_a_cache_hit_never_breaks_the_page(client, demo, caplog):
    client.get(SEARCH, {"q": "Quartier"})
    with mock.patch.object(recording, "record", side_effect=RuntimeError("boom")):
        response = client.get(SEARCH, {"q": "Quartier"})
    assert (response.status_code, response["X-Page-Cache"]) == (200, "hit")
    assert "aus dem Seitencache" in caplog.text


@pytest.mark.parametrize(
    "query", ["x" * 10_000, "\x00\x01\x1f Quartier", "🙂🙂🙂", "'; DROP TABLE querylog_searchquerycount;--", "%_%"]
)
@pytest.mark.parametrize("url", [CATALOGUE, SEARCH])
def test_bad_input_is_stored_cleaned_or_skipped(client, demo, url, query):
    assert client.get(url, {"q": query}).status_code == 200
    for stored in SearchQueryCount.objects.values_list("query", flat=True):
        assert len(stored) <= 200 and stored.isprintable() and stored == stored.lower()
