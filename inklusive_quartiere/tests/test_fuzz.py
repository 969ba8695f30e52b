"""Bounded fuzzing of every public address: odd parameters, paths, headers and form posts never give a server
error, and never show an outsider a members-only page's marker word.

The address list is not hand-written: the test crawls the demo site from the home page (internal links only),
then sends each address again with mutated query strings, path suffixes and headers, and posts junk to the forms.
The random generator is seeded, so a failure names a request that can be replayed. Count and time are bounded
(FUZZ_REQUESTS, FUZZ_SECONDS); everything stays in the process (Django's test client), nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import datetime
import random
import re
import time
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.audiences import MEMBERS
from inklusive_quartiere.steckbriefe.models import SteckbriefPage

pytestmark = pytest.mark.django_db

MARKER = "Fuzzmarkerwort"
SEED = 20261204
FUZZ_REQUESTS = 700
FUZZ_SECONDS = 120
CRAWL_LIMIT = 60

PARAMS = [
    "q",
    "seite",
    "sortierung",
    "kategorie",
    "stadt",
    "groesse",
    "bezirk",
    "netzwerk",
    "zielgruppe",
    "status",
    "kosten",
    "personal",
    "dauer",
    "foerderung",
    "stolpersteine",
    "ansicht",
    "jahr",
    "next",
]
ODD_VALUES = [
    "",
    "0",
    "-1",
    "999999999999999999999",
    "1e309",
    "NaN",
    "%00",
    "\x00",
    "ä" * 300,
    "x" * 5000,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "{{7*7}}",
    "${jndi:ldap://127.0.0.1/a}",
    "🙂" * 20,
    "Ärger über Übergänge",
    "*",
    '"',
    "AND OR NOT",
    " ",
    "ja",
    "Ulm",
    "//evil.example/",
    "javascript:alert(1)",
]
# Raw, already percent-encoded query strings: invalid UTF-8, lone surrogates, broken escapes.
RAW_QUERIES = ["q=%ED%A0%80", "q=%FF%FE", "seite=%", "q=%zz", "kategorie=%C3", "q=a&q=b&q=c", "stadt[]=1", "&&&=&="]
PATH_SUFFIXES = ["pdf/", "kalender.ics", "../", "%2e%2e/", "x" * 300 + "/", "%00/", "ä/", "index.php", ".git/config"]
HEADERS = [
    {"HTTP_RANGE": "bytes=5-1"},
    {"HTTP_RANGE": "bytes=-0"},
    {"HTTP_RANGE": "bytes=99999999999-"},
    {"HTTP_ACCEPT_LANGUAGE": "xx;q=NaN"},
    {"HTTP_X_FORWARDED_FOR": "999.1.1.1, <script>"},
    {"HTTP_X_FORWARDED_PROTO": "gopher"},
    {"HTTP_IF_MODIFIED_SINCE": "yesterday"},
    {"HTTP_COOKIE": "sessionid=" + "A" * 4000},
    {"HTTP_USER_AGENT": "\x00\x01"},
    {},
]
FORMS = ["/barriere-melden/", "/anmelden/", "/passwort-vergessen/"]


@pytest.fixture
def members_only_marker(demo):
    page = SteckbriefPage(
        title=f"{MARKER} im Quartier",
        slug="fuzz-marker",
        summary=f"Internes Vorhaben {MARKER}.",
        status="in_progress",
        cost_band="lt5k",
        staff_effort="low",
        duration="short",
        start_date=datetime.date(2024, 3, 1),
    )
    CityPage.objects.get(title="Ulm").add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))
    return page


def _links(html: str) -> list[str]:
    links = []
    for href in re.findall(r'href="([^"#]+)', html):
        href = href.replace("&amp;", "&")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not href.startswith("/") or href.startswith(("/admin/", "/abmelden/")):
            continue
        links.append(href)
    return links


def _crawl(client, extra: list[str]) -> list[str]:
    seen, queue = [], ["/", "/steckbriefe/", "/suche/?q=Quartier", "/sitemap.xml", *extra]
    while queue and len(seen) < CRAWL_LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.append(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.get("Content-Type", "").startswith("text/html"):
            queue.extend(link for link in _links(response.content.decode()) if link not in seen)
    return seen


def _mutations(rng: random.Random, urls: list[str]):
    while True:
        base = rng.choice(urls)
        path = urlsplit(base).path
        kind = rng.random()
        headers = rng.choice(HEADERS)
        if kind < 0.1:
            yield "get", path + "?" + rng.choice(RAW_QUERIES), headers, None
        elif kind < 0.55:
            params = [(rng.choice(PARAMS), rng.choice(ODD_VALUES)) for _ in range(rng.randint(1, 4))]
            yield "get", path + "?" + urlencode(params), headers, None
        elif kind < 0.75:
            yield "get", path.rstrip("/") + "/" + rng.choice(PATH_SUFFIXES), headers, None
        elif kind < 0.9:
            yield "get", base, headers, None
        else:
            data = {name: rng.choice(ODD_VALUES) for name in ("username", "password", "email", "message", "page_url")}
            data["formular_zeit"] = rng.choice(["", "1:abc", "x" * 300])
            yield "post", rng.choice(FORMS), headers, data


def test_fuzzed_requests_never_fail_or_leak(members_only_marker):
    client = Client(raise_request_exception=False)
    # The members-only page itself is fuzzed too: odd parameters must not open it.
    urls = _crawl(client, [members_only_marker.url, members_only_marker.url + "pdf/"])
    assert len(urls) >= 20, "the crawl should reach the site's main sections"
    rng = random.Random(SEED)
    started, count, failures = time.monotonic(), 0, []
    for method, url, headers, data in _mutations(rng, urls):
        if count >= FUZZ_REQUESTS or time.monotonic() - started > FUZZ_SECONDS:
            break
        count += 1
        fresh = Client(raise_request_exception=False)
        response = fresh.post(url, data, **headers) if method == "post" else fresh.get(url, **headers)
        body = b"" if response.streaming else response.content
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {method.upper()} {url!r} {headers}")
        elif MARKER.encode() in body:
            failures.append(f"members-only marker shown to an outsider: {method.upper()} {url!r}")
    assert count >= 200, f"only {count} requests in {FUZZ_SECONDS} s"
    assert not failures, "\n".join(failures[:20])
