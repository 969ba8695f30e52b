"""The city's film: one relation, owned by the film (``FilmPage.city``). The city page stores no film; it shows the
first film naming the city that the visitor may see (``{% city_film %}``), and follows the film in the page cache.
"""

import pytest
from django.test import Client

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.films.models import FilmPage

pytestmark = pytest.mark.django_db

HEADING = "Der Film der Stadt"


def _player(film) -> str:
    return f'id="film-{film.pk}"'


def test_the_city_page_plays_the_film_that_names_the_city(client, demo):
    ulm = CityPage.objects.get(title="Ulm")
    film = FilmPage.objects.live().get(city=ulm)
    html = client.get(ulm.url).content.decode()
    assert HEADING in html and _player(film) in html


def test_a_city_no_film_names_shows_no_film(client, demo):
    konstanz = CityPage.objects.get(title="Konstanz")
    assert not FilmPage.objects.filter(city=konstanz).exists()
    html = client.get(konstanz.url).content.decode()
    assert konstanz.title in html  # the page itself renders
    assert HEADING not in html and 'class="iq-film"' not in html


def test_giving_a_film_a_city_puts_it_on_that_city_page_past_the_page_cache(demo):
    konstanz = CityPage.objects.get(title="Konstanz")
    visitor = Client()
    assert HEADING not in visitor.get(konstanz.url).content.decode()
    assert visitor.get(konstanz.url)["X-Page-Cache"] == "hit"  # the page is kept for anonymous visitors

    trailer = FilmPage.objects.get(slug="trailer")
    trailer.city = konstanz
    trailer.save_revision().publish()

    html = visitor.get(konstanz.url).content.decode()
    assert HEADING in html and _player(trailer) in html


def test_the_city_page_offers_no_film_chooser_and_the_film_offers_the_city():
    """The editor-visible side of the one relation: the film's form names the city, the city's form no film."""
    city_fields = CityPage.get_edit_handler().get_form_class()._meta.fields
    film_fields = FilmPage.get_edit_handler().get_form_class()._meta.fields
    assert "film" not in city_fields and "contact" in city_fields
    assert "city" in film_fields
