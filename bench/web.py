"""Benchmark: the site under gunicorn with the production settings, against nginx serving the same bytes.

    .venv/bin/python bench/web.py [--databases sqlite postgres] [--duration 10] [--rounds 3] [--p99-duration 25]
                                  [--size 10000] [--connections 16]

Per database, on this machine, in one run (a throwaway database with the demo content, a Redis server of its own
on a free port, ``collectstatic`` into a temporary directory):

- gunicorn twice, each with the production settings and 2 sync workers (``deploy/gunicorn.conf.py``): one with the
  anonymous page cache (``PAGE_CACHE_ENABLED=true``), one without (``false``); nginx serving one static file;
- ``wrk`` rounds, interleaved (every round measures every target once, so that a slower minute of this shared
  machine hits all of them alike; the median of the rounds is reported):
  (a) nginx serving the bytes of the Steckbrief page as a static file — the baseline;
  (b) the page cache warm, as an anonymous visitor: the Steckbrief page, the catalogue, the home page;
  (c) the Steckbrief page rendered on every request (page cache off);
  (d) the peer: a plain content page of this site (``/impressum/``: title, a few paragraphs, the chrome) rendered
      on every request — no other Wagtail site (bakerydemo) is available offline, so the peer is our own plainest
      page, which is *cheaper* than a Steckbrief: the ratio c/d says how close a Steckbrief gets to it;
- latency at 64 connections for ``--p99-duration`` seconds with the cache warm (Steckbrief, catalogue);
- SQL queries of one request per page type (``testing/pages.py``), as a visitor and as a member, page cache off,
  at 10 and at ``--size`` Steckbriefe (realistic copies, ``testing/bulk.py``).

Prints Markdown for docs/benchmarks.md. ``make bench`` runs it; it never runs in ``make test``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

STECKBRIEF = "/stadtlabore/bad-krozingen/hitzeschutz-kurort-kuehle-orte/"
CATALOGUE = "/steckbriefe/"
HOME = "/"
PEER = "/impressum/"
SMALL = 10
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


# -- processes -------------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
                if response.status < 500:
                    return
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def fetch(url: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url)  # noqa: S310 - 127.0.0.1 only
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Stack:
    """Everything one database's run starts, stopped in reverse order."""

    def __init__(self):
        self.processes: list[subprocess.Popen] = []

    def start(self, args, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(args, **kwargs)  # noqa: S603 - fixed programs, our own arguments
        self.processes.append(process)
        return process

    def close(self) -> None:
        for process in reversed(self.processes):
            stop(process)


# -- setting up ------------------------------------------------------------------------------------------------
def production_env(tmp: Path, database_url: str, redis_port: int) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "PAGE_CACHE"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "DATABASE_URL": database_url,
            "CACHE_URL": f"redis://127.0.0.1:{redis_port}/0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "ALLOW_CONSOLE_EMAIL": "true",  # nothing is mailed in this benchmark
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback, no nginx in front of gunicorn
            "SECURE_HSTS_SECONDS": "0",
            "VAR_DIR": str(tmp / "var"),
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def manage(env: dict, *args: str) -> None:
    result = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")


def create_database(database: str, tmp: Path) -> tuple[str, str]:
    """(DATABASE_URL, PostgreSQL database name or '')."""
    if database == "sqlite":
        return f"sqlite:///{tmp / 'bench.sqlite3'}", ""
    import psycopg

    name = f"iq_webbench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}", name


def drop_database(name: str) -> None:
    if not name:
        return
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_redis(stack: Stack, tmp: Path) -> int:
    port = free_port()
    stack.start(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return port
        time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


def start_gunicorn(stack: Stack, env: dict, tmp: Path, name: str, page_cache: bool) -> str:
    port = free_port()
    env = {
        **env,
        "PAGE_CACHE_ENABLED": "true" if page_cache else "false",
        "GUNICORN_ACCESS_LOG": str(tmp / f"gunicorn-{name}-access.log"),
        "GUNICORN_ERROR_LOG": str(tmp / f"gunicorn-{name}-error.log"),
    }
    config = ROOT / "deploy" / "gunicorn.conf.py"
    args = [GUNICORN, "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}"]
    args += ["-c", str(config)] if config.exists() else ["inklusive_quartiere.wsgi:application"]
    stack.start(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_for(url + PEER)
    return url


def start_nginx(stack: Stack, tmp: Path, body: bytes, content_type: str, upstream: str) -> tuple[str, str]:
    """nginx with two servers: the Steckbrief page's bytes as a static file, and a proxy to the page-cached gunicorn
    with the micro-cache of deploy/nginx.conf (the app's ``s-maxage`` decides what nginx keeps). Returns both URLs."""
    www = tmp / "www"
    www.mkdir()
    (www / "steckbrief.html").write_bytes(body)
    for path in (tmp, www):
        path.chmod(0o755)
    (www / "steckbrief.html").chmod(0o644)
    static_port, proxy_port = free_port(), free_port()
    nginx_dir = tmp / "nginx"
    nginx_dir.mkdir()
    config = nginx_dir / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""
    config.write_text(
        f"""{user}
worker_processes 2;
pid {nginx_dir}/nginx.pid;
error_log {nginx_dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {nginx_dir}/body;
    proxy_temp_path {nginx_dir}/proxy;
    fastcgi_temp_path {nginx_dir}/fastcgi;
    uwsgi_temp_path {nginx_dir}/uwsgi;
    scgi_temp_path {nginx_dir}/scgi;
    sendfile on;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{static_port};
        location = /steckbrief.html {{
            root {www};
            default_type "{content_type}";
        }}
    }}
    # As deploy/nginx.conf: the micro-cache for anonymous visitors, filled as the app's Cache-Control allows.
    proxy_cache_path {nginx_dir}/cache levels=1:2 keys_zone=iq_pages:10m max_size=100m inactive=10m use_temp_path=off;
    map "$cookie_sessionid$cookie_messages" $iq_skip_cache {{
        ""      0;
        default 1;
    }}
    server {{
        listen 127.0.0.1:{proxy_port};
        location / {{
            proxy_pass {upstream};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_cache iq_pages;
            proxy_cache_key "$scheme$host$request_uri";
            proxy_cache_methods GET HEAD;
            proxy_cache_bypass $iq_skip_cache;
            proxy_no_cache $iq_skip_cache;
            proxy_cache_lock on;
            proxy_cache_lock_timeout 5s;
            proxy_cache_revalidate on;
            proxy_cache_background_update on;
            proxy_cache_use_stale updating error timeout http_502 http_503 http_504;
            add_header X-Cache $upstream_cache_status always;
        }}
    }}
}}
"""
    )
    stack.start(["nginx", "-c", str(config), "-p", str(nginx_dir), "-g", "daemon off;"])
    static = f"http://127.0.0.1:{static_port}/steckbrief.html"
    wait_for(static)
    proxy = f"http://127.0.0.1:{proxy_port}"
    wait_for(proxy + PEER)
    return static, proxy


# -- measuring -------------------------------------------------------------------------------------------------
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([0-9.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(url: str, connections: int, seconds: int) -> dict:
    threads = min(2, connections)
    result = subprocess.run(  # noqa: S603
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    percentiles = {int(p): _ms(v) for p, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": rps,
        "p50_ms": percentiles.get(50),
        "p99_ms": percentiles.get(99),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "timeouts": int(errors.group(4)) if errors else 0,
    }


TARGETS = [
    # key, label, what its ratio is taken against
    ("a", "(a) nginx: the Steckbrief page's bytes as a static file", "a"),
    ("b_nginx_steckbrief", "(b) warm, through nginx's micro-cache (deploy/nginx.conf): Steckbrief", "a"),
    ("b_nginx_catalogue", "(b) warm, through nginx's micro-cache: catalogue `/steckbriefe/`", "a"),
    ("b_nginx_home", "(b) warm, through nginx's micro-cache: home page", "a"),
    ("b_steckbrief", "(b′) warm, the app's page cache alone (gunicorn, no nginx): Steckbrief", "a"),
    ("b_catalogue", "(b′) warm, the app's page cache alone: catalogue", "a"),
    ("b_home", "(b′) warm, the app's page cache alone: home page", "a"),
    ("c", "(c) Steckbrief rendered on every request (page cache off)", "d"),
    ("d", "(d) peer: plain content page `/impressum/` rendered on every request (page cache off)", "d"),
]


def measure_site(stack: Stack, env: dict, tmp: Path, args) -> dict:
    cached = start_gunicorn(stack, env, tmp, "cached", page_cache=True)
    uncached = start_gunicorn(stack, env, tmp, "uncached", page_cache=False)
    headers = {}
    for path in (STECKBRIEF, CATALOGUE, HOME, PEER):  # warm both servers (search engine, chrome, page cache)
        for _ in range(3):
            fetch(uncached + path)
            status, headers[path], body = fetch(cached + path)
            assert status == 200, (path, status)
    _status, steckbrief_headers, steckbrief = fetch(cached + STECKBRIEF)
    static, proxy = start_nginx(stack, tmp, steckbrief, steckbrief_headers.get("Content-Type", "text/html"), cached)
    nginx_state = {}
    for path in (STECKBRIEF, CATALOGUE, HOME):
        for _ in range(2):
            _status, nginx_headers, _body = fetch(proxy + path)
        nginx_state[path] = nginx_headers.get("X-Cache", "–")
    urls = {
        "a": static,
        "b_nginx_steckbrief": proxy + STECKBRIEF,
        "b_nginx_catalogue": proxy + CATALOGUE,
        "b_nginx_home": proxy + HOME,
        "b_steckbrief": cached + STECKBRIEF,
        "b_catalogue": cached + CATALOGUE,
        "b_home": cached + HOME,
        "c": uncached + STECKBRIEF,
        "d": uncached + PEER,
    }
    runs: dict[str, list[dict]] = {key: [] for key in urls}
    for _round in range(args.rounds):
        for key, url in urls.items():
            runs[key].append(wrk(url, args.connections, args.duration))
    tail = {
        "Steckbrief, through nginx": wrk(proxy + STECKBRIEF, 64, args.p99_duration),
        "catalogue, through nginx": wrk(proxy + CATALOGUE, 64, args.p99_duration),
        "Steckbrief, app's page cache alone": wrk(cached + STECKBRIEF, 64, args.p99_duration),
        "catalogue, app's page cache alone": wrk(cached + CATALOGUE, 64, args.p99_duration),
    }
    cache_state = {path: h.get("X-Page-Cache", "–") for path, h in headers.items()}
    return {
        "runs": runs,
        "tail": tail,
        "cache_state": cache_state,
        "nginx_state": nginx_state,
        "bytes": len(steckbrief),
    }


def count_queries_child(size: int) -> None:
    """In a child process with the benchmark's environment (page cache off): queries per page at 10 and at
    ``size`` Steckbriefe; prints JSON."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from inklusive_quartiere.steckbriefe.models import SteckbriefPage
    from inklusive_quartiere.testing.bulk import clone_steckbriefe, keep_steckbriefe
    from inklusive_quartiere.testing.pages import PAGES

    slugs = {path.strip("/").split("/")[-1] for name, path, _status in PAGES if name.startswith("steckbrief-")}
    keep_steckbriefe(SMALL, slugs)
    member = Client()
    member.force_login(User.objects.get(username="demo-mitglied"))
    clients = {"anonymous": Client(), "member": member}

    samples = {}

    def count_all():
        counts = {}
        for name, path, _status in PAGES:
            for persona, client in clients.items():
                client.get(path)
                with CaptureQueriesContext(connection) as ctx:
                    client.get(path)
                counts[f"{name}|{persona}"] = len(ctx.captured_queries)
                if name in ("home", "steckbrief-full"):
                    samples[f"{name}|{persona}"] = [q["sql"][:300] for q in ctx.captured_queries]
        return counts

    small = count_all()
    started = time.perf_counter()
    clone_steckbriefe(size - SMALL)
    clone_seconds = time.perf_counter() - started
    large_count = SteckbriefPage.objects.live().count()
    large = count_all()
    print(
        json.dumps(
            {"small": small, "large": large, "large_count": large_count, "clone_s": clone_seconds, "sql": samples}
        )
    )


def count_queries(env: dict, size: int) -> dict:
    result = subprocess.run(  # noqa: S603
        [PYTHON, __file__, "--count-queries", str(size)],
        cwd=ROOT,
        env={**env, "PAGE_CACHE_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"query count failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_database(database: str, args) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="iq-webbench-"))
    stack = Stack()
    pg_name = ""
    try:
        database_url, pg_name = create_database(database, tmp)
        redis_port = start_redis(stack, tmp)
        env = production_env(tmp, database_url, redis_port)
        started = time.perf_counter()
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", "--allow-production")
        manage(env, "collectstatic", "--noinput", "-v0")
        if database == "postgres":  # fresh statistics, as autovacuum would make them
            manage(env, "shell", "-c", "from django.db import connection; connection.cursor().execute('ANALYZE')")
        setup_seconds = time.perf_counter() - started
        measured_at = datetime.datetime.now().astimezone().isoformat(timespec="minutes")
        site = measure_site(stack, env, tmp, args)
        for process in stack.processes[1:]:  # gunicorn and nginx; Redis stays for the query count
            stop(process)
        queries = count_queries(env, args.size)
        return {"database": database, "measured_at": measured_at, "setup_s": setup_seconds, **site, "queries": queries}
    finally:
        stack.close()
        drop_database(pg_name)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}", file=sys.stderr)


# -- reporting -------------------------------------------------------------------------------------------------
def _median(runs, key):
    values = [run[key] for run in runs if run[key] is not None]
    return statistics.median(values) if values else None


def report(result: dict, args) -> str:
    runs = result["runs"]
    rps = {key: _median(r, "rps") for key, r in runs.items()}
    lines = [
        f"### {result['database']} — measured {result['measured_at']}",
        "",
        f"gunicorn 2 sync workers, production settings, Redis cache; wrk {args.connections} connections, "
        f"{args.duration} s × {args.rounds} interleaved rounds (median); Steckbrief page {result['bytes']:,} bytes. "
        f"App page cache after warm-up: {', '.join(f'`{p}` {s}' for p, s in result['cache_state'].items())}; "
        f"nginx: {', '.join(f'`{p}` {s}' for p, s in result['nginx_state'].items())}.",
        "",
        "| target | req/s | p50 | p99 | ratio | errors |",
        "|---|---|---|---|---|---|",
    ]
    for key, label, base in TARGETS:
        ratio = rps[key] / rps[base] if rps[base] else 0
        errors = sum(run["non_2xx"] + run["socket_errors"] for run in runs[key])
        ratio_text = "1" if base == key else f"{ratio:.2f} × {base}"
        lines.append(
            f"| {label} | {rps[key]:,.0f} | {_median(runs[key], 'p50_ms'):.1f} ms | "
            f"{_median(runs[key], 'p99_ms'):.1f} ms | {ratio_text} | {errors} |"
        )
    lines += [
        "",
        f"Latency at 64 connections, {args.p99_duration} s each, caches warm:",
        "",
        "| page | req/s | p50 | p99 | errors |",
        "|---|---|---|---|---|",
    ]
    for page, run in result["tail"].items():
        lines.append(
            f"| {page} | {run['rps']:,.0f} | {run['p50_ms']:.1f} ms | {run['p99_ms']:.1f} ms | "
            f"{run['non_2xx'] + run['socket_errors']} |"
        )
    nginx_worst = min(rps[k] for k in ("b_nginx_steckbrief", "b_nginx_catalogue", "b_nginx_home")) / rps["a"]
    app_worst = min(rps[k] for k in ("b_steckbrief", "b_catalogue", "b_home")) / rps["a"]
    worst_p99 = max(run["p99_ms"] for run in result["tail"].values())
    queries = result["queries"]
    steckbrief = max(
        count for key, count in queries["large"].items() if key.startswith("steckbrief-") and key.endswith("anonymous")
    )
    flat = queries["small"] == queries["large"]
    lines += [
        "",
        f"Goals: warm anonymous ≥ 0.25 × nginx-static — lowest of the three pages {nginx_worst:.2f} through nginx "
        f"({'met' if nginx_worst >= 0.25 else 'NOT met'}), {app_worst:.2f} from the app's page cache alone "
        f"({'met' if app_worst >= 0.25 else 'NOT met'}); p99 ≤ 500 ms at 64 connections — worst {worst_p99:.0f} ms "
        f"({'met' if worst_p99 <= 500 else 'NOT met'}); a visitor's Steckbrief ≤ 12 queries — at most {steckbrief} "
        f"({'met' if steckbrief <= 12 else 'NOT met'}); every count {'equal' if flat else 'NOT equal'} at {SMALL} "
        f"and {queries['large_count']:,} Steckbriefe.",
        "",
        f"SQL queries per request (page cache off; a member's include the session's BEGIN and COMMIT on SQLite), "
        f"at {SMALL} and at {queries['large_count']:,} Steckbriefe (copies made in {queries['clone_s']:.0f} s):",
        "",
        "| page | visitor | member |",
        "|---|---|---|",
    ]
    names = list(dict.fromkeys(key.split("|")[0] for key in queries["small"]))
    for name in names:
        cells = []
        for persona in ("anonymous", "member"):
            key = f"{name}|{persona}"
            small, large = queries["small"][key], queries["large"][key]
            cells.append(str(small) if small == large else f"{small} / **{large}**")
        lines.append(f"| {name} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", nargs="+", default=["sqlite"], choices=["sqlite", "postgres"])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--p99-duration", type=int, default=25)
    parser.add_argument("--size", type=int, default=10_000, help="Steckbriefe for the second query count")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs)")
    parser.add_argument("--json", help="also write the raw results to this file")
    parser.add_argument("--count-queries", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.count_queries:
        count_queries_child(args.count_queries)
        return
    missing = [tool for tool in ("wrk", "nginx", "redis-server") if shutil.which(tool) is None]
    if missing:
        sys.exit(f"Missing: {', '.join(missing)} (Debian: apt-get install wrk nginx redis-server)")
    results = []
    for database in args.databases:
        if database == "postgres":
            try:
                with socket.create_connection(("127.0.0.1", 5432), timeout=3):
                    pass
            except OSError:
                print("PostgreSQL is not reachable on 127.0.0.1:5432: skipped.", file=sys.stderr)
                continue
        print(f"== {database} ==", file=sys.stderr)
        result = run_database(database, args)
        results.append(result)
        print(report(result, args))
        print()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
