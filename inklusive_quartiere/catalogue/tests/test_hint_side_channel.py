"""The search hints must not reveal members-only vocabulary (issue 13, finding 4).

"Diese Wörter kommen … nicht vor", the typo hint and the catalogue's filter options are worked out from the
pages the visitor may see. For an outsider a word only a members-only Steckbrief contains behaves exactly like
a nonsense word, and a filter value only a members-only Steckbrief uses does not exist.
"""

import datetime
import re

import pytest

from inklusive_quartiere.taxonomy.models import Category, TargetGroup
from inklusive_quartiere.testing.support.factories import make_steckbrief
from inklusive_quartiere.testing.support.personas import make_member, signed_in

pytestmark = pytest.mark.django_db

SECRET_WORD = "Quokkafenster"
NONSENSE_WORD = "Xqvbzmtjwkrlp"  # same length, near nothing on the site
SECRET_TYPO = "Quokkafenstr"  # one edit away from the secret word
NONSENSE_TYPO = "Xqvbzmtjwkrl"
GROUP_LABEL = "Wombatfreunde"
GROUP_SLUG = "wombatfreunde"
NONSENSE_SLUG = "zxqvjkpwhmyrb"  # same length as GROUP_SLUG

SEARCH = "/suche/"
CATALOGUE = "/steckbriefe/"


@pytest.fixture
def secret(demo):
    group = TargetGroup.objects.create(name=GROUP_LABEL, slug=GROUP_SLUG)
    return make_steckbrief(
        "Ulm",
        title="Internes Vorhaben im Quartier",
        slug="internes-vorhaben",
        summary=f"Ein internes Vorhaben mit dem {SECRET_WORD} als Stichwort.",
        duration="short",
        start_date=datetime.date(2023, 5, 1),
        description="",
        steps=0,
        categories=[Category.objects.first()],
        target_groups=[group],
        members_only=True,
    )


@pytest.fixture
def member_client():
    return signed_in(make_member("quokka-mitglied"))


def _normalised(response, word: str) -> str:
    html = response.content.decode()
    html = html.replace(word, "WORD")
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken" value=""', html)
    return re.sub(r'nonce="[^"]*"', 'nonce=""', html)


def _same_page(client, url, param, secret_value, nonsense_value, **extra):
    secret_response = client.get(url, {param: secret_value, **extra})
    nonsense_response = client.get(url, {param: nonsense_value, **extra})
    assert secret_response.status_code == nonsense_response.status_code == 200
    assert _normalised(secret_response, secret_value) == _normalised(nonsense_response, nonsense_value)
    return secret_response


def _context(response, url):
    return response.context["catalogue"] if url == CATALOGUE else response.context


@pytest.mark.parametrize("url", [SEARCH, CATALOGUE])
def test_members_only_word_looks_like_a_nonsense_word_to_outsiders(client, member_client, secret, url):
    response = _same_page(client, url, "q", SECRET_WORD, NONSENSE_WORD)
    assert _context(response, url)["unmatched"] == [SECRET_WORD]  # the "unknown word" hint, as for nonsense
    assert secret.title not in response.content.decode()
    # A member finds the page as before.
    response = member_client.get(url, {"q": SECRET_WORD})
    assert secret.title in response.content.decode()
    assert not _context(response, url)["unmatched"]


@pytest.mark.parametrize("url", [SEARCH, CATALOGUE])
def test_typo_of_a_members_only_word_gets_no_correction(client, member_client, secret, url):
    response = _same_page(client, url, "q", SECRET_TYPO, NONSENSE_TYPO)
    assert not _context(response, url)["corrections"]
    assert "ähnlicher Schreibweise" not in response.content.decode()
    # A member is offered the correction and finds the page.
    response = member_client.get(url, {"q": SECRET_TYPO})
    assert SECRET_TYPO in _context(response, url)["corrections"]
    assert secret.title in response.content.decode()


def test_facet_value_only_a_members_only_steckbrief_uses_is_not_listed_for_outsiders(client, secret, member_client):
    html = client.get(CATALOGUE).content.decode()
    assert GROUP_LABEL not in html
    assert GROUP_SLUG not in html
    member_html = member_client.get(CATALOGUE).content.decode()
    assert GROUP_LABEL in member_html
    assert GROUP_SLUG in member_html


def test_checked_members_only_facet_value_looks_like_an_unknown_one_to_outsiders(client, member_client, secret):
    response = _same_page(client, CATALOGUE, "zielgruppe", GROUP_SLUG, NONSENSE_SLUG)
    assert GROUP_LABEL not in response.content.decode()
    assert not response.context["catalogue"]["active"]
    assert response.context["catalogue"]["total"] > 0  # the unknown value is ignored, not an empty result
    # For a member the value filters, and its chip shows the label.
    catalogue = member_client.get(CATALOGUE, {"zielgruppe": GROUP_SLUG}).context["catalogue"]
    assert catalogue["total"] == 1
    assert [chip["label"] for chip in catalogue["active"]] == [GROUP_LABEL]
