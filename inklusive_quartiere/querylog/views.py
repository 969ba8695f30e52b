"""The "Suchanfragen" report in the editor: top queries and queries without results, editorial office only."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.permission_policies import ModelPermissionPolicy

from . import report
from .links import thesaurus_add_url
from .models import SearchQueryCount
from .recording import RETENTION_DAYS, prune_once_a_day

TABLES = {"top": _("Häufigste Suchanfragen"), "ohne-treffer": _("Suchanfragen ohne Treffer")}


class SearchQueryReportView(SpreadsheetExportMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "querylog/report.html"
    page_title = _("Suchanfragen")
    header_icon = "search"
    permission_policy = ModelPermissionPolicy(SearchQueryCount)
    permission_required = "view"
    list_export = ["query", "channel_label", "total", "last_results", "last_day"]
    export_headings = {
        "query": _("Suchanfrage"),
        "channel_label": _("Wo gesucht"),
        "total": _("Anzahl"),
        "last_results": _("Treffer (zuletzt)"),
        "last_day": _("Zuletzt gesucht am"),
    }

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.days = report.period_from(request.GET.get("zeitraum"))
        self.table = request.GET.get("liste") if request.GET.get("liste") in TABLES else "top"

    def get_filename(self):
        return f"suchanfragen-{self.table}-{self.days}-tage"

    def get(self, request, *args, **kwargs):
        prune_once_a_day()  # retention holds even where no cron job runs
        if self.is_export:
            rows = report.top_queries(self.days) if self.table == "top" else report.zero_result_queries(self.days)
            return self.as_spreadsheet(rows, request.GET["export"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tables = []
        for key, rows in (
            ("ohne-treffer", report.zero_result_queries(self.days)),
            ("top", report.top_queries(self.days)),
        ):
            for row in rows:
                row["thesaurus_url"] = thesaurus_add_url(row["query"])
            exports = {fmt: f"?zeitraum={self.days}&liste={key}&export={fmt}" for fmt in self.FORMATS}
            tables.append({"key": key, "title": TABLES[key], "rows": rows, "exports": exports})
        context.update(
            {
                "tables": tables,
                "days": self.days,
                "periods": report.PERIODS,
                "retention_days": RETENTION_DAYS,
            }
        )
        return context
