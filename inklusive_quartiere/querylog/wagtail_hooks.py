from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy

from .models import SearchQueryCount
from .views import SearchQueryReportView

policy = ModelPermissionPolicy(SearchQueryCount)


class SearchQueryMenuItem(MenuItem):
    def is_shown(self, request):
        return policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("berichte/suchanfragen/", SearchQueryReportView.as_view(), name="querylog_report")]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return SearchQueryMenuItem(
        _("Suchanfragen"), reverse("querylog_report"), name="suchanfragen", icon_name="search", order=1200
    )
