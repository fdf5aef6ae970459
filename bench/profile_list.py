"""Python calls and time per request of the case lists (issue #18), for finding what to cut.

Not part of the suite nor of `python -m bench`: a tool to run by hand, against a database the
bench builder filled (`python -m bench.build N`, DATABASE_URL set), with the bench's settings
(production's, DEBUG off). Each page is asked for through Django's test client, so through the
whole middleware stack, as the bench's officer signed in with a second factor:

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/asb_liststeps \
    SECRET_KEY=… DEBUG=false ALLOWED_HOSTS=testserver BEHIND_TLS_PROXY=true \
    python -m bench.profile_list --requests 50 [--top 30] [--save DIR]

For each page it prints the queries, the Python calls of one request (builtins excluded, from
cProfile) and the median and mean wall time of `--requests` requests, measured without the
profiler. `--save DIR` writes each page's HTML with the CSRF tokens and CSP nonces blanked, so
that two runs can be compared with `diff -r`.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

PAGES = (
    ("signed-in", "/bench/signed-in/"),  # the floor: sign-in, second factor, audit; no page
    ("default", "/cases/"),
    ("filtered", "/cases/?status=review_scheduled&officer=me"),
    ("sorted", "/cases/?sort=received&dir=desc"),
    ("page-50", "/cases/?page=50"),
    ("api", "/api/v1/cases/"),
)
PROXY = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_FOR": "192.0.2.10"}
VOLATILE = (
    re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'),
    re.compile(r'(nonce=")[^"]+'),
    re.compile(r"('nonce-)[^']+"),
)


def python_calls(stats: pstats.Stats) -> int:
    """Calls of Python functions (cProfile names builtins with the file '~')."""
    return sum(calls for (file, _, _), (_, calls, *_) in stats.stats.items() if file != "~")


# Parts of a request whose Python calls `--split` counts (each with what it calls; a query a
# template runs counts in both): (file name ending, function's qualified name).
PARTS = {
    "view": ("triggers/cases/views.py", "home"),
    "template": ("django/template/backends/django.py", "Template.render"),
    "context processor": ("agencies/context_processors.py", "portal"),
    "querysets": ("django/db/models/query.py", "QuerySet._fetch_all"),
    "stored counts": ("triggers/selectors.py", "status_counts_for"),
    "second factor": ("django_otp/middleware.py", "OTPMiddleware._verify_user_sync"),
    "user": ("django/contrib/auth/__init__.py", "get_user"),
    "reverse": ("django/urls/base.py", "reverse"),
}


def split(client, path: str) -> dict[str, int]:
    """Python calls made under each of PARTS in one request."""
    wanted = {qualname: (ending, name) for name, (ending, qualname) in PARTS.items()}
    counts = dict.fromkeys(PARTS, 0)
    active: list[tuple[object, str]] = []

    def tracer(frame, event, arg):
        if event == "call":
            for _, name in active:
                counts[name] += 1
            code = frame.f_code
            found = wanted.get(code.co_qualname)
            if found and code.co_filename.endswith(found[0]):
                counts[found[1]] += 1
                active.append((frame, found[1]))
        elif event == "return" and active and active[-1][0] is frame:
            active.pop()

    sys.setprofile(tracer)
    try:
        client.get(path, **PROXY)
    finally:
        sys.setprofile(None)
    return counts


def blanked(html: str) -> str:
    for pattern in VOLATILE:
        html = pattern.sub(r"\1-", html)
    return html


def measure(client, path: str, requests: int, top: int, out) -> dict:
    from .middleware import HEADER

    for _ in range(3):  # warm: templates loaded, URL resolvers and caches filled
        response = client.get(path, **PROXY)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(path, **PROXY)
    profiler.disable()
    stats = pstats.Stats(profiler)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path, **PROXY)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    result = {
        "queries": int(response[HEADER]),  # counted by bench.settings' middleware
        "calls": python_calls(stats),
        "median_ms": statistics.median(times),
        "mean_ms": statistics.fmean(times),
        "p95_ms": times[max(0, int(len(times) * 0.95) - 1)],
        "html": response.content.decode(),
    }
    if top:
        stats.sort_stats("cumulative").stream = out
        stats.print_stats(top)
    return result


def main(argv: list[str] | None = None, out=sys.stdout) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=0, help="print the top N by cumulative time")
    parser.add_argument("--save", type=Path, help="write each page's HTML (tokens blanked) here")
    parser.add_argument("--only", help="measure only the page of this name")
    parser.add_argument("--split", action="store_true", help="calls under each part (PARTS)")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.test import Client

    from .people import signed_in_sessions

    client = Client()
    client.cookies["sessionid"] = signed_in_sessions()["officer"]
    out.write(f"{'page':<10} {'queries':>7} {'calls':>7} {'median ms':>10} {'mean ms':>8}\n")
    for name, path in PAGES:
        if args.only and name != args.only:
            continue
        got = measure(client, path, args.requests, args.top, out)
        out.write(
            f"{name:<10} {got['queries']:>7} {got['calls']:>7} "
            f"{got['median_ms']:>10.1f} {got['mean_ms']:>8.1f}\n"
        )
        if args.split:
            parts = split(client, path)
            out.write("           " + ", ".join(f"{k} {v}" for k, v in parts.items()) + "\n")
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{name}.html").write_text(blanked(got["html"]))


if __name__ == "__main__":
    main()
