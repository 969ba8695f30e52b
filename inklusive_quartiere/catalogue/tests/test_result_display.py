"""How hits are shown and ordered: the metadata line of a result, relevance as the default order of a search, the
sort select (issue 16)."""

import re

import pytest
from django.utils.html import strip_tags

from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.support.personas import make_member, signed_in

pytestmark = pytest.mark.django_db

URL = "/steckbriefe/"


def _items(html: str) -> list[str]:
    return re.findall(r'<li class="iq-result[^"]*">(.*?)</li>', html, re.S)


def _meta(item_html: str) -> dict[str, str]:
    meta = re.search(r'<dl class="iq-result__meta">(.*?)</dl>', item_html, re.S)[1]
    return {
        strip_tags(dt).strip(" :"): strip_tags(dd).strip()
        for dt, dd in re.findall(r"<dt[^>]*>(.*?)</dt><dd>(.*?)</dd>", meta, re.S)
    }


def test_site_search_shows_type_and_for_a_steckbrief_city_status_and_costs(client, demo):
    html = client.get("/suche/", {"q": "Begegnungsstätte Talblick"}).content.decode()
    page = SteckbriefPage.objects.get(slug="barrierefreie-begegnungsstaette-stuttgart")
    item = next(i for i in _items(html) if page.url in i)
    meta = _meta(item)
    assert meta["Art"] == "Steckbrief"
    assert meta["Stadt"] == "Stuttgart"
    assert meta["Status"] == page.get_status_display()
    assert meta["Kosten"] == page.get_cost_band_display()
    assert meta["Personalaufwand"] == page.get_staff_effort_display()


def test_site_search_names_the_type_of_other_pages_without_steckbrief_fields(client, demo):
    html = client.get("/suche/", {"q": "Begegnung"}).content.decode()
    kinds = {_meta(item)["Art"] for item in _items(html)}
    assert "Steckbrief" in kinds and kinds - {"Steckbrief"}  # events as well
    event = next(item for item in _items(html) if "/termine/" in item)
    assert set(_meta(event)) == {"Art"}


def test_site_search_snippet_is_one_sentence_with_the_match(client, demo):
    html = client.get("/suche/", {"q": "Begegnungsstätte Talblick"}).content.decode()
    page = SteckbriefPage.objects.get(slug="barrierefreie-begegnungsstaette-stuttgart")
    item = next(i for i in _items(html) if page.url in i)
    snippet = re.search(r'<p class="kern-body iq-result__snippet">(.*?)</p>', item, re.S)[1]
    assert "<mark>Begegnungsstätte</mark>" in snippet
    assert strip_tags(snippet) == page.summary.split(". ")[0] + "."


def test_catalogue_results_carry_the_same_metadata_line(client, demo):
    html = client.get(URL, {"q": "Begegnungsstätte"}).content.decode()
    metas = [_meta(item) for item in _items(html)]
    assert metas and all({"Stadt", "Status"} <= set(m) for m in metas)
    assert all("Art" not in m for m in metas)  # the catalogue lists Steckbriefe only


def test_city_page_listing_leaves_out_the_city(client, demo):
    page = SteckbriefPage.objects.get(slug="barrierefreie-begegnungsstaette-stuttgart")
    city = page.get_parent()
    html = client.get(city.url).content.decode()
    metas = [_meta(item) for item in _items(html)]
    assert metas and all("Status" in m and "Stadt" not in m for m in metas)


def _select(html: str) -> list[tuple[str, str, bool]]:
    select = re.search(r'<select[^>]*name="sortierung"[^>]*>(.*?)</select>', html, re.S)[1]
    return [
        (value, label, bool(sel))
        for value, sel, label in re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    ]


def _order(response) -> list[str]:
    return [strip_tags(item["title"]) for item in response.context["catalogue"]["items"]]


def test_without_a_query_the_default_is_newest_and_relevance_is_not_offered(client, demo):
    response = client.get(URL)
    assert response.context["catalogue"]["query"].sort == "neueste"
    options = _select(response.content.decode())
    assert [label for _v, label, _s in options if _s] == ["Neueste zuerst"]
    assert "Relevanz" not in [label for _v, label, _s in options]
    # the default's option submits no order, so a search typed into this form is sorted by relevance
    assert ("", "Neueste zuerst", True) in options


def test_a_query_from_the_unsorted_form_is_sorted_by_relevance(client, demo):
    # what the form of the plain listing submits: the default's empty value
    response = client.get(URL, {"q": "Begegnung", "sortierung": ""})
    assert response.context["catalogue"]["query"].sort == "relevanz"
    options = _select(response.content.decode())
    assert [label for _v, label, _s in options if _s] == ["Relevanz"]
    relevance = _order(response)
    newest = _order(client.get(URL, {"q": "Begegnung", "sortierung": "neueste"}))
    assert relevance != newest  # the demo content tells the two orders apart
    assert "Begegnung" in relevance[0]  # a title match comes first


def test_an_explicit_order_is_kept_with_a_query_and_shown(client, demo):
    response = client.get(URL, {"q": "Begegnung", "sortierung": "neueste"})
    assert response.context["catalogue"]["query"].sort == "neueste"
    options = _select(response.content.decode())
    assert ("neueste", "Neueste zuerst", True) in options  # submitted again as chosen
    assert ("relevanz", "Relevanz", False) in options


def test_relevance_without_words_falls_back_to_the_default_quietly(client, demo):
    for params in ({"sortierung": "relevanz"}, {"sortierung": "relevanz", "q": "und der"}):
        response = client.get(URL, params)
        catalogue = response.context["catalogue"]
        assert catalogue["query"].sort == "neueste" and not catalogue["messages"]
        assert "Relevanz" not in [label for _v, label, _s in _select(response.content.decode())]


def test_an_explicit_order_without_a_query_is_kept_for_the_next_search(client, demo):
    html = client.get(URL, {"sortierung": "titel"}).content.decode()
    assert ("titel", "Titel (A–Z)", True) in _select(html)
    html = client.get(URL, {"sortierung": "neueste"}).content.decode()
    assert ("neueste", "Neueste zuerst", True) in _select(html)


def test_members_notice_counts_hidden_steckbriefe_without_naming_them(client, demo):
    hidden = [p for p in SteckbriefPage.objects.live() if p.get_view_restrictions().exists()]
    assert hidden  # the demo content has members-only Steckbriefe
    html = client.get(URL).content.decode()
    notice = re.search(r'<div class="iq-members-notice">(.*?)</div>', html, re.S)[1]
    assert f"Weitere {len(hidden)} Steckbriefe sind nur für Mitglieder" in notice
    assert 'href="/anmelden/"' in notice
    for page in hidden:
        assert page.title not in html and page.url not in html
    # members see every Steckbrief: no notice; a city page or a category: no notice either
    member = signed_in(make_member())
    assert "iq-members-notice" not in member.get(URL).content.decode()
    assert "iq-members-notice" not in client.get(hidden[0].get_parent().url).content.decode()
