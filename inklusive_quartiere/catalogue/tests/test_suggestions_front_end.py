"""The suggestions' front end as built: its classes survive the CSS purge, its script stays small, every search field
points at the endpoint and every page carries the translated texts (frontend/js/suggest.js)."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings

BUILT = Path(settings.FRONTEND_BUILD_DIR) / "static"
SOURCE = Path(settings.BASE_DIR) / "frontend" / "js" / "suggest.js"
SCRIPT_GZIP_BUDGET = 3 * 1024


def _classes_set_by_the_script() -> list[str]:
    comment = re.search(r"// classes set here:(.*?)\n\(function", SOURCE.read_text(), re.S).group(1)
    return re.findall(r"[a-z][a-z0-9_-]+", comment.replace("//", " "))


def test_the_purge_keeps_every_class_the_script_sets():
    css = (BUILT / "css" / "main.css").read_text()
    classes = _classes_set_by_the_script()
    assert "iq-suggest__option--active" in classes
    for name in classes:
        assert re.search(rf"\.{re.escape(name)}(?![a-z0-9_-])", css), f"{name} was purged: run `make frontend`"


def test_the_script_is_built_and_small():
    built = (BUILT / "js" / "suggest.js").read_bytes()
    assert len(gzip.compress(built, 9)) <= SCRIPT_GZIP_BUDGET


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/", "site-search-q"),
        ("/", "startseite-suche-q"),
        ("/suche/", "search-page-q"),
        ("/steckbriefe/", "catalogue-q"),
        ("/gibt-es-nicht/", "not-found-q"),  # the 404 page's search
    ],
)
def test_search_fields_point_at_the_endpoint(client, demo, path, field):
    html = client.get(path).content.decode()
    tag = re.search(rf'<input[^>]*id="{field}"[^>]*>', html).group(0)
    assert 'data-suggest="/suche/vorschlaege/"' in tag
    # A text field (ARIA in HTML allows role=combobox on it, not on type=search) with the phone keyboard's search key;
    # the script adds the ARIA, the HTML stays plain.
    assert 'type="text"' in tag and 'inputmode="search"' in tag and 'enterkeyhint="search"' in tag
    assert "role=" not in tag
    assert 'id="iq-suggest-texts"' in html and 'data-many="%(n)s Vorschläge"' in html
    assert "js/suggest.js" in html
