"""Page weight as a visitor's browser pays it: the bytes over the wire of a public Steckbrief, first and repeat visit.

The demo server (gunicorn, test settings, WhiteNoise from the finders) sends every file uncompressed; production
compresses (docs/front-end.md): HTML with nginx's gzip (level 1, its default), CSS and JS as the .gz copies
WhiteNoise's storage writes at collectstatic (level 9), fonts are WOFF2 (compressed already). So for a response
that came without Content-Encoding, the test counts what production would send: its headers as they were, plus
the body gzip-compressed at the level production uses. Content images are not counted (they depend on the
Steckbrief); they are listed in the message.

The context has no request routing: Playwright's routing switches the browser's HTTP cache off, and the repeat
visit is about that cache. Requests to other hosts are recorded instead and must not happen.
"""

from __future__ import annotations

import base64
import gzip
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from .browser import LOCAL_HOSTS

pytestmark = pytest.mark.browser

FIRST_VISIT_BUDGET = 120 * 1024
REPEAT_VISIT_BUDGET = 25 * 1024
STECKBRIEF = "/stadtlabore/bad-krozingen/hitzeschutz-kurort-kuehle-orte/"
OTHER_STECKBRIEF = "/stadtlabore-vor-ort/kuenzelsau/idee-quartierslotsen-neuzugezogene/"
COUNTED_TYPES = {"Document", "Stylesheet", "Script", "Font", "Fetch", "XHR", "Other"}
GZIP_LEVEL = {"Document": 1, "Stylesheet": 9, "Script": 9}  # nginx's default level; WhiteNoise's .gz files


@dataclass
class Resource:
    url: str
    type: str
    status: int
    wire: int  # bytes as production would send them (see the module's docstring)
    measured: int  # encodedDataLength as the demo server sent them
    cached: bool
    encoding: str
    cache_control: str

    def line(self) -> str:
        path = urlsplit(self.url).path
        how = "cache" if self.cached else f"{self.wire / 1024:6.1f} KB"
        return f"  {how:>9}  {self.type:<10} {path}  ({self.measured} B sent, {self.encoding or 'identity'})"


class WireLog:
    """Network events of one page over the Chrome DevTools Protocol."""

    def __init__(self, page):
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.responses: dict[str, dict] = {}
        self.finished: dict[str, float] = {}
        self.cached: set[str] = set()
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.requestServedFromCache", lambda event: self.cached.add(event["requestId"]))
        self.cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event):
        self.responses[event["requestId"]] = event

    def _finished(self, event):
        self.finished[event["requestId"]] = event["encodedDataLength"]

    def reset(self):
        self.responses.clear()
        self.finished.clear()
        self.cached.clear()

    def resources(self) -> list[Resource]:
        result = []
        for request_id, event in self.responses.items():
            response = event["response"]
            if response["url"].startswith("data:"):
                continue
            headers = {name.lower(): value for name, value in response.get("headers", {}).items()}
            measured = int(self.finished.get(request_id, 0))
            cached = (
                request_id in self.cached
                or response.get("fromDiskCache", False)
                or response.get("fromMemoryCache", False)
                or measured == 0
            )
            wire = measured
            encoding = headers.get("content-encoding", "")
            if not cached and not encoding and event["type"] in GZIP_LEVEL:
                body = self._body(request_id)
                wire = measured - len(body) + len(gzip.compress(body, compresslevel=GZIP_LEVEL[event["type"]]))
            result.append(
                Resource(
                    url=response["url"],
                    type=event["type"],
                    status=response["status"],
                    wire=0 if cached else wire,
                    measured=measured,
                    cached=cached,
                    encoding=encoding,
                    cache_control=headers.get("cache-control", ""),
                )
            )
        return result

    def _body(self, request_id) -> bytes:
        answer = self.cdp.send("Network.getResponseBody", {"requestId": request_id})
        return base64.b64decode(answer["body"]) if answer["base64Encoded"] else answer["body"].encode("utf-8")


def _visit(page, log: WireLog, url: str) -> tuple[int, list[Resource], list[Resource]]:
    log.reset()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    resources = log.resources()
    counted = [r for r in resources if r.type in COUNTED_TYPES]
    others = [r for r in resources if r.type not in COUNTED_TYPES]
    return sum(r.wire for r in counted), counted, others


def _report(title: str, total: int, counted: list[Resource], others: list[Resource]) -> str:
    lines = [f"{title}: {total / 1024:.1f} KB over the wire (production-equivalent)"]
    lines += [r.line() for r in sorted(counted, key=lambda r: -r.wire)]
    if others:
        lines.append("  not counted (content images, media):")
        lines += [r.line() for r in others]
    return "\n".join(lines)


@pytest.fixture
def fresh_page(chromium, site_url):
    """A new browser context (empty cache), without request routing (which would switch the cache off)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    foreign = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(("data:", "blob:", "about:"))
            or (urlsplit(request.url).hostname or "") in LOCAL_HOSTS
            else foreign.append(request.url)
        ),
    )
    yield page, foreign
    context.close()


def test_first_and_repeat_visit_of_a_steckbrief_stay_within_the_budget(fresh_page, site_url, record_property):
    page, foreign = fresh_page
    log = WireLog(page)

    first, counted, others = _visit(page, log, site_url + STECKBRIEF)
    first_report = _report(f"first visit {STECKBRIEF}", first, counted, others)
    print(first_report)
    record_property("first_visit_bytes", first)
    assert {r.type for r in counted} >= {"Document", "Stylesheet", "Font"}, first_report
    assert all(r.status == 200 for r in counted), first_report
    assert first <= FIRST_VISIT_BUDGET, f"over {FIRST_VISIT_BUDGET / 1024:.0f} KB\n{first_report}"

    # Static files must be cacheable: the demo server sends `max-age=60, public` (WhiteNoise without hashed names);
    # production sends hashed names for a year (test_production.py).
    for resource in counted:
        if urlsplit(resource.url).path.startswith("/static/"):
            assert "max-age=" in resource.cache_control and "no-store" not in resource.cache_control, (
                f"{resource.url} is not cacheable: {resource.cache_control!r}"
            )

    repeat, counted, others = _visit(page, log, site_url + OTHER_STECKBRIEF)
    repeat_report = _report(f"repeat visit {OTHER_STECKBRIEF}", repeat, counted, others)
    print(repeat_report)
    record_property("repeat_visit_bytes", repeat)
    downloaded_again = [r.url for r in counted if r.type in {"Stylesheet", "Font", "Script"} and not r.cached]
    assert downloaded_again == [], f"CSS, fonts or scripts downloaded again:\n{repeat_report}"
    assert repeat <= REPEAT_VISIT_BUDGET, f"over {REPEAT_VISIT_BUDGET / 1024:.0f} KB\n{repeat_report}"
    assert foreign == [], f"requests to other hosts: {foreign}"
