"""Template tags for showing a film on any page (city pages embed their film with these).

{% load films_tags %}
{% visible_film page.film as film %}
{% if film %}
    <h2 …>{% translate "Film" %}</h2>
    {% include "films/includes/film_player.html" with film=film %}
{% endif %}
"""

from django import template

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
def film_player_data(context, film):
    """What films/includes/film_player.html shows, or None when the visitor may not see the film."""
    if film is None:
        return None
    return player_context(getattr(film, "specific", film), _user(context), context.get("request"))
