"""The statement's edit form: what publishing needs, with clear German messages.

Wagtail defers validation when a page is saved as a draft (``is_deferred_validation``): a draft may lack the
assessment method and the known barriers; publishing or submitting it for review may not.
"""

from __future__ import annotations

from inklusive_quartiere.core.forms import SitePageForm


class AccessibilityStatementPageForm(SitePageForm):
    def clean(self):
        # deferred: the models import this form (base_form_class)
        from .models import statement_publication_errors

        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        if "conformity_status" not in cleaned_data or "known_barriers" not in cleaned_data:
            return cleaned_data  # the field's own error is shown already
        errors = statement_publication_errors(
            cleaned_data["conformity_status"], cleaned_data.get("methods"), cleaned_data["known_barriers"]
        )
        for field, message in errors.items():
            self.add_error(field, message)
        return cleaned_data
