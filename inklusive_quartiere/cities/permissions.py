"""Each city in its own lane: which cities an editor works for, and the permission policy for things that belong
to a city (contact persons, neighbourhoods).

The source of truth is Wagtail's page permissions, which ``members.roles`` grants: a city editor's group may edit
the subtree of her city page; the editorial office's group may edit the whole tree. So the cities a person works
for are the city pages inside a subtree one of her groups may edit. Whoever may edit a page above every city
overview (the home page or the root) works for the whole network: she sees and edits every city's objects and the
network-wide ones (those without a city).

``CityPermissionPolicy`` applies that to a model with a ``city`` foreign key. The model permissions (add, change,
delete) stay what they are; the policy narrows them to the person's cities. The snippet views
(``cities.viewsets.CityScopedSnippetViewSet``) use it for the listing, every single-object view and the chooser, so
that the edit URL of another city's contact is refused, not merely unlisted.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.base import ModelPermissionPolicy

from inklusive_quartiere.core.editor_access import editable_roots, in_editable_subtree_q


@dataclass(frozen=True)
class CityScope:
    """The cities a person works for. ``network`` is true for the editorial office (every city, and the objects
    that belong to no city)."""

    network: bool
    city_ids: frozenset[int]

    def allows(self, city_id: int | None) -> bool:
        return self.network or (city_id is not None and city_id in self.city_ids)

    def q(self, field: str = "city") -> Q:
        """A filter on objects with a city foreign key named ``field``."""
        if self.network:
            return Q()
        return Q(**{f"{field}__in": self.city_ids})


EMPTY_SCOPE = CityScope(network=False, city_ids=frozenset())


def city_scope(user) -> CityScope:
    """The cities whose objects this user may see and edit in the editor (cached on the user object)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return EMPTY_SCOPE
    cached = getattr(user, "_iq_city_scope", None)
    if cached is not None:
        return cached
    # deferred: the models import this module (through cities/forms.py)
    from .models import CityIndexPage, CityPage

    editable_paths = editable_roots(user)  # the subtrees her groups may edit (None: the whole tree)
    if editable_paths is None:
        scope = CityScope(network=True, city_ids=frozenset(CityPage.objects.values_list("pk", flat=True)))
    elif not editable_paths:
        scope = EMPTY_SCOPE
    else:
        city_ids = frozenset(CityPage.objects.filter(in_editable_subtree_q(user)).values_list("pk", flat=True))
        index_paths = list(CityIndexPage.objects.values_list("path", flat=True))
        network = bool(index_paths) and all(
            any(index_path.startswith(path) and len(path) < len(index_path) for path in editable_paths)
            for index_path in index_paths
        )
        scope = CityScope(network=network, city_ids=city_ids)
    user._iq_city_scope = scope
    return scope


def cities_for(user):
    """The city pages this user works for, in tree order (for form choices)."""
    # deferred: the models import this module (through cities/forms.py)
    from .models import CityPage

    scope = city_scope(user)
    cities = CityPage.objects.order_by("path")
    return cities if scope.network else cities.filter(pk__in=scope.city_ids)


def city_of_page(page: Page):
    """The city page a page belongs to (itself, or the city above it), or None."""
    # deferred: the models import this module (through cities/forms.py)
    from .models import CityPage

    if page is None or not getattr(page, "path", None):
        return None
    prefixes = [page.path[: Page.steplen * depth] for depth in range(1, len(page.path) // Page.steplen + 1)]
    return CityPage.objects.filter(path__in=prefixes).order_by("-depth").first()


class CityPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed to the objects of the cities the user works for."""

    def __init__(self, model, city_field: str = "city"):
        super().__init__(model)
        self.city_field = city_field

    def _city_id(self, instance):
        return getattr(instance, f"{self.city_field}_id")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and city_scope(user).allows(self._city_id(instance))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(city_scope(user).q(self.city_field))

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(city_scope(user).q(self.city_field))

    def visible_to(self, user, queryset=None):
        """What the user may see of ``queryset`` (default: all objects)."""
        queryset = queryset if queryset is not None else self.model._default_manager.all()
        return queryset.filter(city_scope(user).q(self.city_field))


def refuse_other_cities(policy: CityPermissionPolicy, user, instance, action: str = "change") -> None:
    if not policy.user_has_permission_for_instance(user, action, instance):
        raise PermissionDenied
