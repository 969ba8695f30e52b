"""Benchmark: the catalogue (filters + German full text + facet counts) at 10 000 and 100 000 Steckbriefe.

    .venv/bin/python bench/catalogue.py [--sizes 10000 100000] [--databases sqlite postgres] [--rounds 5]

Each (database, size) runs in a fresh child process on a throwaway database: migrate, demo content,
then N synthetic Steckbriefe (bench/synthetic.py) written in bulk, 20 % of them members-only. A fixed mix
of catalogue requests is answered twice in the same run:
- "engine": GET /steckbriefe/?… through Django's test client (full HTML response), as an anonymous visitor;
- "baseline": the same filters with the ORM, the text with Wagtail's database search backend, and one
  aggregate query per facet for the counts (what the catalogue would do without its engine).
Latencies are wall-clock per request; p50/p95 over all rounds. Prints a Markdown table.

    .venv/bin/python bench/catalogue.py --publication [--sizes 10000 50000] [--databases sqlite] [--rounds 5]

measures instead what publishing costs until the page is searchable in a running worker: the index write
(``index_page`` + ``record_change``), the incremental apply (``get_engine`` after the token moved), the first search
for a word of the page (it merges that word's pending postings), against the baseline of a full rebuild of the
engine in the same run; and the memory one engine takes (RSS growth of the process while building one more).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MIX = [
    {},
    {"q": "Quartier"},
    {"q": "Nachbarschaftstreff"},
    {"q": "Seniorinnen Begegnung"},
    {"kategorie": "inklusion"},
    {"kategorie": ["inklusion", "digitalisierung"], "kosten": "lt5k"},
    {"q": "Gemeinschaftsgarten", "groesse": "10k-50k"},
    {"status": "permanent", "sortierung": "titel"},
    {"q": "Mitfahrbnak"},
    {"zielgruppe": "aeltere-menschen", "bezirk": "stuttgart", "seite": "3"},
    {"q": "Strassenfest"},
    {"stolpersteine": "ja", "dauer": "long", "sortierung": "geprueft"},
]


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


# -- child: one database, one size ------------------------------------------------------------------------
def child(database: str, size: int, rounds: int, keep: str = "", publication: bool = False) -> dict:
    """One measurement; with ``keep`` (a PostgreSQL database name, or a SQLite file path) that database is reused
    when it exists, and kept."""
    tmp = Path(tempfile.mkdtemp(prefix="iq-bench-"))
    reuse = False
    if database == "sqlite":
        path = Path(keep) if keep else tmp / "bench.sqlite3"
        reuse = bool(keep) and path.exists()
        url = f"sqlite:///{path}"
    else:
        import psycopg

        name = keep or f"iq_bench_{size}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            reuse = bool(conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone())
            if not reuse:
                conn.execute(f'CREATE DATABASE "{name}"')
        url = f"postgres://postgres@127.0.0.1:5432/{name}"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.test",
            "DATABASE_URL": url,
            "VAR_DIR": str(tmp),
            "ALLOWED_HOSTS": "testserver,localhost",
            # Persistent connections, as in production (a new PostgreSQL connection per request costs ~5 ms).
            "DATABASE_CONN_MAX_AGE": "60",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    if not reuse:
        call_command("migrate", verbosity=0)
        call_command("load_demo", stdout=StringIO())
        started = time.perf_counter()
        populate(size, wagtail_index=not publication)
        if database == "postgres":  # fresh statistics after the bulk load, as autovacuum would make them
            from django.db import connection

            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    populate_seconds = time.perf_counter() - started
    try:
        measured = measure_publication(rounds) if publication else measure(rounds)
        return {"database": database, "size": size, "populate_s": round(populate_seconds, 1), **measured}
    finally:
        if database == "postgres" and not keep:
            from django.db import connections

            connections.close_all()
            import psycopg

            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def populate(size: int, wagtail_index: bool = True) -> None:
    """Write N Steckbriefe straight into the tables (Wagtail's page API would take hours at this size)."""
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Locale, Page, PageViewRestriction

    from bench.synthetic import generate
    from inklusive_quartiere.catalogue.models import SearchDocument
    from inklusive_quartiere.cities.models import CityPage
    from inklusive_quartiere.core.content_token import ContentToken
    from inklusive_quartiere.search.analyzer import document_terms
    from inklusive_quartiere.steckbriefe.models import SteckbriefPage
    from inklusive_quartiere.taxonomy.models import Category, FundingProgramme, TargetGroup

    cities = {c.title: c for c in CityPage.objects.all()}
    next_child = {c.pk: c.numchild for c in cities.values()}
    categories = {c.name: c.pk for c in Category.objects.all()}
    groups = {t.name: t.pk for t in TargetGroup.objects.all()}
    funding = {}
    for name in [
        "Quartier 2030 – Gemeinsam.Gestalten.",
        "Förderprogramm Quartiersimpulse",
        "Städtebauförderung (Sozialer Zusammenhalt)",
        "Europäischer Sozialfonds (ESF Plus)",
        "Stiftungsmittel",
        "Eigenmittel der Kommune",
    ]:
        from inklusive_quartiere.core.text import german_slug

        funding[name] = FundingProgramme.objects.get_or_create(name=name, defaults={"slug": german_slug(name)})[0].pk
    content_type = ContentType.objects.get_for_model(SteckbriefPage)
    locale = Locale.get_default()
    members = Group.objects.get(name="Netzwerk")
    fields = list(SteckbriefPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Table and column names come from the model, not from input.
    insert_sql = f"INSERT INTO {SteckbriefPage._meta.db_table} ({columns}) VALUES ({placeholders})"  # noqa: S608

    def flush(batch):  # closes over everything prepared above
        now = datetime.datetime.now(datetime.UTC)
        pages = []
        for item in batch:
            city = cities[item["city"]]
            next_child[city.pk] += 1
            path = city.path + _encode(next_child[city.pk])
            published = datetime.datetime.combine(item["start_date"], datetime.time(12), tzinfo=datetime.UTC)
            pages.append(
                Page(
                    title=item["title"],
                    draft_title=item["title"],
                    slug=item["slug"],
                    path=path,
                    depth=city.depth + 1,
                    numchild=0,
                    url_path=f"{city.url_path}{item['slug']}/",
                    live=True,
                    has_unpublished_changes=False,
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=now,
                    show_in_menus=False,
                )
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            rows = []
            for page, item in zip(pages, batch, strict=True):
                values = {
                    "page_ptr_id": page.pk,
                    "summary": item["summary"],
                    "status": item["status"],
                    "start_date": item["start_date"],
                    "end_date": item["end_date"],
                    "cost_band": item["cost_band"],
                    "staff_effort": item["staff_effort"],
                    "duration": item["duration"],
                    "partners": "",
                    "description": "".join(f"<p>{p}</p>" for p in item["description"].split("\n\n")),
                    "aims": f"<p>{item['aims']}</p>",
                    "success_factors": f"<p>{item['success_factors']}</p>",
                    "stumbling_blocks": f"<p>{item['stumbling_blocks']}</p>" if item["stumbling_blocks"] else "",
                    "transferability": f"<p>{item['transferability']}</p>",
                    "results": f"<p>{item['results']}</p>",
                    "steps": json.dumps([{"type": "step", "value": s, "id": str(uuid.uuid4())} for s in item["steps"]]),
                    "gallery": "[]",
                    "downloads": "[]",
                    "contact_id": None,
                    "last_reviewed": item["last_reviewed"],
                    "licence": "cc-by-4.0",
                    "is_example": True,
                    # the lead image (issue 16): none
                    "lead_image_id": None,
                    "lead_image_alt": "",
                    "lead_image_decorative": False,
                    "lead_image_credit": "",
                }
                rows.append(
                    [
                        f.get_db_prep_save(values[f.attname], connection)
                        if f.attname not in ("steps", "gallery", "downloads")
                        else values[f.attname]
                        for f in fields
                    ]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert_sql, rows)
            through = SteckbriefPage.categories.through
            through.objects.bulk_create(
                [
                    through(steckbriefpage_id=p.pk, category_id=categories[c])
                    for p, item in zip(pages, batch, strict=True)
                    for c in item["categories"]
                ]
            )
            through = SteckbriefPage.target_groups.through
            through.objects.bulk_create(
                [
                    through(steckbriefpage_id=p.pk, targetgroup_id=groups[g])
                    for p, item in zip(pages, batch, strict=True)
                    for g in item["target_groups"]
                ]
            )
            through = SteckbriefPage.funding_programmes.through
            through.objects.bulk_create(
                [
                    through(steckbriefpage_id=p.pk, fundingprogramme_id=funding[f])
                    for p, item in zip(pages, batch, strict=True)
                    for f in item["funding_programmes"]
                ]
            )
            documents = []
            for page, item in zip(pages, batch, strict=True):
                body = " ".join(
                    [
                        item["description"],
                        item["aims"],
                        item["success_factors"],
                        item["stumbling_blocks"],
                        item["transferability"],
                        item["results"],
                        *[f"{s['title']}. {s['text']}" for s in item["steps"]],
                        item["city"],
                        *item["categories"],
                        *item["target_groups"],
                    ]
                )
                documents.append(
                    SearchDocument(
                        page_id=page.pk,
                        kind="steckbriefpage",
                        title_terms=" ".join(document_terms(item["title"])),
                        summary_terms=" ".join(document_terms(item["summary"])),
                        body_terms=" ".join(document_terms(body)),
                    )
                )
            SearchDocument.objects.bulk_create(documents)
            restrictions = [
                PageViewRestriction(page_id=p.pk, restriction_type="groups")
                for p, item in zip(pages, batch, strict=True)
                if item["members_only"]
            ]
            PageViewRestriction.objects.bulk_create(restrictions)
            through = PageViewRestriction.groups.through
            through.objects.bulk_create(
                [through(pageviewrestriction_id=r.pk, group_id=members.pk) for r in restrictions]
            )

    batch = []
    for item in generate(size, seed=7):
        batch.append(item)
        if len(batch) == 2000:
            flush(batch)
            batch = []
    if batch:
        flush(batch)
    for city in cities.values():
        Page.objects.filter(pk=city.pk).update(numchild=next_child[city.pk])
    ContentToken.bump()
    if not wagtail_index:
        return
    # The baseline needs Wagtail's own search index of the same pages.
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    ids = list(SteckbriefPage.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 2000):
        backend.add_bulk(SteckbriefPage, list(SteckbriefPage.objects.filter(pk__in=ids[start : start + 2000])))


ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _encode(number: int) -> str:
    """Treebeard's path step (base 36, four characters)."""
    out = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        out = ALPHABET[digit] + out
    return out


BASELINE_LIMIT_S = 30.0


def _with_deadline(function, seconds: float) -> float:
    """Run function; return its duration, or ``seconds`` if the database had to abort it at the deadline."""
    from django.db import OperationalError, connection
    from django.db.utils import DatabaseError

    connection.ensure_connection()
    start = time.perf_counter()
    if connection.vendor == "sqlite":
        deadline = start + seconds
        connection.connection.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
    try:
        function()
        return time.perf_counter() - start
    except (OperationalError, DatabaseError):
        return seconds
    finally:
        if connection.vendor == "sqlite":
            connection.connection.set_progress_handler(None, 0)
        else:
            connection.rollback() if connection.in_atomic_block else None
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")


def measure(rounds: int) -> dict:
    from django.test import Client

    from inklusive_quartiere.catalogue.engine import get_engine

    started = time.perf_counter()
    engine = get_engine()
    build_seconds = time.perf_counter() - started
    client = Client()
    engine_times, baseline_times = [], []
    for params in MIX:  # warm-up round, not measured
        client.get("/steckbriefe/", params)
    for _round in range(rounds):
        for params in MIX:
            start = time.perf_counter()
            response = client.get("/steckbriefe/", params)
            engine_times.append(time.perf_counter() - start)
            assert response.status_code == 200, (params, response.status_code)
    # The baseline afterwards, in the same process and on the same data: its multi-second queries would
    # otherwise evict the database's and the CPU's caches between the engine's requests. One round is enough.
    for params in MIX:
        baseline_times.append(_with_deadline(lambda p=params: baseline(p), BASELINE_LIMIT_S))
    return {
        "documents": engine.n,
        "engine_build_s": round(build_seconds, 2),
        "engine_p50_ms": round(statistics.median(engine_times) * 1000, 1),
        "engine_p95_ms": round(percentile(engine_times, 95) * 1000, 1),
        "baseline_p50_ms": round(statistics.median(baseline_times) * 1000, 1),
        "baseline_p95_ms": round(percentile(baseline_times, 95) * 1000, 1),
        "baseline_timeouts": sum(1 for t in baseline_times if t >= BASELINE_LIMIT_S),
    }


def _state(model) -> tuple[str, tuple[int, int]]:
    token, version, structure = model.state()
    return token, (version, structure)


def measure_publication(rounds: int) -> dict:
    """Publish-to-searchable in a running worker: incremental apply vs. a full rebuild (see the module docstring)."""
    import gc
    import tracemalloc

    import numpy as np
    from django.db import transaction

    from inklusive_quartiere.catalogue.engine import STECKBRIEF, Engine, get_engine
    from inklusive_quartiere.catalogue.incremental import record_change
    from inklusive_quartiere.catalogue.indexing import index_page
    from inklusive_quartiere.core.content_token import ContentToken
    from inklusive_quartiere.search.analyzer import analyze_query
    from inklusive_quartiere.steckbriefe.models import SteckbriefPage

    engine = get_engine()
    full_times, full_cpu = [], []
    for _round in range(rounds):
        token, version, structure = ContentToken.state()
        start, cpu = time.perf_counter(), time.process_time()
        Engine(token, (version, structure))
        full_times.append(time.perf_counter() - start)
        full_cpu.append(time.process_time() - cpu)
    # Memory: what one engine keeps (tracemalloc sees NumPy's buffers too), and the peak while building it.
    gc.collect()
    tracemalloc.start()
    kept = Engine(*_state(ContentToken))
    engine_bytes, peak_bytes = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    step = max(1, SteckbriefPage.objects.count() // rounds)
    pages = list(SteckbriefPage.objects.live().order_by("pk")[::step][:rounds])
    write_times, apply_times, apply_cpu, query_times, later_query_times = [], [], [], [], []
    for number, page in enumerate(pages):
        word = "Messwort" + "abcdefghijklmnopqrstuvwxyz"[number % 26] * (1 + number // 26)
        page.title = f"{page.title} {word}"
        start = time.perf_counter()
        with transaction.atomic():
            index_page(page)
            record_change(page.pk)
        write_times.append(time.perf_counter() - start)
        start, cpu = time.perf_counter(), time.process_time()
        engine = get_engine()
        apply_times.append(time.perf_counter() - start)
        apply_cpu.append(time.process_time() - cpu)
        assert engine.full_builds == 1, "the publication was not applied incrementally"
        words = analyze_query(f"{word} Quartier")
        everyone = engine.alive  # the superuser's view: members-only pages count as well
        start = time.perf_counter()
        result = engine.search(None, words, {}, "relevanz", kinds=[STECKBRIEF], visible=everyone)
        query_times.append(time.perf_counter() - start)
        assert int(engine.page_ids[result.order[0]]) == page.pk
        start = time.perf_counter()
        engine.search(None, words, {}, "relevanz", kinds=[STECKBRIEF], visible=everyone)
        later_query_times.append(time.perf_counter() - start)
    full = statistics.median(full_times)
    apply = statistics.median(apply_times)
    return {
        "documents": int(np.count_nonzero(engine.alive)),
        "full_rebuild_ms": round(full * 1000, 1),
        "index_write_ms": round(statistics.median(write_times) * 1000, 1),
        "apply_ms": round(apply * 1000, 1),
        "first_query_ms": round(statistics.median(query_times) * 1000, 1),
        "later_query_ms": round(statistics.median(later_query_times) * 1000, 1),
        "ratio": round(full / apply, 1) if apply else None,
        "full_rebuild_cpu_ms": round(statistics.median(full_cpu) * 1000, 1),
        "apply_cpu_ms": round(statistics.median(apply_cpu) * 1000, 1),
        "engine_mb": round(engine_bytes / 2**20, 1),
        "build_peak_mb": round(peak_bytes / 2**20, 1),
    }


def baseline(params: dict) -> None:
    """The same request answered with the ORM and Wagtail's database search backend."""
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Count

    from inklusive_quartiere.core.visibility import visible_pages
    from inklusive_quartiere.steckbriefe.models import SteckbriefPage

    as_list = {k: (v if isinstance(v, list) else [v]) for k, v in params.items()}
    filters = {
        "kategorie": "categories__slug__in",
        "zielgruppe": "target_groups__slug__in",
        "status": "status__in",
        "kosten": "cost_band__in",
        "dauer": "duration__in",
    }
    qs = SteckbriefPage.objects.live()
    if "q" in as_list:
        # Wagtail's backend cannot filter by the visibility rule or by many-to-many fields, so it searches
        # first; its best 1 000 hits are then filtered and counted with the ORM.
        hits = qs.search(as_list["q"][0], operator="and")[:1000]
        qs = SteckbriefPage.objects.filter(pk__in=[page.pk for page in hits])
    qs = visible_pages(AnonymousUser(), qs)
    for param, lookup in filters.items():
        if param in as_list:
            qs = qs.filter(**{lookup: as_list[param]})
    if "stolpersteine" in as_list:
        qs = qs.exclude(stumbling_blocks="")
    for field in (
        "status",
        "cost_band",
        "staff_effort",
        "duration",
        "categories__slug",
        "target_groups__slug",
        "funding_programmes__slug",
    ):
        list(qs.values(field).annotate(n=Count("pk", distinct=True)))
    list(qs.order_by("-first_published_at")[:20].values_list("pk", "title"))


def _stopped(result: dict) -> str:
    count = result.get("baseline_timeouts", 0)
    return f" ({count} stopped at {BASELINE_LIMIT_S:.0f} s)" if count else ""


# -- parent ------------------------------------------------------------------------------------------------
def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", nargs=2, metavar=("DATABASE", "SIZE"))
    parser.add_argument(
        "--keep",
        default="",
        metavar="NAME",
        help="use (or create and fill) this PostgreSQL database / SQLite file and keep it (profiling); one size only",
    )
    parser.add_argument("--publication", action="store_true", help="measure publish-to-searchable instead")
    args = parser.parse_args()
    if args.child:
        result = child(args.child[0], int(args.child[1]), args.rounds, args.keep, args.publication)
        print("RESULT " + json.dumps(result))
        return
    if args.publication:
        publication_table(args)
        return
    print(
        "| database | Steckbriefe | engine p50 | engine p95 | baseline p50 | baseline p95 | p95 ratio | "
        "engine build | data load |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for database in args.databases:
        for size in args.sizes:
            output = subprocess.run(
                [sys.executable, __file__, "--child", database, str(size), "--rounds", str(args.rounds)]
                + (["--keep", args.keep] if args.keep else []),
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=False,
            )
            line = next((row for row in output.stdout.splitlines() if row.startswith("RESULT ")), None)
            if line is None:
                print(f"| {database} | {size} | failed: {output.stderr.strip().splitlines()[-1:]} |")
                continue
            r = json.loads(line[len("RESULT ") :])
            ratio = r["baseline_p95_ms"] / r["engine_p95_ms"] if r["engine_p95_ms"] else float("nan")
            print(
                f"| {database} | {r['documents']:,} | {r['engine_p50_ms']} ms | {r['engine_p95_ms']} ms | "
                f"{r['baseline_p50_ms']} ms | {r['baseline_p95_ms']} ms{_stopped(r)} | {ratio:.0f}× | "
                f"{r['engine_build_s']} s | {r['populate_s']} s |",
                flush=True,
            )


def publication_table(args) -> None:
    print(
        "| database | Steckbriefe | full rebuild (baseline), wall / CPU | incremental apply, wall / CPU | "
        "full / incremental | index write | "
        "first search after | later search | engine memory (build peak) | data load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for database in args.databases:
        for size in args.sizes:
            command = [sys.executable, __file__, "--child", database, str(size), "--rounds", str(args.rounds)]
            output = subprocess.run([*command, "--publication"], capture_output=True, text=True, cwd=ROOT, check=False)
            line = next((row for row in output.stdout.splitlines() if row.startswith("RESULT ")), None)
            if line is None:
                print(f"| {database} | {size} | failed: {output.stderr.strip().splitlines()[-1:]} |")
                continue
            r = json.loads(line[len("RESULT ") :])
            print(
                f"| {database} | {r['documents']:,} | {r['full_rebuild_ms']} / {r.get('full_rebuild_cpu_ms')} ms | "
                f"{r['apply_ms']} / {r.get('apply_cpu_ms')} ms | "
                f"{r['ratio']}× | {r['index_write_ms']} ms | {r['first_query_ms']} ms | {r['later_query_ms']} ms | "
                f"{r['engine_mb']} MB ({r['build_peak_mb']} MB) | {r['populate_s']} s |",
                flush=True,
            )


if __name__ == "__main__":
    main()
