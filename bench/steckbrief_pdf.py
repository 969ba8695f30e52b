"""Benchmark: one Steckbrief's PDF against its HTML page, measured in the same run; plus the query count.

Usage: .venv/bin/python bench/steckbrief_pdf.py [--runs 15]   (or: make bench-pdf)
Runs on a throwaway SQLite database with the demo content. Prints a Markdown table for docs/benchmarks.md.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="iq-bench-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.test",
            "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "VAR_DIR": str(tmp),
            "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        }
    )
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext

    from inklusive_quartiere.steckbriefe.models import SteckbriefPage
    from inklusive_quartiere.steckbriefe.pdf import build_pdf

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())

    page = SteckbriefPage.objects.get(slug="hitzeschutz-kurort-kuehle-orte")
    client = Client()
    request = RequestFactory().get(page.url)
    request.user = AnonymousUser()

    start = time.perf_counter()
    build_pdf(page, request)
    cold_pdf = time.perf_counter() - start

    html_times, pdf_times = [], []
    client.get(page.url)
    for _ in range(args.runs):
        start = time.perf_counter()
        assert client.get(page.url).status_code == 200
        html_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        build_pdf(page, request)
        pdf_times.append(time.perf_counter() - start)

    with CaptureQueriesContext(connection) as queries:
        client.get(page.url)

    html_median, pdf_median = statistics.median(html_times), statistics.median(pdf_times)
    print(f"| Steckbrief page (HTML), median of {args.runs} | {html_median * 1000:.1f} ms | 1.0 |")
    print(
        f"| Steckbrief PDF (WeasyPrint, warm), median of {args.runs} | {pdf_median * 1000:.1f} ms "
        f"| {pdf_median / html_median:.1f} |"
    )
    print(
        f"| Steckbrief PDF, first in a fresh process (fonts loaded) | {cold_pdf * 1000:.0f} ms "
        f"| {cold_pdf / html_median:.1f} |"
    )
    print(f"| SQL queries for the detail page | {len(queries.captured_queries)} | – |")
    print(f"PDF goal (<= 1 s warm): {'met' if pdf_median <= 1.0 else 'MISSED'}")


if __name__ == "__main__":
    main()
