"""The "Suchanfragen" report: editorial office only, both tables, the period filter, the export, the thesaurus link."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from inklusive_quartiere.core.audiences import EDITORIAL, MEMBERS
from inklusive_quartiere.querylog import recording
from inklusive_quartiere.querylog.links import thesaurus_add_url
from inklusive_quartiere.querylog.models import SearchQueryCount
from inklusive_quartiere.testing.support.personas import (
    make_admin,
    make_city_editor,
    make_member,
    make_office_user,
    signed_in,
)

pytestmark = pytest.mark.django_db
REPORT = "/admin/berichte/suchanfragen/"


@pytest.fixture
def rows():
    today = timezone.localdate()

    def add(age, query, channel, results, count):
        day = today - timedelta(days=age)
        SearchQueryCount.objects.create(day=day, query=query, channel=channel, results=results, count=count)

    add(0, "quasselbude", "katalog", 0, 3)
    add(2, "quasselbude", "katalog", 0, 2)
    add(1, "quartier", "suche", 14, 9)
    add(20, "gemeinwesen", "katalog", 0, 40)  # inside 30 days, outside 7
    add(3, "begegnung", "suche", 0, 1)
    add(0, "begegnung", "suche", 5, 1)  # found something by now: no longer a zero-result query
    add(1, "<script>alert(1)</script>", "suche", 0, 1)
    add(200, "uralt", "suche", 0, 99)  # past the retention: pruned by the first report of the day


@pytest.fixture
def office_client(demo):
    return signed_in(make_office_user("redaktion-bericht"))


def test_the_office_sees_both_tables(office_client, rows):
    recording._pruned["day"] = None
    response = office_client.get(REPORT)
    html = response.content.decode()
    assert response.status_code == 200
    zero, top = response.context["tables"]
    assert [(r["query"], r["total"], r["last_results"]) for r in zero["rows"]] == [
        ("gemeinwesen", 40, 0),
        ("quasselbude", 5, 0),
        ("<script>alert(1)</script>", 1, 0),
    ]
    assert [(r["query"], r["channel"], r["total"]) for r in top["rows"]][:3] == [
        ("gemeinwesen", "katalog", 40),
        ("quartier", "suche", 9),
        ("quasselbude", "katalog", 5),
    ]
    assert ("begegnung", 2, 5) in [(r["query"], r["total"], r["last_results"]) for r in top["rows"]]
    assert "Suchanfragen ohne Treffer" in html and "Häufigste Suchanfragen" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert not SearchQueryCount.objects.filter(query="uralt").exists()  # the report prunes too


@pytest.mark.parametrize(
    ("period", "expected"), [("7", 7), ("30", 30), ("90", 90), ("", 30), ("13", 30), ("x" * 999, 30)]
)
def test_the_period_filter(office_client, rows, period, expected):
    response = office_client.get(REPORT, {"zeitraum": period})
    assert response.status_code == 200
    assert response.context["days"] == expected
    zero = [r["query"] for r in response.context["tables"][0]["rows"]]
    assert ("gemeinwesen" in zero) == (expected > 7)


@pytest.mark.parametrize("table", ["ohne-treffer", "top"])
def test_the_csv_export(office_client, rows, table):
    response = office_client.get(REPORT, {"zeitraum": "7", "liste": table, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f"suchanfragen-{table}-7-tage.csv" in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert lines[0] == ["Suchanfrage", "Wo gesucht", "Anzahl", "Treffer (zuletzt)", "Zuletzt gesucht am"]
    queries = [line[0] for line in lines[1:]]
    assert "quasselbude" in queries and "gemeinwesen" not in queries
    assert ("quartier" in queries) == (table == "top")
    assert all(not q.startswith(("=", "+", "-", "@")) for q in queries)


def test_the_xlsx_export(office_client, rows):
    response = office_client.get(REPORT, {"liste": "top", "export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_each_query_has_a_button_to_the_prefilled_thesaurus_form(office_client, rows):
    html = office_client.get(REPORT).content.decode()
    assert html.count("Als Suchbegriff anlegen") >= 4
    assert 'href="/admin/snippets/thesaurus/thesaurusentry/add/?begriff=quasselbude"' in html
    assert "?begriff=%3Cscript%3Ealert%281%29%3C/script%3E" in html
    # The button's target: the office's add form with the query as the term.
    form = office_client.get("/admin/snippets/thesaurus/thesaurusentry/add/?begriff=quasselbude")
    assert form.status_code == 200
    assert 'value="quasselbude"' in form.content.decode()


def test_thesaurus_add_url_quotes_the_text():
    assert (
        thesaurus_add_url("café & co") == "/admin/snippets/thesaurus/thesaurusentry/add/?begriff=caf%C3%A9%20%26%20co"
    )


def test_city_editors_members_and_anonymous_visitors_are_kept_out(client, demo, rows):
    anonymous = client.get(REPORT)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    for user in (make_city_editor(), make_member("mitglied-bericht")):
        response = signed_in(user).get(REPORT)
        assert response.status_code in (302, 403)
        assert b"quasselbude" not in response.content
        assert b"quasselbude" not in signed_in(user).get(REPORT, {"export": "csv"}).content


def test_the_menu_item_is_shown_to_the_office_only(office_client, demo):
    assert "Suchanfragen" in office_client.get("/admin/").content.decode()
    assert "Suchanfragen" in signed_in(make_admin()).get("/admin/").content.decode()
    assert "Suchanfragen" not in signed_in(make_city_editor()).get("/admin/").content.decode()


def test_only_the_office_group_holds_the_permission(demo):
    codename = "view_searchquerycount"
    assert Group.objects.get(name=EDITORIAL).permissions.filter(codename=codename).exists()
    assert not Group.objects.get(name=MEMBERS).permissions.filter(codename=codename).exists()
    others = Group.objects.exclude(name=EDITORIAL).filter(permissions__codename=codename)
    assert not others.exists()
