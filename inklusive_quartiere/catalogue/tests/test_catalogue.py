"""The catalogue: filters (OR within, AND across), counts, visibility in results and counts, bad input."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User
from django.test import Client
from wagtail.models import PageViewRestriction

from inklusive_quartiere.catalogue.engine import STECKBRIEF, get_engine
from inklusive_quartiere.core.visibility import visible_pages
from inklusive_quartiere.search.analyzer import fold
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.steckbriefe.tests.factories import make_steckbrief
from inklusive_quartiere.testing.support.leaks import assert_absent
from inklusive_quartiere.testing.support.personas import make_admin, make_member, make_non_member, signed_in

pytestmark = pytest.mark.django_db
URL = "/steckbriefe/"


def ctx(response):
    return response.context["catalogue"]


def counts(response, param):
    group = next(g for g in ctx(response)["facets"] if g["param"] == param)
    return {o["value"]: o["count"] for o in group["options"]}


def visible_steckbriefe(user):
    return visible_pages(user, SteckbriefPage.objects.all())


def test_lists_every_public_steckbrief_for_anonymous(client, demo):
    response = client.get(URL)
    assert response.status_code == 200
    assert ctx(response)["total"] == visible_steckbriefe(AnonymousUser()).count()
    assert ctx(response)["total"] < SteckbriefPage.objects.live().count()  # members-only are missing


def test_or_within_a_filter_and_across_filters(client, demo):
    pages = visible_steckbriefe(AnonymousUser())
    one = pages.filter(status="permanent").count()
    two = pages.filter(status__in=["permanent", "ended"]).count()
    assert ctx(client.get(URL, {"status": "permanent"}))["total"] == one
    assert ctx(client.get(URL, {"status": ["permanent", "ended"]}))["total"] == two
    both = pages.filter(status__in=["permanent", "ended"], cost_band="lt5k").count()
    assert ctx(client.get(URL, {"status": ["permanent", "ended"], "kosten": "lt5k"}))["total"] == both


def test_multi_valued_filter_matches_any_chosen_category(client, demo):
    pages = visible_steckbriefe(AnonymousUser())
    expected = pages.filter(categories__slug__in=["inklusion", "digitalisierung"]).distinct().count()
    assert ctx(client.get(URL, {"kategorie": ["inklusion", "digitalisierung"]}))["total"] == expected


def test_counts_reflect_the_other_filters_but_not_their_own(client, demo):
    pages = visible_steckbriefe(AnonymousUser())
    response = client.get(URL, {"status": "permanent", "kosten": "lt5k"})
    status_counts = counts(response, "status")
    for value in ["idea", "in_progress", "implemented", "permanent", "ended"]:
        assert status_counts[value] == pages.filter(status=value, cost_band="lt5k").count()
    cost_counts = counts(response, "kosten")
    assert cost_counts["lt5k"] == pages.filter(status="permanent", cost_band="lt5k").count()
    assert cost_counts["gt100k"] == pages.filter(status="permanent", cost_band="gt100k").count()


def test_derived_city_facets(client, demo):
    pages = visible_steckbriefe(AnonymousUser())
    small = [p for p in pages if p.city.inhabitants < 10_000]
    assert ctx(client.get(URL, {"groesse": "lt10k"}))["total"] == len(small)
    vor_ort = [p for p in pages if p.city.network == "vor_ort"]
    assert ctx(client.get(URL, {"netzwerk": "vor_ort"}))["total"] == len(vor_ort)
    freiburg = [p for p in pages if p.city.regierungsbezirk == "freiburg"]
    assert ctx(client.get(URL, {"bezirk": "freiburg"}))["total"] == len(freiburg)
    ulm = [p for p in pages if p.city.slug == "ulm"]
    assert ctx(client.get(URL, {"stadt": "ulm"}))["total"] == len(ulm)


def test_stumbling_block_filter(client, demo):
    pages = visible_steckbriefe(AnonymousUser()).exclude(stumbling_blocks="")
    assert ctx(client.get(URL, {"stolpersteine": "ja"}))["total"] == pages.count()


@pytest.fixture
def secret(demo):
    page = make_steckbrief(
        title="Geheimprojekt Zauberwortqx",
        slug="geheim",
        summary="Zauberwortqx intern.",
        status="idea",
        cost_band="gt100k",
    )
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Netzwerk"))
    return page


def test_members_only_absent_from_results_counts_and_search_for_anonymous(client, secret, settings):
    settings.PAGE_CACHE_ENABLED = False  # reads the template context of repeated requests (a cached page has none)
    before = counts(client.get(URL), "kosten")["gt100k"]
    response = client.get(URL, {"q": "Zauberwortqx"})
    assert ctx(response)["total"] == 0
    assert "Zauberwortqx" not in "".join(str(i["title"]) for i in ctx(response)["items"])
    member_client = signed_in(make_member("mitglied"))
    assert ctx(member_client.get(URL, {"q": "Zauberwortqx"}))["total"] == 1
    assert counts(member_client.get(URL), "kosten")["gt100k"] == before + 1 + (
        SteckbriefPage.objects.live().filter(cost_band="gt100k").count() - 1 - before
    )
    assert counts(client.get(URL), "kosten")["gt100k"] == before


def test_members_only_absent_from_site_search_for_anonymous(client, secret):
    response = client.get("/suche/", {"q": "Zauberwortqx"})
    assert_absent(response, "Geheimprojekt", control=['id="search-page-q"', 'value="Zauberwortqx"'])
    assert response.context["total"] == 0


def test_city_editor_of_another_city_does_not_see_members_only(secret):
    editor = User.objects.create_user("stadtredaktion-konstanz", password="x" * 16)
    client = Client()
    client.force_login(editor)
    assert ctx(client.get(URL, {"q": "Zauberwortqx"}))["total"] == 0


def test_engine_visibility_agrees_with_the_rule_for_every_kind_of_user(secret):
    engine = get_engine()
    member, superuser = make_member("m"), make_admin("s")
    for user in (AnonymousUser(), make_non_member("n"), member, superuser):
        result = engine.search(user, [], {}, "neueste", kinds=[STECKBRIEF], with_counts=False)
        from_engine = {int(engine.page_ids[i]) for i in result.order}
        from_rule = set(visible_steckbriefe(user).values_list("pk", flat=True))
        assert from_engine == from_rule


def test_new_publication_is_found_at_once(client, demo):
    make_steckbrief(title="Frisch veröffentlicht Kolibriwort", slug="frisch")
    assert ctx(client.get(URL, {"q": "Kolibriwort"}))["total"] == 1


def test_unpublished_steckbrief_disappears(client, demo):
    page = make_steckbrief(title="Bald weg Pinguinwort", slug="bald-weg")
    page.unpublish()
    assert ctx(client.get(URL, {"q": "Pinguinwort"}))["total"] == 0


def test_highlighted_snippets(client, demo):
    response = client.get(URL, {"q": "Nachbarschaft"})
    html = response.content.decode()
    assert re.search(r"<mark>[^<]*[Nn]achbarschaft[^<]*</mark>", html)


@pytest.mark.parametrize("sort", ["relevanz", "neueste", "geprueft", "titel"])
def test_sorting(client, demo, sort):
    response = client.get(URL, {"sortierung": sort, "q": "Quartier"})
    assert response.status_code == 200
    from django.utils.html import strip_tags

    titles = [strip_tags(item["title"]) for item in ctx(response)["items"]]
    if sort == "titel":
        assert [fold(t) for t in titles] == sorted(fold(t) for t in titles)


def test_every_state_is_a_shareable_get_url(client, demo):
    response = client.get(URL, {"kategorie": "inklusion", "q": "Quartier", "sortierung": "titel"})
    html = response.content.decode()
    assert 'method="get"' in html
    assert 'name="kategorie" value="inklusion" checked' in html
    assert 'value="Quartier"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"kategorie": "gibt-es-nicht"},
        {"status": "<script>"},
        {"q": "x" * 10_000},
        {"q": '"unclosed'},
        {"q": "*"},
        {"q": "-"},
        {"q": "Quartier OR Treff"},
        {"q": "NEAR(a, b)"},
        {"q": "'; DROP TABLE x; --"},
        {"q": "\x00\x07\x1b"},
        {"seite": "abc"},
        {"seite": "-3"},
        {"seite": "0"},
        {"seite": "²"},
        {"seite": "9" * 5000},
        {"sortierung": "evil"},
        {"kosten": ["lt5k"] * 200},
        {"q": "%_\\"},
    ],
)
def test_bad_input_gives_a_normal_page(client, demo, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert len(ctx(response)["query"].text) <= 200


def test_unknown_filter_value_is_reported(client, demo):
    response = client.get(URL, {"kategorie": "gibt-es-nicht"})
    assert any("gibt-es-nicht" in m for m in ctx(response)["messages"])


def test_page_beyond_the_end_is_404(client, demo):
    assert client.get(URL, {"seite": "999"}).status_code == 404


def test_empty_result_offers_help(client, demo):
    pages = visible_steckbriefe(AnonymousUser())
    ulm_statuses = {p.status for p in pages if p.city.slug == "ulm"}
    missing = next(s for s in ["idea", "in_progress", "implemented", "permanent", "ended"] if s not in ulm_statuses)
    response = client.get(URL, {"stadt": "ulm", "status": missing})
    assert ctx(response)["total"] == 0
    suggestions = ctx(response)["suggestions"]
    assert any("Ulm" in s["text"] for s in suggestions)
    assert all(s["url"].startswith(URL) for s in suggestions)


def test_category_page_reuses_the_listing(client, demo):
    response = client.get("/steckbriefe/kategorie/inklusion/")
    assert response.status_code == 200
    expected = visible_steckbriefe(AnonymousUser()).filter(categories__slug="inklusion").distinct().count()
    assert ctx(response)["total"] == expected
    assert client.get("/steckbriefe/kategorie/gibt-es-nicht/").status_code == 404


def test_city_page_reuses_the_listing(client, demo):
    response = client.get("/stadtlabore/ulm/")
    expected = [p for p in visible_steckbriefe(AnonymousUser()) if p.city.slug == "ulm"]
    assert ctx(response)["total"] == len(expected)


def test_the_pages_of_a_listing_open_at_their_results(client, demo):
    """On a phone the filters come first: the links to the other pages (and the search page's) end in the results'
    heading, so that the next page does not open 500 px above its first result."""
    response = client.get(URL, {"sortierung": "titel"})
    assert ctx(response)["page_obj"].paginator.num_pages > 1  # the demo fills more than one page
    nav = re.search(r'<nav class="iq-pagination".*?</nav>', response.content.decode(), re.S)[0]
    links = re.findall(r'href="([^"]+)"', nav)
    assert links and all(link.endswith("#ergebnisse") for link in links), links
    assert 'id="ergebnisse"' in response.content.decode()
    search = client.get("/suche/", {"q": "Quartier"}).content.decode()
    nav = re.search(r'<nav class="iq-pagination".*?</nav>', search, re.S)[0]
    assert all(link.endswith("#result-count") for link in re.findall(r'href="([^"]+)"', nav))
    assert 'id="result-count"' in search
