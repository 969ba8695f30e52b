"""The public "Barriere melden" form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .cleaning import clean_text, is_site_url, link_count
from .models import DESCRIPTION_MAX, NAME_MAX, PAGE_URL_MAX, BarrierReport

MAX_LINKS = 3


class CleanTextField(forms.CharField):
    """Text without control characters; ``maxlength`` is not sent to the browser, so pasted text is never cut
    off unnoticed: the server says how long it is instead."""

    def __init__(self, *args, multiline=False, **kwargs):
        self.multiline = multiline
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = clean_text(value, multiline=self.multiline)
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class FirstOptionRadioSelect(forms.RadioSelect):
    """Radio buttons whose field links (error summary) point at the first option."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class BarrierReportForm(forms.ModelForm):
    page_url = CleanTextField(
        label=_("Seite mit der Barriere"),
        required=False,
        max_length=PAGE_URL_MAX,
        help_text=_(
            "Die Adresse der Seite, zum Beispiel /steckbriefe/. Wenn Sie sie nicht kennen, lassen Sie das Feld leer."
        ),
        widget=forms.TextInput(attrs={"inputmode": "url", "autocapitalize": "none", "spellcheck": "false"}),
    )
    description = CleanTextField(
        label=_("Was funktioniert nicht?"),
        multiline=True,
        max_length=DESCRIPTION_MAX,
        help_text=_(
            "Beschreiben Sie, was Sie tun wollten und woran es gescheitert ist. Nennen Sie gern auch Ihr "
            "Hilfsmittel, etwa Screenreader oder Vergrößerung. Höchstens 4.000 Zeichen."
        ),
        error_messages={"required": _("Bitte beschreiben Sie die Barriere.")},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    kind = forms.ChoiceField(
        label=_("Art der Barriere"),
        required=False,
        choices=[("", _("Keine Angabe")), *BarrierReport.Kind.choices],
        initial="",
        widget=FirstOptionRadioSelect,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine der angebotenen Arten aus.")},
    )
    name = CleanTextField(
        label=_("Ihr Name"),
        required=False,
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        required=False,
        max_length=254,
        help_text=_("Nötig, wenn Sie eine Antwort wünschen."),
        error_messages={"invalid": _("Bitte geben Sie eine E-Mail-Adresse im Format name@beispiel.de an.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}),
    )
    wants_reply = forms.BooleanField(label=_("Ich möchte eine Antwort per E-Mail."), required=False)

    class Meta:
        model = BarrierReport
        fields = ["page_url", "description", "kind", "name", "email", "wants_reply"]

    def __init__(self, *args, site_hosts: set[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site_hosts = site_hosts or set()
        self.fields["email"].widget.attrs.pop("maxlength", None)

    def clean_page_url(self):
        value = self.cleaned_data["page_url"]
        if value and not is_site_url(value, self.site_hosts):
            raise forms.ValidationError(
                _(
                    "Bitte geben Sie eine Seite dieser Website an, zum Beispiel /steckbriefe/, "
                    "oder lassen Sie das Feld leer."
                )
            )
        return value

    def clean_description(self):
        value = self.cleaned_data["description"]
        if link_count(value) > MAX_LINKS:
            raise forms.ValidationError(
                _("Bitte nennen Sie höchstens %(n)d Links. Beschreiben Sie die Barriere lieber mit eigenen Worten.")
                % {"n": MAX_LINKS}
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("wants_reply") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Bitte geben Sie Ihre E-Mail-Adresse an, damit wir Ihnen antworten können."))
        return cleaned
