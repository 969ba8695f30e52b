"""Benchmark: search suggestions (GET /suche/vorschlaege/) at 10 000 Steckbriefe.

    .venv/bin/python bench/suggestions.py [--size 10000] [--seconds 60] [--keep /tmp/iq-bench-10000.sqlite3]

A fresh child process on a throwaway SQLite database: migrate, demo content, then N synthetic Steckbriefe written
in bulk (bench/catalogue.py's ``populate``, 20 % members-only). It reports
- the engine's build and the title index's build (once per content token),
- p50/p95 of a fixed mix of what visitors type, through Django's test client with the whole middleware stack
  (as an anonymous visitor and as a signed-in member), and of the view alone (RequestFactory),
until ``--seconds`` are used up (at least one round). Prints a Markdown table. Nothing leaves the process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MIX = [
    "na",
    "nach",
    "Nachbar",
    "Nachbarschaftstreff",
    "quartier",
    "Quartiersentw",
    "garten",
    "alt",
    "älter",
    "strasse",
    "begegn",
    "se",
    "mob",
    "digital sprech",
    "café",
    "zzzz",
]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def child(size: int, seconds: float, keep: str) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="iq-bench-suggest-"))
    path = Path(keep) if keep else tmp / "bench.sqlite3"
    reuse = bool(keep) and path.exists()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.test",
            "DATABASE_URL": f"sqlite:///{path}",
            "VAR_DIR": str(tmp),
            "ALLOWED_HOSTS": "testserver,localhost",
            "DATABASE_CONN_MAX_AGE": "60",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    if not reuse:
        import wagtail.search.backends

        from bench.catalogue import populate

        call_command("migrate", verbosity=0)
        call_command("load_demo", stdout=StringIO())

        class NoIndex:  # the suggestions do not use Wagtail's search index: skip building it
            def add_bulk(self, *args):
                pass

        wagtail.search.backends.get_search_backend = lambda *a, **k: NoIndex()
        populate(size)
    return measure(seconds)


def measure(seconds: float) -> dict:
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client, RequestFactory, override_settings

    from inklusive_quartiere.catalogue import suggestions, views
    from inklusive_quartiere.catalogue.engine import get_engine
    from inklusive_quartiere.testing.support.personas import make_member

    views.SUGGEST_LIMIT_PER_MINUTE = 10**9  # one client asks thousands of times here
    started = time.perf_counter()
    engine = get_engine()
    engine_s = time.perf_counter() - started
    started = time.perf_counter()
    index = suggestions.title_index(engine)
    index_s = time.perf_counter() - started

    anonymous = Client()
    member = Client()
    from django.contrib.auth.models import User

    member_user = User.objects.filter(username="bench-mitglied").first() or make_member("bench-mitglied")
    member.force_login(member_user)
    factory = RequestFactory()
    times: dict[str, list[float]] = {
        "anonymous": [],
        "member": [],
        "member_no_refresh": [],
        "view": [],
        "member_view": [],
    }
    sizes = []
    for q in MIX:  # warm-up
        anonymous.get("/suche/vorschlaege/", {"q": q})
        member.get("/suche/vorschlaege/", {"q": q})
    deadline = time.perf_counter() + seconds
    rounds = 0
    while rounds == 0 or time.perf_counter() < deadline:
        rounds += 1
        for q in MIX:
            for name, client in (("anonymous", anonymous), ("member", member)):
                start = time.perf_counter()
                response = client.get("/suche/vorschlaege/", {"q": q})
                times[name].append(time.perf_counter() - start)
                assert response.status_code == 200, (q, response.status_code)
                sizes.append(len(json.loads(response.content)["suggestions"]))
            # What the site-wide SESSION_SAVE_EVERY_REQUEST (a session write per signed-in request) costs here.
            with override_settings(SESSION_SAVE_EVERY_REQUEST=False):
                start = time.perf_counter()
                member.get("/suche/vorschlaege/", {"q": q})
                times["member_no_refresh"].append(time.perf_counter() - start)
            for name, user in (("view", AnonymousUser()), ("member_view", member_user)):
                request = factory.get("/suche/vorschlaege/", {"q": q})
                request.user = user
                start = time.perf_counter()
                views.search_suggestions(request)
                times[name].append(time.perf_counter() - start)
    result = {
        "steckbriefe": int(engine.is_steckbrief.sum()),
        "index_words": len(index.any_word.words),
        "engine_build_s": round(engine_s, 2),
        "index_build_s": round(index_s, 2),
        "rounds": rounds,
        "mean_suggestions": round(statistics.mean(sizes), 1),
    }
    for name, values in times.items():
        result[f"{name}_p50_ms"] = round(statistics.median(values) * 1000, 2)
        result[f"{name}_p95_ms"] = round(percentile(values, 95) * 1000, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=60.0, help="measuring time (after the set-up)")
    parser.add_argument("--keep", default="", help="reuse (or create and keep) this SQLite file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.size, args.seconds, args.keep)))  # noqa: T201
        return
    command = [sys.executable, __file__, "--child", "--size", str(args.size), "--seconds", str(args.seconds)]
    if args.keep:
        command += ["--keep", args.keep]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT).stdout  # noqa: S603
    r = json.loads(output.strip().splitlines()[-1])
    rows = [
        ("visitor, whole stack (test client)", "anonymous"),
        ("member, whole stack", "member"),
        ("member, whole stack, without the session write", "member_no_refresh"),
        ("visitor, view only (RequestFactory)", "view"),
        ("member, view only", "member_view"),
    ]
    lines = [
        f"{r['steckbriefe']} Steckbriefe, {r['index_words']} title words in the index; engine build "
        f"{r['engine_build_s']} s, title index build {r['index_build_s']} s; {r['rounds']} rounds of {len(MIX)} "
        f"queries, {r['mean_suggestions']} suggestions per answer on average.",
        "",
        "| request | p50 | p95 |",
        "|---|---|---|",
        *[f"| {label} | {r[key + '_p50_ms']} ms | {r[key + '_p95_ms']} ms |" for label, key in rows],
    ]
    print("\n".join(lines))  # noqa: T201


if __name__ == "__main__":
    main()
