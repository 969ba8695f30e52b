"""A reminder on the editor's dashboard: the accessibility statement must be reviewed at least once a year."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from inklusive_quartiere.core.models import HomePage

from .models import AccessibilityStatementPage

# BITV 2.0 § 7 Abs. 2: the statement is kept up to date and reviewed at least once a year.
REVIEW_DAYS = 365


def statement_review_problem(today: datetime.date | None = None) -> tuple[str, AccessibilityStatementPage | None]:
    """A German sentence when the live statement is missing or due for review, else ""."""
    today = today or datetime.date.today()
    statement = AccessibilityStatementPage.objects.live().order_by("pk").first()
    if statement is None:
        return str(
            _("Es ist keine Erklärung zur Barrierefreiheit veröffentlicht. Jede öffentliche Website braucht eine.")
        ), None
    last = statement.reviewed_on or statement.created_on
    if last is None or (today - last).days > REVIEW_DAYS:
        when = last.strftime("%d.%m.%Y") if last else _("nie")
        return str(
            _(
                "Die Erklärung zur Barrierefreiheit wurde zuletzt am %(when)s überprüft. Sie muss mindestens einmal "
                "im Jahr überprüft werden: Prüfen Sie die Website, aktualisieren Sie die bekannten Barrieren und "
                "das Datum „Zuletzt überprüft am“."
            )
            % {"when": when}
        ), statement
    return "", statement


class StatementReviewPanel(Component):
    name = "accessibility_statement_review"
    order = 80
    template_name = "accessibility/admin/statement_review_panel.html"

    def __init__(self, problem: str, statement):
        self.problem = problem
        self.statement = statement

    def get_context_data(self, parent_context=None):
        return {"problem": self.problem, "statement": self.statement}


@hooks.register("construct_homepage_panels")
def add_statement_review_panel(request, panels):
    problem, statement = statement_review_problem()
    if not problem:
        return
    if statement is not None:
        may_act = statement.permissions_for_user(request.user).can_edit()
    else:  # whoever could create the statement under the home page
        home = HomePage.objects.order_by("pk").first()
        may_act = home is not None and home.permissions_for_user(request.user).can_add_subpage()
    if may_act:
        panels.append(StatementReviewPanel(problem, statement))
