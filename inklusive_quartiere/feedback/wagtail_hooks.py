"""The editorial office's list of barrier reports in the editor ("Barriere-Meldungen").

Reports come only from the public form: nobody creates or copies one in the editor, and the reporter's text is
shown read-only (escaped, like everything Wagtail renders). The office sets the status and keeps an internal
note. Reports hold personal data, so even reading them needs the model's change permission (group Redaktion).
"""

from django.template.defaultfilters import linebreaksbr
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy

from inklusive_quartiere.core.panels import ReadOnlyPanel

from .models import ANSWER_DAYS, BarrierReport


class BarrierReportPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "add":
            return False
        if not user.has_perm(self._get_permission_name("change")):
            return False
        return super().user_has_permission(user, action)


class MultilineReadOnlyPanel(FieldPanel):
    """A read-only text that keeps the reporter's line breaks (escaped first, then <br>)."""

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("read_only", None)
        return kwargs

    def format_value_for_display(self, value):
        return linebreaksbr(value or "", autoescape=True)


class BarrierReportViewSet(ModelViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barriere-Meldungen")
    menu_order = 290
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["__str__", "status", "kind", "page_url", "mail_state"]
    list_filter = ["status", "kind"]
    search_fields = ["description", "page_url", "name", "email", "internal_note"]
    search_backend_name = None  # plain database queries: reports are not in Wagtail's search index
    list_per_page = 50
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("created_at", read_only=True),
                FieldPanel("page_url", read_only=True),
                FieldPanel("kind", read_only=True),
                MultilineReadOnlyPanel("description"),
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                ReadOnlyPanel("wants_reply"),
            ],
            heading=_("Meldung (so, wie sie eingegangen ist)"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("internal_note")],
            heading=_("Bearbeitung durch die Redaktion"),
        ),
        MultiFieldPanel(
            [
                ReadOnlyPanel("mail_sent_at", empty_text=_("noch nicht")),
                FieldPanel("mail_attempts", read_only=True),
                FieldPanel("last_mail_error", read_only=True),
            ],
            heading=_("E-Mail an die Redaktion"),
        ),
    ]

    @property
    def permission_policy(self):
        return BarrierReportPermissionPolicy(self.model)


@hooks.register("register_admin_viewset")
def register_barrier_reports():
    return BarrierReportViewSet("barriere_meldungen")


class OpenBarrierReportsPanel(Component):
    """Dashboard panel for the editorial office: open reports, the overdue ones first, and mail that failed."""

    name = "barrier_reports"
    order = 90
    template_name = "feedback/admin/open_reports_panel.html"

    def get_context_data(self, parent_context=None):
        reports = BarrierReport.objects.open()
        overdue = BarrierReport.objects.overdue()
        oldest = list(reports.order_by("created_at", "pk")[:5])  # the longest-waiting first
        return {
            "open_count": reports.count(),
            "overdue_count": overdue.count(),
            "unsent_count": BarrierReport.objects.unsent().count(),
            "answer_days": ANSWER_DAYS,
            "oldest": oldest,
            "overdue_ids": set(overdue.filter(pk__in=[r.pk for r in oldest]).values_list("pk", flat=True)),
        }


@hooks.register("construct_homepage_panels")
def add_open_barrier_reports_panel(request, panels):
    if BarrierReportPermissionPolicy(BarrierReport).user_has_permission(request.user, "change"):
        panels.append(OpenBarrierReportsPanel())
