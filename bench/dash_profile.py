"""Where the dashboards' time goes (issue #18): not part of the suite, nor of `make bench`.

Requests the PCC dashboard and the area dashboard (as the area's admin) N times through the
full middleware stack (Django's test Client, signed in with a second factor as the bench's
sessions are), on a database built by `python -m bench.build 100000`, and prints per page:
ms/request (median and p95 of unprofiled requests), queries/request, Python function calls per
request under cProfile, and the costliest functions by cumulative time. `--html DIR` writes
each page's HTML (CSRF tokens and CSP nonces blanked) to compare before and after a change.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/asb_dashsteps \\
    REDIS_URL=redis://127.0.0.1:6379/13 SECRET_KEY=… DEBUG=false ALLOWED_HOSTS=testserver \\
    .venv/bin/python -m bench.dash_profile --requests 200 [--html var/before] [--top 30]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

PAGES = (("pcc", "PCC dashboard"), ("admin", "area dashboard"))
URL = "/figures/dashboard/"
# The year form unbound, a year chosen, and a year not offered (the form's error).
VARIANTS = {"": {}, "-2025": {"year": "2025"}, "-bad": {"year": "1999"}}
HIDDEN = (
    re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'),
    re.compile(r'nonce="[^"]*"'),
)


def _client(session_key: str):
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="10.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return client


def _get(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, secure=True)
    if response.status_code != 200:
        raise SystemExit(f"{URL} answered {response.status_code}")
    return response, captured.captured_queries


def measure(client, requests: int, top: int, sort: str, out) -> dict:
    for _ in range(5):  # warm: templates, translations, the remembered sums
        response, queries = _get(client)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        _get(client)
        timings.append((time.perf_counter() - started) * 1000)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(requests):
        _get(client)
    profile.disable()
    stats = pstats.Stats(profile, stream=io.StringIO())
    calls = stats.total_calls / requests
    buffer = io.StringIO()
    pstats.Stats(profile, stream=buffer).sort_stats(sort).print_stats(top)
    out.write(buffer.getvalue())
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "queries": len(queries),
        "slowest": sorted(queries, key=lambda q: -float(q["time"]))[:3],
        "calls": round(calls),
        "html": response.content.decode(),
    }


def main(argv=None) -> None:
    import django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--html", help="write each page's HTML into this folder")
    parser.add_argument("--queries", action="store_true", help="print the slowest queries")
    parser.add_argument("--sort", default="cumulative", help="pstats order: cumulative, tottime")
    args = parser.parse_args(argv)
    django.setup()
    from .people import signed_in_sessions

    sessions = signed_in_sessions()
    results = {}
    for role, name in PAGES:
        sys.stdout.write(f"== {name}\n")
        results[name] = measure(
            _client(sessions[role]), args.requests, args.top, args.sort, sys.stdout
        )
        if args.html:
            folder = Path(args.html)
            folder.mkdir(parents=True, exist_ok=True)
            client = _client(sessions[role])
            for variant, query in VARIANTS.items():
                html = client.get(URL, query, secure=True).content.decode()
                for pattern in HIDDEN:
                    html = pattern.sub(pattern.pattern.split("[")[0] + '"', html)
                (folder / f"{role}{variant}.html").write_text(html)
    for name, got in results.items():
        sys.stdout.write(
            f"{name}: median {got['median_ms']} ms, p95 {got['p95_ms']} ms, "
            f"{got['queries']} queries, {got['calls']} calls/request\n"
        )
        if args.queries:
            for query in got["slowest"]:
                sys.stdout.write(f"  {query['time']} s  {query['sql'][:300]}\n")


if __name__ == "__main__":
    main()
