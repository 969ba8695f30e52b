"""The one ``?seite=`` reading (core/pagination.py) and that every listing uses it alike."""

import pytest
from django.http import Http404
from django.test import RequestFactory

from inklusive_quartiere.core.pagination import page_number, paginate, paginate_request

MESSAGE = "ist ungültig; gezeigt wird die erste Seite"


@pytest.mark.parametrize("raw, number", [("1", 1), ("2", 2), ("007", 7), ("999999", 999999)])
def test_page_numbers_are_read(raw, number):
    assert page_number(raw) == (number, "")


def test_missing_parameter_is_the_first_page_without_message():
    assert page_number(None) == (1, "")


@pytest.mark.parametrize("raw", ["", " ", "abc", "0", "-1", "1.5", "²", "١", "1e3", " 1", "9999999", "9" * 5000])
def test_anything_else_is_the_first_page_with_one_message(raw):
    number, message = page_number(raw)
    assert number == 1
    assert MESSAGE in message
    assert len(message) < 120  # the raw value is cut, never echoed in full


def test_beyond_the_end_of_a_listing_with_entries_is_404():
    assert paginate(list(range(25)), 10, 3).object_list == [20, 21, 22, 23, 24]
    with pytest.raises(Http404):
        paginate(list(range(25)), 10, 4)


def test_beyond_the_end_of_an_empty_listing_is_its_first_page():
    page = paginate([], 10, 5)
    assert page.number == 1 and list(page.object_list) == []


def test_paginate_request_reads_seite():
    request = RequestFactory().get("/", {"seite": "x"})
    result = paginate_request(request, list(range(30)), 10)
    assert result.number == 1 and MESSAGE in result.message
    assert paginate_request(RequestFactory().get("/", {"seite": "2"}), list(range(30)), 10).number == 2


@pytest.mark.parametrize(
    "url, params",
    [
        ("/steckbriefe/", {}),
        ("/suche/", {"q": "Quartier"}),
        ("/termine/", {}),
        ("/neuigkeiten/", {}),
        ("/stadtlabore/ulm/", {}),
    ],
)
def test_every_listing_answers_a_bad_page_number_with_the_same_message(client, demo, url, params):
    response = client.get(url, {**params, "seite": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Die Seitenzahl „abc“ ist ungültig; gezeigt wird die erste Seite." in html


@pytest.mark.parametrize(
    "url, params", [("/steckbriefe/", {}), ("/suche/", {"q": "Quartier"}), ("/termine/", {}), ("/neuigkeiten/", {})]
)
def test_every_listing_answers_a_page_beyond_the_end_with_404(client, demo, url, params):
    assert client.get(url, {**params, "seite": "999"}).status_code == 404
