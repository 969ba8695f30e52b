"""A quick before/after of the anonymous page cache (core/page_cache.py), in one process with Django's test client.

Builds a throwaway SQLite database with the demo content, then asks a few pages N times as an anonymous visitor:
"cold" with the page cache switched off (every request renders), "warm" with it on (after one request to fill it),
and "304" (a conditional request with the page's ETag). Prints requests per second and SQL queries per request; the
ratio warm/cold is what to compare between runs (absolute numbers depend on the machine and its load). This is not
the benchmark of record (``make bench`` runs gunicorn behind a load generator).

    .venv/bin/python scripts/page_cache_quick_bench.py [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

PAGES = [
    ("steckbrief", "/stadtlabore/bad-krozingen/hitzeschutz-kurort-kuehle-orte/"),
    ("catalogue", "/steckbriefe/"),
    ("city", "/stadtlabore/ulm/"),
    ("news", "/neuigkeiten/quartiersspaziergang-bruchsal/"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="iq-pc-bench-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.test",
            "VAR_DIR": str(tmp),
            "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(tmp / "media"),
            "ALLOWED_HOSTS": "testserver",
        }
    )
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    client = Client()

    def run(path: str, **extra) -> tuple[float, float, int]:
        client.get(path, **extra)  # fill (or warm the process)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            for _ in range(args.requests):
                response = client.get(path, **extra)
            elapsed = time.perf_counter() - start
        return args.requests / elapsed, len(queries.captured_queries) / args.requests, response.status_code

    print(f"{'page':12s} {'cold req/s':>11s} {'q/req':>6s} {'warm req/s':>11s} {'q/req':>6s} {'304 req/s':>10s} ratio")
    for name, path in PAGES:
        with override_settings(PAGE_CACHE_ENABLED=False):
            cold, cold_queries, status = run(path)
        if status != 200:
            raise SystemExit(f"{path}: status {status}")
        warm, warm_queries, status = run(path)
        etag = client.get(path)["ETag"]
        not_modified, _, status = run(path, HTTP_IF_NONE_MATCH=etag)
        if status != 304:
            raise SystemExit(f"{path}: conditional request answered {status}, not 304")
        print(
            f"{name:12s} {cold:11.1f} {cold_queries:6.1f} {warm:11.1f} {warm_queries:6.1f} {not_modified:10.1f} "
            f"{warm / cold:5.1f}x"
        )


if __name__ == "__main__":
    main()
