"""The Steckbrief's edit form: the city's own neighbourhoods and contact persons, month-and-year dates."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.cities.models import CityPage, Neighbourhood
from inklusive_quartiere.cities.permissions import city_of_page
from inklusive_quartiere.core.forms import MonthYearField, SitePageForm

MAX_NEW_NEIGHBOURHOODS = 5
NO_STATUS_MESSAGE = _("Bitte tragen Sie mindestens einen Status mit Datum ein.")


class SteckbriefPageForm(SitePageForm):
    new_neighbourhoods = forms.CharField(
        label=_("Neue Quartiere"),
        required=False,
        # Room for five names of 120 characters with line breaks; clean_new_neighbourhoods counts and measures them.
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Fehlt ein Quartier in der Liste? Tragen Sie es hier ein, ein Name je Zeile. Es wird beim Speichern für "
            "Ihre Stadt angelegt und diesem Steckbrief zugeordnet."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, required in (("start_date", True), ("end_date", False)):
            if name in self.fields:
                model_field = self._meta.model._meta.get_field(name)
                self.fields[name] = MonthYearField(
                    required=required,
                    label=model_field.verbose_name,
                    help_text=model_field.help_text,
                    initial=self.initial.get(name),
                )
        history = self.formsets.get("status_history")
        if history is not None:  # instead of Django's "Bitte mindestens 1 Formular abschicken."
            history.error_messages["too_few_forms"] = NO_STATUS_MESSAGE
        self.city = self._city()
        if "neighbourhoods" in self.fields:
            field = self.fields["neighbourhoods"]
            field.queryset = field.queryset.model.objects.filter(city=self.city) if self.city else field.queryset.none()
            field.help_text = _("Die Quartiere Ihrer Stadt, in denen die Maßnahme stattfindet.")
            field.label_from_instance = lambda neighbourhood: neighbourhood.name  # the city is this page's city
        if "contact" in self.fields:
            field = self.fields["contact"]
            field.help_text = _(
                "Eine Person Ihrer Stadt, die Fragen anderer Kommunen beantwortet. Neue Personen legen Sie unter "
                "„Steckbrief-Verzeichnisse → Ansprechpersonen“ an. Die E-Mail-Adresse wird nie angezeigt."
            )

    def _city(self):
        if self.instance.pk:
            return city_of_page(self.instance)
        parent = getattr(self, "parent_page", None)
        if parent is not None and isinstance(parent.specific, CityPage):
            return parent.specific
        return city_of_page(parent)

    def clean_new_neighbourhoods(self):
        names = []
        for line in (self.cleaned_data.get("new_neighbourhoods") or "").splitlines():
            name = " ".join(line.split()).strip(" -•,;")
            if name and name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        if len(names) > MAX_NEW_NEIGHBOURHOODS:
            raise forms.ValidationError(
                gettext("Bitte höchstens %(max)d neue Quartiere auf einmal.") % {"max": MAX_NEW_NEIGHBOURHOODS}
            )
        too_long = [name for name in names if len(name) > 120]
        if too_long:
            raise forms.ValidationError(gettext("Ein Quartiersname darf höchstens 120 Zeichen lang sein."))
        return names

    def clean(self):
        cleaned_data = super().clean()
        contact = cleaned_data.get("contact")
        if contact is not None and contact.city_id and self.city is not None and contact.city_id != self.city.pk:
            self.add_error(
                "contact",
                gettext(
                    "Diese Ansprechperson gehört zu einer anderen Stadt (%(city)s). Wählen Sie eine Person dieser "
                    "Stadt."
                )
                % {"city": contact.city.title},
            )
        return cleaned_data

    def save(self, commit=True):
        names = self.cleaned_data.get("new_neighbourhoods") or []
        if names and self.city is not None:
            # Only the create and edit views pass the editor's comment subscription (Wagtail's own form saves it on
            # the same condition). The preview builds the page from this form, unsaved, every time it refreshes: it
            # shows the names that already exist and creates nothing.
            saving = self.subscription is not None
            existing = {n.name.casefold(): n for n in Neighbourhood.objects.filter(city=self.city)}
            added = []
            for name in names:
                neighbourhood = existing.get(name.casefold())
                if neighbourhood is None and saving:
                    neighbourhood = Neighbourhood.objects.create(city=self.city, name=name)
                if neighbourhood is not None:
                    added.append(neighbourhood)
            chosen = list(self.cleaned_data.get("neighbourhoods") or [])
            self.cleaned_data["neighbourhoods"] = chosen + [n for n in added if n not in chosen]
        return super().save(commit=commit)
