"""Editor panels shared by the apps."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .compare import yes_no

NO_VALUE = _("keine Angabe")


class ReadOnlyPanel(FieldPanel):
    """A read-only field as people read it: "Ja"/"Nein" for a yes/no field and ``empty_text`` when there is no
    value (Wagtail's read-only output prints Python's True/False/None)."""

    def __init__(self, field_name, empty_text=NO_VALUE, **kwargs):
        kwargs["read_only"] = True
        self.empty_text = empty_text
        super().__init__(field_name, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("read_only", None)
        kwargs["empty_text"] = self.empty_text
        return kwargs

    def format_value_for_display(self, value):
        if isinstance(value, bool):
            return yes_no(value)
        if value is None:
            return self.empty_text
        return super().format_value_for_display(value)
