"""Editor forms shared by every page type: the base page form and a month-and-year date field."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import dates
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .publishing import members_only_image_problems
from .visibility import is_members_only

# -- month and year ------------------------------------------------------------------------------------------------

EARLIEST_YEAR = 1990


class MonthYearWidget(forms.MultiWidget):
    """A month select and a year box: for dates that are only known to the month (stored as the first day)."""

    template_name = "core/forms/month_year_widget.html"

    def __init__(self, attrs=None):
        months = [("", _("Monat"))] + [(str(number), name) for number, name in dates.MONTHS.items()]
        widgets = {
            "month": forms.Select(choices=months, attrs={"aria-label": _("Monat"), "style": "width:auto"}),
            "year": forms.NumberInput(
                attrs={
                    "aria-label": _("Jahr"),
                    "placeholder": _("Jahr"),
                    "min": EARLIEST_YEAR,
                    "max": 2100,
                    "inputmode": "numeric",
                    "style": "width:7em",
                }
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [str(value.month), str(value.year)]
        if isinstance(value, str) and len(value) >= 7 and value[4] == "-":
            return [str(int(value[5:7])), value[:4]]
        return [None, None]


class MonthYearField(forms.MultiValueField):
    """A date known to the month: "März 2021" is stored as 2021-03-01 and shown as "März 2021"."""

    widget = MonthYearWidget

    def __init__(self, *, required=True, label=None, help_text="", initial=None, **kwargs):
        fields = (
            forms.TypedChoiceField(choices=[(str(n), n) for n in range(1, 13)], coerce=int, required=False),
            forms.IntegerField(min_value=EARLIEST_YEAR, max_value=2100, required=False),
        )
        super().__init__(
            fields=fields,
            required=required,
            require_all_fields=False,
            label=label,
            help_text=help_text,
            initial=initial,
            error_messages={
                "required": _("Bitte geben Sie Monat und Jahr an."),
                "incomplete": _("Bitte geben Sie Monat und Jahr an."),
                "invalid": _("Bitte wählen Sie einen Monat und geben Sie das Jahr vierstellig ein (z. B. 2021)."),
            },
        )

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as error:
            # The year box's own messages ("Stellen Sie sicher, dass …") say less than ours.
            if any(code in ("min_value", "max_value", "invalid") for code in _codes(error)):
                raise ValidationError(self.error_messages["invalid"], code="invalid") from error
            raise

    def compress(self, data_list):
        if not data_list:
            return None
        month, year = (list(data_list) + [None, None])[:2]
        if month in (None, "") and year in (None, ""):
            return None
        if month in (None, "") or year in (None, ""):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        return datetime.date(int(year), int(month), 1)


def _codes(error: ValidationError) -> list[str]:
    return [getattr(item, "code", None) for item in error.error_list]


# -- the base form of every page type --------------------------------------------------------------------------------


SLUG_EXAMPLE_PARENT = "/stadtlabore/ulm/"
SLUG_EXAMPLE = "hitzeschutz-im-quartier"


def slug_help_text(parent_address: str | None = None) -> str:
    """Our help for the "Kurztitel" (Wagtail's says "domain.com/blog/[my-slug]"): the address this page gets below
    its parent, with an example from this site."""
    parent_address = parent_address if parent_address and parent_address.startswith("/") else SLUG_EXAMPLE_PARENT
    return _(
        "Der letzte Teil der Internetadresse dieser Seite: Mit dem Kurztitel „%(slug)s“ steht sie unter "
        "%(address)s. Kurz halten, Kleinbuchstaben, Wörter mit Bindestrich verbinden. Wird beim Anlegen aus dem "
        "Titel vorgeschlagen; nach dem Veröffentlichen nur mit gutem Grund ändern, denn Links auf die Seite nutzen "
        "ihn."
    ) % {"slug": SLUG_EXAMPLE, "address": f"{parent_address}{SLUG_EXAMPLE}/"}


class SitePageForm(WagtailAdminPageForm):
    """Rules that hold for every page type, whatever its fields: an image from a members-only collection cannot be
    placed on a public page (visitors would see a gap where the picture should be). The "Kurztitel" gets a German
    help text with this site's addresses."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].help_text = slug_help_text(self._parent_address())

    def _parent_address(self) -> str | None:
        parent = self.parent_page if getattr(self, "parent_page", None) else None
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        if parent is None or parent.is_root():
            return None
        parts = parent.get_url_parts()  # (site id, root URL, path within the site); None outside every site
        return parts[2] if parts else None

    def is_public_page(self) -> bool:
        if self.instance.pk:
            return not is_members_only(self.instance)
        parent = getattr(self, "parent_page", None)
        return parent is None or not parent.get_view_restrictions().exists()

    def clean(self):
        cleaned_data = super().clean()
        if self.is_public_page():
            for message in members_only_image_problems(cleaned_data.values()):
                self.add_error(None, message)
        self._explain_taken_slug()
        return cleaned_data

    def _explain_taken_slug(self) -> None:
        """Wagtail says only that the address part is taken. Say by which page, and whether it is a draft: a second
        "Neu: Steckbrief" with the same title usually means the first one was already saved."""
        parent = getattr(self, "parent_page", None)
        if "slug" not in self.errors or parent is None:
            return
        slug = (self.data.get(self.add_prefix("slug")) or "").strip()
        taken = parent.get_children().filter(slug=slug).exclude(pk=self.instance.pk or 0).first()
        if taken is None:
            return
        if taken.live:
            state = (
                _("veröffentlicht, mit unveröffentlichten Änderungen")
                if taken.has_unpublished_changes
                else _("veröffentlicht")
            )
        else:
            state = _("Entwurf, noch nicht veröffentlicht")
        self.errors["slug"] = self.error_class(
            [
                _(
                    "Unter „%(parent)s“ gibt es schon eine Seite mit dem Kurztitel „%(slug)s“: „%(title)s“ "
                    "(%(state)s). Ist es dieselbe Maßnahme, bearbeiten Sie die vorhandene Seite; sonst ändern Sie "
                    "hier den Kurztitel."
                )
                % {"parent": parent.title, "slug": slug, "title": taken.title, "state": state}
            ]
        )
