"""Who content is for, by name: the members' group, the editorial office, the members-only collections and each
city's collection. One source for the names; the roles with their permissions and the review workflow are set up by
the members app (``members/roles.py``), which sits high in the stack. Apps below it — their demo content and tests —
need only the names and the members-only collection, and find them here."""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

EDITORIAL = "Redaktion"
MEMBERS = "Netzwerk"
CITY_GROUP_PREFIX = "Stadtredaktion "  # + the city's title: the city editors' group
MEMBERS_COLLECTION = "Nur für Mitglieder"
CITY_COLLECTION_PREFIX = "Stadt "
ROOT_COLLECTION_NAME = "Netzwerk (öffentlich)"


def members_only_child(parent: Collection) -> Collection:
    """The collection "Nur für Mitglieder" below ``parent``, restricted to the members' group (created if missing)."""
    collection = parent.get_children().filter(name=MEMBERS_COLLECTION).first() or parent.add_child(
        name=MEMBERS_COLLECTION
    )
    members, _created = Group.objects.get_or_create(name=MEMBERS)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(members)
    return collection


def members_collection() -> Collection:
    """The network's members-only collection (below the root collection)."""
    return members_only_child(Collection.get_first_root_node())


def city_collection_name(city) -> str:
    return f"{CITY_COLLECTION_PREFIX}{city.title}"


def city_collection(city) -> Collection | None:
    """The collection of a city's files (created with the city's role, members/roles.py), or None."""
    return Collection.get_first_root_node().get_children().filter(name=city_collection_name(city)).first()
