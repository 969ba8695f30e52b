"""Code-only part of the cities demo (the cities themselves: demo_content/10-cities.json)."""

from __future__ import annotations

from .models import CityPage


def contacts_know_their_city(loader) -> None:
    """A city's contact person points back at the city; data files cannot write that cycle in one entry."""
    for city in CityPage.objects.filter(contact__isnull=False, contact__city__isnull=True).select_related("contact"):
        city.contact.city = city
        city.contact.save(update_fields=["city"])


HOOKS = {"contacts_know_their_city": contacts_know_their_city}
