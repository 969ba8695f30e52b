"""The review step of the workflow "Prüfung durch die Redaktion", in the platform's own words.

Wagtail's ``GroupApprovalTask`` names its actions "Approve", "Approve with comment" and "Request changes"; the
German catalogue turns them into "Freigeben", "Mit Kommentar genehmigen" and "Änderungen anfordern" — two verbs
for the same decision. The labels come from ``get_actions()``, and Wagtail reads that list not only for the
editor's footer (which the ``construct_page_action_menu`` hook could relabel) but also for the title and the
button of the dialog that asks for the note, so the labels can only be set here. Everything else — who may
review (the task's groups), locking, e-mails to the reviewers — stays Wagtail's.

The existing task object was converted in place (migration 0002), so its workflow, task states and history
keep their ids.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

# The one set of reviewer actions. This task is the workflow's only (and so final) step: approving publishes.
APPROVE = _("Freigeben und veröffentlichen")
APPROVE_WITH_NOTE = _("Freigeben mit Anmerkung und veröffentlichen")
RETURN = _("Zurück an die Stadt (mit Anmerkung)")


class ReviewNoteForm(forms.Form):
    """The note the office leaves with its decision (Wagtail stores it as the task state's comment)."""

    comment = forms.CharField(
        label=_("Anmerkung"),
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text=_("Die Stadtredaktion sieht die Anmerkung im Prüfverlauf der Seite."),
    )


class ReturnNoteForm(ReviewNoteForm):
    comment = forms.CharField(
        label=_("Anmerkung für die Stadtredaktion"),
        required=True,
        widget=forms.Textarea({"rows": 4}),
        help_text=_(
            "Was soll geändert werden? Die Stadtredaktion sieht die Anmerkung auf ihrer Startseite unter "
            "„Zurück mit Anmerkungen“ und in der E-Mail."
        ),
        error_messages={"required": _("Bitte schreiben Sie, was die Stadt ändern soll.")},
    )


class ReviewTask(GroupApprovalTask):
    """Approval by a group (the editorial office) with the platform's action labels."""

    def get_actions(self, obj, user):
        if not super().get_actions(obj, user):  # the same rule as Wagtail's: superusers and the task's groups
            return []
        return [
            ("approve", APPROVE, False),
            ("approve", APPROVE_WITH_NOTE, True),
            ("reject", RETURN, True),
        ]

    def get_form_for_action(self, action):
        return ReturnNoteForm if action == "reject" else ReviewNoteForm

    @classmethod
    def get_description(cls):
        return _(
            "Mitglieder der gewählten Gruppen prüfen die Seite: freigeben (und damit veröffentlichen) oder mit "
            "Anmerkung zurück an die Stadt geben."
        )

    class Meta:
        verbose_name = _("Freigabe durch eine Gruppe")
        verbose_name_plural = _("Freigaben durch eine Gruppe")
