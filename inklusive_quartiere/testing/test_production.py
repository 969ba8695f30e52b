"""The production path as an operator runs it (`make test-production`; docs/deployment.md, README).

The wheel is built from this checkout and installed without its dependencies into a throwaway directory that is
used instead of the source tree (PYTHONPATH; every command runs in a directory outside the checkout), so templates,
static sources, the built front end, locale files, migrations and data files must travel in the wheel. Then, with
``inklusive_quartiere.settings.production`` and a real environment — a fresh PostgreSQL database made here and
dropped afterwards, a Redis database of its own, SMTP pointing at a closed port (nothing may send mail),
SECURE_SSL_REDIRECT on, TRUSTED_PROXIES=127.0.0.1 — exactly the documented steps run:

    django-admin collectstatic --noinput
    django-admin migrate --noinput
    django-admin load_demo --allow-production        (here only: content to crawl; before set_site_url)
    django-admin set_site_url https://HOST
    django-admin check --deploy --fail-level WARNING
    gunicorn -c deploy/gunicorn.conf.py              (2 workers on 127.0.0.1:<free port>)

and the site is crawled the way nginx forwards requests (X-Forwarded-Proto: https, X-Forwarded-For): every page
type of ``pages.py`` as a visitor and as a signed-in member, every sitemap URL, the static files the pages use, a
media image, a video range, captions, a document, two PDFs, the editor's sign-in page and its static files,
/healthz, /readyz, the 404 page. Asserted: expected statuses and never a 5xx, the security headers, hashed static
names with far-future caching, nothing written into the installed package, and no traceback in gunicorn's output.

PostgreSQL is found as in the PostgreSQL pass (scripts/postgres_url.py), Redis at PRODUCTION_TEST_REDIS_URL
(default redis://127.0.0.1:6379/13, flushed before and after). Unreachable: skipped, or failed under CI=true.
"""

from __future__ import annotations

import http.client
import os
import posixpath
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import uuid
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from email.message import Message
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from xml.etree import ElementTree

import pytest

from .pages import PAGES
from .server import BASE_DIR, free_port

pytestmark = pytest.mark.production

HOST = "quartiere.example.org"
VISITOR_ADDRESS = "198.51.100.23"  # what nginx appends to X-Forwarded-For (a documentation address)
REDIS_URL = os.environ.get("PRODUCTION_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
BIN = Path(sys.executable).parent
MEMBER = "demo-mitglied"
ONE_YEAR = 365 * 24 * 60 * 60
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.[A-Za-z0-9]+$")
STEP_TIMEOUT = 300
# The source tree minus what is never part of a build (and what other tools keep there).
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "var",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
)


def _unavailable(message: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: {message}")
    pytest.skip(message)


@dataclass
class Answer:
    path: str
    status: int
    headers: Message
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


@dataclass
class ProductionSite:
    port: int
    tmp: Path
    site_packages: Path
    env: dict
    gunicorn_log: Path
    access_log: Path
    timings: dict = field(default_factory=dict)
    answers: list = field(default_factory=list)
    pages: dict = field(default_factory=dict)  # path -> Answer (HTML seen by the visitor)

    def request(self, path, *, method="GET", body=None, headers=None, cookies=None, https=True) -> Answer:
        sent = {"Host": HOST, "User-Agent": "iq-production-test", "X-Forwarded-For": VISITOR_ADDRESS}
        if https:
            sent["X-Forwarded-Proto"] = "https"
        if cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
        sent.update(headers or {})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        answer = Answer(path, response.status, response.headers, data, time.monotonic() - started)
        self.answers.append(answer)
        assert answer.status < 500, f"{method} {path} answered {answer.status}: {answer.text[:300]}"
        return answer

    def follow(self, path, **kwargs) -> Answer:
        """GET with redirects followed on this host (at most five), each hop checked for 5xx by request()."""
        for _ in range(6):
            answer = self.request(path, **kwargs)
            if answer.status not in (301, 302, 303, 307, 308):
                return answer
            location = urlsplit(answer.header("Location"))
            assert location.netloc in ("", HOST), f"{path} redirects to another host: {answer.header('Location')}"
            if location.scheme:
                assert location.scheme == "https", f"{path} redirects to {answer.header('Location')}"
            path = location.path + (f"?{location.query}" if location.query else "")
        raise AssertionError(f"too many redirects from {path}")


def _run(step: str, command: list, site_env: dict, cwd: Path, log_dir: Path, timings: dict) -> str:
    started = time.monotonic()
    result = subprocess.run(
        [str(part) for part in command],
        env=site_env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
    )
    timings[step] = time.monotonic() - started
    (log_dir / f"{step}.log").write_text(result.stdout + result.stderr)
    output = result.stdout[-3000:] + result.stderr[-3000:]
    assert result.returncode == 0, f"{step} failed ({result.returncode}):\n{output}"
    return result.stdout


def _postgres_database() -> tuple[str, str]:
    """(URL of the server as the PostgreSQL pass finds it, name of a fresh database to create)."""
    found = subprocess.run(
        [sys.executable, str(BASE_DIR / "scripts" / "postgres_url.py")], capture_output=True, text=True, timeout=30
    )
    if found.returncode != 0:
        _unavailable(found.stderr.strip() or "PostgreSQL is not reachable")
    return found.stdout.strip(), f"iq_production_{uuid.uuid4().hex[:10]}"


def _admin_connection(server_url: str):
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(server_url)
    params["dbname"] = "postgres"
    return psycopg.connect(make_conninfo(**params), autocommit=True, connect_timeout=10)


def _redis():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3, socket_timeout=10)
    try:
        client.ping()
    except redis.RedisError as exc:
        _unavailable(f"Redis is not reachable at {REDIS_URL} ({exc}); set PRODUCTION_TEST_REDIS_URL or start Redis")
    return client


def _package_files(root: Path) -> dict[str, tuple[int, int]]:
    """Every file of the installed package but compiled bytecode, with size and modification time."""
    files = {}
    for path in (root / "inklusive_quartiere").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            files[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return files


def _build_wheel(tmp: Path, timings: dict) -> Path:
    built = BASE_DIR / "inklusive_quartiere" / "built"
    missing = [p for p in ("static/css/main.css", "pdf-fonts/FiraSans-Regular.ttf") if not (built / p).exists()]
    assert not missing, f"the front end is not built ({missing}): run `make frontend` first"
    source, dist = tmp / "source", tmp / "dist"
    started = time.monotonic()
    # A clean copy: setuptools builds in ./build of the tree it is given, and stale files there would end up in the
    # wheel; the copy also keeps parallel runs apart.
    shutil.copytree(BASE_DIR, source, ignore=NOT_SOURCE)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(dist), str(source)],
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
        cwd=tmp,
    )
    (tmp / "wheel.log").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, f"pip wheel failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    timings["pip wheel"] = time.monotonic() - started
    (wheel,) = dist.glob("inklusive_quartiere-*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    timings = {}
    path = _build_wheel(tmp, timings)
    return path, timings


@pytest.fixture(scope="module")
def services():
    """PostgreSQL and Redis, asked before anything is built (skipped, or failed under CI=true, when unreachable)."""
    server_url, database = _postgres_database()
    return server_url, database, _redis()


@pytest.fixture(scope="module")
def site(tmp_path_factory, services, wheel):
    server_url, database, redis_client = services
    wheel_path, timings = wheel
    tmp = tmp_path_factory.mktemp("production")
    site_packages = tmp / "site-packages"
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site_packages), wheel_path],
        check=True,
        capture_output=True,
        timeout=STEP_TIMEOUT,
        cwd=tmp,
    )
    timings["pip install"] = time.monotonic() - started
    installed = _package_files(site_packages)

    from psycopg import sql

    with _admin_connection(server_url) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    redis_client.flushdb()
    site_env = {name: os.environ[name] for name in ("PATH", "LANG", "LC_ALL", "TZ") if name in os.environ}
    site_env.update(
        {
            "HOME": str(tmp),
            "PYTHONPATH": str(site_packages),
            "DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": HOST,
            "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
            "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
            "DATABASE_URL": urlsplit(server_url)._replace(path=f"/{database}").geturl(),
            "CACHE_URL": REDIS_URL,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(free_port()),  # nothing listens: a mail sent during the crawl would fail loudly
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            "VAR_DIR": str(tmp / "var"),
            "TRUSTED_PROXIES": "127.0.0.1",
        }
    )
    (tmp / "var").mkdir()
    logs = tmp / "logs"
    logs.mkdir()
    process = None
    try:
        where = subprocess.run(
            [sys.executable, "-c", "import inklusive_quartiere; print(inklusive_quartiere.__file__)"],
            env=site_env,
            cwd=tmp,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert Path(where).is_relative_to(site_packages), f"the checkout was imported, not the wheel: {where}"

        admin = BIN / "django-admin"
        _run("collectstatic", [admin, "collectstatic", "--noinput"], site_env, tmp, logs, timings)
        _run("migrate", [admin, "migrate", "--noinput"], site_env, tmp, logs, timings)
        # The demo content replaces the initial site record of `migrate`: set_site_url comes after it.
        _run("load_demo", [admin, "load_demo", "--allow-production"], site_env, tmp, logs, timings)
        _run("set_site_url", [admin, "set_site_url", f"https://{HOST}"], site_env, tmp, logs, timings)
        checked = _run(
            "check --deploy", [admin, "check", "--deploy", "--fail-level", "WARNING"], site_env, tmp, logs, timings
        )
        assert "System check identified no issues" in checked, checked

        port = free_port()
        gunicorn_log, access_log = logs / "gunicorn.log", logs / "access.log"
        started = time.monotonic()
        with gunicorn_log.open("w") as output:
            process = subprocess.Popen(
                [
                    str(BIN / "gunicorn"),
                    "--config",
                    str(BASE_DIR / "deploy" / "gunicorn.conf.py"),
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--access-logfile",
                    str(access_log),
                    "--error-logfile",
                    "-",
                ],
                env=site_env,
                cwd=tmp,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        production = ProductionSite(port, tmp, site_packages, site_env, gunicorn_log, access_log, timings)
        production.installed = installed
        _wait_until_ready(production, process)
        timings["gunicorn until /readyz"] = time.monotonic() - started
        production.crawl_started = time.monotonic()
        yield production
    finally:
        if process is not None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        redis_client.flushdb()
        with _admin_connection(server_url) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
        for bulky in ("static", "media", "site-packages"):
            shutil.rmtree(tmp / bulky, ignore_errors=True)


def _wait_until_ready(production: ProductionSite, process: subprocess.Popen, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = production.gunicorn_log.read_text()[-3000:]
            raise AssertionError(f"gunicorn exited ({process.returncode}):\n{output}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", production.port, timeout=5)
            connection.request("GET", "/readyz", headers={"Host": HOST})
            last = connection.getresponse().status
            connection.close()
            if last == 200:
                return
        except OSError as exc:
            last = exc
        time.sleep(0.3)
    raise AssertionError(f"/readyz did not answer 200 within {timeout}s (last: {last})")


def _assert_security_headers(answer: Answer):
    where = f"{answer.path} ({answer.status})"
    assert "default-src 'self'" in answer.header("Content-Security-Policy"), where
    assert answer.header("X-Content-Type-Options") == "nosniff", where
    assert answer.header("X-Frame-Options") == "DENY", where
    assert answer.header("Referrer-Policy") == "same-origin", where
    assert answer.header("Strict-Transport-Security").startswith("max-age=31536000"), where


def _is_html(answer: Answer) -> bool:
    return answer.header("Content-Type").startswith("text/html")


def _max_age(answer: Answer) -> int:
    found = re.search(r"max-age=(\d+)", answer.header("Cache-Control"))
    return int(found.group(1)) if found else 0


def _links(html: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(pattern, html)))


def _sign_in(site: ProductionSite, username: str, password: str) -> dict:
    cookies = {}

    def keep(answer):
        for line in answer.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(line)
            for name, morsel in cookie.items():
                assert morsel["secure"], f"cookie {name} without Secure"
                cookies[name] = morsel.value
        return answer

    form = keep(site.request("/anmelden/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    answer = keep(
        site.request(
            "/anmelden/",
            method="POST",
            body=urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOST}",
                "Referer": f"https://{HOST}/anmelden/",
            },
            cookies=cookies,
        )
    )
    assert answer.status == 302, f"sign-in failed ({answer.status}): {answer.text[:500]}"
    assert "sessionid" in cookies
    return cookies


def _demo_password(site: ProductionSite, username: str) -> str:
    for line in (site.tmp / "var" / "demo-zugaenge.txt").read_text().splitlines():
        if line.startswith(f"{username} Passwort: "):
            return line.split("Passwort: ", 1)[1].split()[0]
    raise KeyError(username)


def test_the_wheel_carries_every_file_of_the_package(wheel):
    wheel_path, _ = wheel
    names = set(zipfile.ZipFile(wheel_path).namelist())
    package = BASE_DIR / "inklusive_quartiere"
    missing = sorted(
        str(path.relative_to(BASE_DIR))
        for path in package.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and not path.name.startswith(".")
        and str(path.relative_to(BASE_DIR)) not in names
    )
    assert missing == [], f"not in the wheel (package-data in pyproject.toml): {missing}"
    for needed in (
        "inklusive_quartiere/built/static/css/main.css",
        "inklusive_quartiere/built/static/fonts/FiraSans-Regular.woff2",
        "inklusive_quartiere/built/pdf-fonts/FiraSans-Regular.ttf",
        "inklusive_quartiere/locale/de/LC_MESSAGES/django.mo",
        "inklusive_quartiere/templates/404.html",
        "inklusive_quartiere/core/migrations/0001_initial.py",
    ):
        assert needed in names


def test_every_page_type_as_a_visitor(site):
    for _name, path, expected in PAGES:
        answer = site.follow(path)
        assert answer.status == expected, f"{path}: {answer.status}, expected {expected}"
        assert _is_html(answer), path
        _assert_security_headers(answer)
        site.pages[path] = answer
    not_found = site.pages["/diese-seite-gibt-es-nicht/"]
    assert 'lang="de"' in not_found.text and "/static/css/main." in not_found.text  # the designed page


def test_every_page_in_the_sitemap(site):
    sitemap = site.request("/sitemap.xml")
    assert sitemap.status == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(sitemap.body)  # noqa: S314 - our own sitemap, from loopback
    locations = [node.text for node in root.findall("s:url/s:loc", namespace)]
    assert len(locations) > 50
    for location in locations:
        parts = urlsplit(location)
        assert (parts.scheme, parts.netloc) == ("https", HOST), f"sitemap link {location} (set_site_url)"
        if parts.path in site.pages:
            continue
        answer = site.request(parts.path)
        assert answer.status == 200, f"{location}: {answer.status}"
        _assert_security_headers(answer)
        site.pages[parts.path] = answer


def test_static_files_have_hashed_names_and_far_future_expiry(site):
    home = site.pages.get("/") or site.request("/")
    queue = _links(home.text, r'(?:href|src)="(/static/[^"?#]+)"')
    assert any(url.startswith("/static/css/main.") for url in queue), queue
    seen = set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        assert HASHED_NAME.search(url), f"{url} is not a hashed name"
        answer = site.request(url, headers={"Accept-Encoding": "gzip"})
        assert answer.status == 200, url
        assert _max_age(answer) >= ONE_YEAR and "public" in answer.header("Cache-Control"), (
            f"{url}: Cache-Control {answer.header('Cache-Control')!r}"
        )
        assert answer.header("X-Content-Type-Options") == "nosniff", url
        assert answer.header("Strict-Transport-Security"), url
        if url.endswith((".css", ".js")):
            assert answer.header("Content-Encoding") == "gzip", url
        if url.endswith(".css"):
            import gzip

            css = gzip.decompress(answer.body).decode()
            for reference in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
                if not reference.startswith(("data:", "#", "http:", "https:")):
                    queue.append(posixpath.normpath(posixpath.join(posixpath.dirname(url), reference.split("#")[0])))
    fonts = [url for url in seen if url.endswith(".woff2")]
    assert len(fonts) >= 2, seen
    site.static_files = len(seen)


def test_the_editor_sign_in_page_and_its_static_files(site):
    login = site.follow("/admin/")
    assert login.status == 200 and 'name="password"' in login.text, login.path
    assert login.header("X-Frame-Options") == "DENY" and login.header("Strict-Transport-Security")
    assert "no-store" in login.header("Cache-Control")
    assets = _links(login.text, r'(?:href|src)="(/static/[^"?#]+)')
    assert len(assets) >= 3, assets
    for url in assets:
        assert HASHED_NAME.search(url), f"{url} is not a hashed name"
        assert site.request(url).status == 200, url


def test_media_documents_and_the_pdf(site):
    for _name, path, _status in PAGES:
        if path not in site.pages:
            site.pages[path] = site.follow(path)
    html = "".join(answer.text for answer in site.pages.values())
    images = _links(html, r'src="(/media/images/[^"]+)"')
    documents = _links(html, r'href="(/documents/\d+/[^"]+)"')
    videos = _links(html, r'src="(/media/media/[^"]+\.mp4)"')
    captions = _links(html, r'src="(/media/films/captions/[^"]+)"')
    assert images and documents and videos and captions, (images[:1], documents[:1], videos[:1], captions[:1])

    image = site.request(images[0])
    assert image.status == 200 and image.header("Content-Type").startswith("image/"), images[0]
    assert image.header("X-Content-Type-Options") == "nosniff"
    document = site.follow(documents[0])
    assert document.status == 200 and document.body, documents[0]
    assert document.header("X-Content-Type-Options") == "nosniff"
    video = site.request(videos[0], headers={"Range": "bytes=0-1023"})
    assert video.status == 206 and len(video.body) == 1024, videos[0]
    caption = site.request(captions[0])
    assert caption.status == 200 and caption.text.startswith("WEBVTT"), captions[0]

    steckbrief = next(path for name, path, _ in PAGES if name == "steckbrief-full")
    pdf = site.request(steckbrief + "pdf/")
    assert pdf.status == 200 and pdf.header("Content-Type") == "application/pdf" and pdf.body.startswith(b"%PDF-")


def test_health_checks_answer_without_proxy_headers_and_are_never_cached(site):
    for https in (True, False):  # a load balancer asks gunicorn directly, without X-Forwarded-Proto
        health = site.request("/healthz", https=https)
        ready = site.request("/readyz", https=https)
        assert health.status == 200 and health.body == b'{"status": "ok"}'
        assert ready.status == 200, ready.text
        assert ready.text == '{"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}'
        for answer in (health, ready):
            assert "no-store" in answer.header("Cache-Control")
    # Everything else is sent to https.
    plain = site.request("/steckbriefe/", https=False)
    assert plain.status == 301 and plain.header("Location") == f"https://{HOST}/steckbriefe/"


def test_every_page_type_as_a_member_is_private(site):
    cookies = _sign_in(site, MEMBER, _demo_password(site, MEMBER))
    for _name, path, expected in PAGES:
        answer = site.follow(path, cookies=cookies)
        assert answer.status == expected, f"{path} as member: {answer.status}, expected {expected}"
        _assert_security_headers(answer)
        cache_control = answer.header("Cache-Control")
        assert "private" in cache_control and "no-store" in cache_control, f"{path}: {cache_control!r}"
    members_only = next(path for name, path, _ in PAGES if name == "steckbrief-members-only")
    assert site.request(members_only, cookies=cookies).status == 200
    assert site.request(members_only).status == 302  # the visitor is sent to sign in
    pdf = site.request(members_only + "pdf/", cookies=cookies)
    assert pdf.status == 200 and pdf.body.startswith(b"%PDF-")


def test_logs_hold_no_error_and_the_package_is_untouched(site):
    crawl_seconds = time.monotonic() - site.crawl_started
    log = site.gunicorn_log.read_text()
    for marker in ("Traceback", "Internal Server Error", "[ERROR]", "[CRITICAL]", "WORKER TIMEOUT"):
        assert marker not in log, f"{marker!r} in gunicorn's output:\n{log[-4000:]}"
    access = site.access_log.read_text().splitlines()
    server_errors = [line for line in access if re.search(r'" 5\d\d ', line)]
    assert server_errors == []
    assert not [line for line in access if "/healthz" in line or "/readyz" in line], "health checks in the access log"
    assert len(access) >= len(site.answers) - 10  # every request of the crawl is there (probes excepted)

    changed = {
        name: state for name, state in _package_files(site.site_packages).items() if site.installed.get(name) != state
    }
    assert changed == {}, f"the running site wrote into its installed package: {sorted(changed)}"

    statuses = Counter(answer.status for answer in site.answers)
    slowest = sorted(site.answers, key=lambda answer: answer.seconds, reverse=True)[:3]
    print(
        f"\nproduction path: {len(site.answers)} requests in {crawl_seconds:.1f} s "
        f"({len(site.pages)} pages, {getattr(site, 'static_files', 0)} static files), statuses "
        + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
    )
    print("slowest: " + ", ".join(f"{answer.path} {answer.seconds:.2f} s" for answer in slowest))
    print("steps: " + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in site.timings.items()))
