"""Template tags for showing a film on any page (city pages embed their film with these).

{% load films_tags %}
{% city_film page as film %}
{% if film %}
    <h2 …>{% translate "Film" %}</h2>
    {% include "films/includes/film_player.html" with film=film %}
{% endif %}
"""

from django import template

from ..models import FilmPage
from ..presentation import player_context
from ..presentation import visible_film as _visible_film

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.simple_tag(takes_context=True)
def visible_film(context, film):
    """The film (a FilmPage) if the current visitor may see it, else None."""
    return _visible_film(_user(context), film)


@register.simple_tag(takes_context=True)
def city_film(context, city):
    """The city's film, or None: the first film (in the film overview's order) naming this city as its city that the
    current visitor may see. The film owns the relation (``FilmPage.city``); the city page stores no film."""
    return FilmPage.for_city(city, _user(context))


@register.simple_tag(takes_context=True)
def film_player_data(context, film):
    """What films/includes/film_player.html shows, or None when the visitor may not see the film."""
    if film is None:
        return None
    return player_context(getattr(film, "specific", film), _user(context), context.get("request"))
