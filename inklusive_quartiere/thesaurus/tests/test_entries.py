"""The Suchbegriffe snippet: validation with clear German messages, the seed list, the editor's add view with
``?begriff=`` (the query log links to it), and who may edit (the editorial office, not city editors)."""

from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inklusive_quartiere.thesaurus.models import MAX_TERM_LENGTH, ThesaurusEntry
from inklusive_quartiere.thesaurus.seed import seed_entries

pytestmark = pytest.mark.django_db

ADD_URL_NAME = "wagtailsnippets_thesaurus_thesaurusentry:add"


def errors_of(entry) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        entry.full_clean()
    return caught.value.message_dict


def test_a_valid_entry_is_cleaned_line_by_line():
    entry = ThesaurusEntry(term="  Spielstube ", synonyms="Spielzimmer\n\n  Kinderecke  \x07\n", narrower="Bällebad")
    entry.full_clean()
    assert entry.term == "Spielstube"
    assert entry.synonym_list == ["Spielzimmer", "Kinderecke"]
    assert entry.narrower_list == ["Bällebad"]


@pytest.mark.parametrize(
    ("fields", "field", "fragment"),
    [
        ({"term": ""}, "term", "Dieses Feld"),
        ({"term": "und der die"}, "term", "Füllwörtern"),
        ({"term": "Spielstube", "synonyms": "Spielzimmer\nund"}, "synonyms", "Füllwörtern"),
        ({"term": "Spielstube", "synonyms": "Spielecke\nSPIELECKE"}, "synonyms", "doppelt"),
        ({"term": "Spielstube", "synonyms": "Senioren\nSeniorinnen"}, "synonyms", "doppelt"),  # the same index term
        ({"term": "Spielstube", "narrower": "spielstube"}, "narrower", "doppelt"),
        ({"term": "Spielstube", "synonyms": "x" * (MAX_TERM_LENGTH + 1)}, "synonyms", "zu lang"),
        ({"term": "Spielstube", "synonyms": "\n".join(f"Wort{i}x" for i in range(40))}, "synonyms", "Höchstens"),
    ],
)
def test_bad_entries_get_a_clear_german_message(fields, field, fragment):
    errors = errors_of(ThesaurusEntry(**fields))
    assert any(fragment in message for message in errors[field]), errors


def test_a_term_exists_only_once_whatever_its_case():
    ThesaurusEntry.objects.create(term="Quasselrunde")
    errors = errors_of(ThesaurusEntry(term="QUASSELRUNDE"))
    assert any("gibt es schon" in message for message in errors["term"])


def test_the_seed_list_is_installed_and_every_entry_is_valid():
    entries = seed_entries()
    assert len(entries) >= 300
    assert ThesaurusEntry.objects.count() >= 300
    installed = list(ThesaurusEntry.objects.all())
    for entry in installed:
        entry.full_clean()  # raises on any invalid line
    terms = {entry.term for entry in installed}
    for expected in ("ältere Menschen", "Kita", "Photovoltaik", "Zugewanderte", "Community", "Beteiligung"):
        assert expected in terms


def test_the_add_url_the_query_log_links_to_prefills_the_term(admin):
    url = reverse(ADD_URL_NAME) + "?begriff=" + quote("Rentnerinnen Treff")
    assert url.startswith("/admin/snippets/thesaurus/thesaurusentry/add/")
    response = admin.client.get(url)
    assert response.status_code == 200
    assert response.context["form"].initial["term"] == "Rentnerinnen Treff"


@pytest.mark.parametrize("begriff", ["", "\x00\x01", "x" * 5000, "🙂", "<script>alert(1)</script>"])
def test_odd_prefills_give_the_form(admin, begriff):
    response = admin.client.get(reverse(ADD_URL_NAME), {"begriff": begriff})
    assert response.status_code == 200
    assert len(response.context["form"].initial.get("term", "")) <= MAX_TERM_LENGTH
    assert b"<script>alert(1)</script>" not in response.content


def test_saving_in_the_editor_creates_the_entry(admin):
    response = admin.client.post(
        reverse(ADD_URL_NAME),
        {"term": "Quasselbude", "synonyms": "Plauderecke", "narrower": "", "note": "", "active": "on"},
    )
    assert response.status_code == 302
    assert ThesaurusEntry.objects.get(term="Quasselbude").synonym_list == ["Plauderecke"]


def test_an_invalid_entry_is_shown_again_with_the_message(admin):
    response = admin.client.post(reverse(ADD_URL_NAME), {"term": "und", "synonyms": "", "narrower": "", "note": ""})
    assert response.status_code == 200
    assert "Füllwörtern" in response.content.decode()


def test_the_office_may_edit_city_editors_may_not(office, city_editor):
    assert office.user.has_perm("thesaurus.add_thesaurusentry")
    assert office.user.has_perm("thesaurus.change_thesaurusentry")
    assert office.user.has_perm("thesaurus.delete_thesaurusentry")
    assert not city_editor.user.has_perm("thesaurus.add_thesaurusentry")
    assert office.client.get(reverse(ADD_URL_NAME)).status_code == 200
    assert city_editor.client.get(reverse(ADD_URL_NAME)).status_code in (302, 403)
    listing = office.client.get(reverse("wagtailsnippets_thesaurus_thesaurusentry:list"), {"q": "Kita"})
    assert listing.status_code == 200
    assert "Kindertagesstätte" in listing.content.decode()
