"""Forms of the cities app used in the editor."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .permissions import cities_for, city_scope


class CityOwnedForm(WagtailAdminModelForm):
    """The create/edit form of a city-owned object: the city field offers only the editor's cities. A city editor
    with one city gets it preselected; only the office may leave it empty (network-wide)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("city")
        if field is None or for_user is None:
            return
        field.queryset = cities_for(for_user)
        scope = city_scope(for_user)
        if not scope.network:
            field.required = True
            field.empty_label = None
            if not self.instance.pk and len(scope.city_ids) == 1:
                field.initial = next(iter(scope.city_ids))
        field.widget = forms.Select(choices=field.choices)
