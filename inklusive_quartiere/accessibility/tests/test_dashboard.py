"""The dashboard reminds the editorial office to review the accessibility statement every year."""

import datetime

import pytest

from inklusive_quartiere.accessibility.models import AccessibilityStatementPage
from inklusive_quartiere.accessibility.wagtail_hooks import REVIEW_DAYS, statement_review_problem
from inklusive_quartiere.core.audiences import EDITORIAL, MEMBERS
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups
from inklusive_quartiere.testing.support.leaks import assert_absent

pytestmark = pytest.mark.django_db


_user = user_in_groups


def test_statement_is_due_a_year_after_its_last_review(demo):
    statement = AccessibilityStatementPage.objects.live().get()
    reviewed = statement.reviewed_on
    assert statement_review_problem(reviewed + datetime.timedelta(days=100))[0] == ""
    problem, found = statement_review_problem(reviewed + datetime.timedelta(days=REVIEW_DAYS + 1))
    assert found.pk == statement.pk
    assert reviewed.strftime("%d.%m.%Y") in problem and "einmal im Jahr" in problem


def test_missing_statement_is_reported(demo):
    AccessibilityStatementPage.objects.live().get().unpublish()
    problem, found = statement_review_problem()
    assert found is None and "keine Erklärung zur Barrierefreiheit veröffentlicht" in problem


def test_panel_shows_for_the_editorial_office_only(client, demo):
    statement = AccessibilityStatementPage.objects.live().get()
    AccessibilityStatementPage.objects.filter(pk=statement.pk).update(
        created_on=datetime.date(2020, 1, 1), reviewed_on=datetime.date(2020, 6, 1)
    )
    login_verified(client, _user("red", EDITORIAL))
    html = client.get("/admin/").content.decode()
    assert 'id="statement-review-section"' in html and "01.06.2020" in html
    assert f"/admin/pages/{statement.pk}/edit/" in html
    client.logout()
    login_verified(client, _user("ulm", "Stadtredaktion Ulm", MEMBERS))
    assert_absent(client.get("/admin/"), 'id="statement-review-section"', control='class="w-summary"')


def test_no_panel_while_the_review_is_recent(client, demo):
    statement = AccessibilityStatementPage.objects.live().get()
    AccessibilityStatementPage.objects.filter(pk=statement.pk).update(reviewed_on=datetime.date.today())
    login_verified(client, _user("red", EDITORIAL))
    # the dashboard itself is there (Wagtail's site summary), the panel is not
    assert_absent(client.get("/admin/"), 'id="statement-review-section"', control='class="w-summary"')
