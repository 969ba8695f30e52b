"""Results first on phones: the catalogue's filters are a disclosure (open in the HTML), the form lands on the
result count (#ergebnisse) and a skip link jumps over the filters."""

import pytest

pytestmark = pytest.mark.django_db


def listing_of(html: str) -> str:
    return html.split('<div class="iq-catalogue">', 1)[1]


def test_filters_are_an_open_disclosure_after_a_skip_link(client, demo):
    html = listing_of(client.get("/steckbriefe/").content.decode())
    skip = html.index('href="#ergebnisse">Zu den Ergebnissen</a>')
    details = html.index('<details class="iq-filters" open>')
    form = html.index('<form class="iq-catalogue__filters"')
    results = html.index('id="ergebnisse" tabindex="-1"')
    assert skip < details < form < results
    summary = html.split('<summary class="iq-filters__summary">', 1)[1].split("</summary>", 1)[0]
    assert summary.strip() == "Filter und Sortierung"  # nothing chosen, no count
    assert 'action="/steckbriefe/#ergebnisse"' in html
    assert 'aria-labelledby="ergebnisse"' in html


def test_summary_counts_the_active_filters_and_chips_land_on_the_results(client, demo):
    html = listing_of(client.get("/steckbriefe/?kategorie=inklusion&kosten=lt5k").content.decode())
    summary = html.split('<summary class="iq-filters__summary">', 1)[1].split("</summary>", 1)[0]
    assert summary.strip() == "Filter und Sortierung (2 aktiv)"
    chips = html.split('<ul class="iq-chips">', 1)[1].split("</ul>", 1)[0]
    assert chips.count('#ergebnisse"') == 2


def test_city_page_listing_lands_on_its_own_results(client, demo):
    html = client.get("/stadtlabore/bad-krozingen/").content.decode()
    assert 'action="/stadtlabore/bad-krozingen/#ergebnisse"' in html
    assert html.count('id="ergebnisse"') == 1
