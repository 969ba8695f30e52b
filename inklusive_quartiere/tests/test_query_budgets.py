"""Query budgets: how many SQL queries one request of every page type may cost, as a visitor and as a member.

Each page in ``testing/pages.py`` is requested twice in a warm process (the first request fills the per-process
and shared caches: search engine, renditions, page chrome); the second is counted. The full-page cache for
anonymous visitors is switched off (``PAGE_CACHE_ENABLED = False``): the budgets hold for a page that is really
rendered. Every page is counted with 10 Steckbriefe and again with 1 000 (990 bulk-created copies of realistic
Steckbriefe, ``testing/bulk.py``); the counts must be equal — no query may depend on the amount of content.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.bulk import clone_steckbriefe, keep_steckbriefe
from inklusive_quartiere.testing.pages import PAGES

pytestmark = pytest.mark.django_db

# page id (testing/pages.py) → (anonymous visitor, signed-in member): the most queries one request may make.
# Measured 2026-12 (issue 14; before: 8–27 for visitors, 23–50 for members, a Steckbrief 27 / 50). A visitor's
# page: the content token (1), the page found along its path (1), its specific row with what it shows joined in (1),
# its view restrictions (1), then what the page lists. Members pay 6 more: session (1), account (1), Wagtail's
# permission check for the editor's toolbar (2), their groups (1), the renewed session (1). Visitors asking for a
# members-only page get the redirect to the sign-in form.
BUDGETS = {
    # The home page's sections (issue 16): one query each for the chosen Steckbriefe (and their visibility), the
    # newest, their cities, the topic counts, events, news and the film; members pay the members-only labels too.
    # Cards with a lead image cost three more, whatever their number: the hidden collections, the images and their
    # card renditions.
    "home": (12, 23),
    "content-page": (8, 15),
    "content-page-nested": (4, 10),
    "legal-page-example": (4, 10),
    "search-empty": (1, 7),
    # A visitor's search (first page, with words) is counted for the office's report (issue 17, querylog): one
    # UPDATE (an INSERT as well for the first search of a query that day). Members' searches are not counted.
    "search-results": (3, 8),
    "search-no-results": (2, 7),
    "not-found": (3, 9),
    "city-index": (5, 11),
    # The city's film is the film naming the city (FilmPage.city, one relation): one indexed query of its own since
    # the city page no longer stores the film and joins it in (issue 15).
    # The city's lead image (issue 16) asks which collections the visitor may not see (one query, as a Steckbrief's
    # gallery does) before its renditions are shown.
    "city": (9, 16),
    "catalogue": (6, 13),
    "catalogue-filtered": (6, 13),
    "catalogue-search": (7, 12),  # +1: the visitor's search counted (querylog), as for /suche/
    "catalogue-empty": (5, 10),
    "catalogue-category": (5, 14),
    # The key facts show the city's size (issue 16): its inhabitants, one query for the served parent's own fields.
    "steckbrief-full": (11, 18),
    "steckbrief-minimal": (8, 14),
    # A member reading it sees its lead image (issue 16): which collections the member may not see (one query), and
    # the city's size in the key facts (one query).
    "steckbrief-members-only": (5, 18),
    "login": (1, 6),
    "members-area": (1, 13),
    "accessibility-statement": (5, 11),
    "easy-language-start": (6, 12),
    "easy-language-child": (5, 11),
    "feedback-form": (4, 10),
    "feedback-thanks": (4, 10),
    "password-change": (1, 7),
    "password-reset": (1, 7),
    "password-reset-sent": (1, 7),
    "password-link-invalid": (2, 8),
    "films-index": (5, 13),
    "films-film": (5, 11),
    "sign-language": (5, 11),
    "events-index": (8, 14),
    "events-index-page-2": (7, 13),
    "events-event-day": (8, 15),
    "events-event-month": (8, 15),
    "news-index": (10, 17),
    "news-index-category": (11, 18),
    "news-article": (8, 14),
}
STECKBRIEF_BUDGET = 12  # the goal for a Steckbrief page (a visitor's: the page the anonymous cache keeps)
SAVEPOINT = re.compile(r"^(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT) ")
SMALL, LARGE = 10, 1_000
PERSONAS = ["anonymous", "member"]


def test_every_page_type_has_a_budget():
    assert sorted(BUDGETS) == sorted(name for name, _path, _status in PAGES)
    assert all(BUDGETS[name][0] <= STECKBRIEF_BUDGET for name in BUDGETS if name.startswith("steckbrief-"))


def _slug(path: str) -> str:
    return path.strip("/").split("/")[-1]


def _enrich(page: SteckbriefPage) -> None:
    """Images (one members-only), downloads (one members-only) and related Steckbriefe on the measured page, so that
    its count covers renditions, file visibility and related items."""
    images = list(get_image_model().objects.order_by("pk")[:3])
    documents = list(get_document_model().objects.order_by("pk")[:3])
    page.gallery = [
        ("figure", {"image": {"image": image, "alt_text": f"Bild {i}", "decorative": False}, "caption": "c"})
        for i, image in enumerate(images)
    ]
    page.downloads = [("document", document) for document in documents]
    others = list(SteckbriefPage.objects.live().exclude(pk=page.pk).order_by("path")[:4])
    page.set_related_steckbriefe(others)
    page.save_revision().publish()


def _keep_steckbriefe(count: int) -> None:
    """Delete Steckbriefe until ``count`` are left, keeping those the page list names."""
    keep_steckbriefe(count, {_slug(path) for name, path, _status in PAGES if name.startswith("steckbrief-")})
    assert SteckbriefPage.objects.count() == count


def _client(persona: str) -> Client:
    client = Client()
    if persona == "member":
        client.force_login(User.objects.get(username="demo-mitglied"))
    return client


def _count_all(client: Client) -> dict[str, tuple[int, list[str]]]:
    counts = {}
    for name, path, _status in PAGES:
        client.get(path)  # warms the process: search engine, renditions, page chrome
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        assert response.status_code < 500, (name, response.status_code)
        # Savepoints exist only because the test runs inside a transaction (in production the session's
        # transaction is a plain BEGIN/COMMIT of the connection): not counted.
        queries = [q["sql"] for q in ctx.captured_queries if not SAVEPOINT.match(q["sql"])]
        counts[name] = (response.status_code, queries)
    return counts


def _short(sql: str) -> str:
    return re.sub(r"^SELECT .*? FROM", "SELECT … FROM", sql)[:240]


@override_settings(PAGE_CACHE_ENABLED=False)
@pytest.mark.parametrize("persona", PERSONAS)
def test_queries_per_page_are_within_budget_and_flat(demo, persona):
    full = SteckbriefPage.objects.get(slug=_slug({n: p for n, p, _s in PAGES}["steckbrief-full"]))
    _enrich(full)
    _keep_steckbriefe(SMALL)
    client = _client(persona)
    small = _count_all(client)
    clone_steckbriefe(LARGE - SMALL)
    assert SteckbriefPage.objects.live().count() == LARGE
    large = _count_all(client)

    column = PERSONAS.index(persona)
    problems, table = [], []
    for name, _path, _status in PAGES:
        budget = BUDGETS[name][column]
        (status, queries), (_status_large, queries_large) = small[name], large[name]
        table.append(f"{name:28} {status} {len(queries):3} {len(queries_large):3} (budget {budget})")
        if len(queries) != len(queries_large):
            problems.append(f"{name}: {len(queries)} queries at {SMALL} Steckbriefe, {len(queries_large)} at {LARGE}")
        if len(queries_large) > budget:
            listing = "\n".join(f"      {_short(sql)}" for sql in queries_large)
            problems.append(f"{name}: {len(queries_large)} queries, budget {budget}\n{listing}")
    assert not problems, f"{persona}:\n" + "\n".join(table) + "\n\n" + "\n".join(problems)
