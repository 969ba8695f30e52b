"""What editors may not save or publish: impossible dates, a statement without method or without barriers."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError

from inklusive_quartiere.accessibility.blocks import EasyLinkBlock, KnownBarrierBlock
from inklusive_quartiere.accessibility.models import AssessmentMethodsField, statement_publication_errors
from inklusive_quartiere.testing.accounts import login_verified

from .helpers import BARRIER, easy_start, statement, statement_form

pytestmark = pytest.mark.django_db
D = datetime.date


def _clean_errors(**fields) -> dict:
    page = statement()
    for name, value in fields.items():
        setattr(page, name, value)
    try:
        page.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_demo_statement_is_valid_and_publishable(demo):
    assert _clean_errors() == {}
    assert statement().publication_errors() == {}


def test_review_date_before_creation_is_refused(demo):
    errors = _clean_errors(created_on=D(2026, 3, 1), reviewed_on=D(2026, 2, 28))
    assert errors["reviewed_on"] == [
        "Die letzte Überprüfung kann nicht vor der Erstellung liegen. Bitte prüfen Sie beide Daten."
    ]
    assert _clean_errors(created_on=D(2026, 3, 1), reviewed_on=D(2026, 3, 1)) == {}
    assert _clean_errors(created_on=D(2026, 3, 1), reviewed_on=None) == {}


def test_dates_in_the_future_are_refused(demo):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert "created_on" in _clean_errors(created_on=tomorrow, reviewed_on=None)
    assert "reviewed_on" in _clean_errors(created_on=D(2026, 1, 1), reviewed_on=tomorrow)


def test_unknown_method_is_refused(demo):
    assert "methods" in _clean_errors(methods=["gefuehl"])
    field = AssessmentMethodsField()
    assert field.formfield().choices[0] == ("selbstbewertung", "Selbstbewertung")


def test_publishing_needs_a_method_and_barriers_unless_fully_compliant(demo):
    barriers = statement().known_barriers
    assert statement_publication_errors("teilweise", [], barriers).keys() == {"methods"}
    assert "mindestens ein Prüfverfahren" in str(statement_publication_errors("teilweise", [], barriers)["methods"])
    for status in ("teilweise", "nicht"):
        errors = statement_publication_errors(status, ["selbstbewertung"], [])
        assert errors.keys() == {"known_barriers"}
        assert "mindestens eine bekannte Barriere" in str(errors["known_barriers"])
    assert statement_publication_errors("vollstaendig", ["selbstbewertung"], []) == {}


def test_fully_compliant_with_unresolved_barriers_is_a_contradiction(demo):
    errors = statement_publication_errors("vollstaendig", ["selbstbewertung"], statement().known_barriers)
    assert errors.keys() == {"conformity_status"}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"planned_fix": ""}, "planned_fix", "wie und bis wann die Barriere behoben werden soll"),
        (
            {"reason": "unverhaeltnismaessig", "justification": "  "},
            "justification",
            "warum die Behebung eine unverhältnismäßige Belastung wäre",
        ),
    ],
)
def test_barrier_needs_a_plan_or_a_justification(changes, field, message):
    block = KnownBarrierBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({**BARRIER, **changes}))
    assert message in str(raised.value.block_errors[field])


def test_barrier_out_of_scope_needs_neither_plan_nor_justification():
    block = KnownBarrierBlock()
    value = block.clean(block.to_python({**BARRIER, "reason": "nicht_anwendbar", "planned_fix": ""}))
    assert value.reason_label() == "Nicht anwendbar (außerhalb des Anwendungsbereichs)"


@pytest.mark.parametrize("url", ["/suche/", "https://example.org/a"])
def test_easy_link_accepts_site_paths_and_web_addresses(url):
    block = EasyLinkBlock()
    assert block.clean(block.to_python({"link_text": "Zur Suche", "page": None, "url": url}))["url"] == url


@pytest.mark.parametrize("url", ["//fremd.example/", "javascript:alert(1)", "suche"])
def test_easy_link_refuses_other_addresses(url):
    block = EasyLinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"link_text": "Zur Suche", "page": None, "url": url}))


def test_easy_link_needs_exactly_one_target():
    block = EasyLinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"link_text": "Zur Suche", "page": None, "url": ""}))


# -- the admin form ---------------------------------------------------------------------------------------------


@pytest.fixture
def editor_client(client, demo):
    user = User.objects.create_superuser("a11y-redaktion", "a11y@example.org", "x" * 16)
    login_verified(client, user)
    return client


def _edit(client, form, publish=False):
    if publish:
        form["action-publish"] = "action-publish"
    return client.post(f"/admin/pages/{statement().pk}/edit/", form)


def test_editor_forms_render(editor_client):
    response = editor_client.get(f"/admin/pages/{statement().pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stand der Vereinbarkeit" in html and "Schlichtungsverfahren" in html
    assert 'type="checkbox" name="methods" value="bitv_test"' in html


def test_editor_publishes_a_valid_statement(editor_client):
    response = _edit(editor_client, statement_form(), publish=True)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = statement()
    assert page.conformity_standard == "den Anforderungen der BITV 2.0"
    assert page.methods == ["selbstbewertung"]
    assert page.known_barriers[0].value["title"] == BARRIER["title"]


def test_publishing_partial_status_without_barriers_is_refused(editor_client):
    response = _edit(editor_client, statement_form(barriers=[]), publish=True)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "mindestens eine bekannte Barriere" in str(errors["known_barriers"])
    assert statement().known_barriers  # the live page is unchanged


def test_publishing_without_method_is_refused(editor_client):
    response = _edit(editor_client, statement_form(methods=()), publish=True)
    assert response.status_code == 200
    assert "mindestens ein Prüfverfahren" in str(response.context["form"].errors["methods"])


def test_draft_without_barriers_and_method_can_be_saved(editor_client):
    response = _edit(editor_client, statement_form(barriers=[], methods=()))
    assert response.status_code == 302, response.content.decode()[:3000]
    latest = statement().get_latest_revision_as_object()
    assert latest.methods == [] and not latest.known_barriers


def test_review_before_creation_is_refused_in_the_form(editor_client):
    response = _edit(editor_client, statement_form(created_on="2026-03-01", reviewed_on="2026-01-01"))
    assert response.status_code == 200
    assert "nicht vor der Erstellung" in str(response.context["form"].errors["reviewed_on"])


def test_barrier_without_plan_is_refused_in_the_form(editor_client):
    response = _edit(editor_client, statement_form(barriers=[{**BARRIER, "planned_fix": ""}]), publish=True)
    assert response.status_code == 200
    assert "known_barriers" in response.context["form"].errors


def test_easy_language_editor_forms_render(editor_client):
    start = easy_start()
    assert editor_client.get(f"/admin/pages/{start.pk}/edit/").status_code == 200
    response = editor_client.get(f"/admin/pages/add/accessibility/easylanguagepage/{start.pk}/")
    assert response.status_code == 200
    assert "Wort-Erkl" in response.content.decode()  # the block menu (JSON-escaped umlaut)
