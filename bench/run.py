"""Orchestrate one bench run: for each size, a database, its data, gunicorn, the pages.

Each size lives in its own database, `asb_bench_<size>` on the server BENCH_DATABASE_URL
names (default the local PostgreSQL), built once and kept: a rerun measures again without
building. Migrations run every time (a no-op when nothing changed). The portal is served by
gunicorn with two workers and the production settings (DEBUG off) behind what a TLS proxy
would add, plus bench.settings' bare view and query-count header.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import subprocess  # nosec B404 -- our own manage.py, build and gunicorn, fixed arguments
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import goals
from .load import Measured, Request, measure

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/"
BARE = "bare view"
# The same bare view for the signed-in officer: what sign-in, the second factor and the audit
# cost before a page reads anything (the floor under every staff page's ratio).
SIGNED_IN = "bare view, signed in"

ELIGIBILITY_BODY = json.dumps(
    {
        "area": "bench-0",
        "application_date": "2026-01-20",
        "complaints": [
            {
                "incident_date": f"2025-{month:02d}-03",
                "reported_date": f"2025-{month:02d}-04",
                "reported_to": "bench-police",
                "incident": f"noise-{month}",
            }
            for month in range(6, 12)
        ],
    }
).encode()


def pages(sessions: dict[str, str]) -> list[tuple[str, Request, goals.Goal | None]]:
    def as_(role: str) -> dict:
        return {"Cookie": f"sessionid={sessions[role]}"}

    officer = as_("officer")
    return [
        (BARE, Request("GET", "/bench/bare/"), None),
        (SIGNED_IN, Request("GET", "/bench/signed-in/", officer), None),
        ("case list (default)", Request("GET", "/cases/", officer), goals.LIST),
        (
            "case list (filtered)",
            Request("GET", "/cases/?status=review_scheduled&officer=me", officer),
            goals.LIST,
        ),
        (
            "case list (sorted)",
            Request("GET", "/cases/?sort=received&dir=desc", officer),
            goals.LIST,
        ),
        ("case list (page 50)", Request("GET", "/cases/?page=50", officer), goals.LIST),
        ("case list API", Request("GET", "/api/v1/cases/", officer), goals.LIST),
        ("PCC dashboard", Request("GET", "/figures/dashboard/", as_("pcc")), goals.DASHBOARD),
        ("area dashboard", Request("GET", "/figures/dashboard/", as_("admin")), goals.DASHBOARD),
        (
            "public eligibility API",
            Request(
                "POST",
                "/api/v1/eligibility/",
                {"Content-Type": "application/json"},
                ELIGIBILITY_BODY,
            ),
            goals.ELIGIBILITY_API,
        ),
    ]


def database_url(size: int, server: str) -> str:
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path=f"/asb_bench_{size}"))


def ensure_database(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        admin.close()


def environment(url: str, args) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": url,
        "REDIS_URL": args.redis_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or f"bench-only-{secrets.token_hex(24)}",
        "DEBUG": "false",
        "ALLOWED_HOSTS": HOST,
        # As behind the production proxy: HTTPS is its header, the client its one address.
        "BEHIND_TLS_PROXY": "true",
        "TRUSTED_PROXY_COUNT": "1",
        # The throttle still counts every request (its cost is measured); it must not refuse.
        "ELIGIBILITY_RATE": "100000000/min",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_gunicorn(env: dict, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(  # noqa: S603  # nosec B603
        [
            PYTHON,
            "-m",
            "gunicorn",
            f"--workers={workers}",
            f"--bind={HOST}:{port}",
            "--log-level=warning",
            "config.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return server, port
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("gunicorn stopped before it served anything") from None
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start within a minute")


def run_size(size: int, args, out) -> list[dict]:
    url = database_url(size, args.server)
    ensure_database(url)
    env = environment(url, args)
    out.write(f"\n== {size:,} cases ({urlsplit(url).path.lstrip('/')}) ==\n")
    out.flush()
    subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    built = subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "-m", "bench.build", str(size)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    sessions = {}
    for line in built.stdout.splitlines():
        if line.startswith("SESSIONS "):
            sessions = json.loads(line.removeprefix("SESSIONS "))
        else:
            out.write(line + "\n")
    server, port = start_gunicorn(env, args.workers)
    rows = []
    try:
        measured: dict[str, Measured] = {}
        for name, request, goal in pages(sessions):
            try:
                got = measure(
                    HOST,
                    port,
                    request,
                    count=args.requests,
                    seconds=args.seconds,
                    threads=args.threads,
                )
            except OSError as error:  # a timeout or a refused connection: say so, go on
                out.write(f"{name:<24} no answer ({type(error).__name__}: {error})  FAIL\n")
                rows.append({"page": name, "status": 0, "error": str(error), "met": False})
                if name == BARE:
                    raise
                continue
            measured[name] = got
            # A signed-in page is also compared with the signed-in bare view: what it costs
            # beyond being signed in, second factor and audit included.
            floor = measured.get(SIGNED_IN) if "Cookie" in request.headers else None
            rows.append(report_line(name, got, measured[BARE], goal, out, floor))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def report_line(name: str, got: Measured, bare: Measured, goal, out, floor=None) -> dict:
    ratio = got.per_second / bare.per_second if bare.per_second else 0.0
    row = {
        "page": name,
        "status": got.status,
        "p50_ms": round(got.p50_ms, 1),
        "p95_ms": round(got.p95_ms, 1),
        "queries": got.queries,
        "most_queries": got.most_queries if got.most_queries is not None else got.queries,
        "per_second": round(got.per_second),
        "ratio": round(ratio, 2),
    }
    line = (
        f"{name:<24} {got.status:>3}  p50 {got.p50_ms:7.1f} ms  p95 {got.p95_ms:7.1f} ms  "
        f"queries {got.queries:>3}  {got.per_second:7.0f}/s  ratio {ratio:5.2f}"
    )
    if floor is not None and floor is not got and floor.per_second:
        row["ratio_signed_in"] = round(got.per_second / floor.per_second, 2)
        line += f" (signed in {row['ratio_signed_in']:.2f})"
    if got.most_queries is not None and got.most_queries != got.queries:
        line += f" (one request {got.most_queries}: a session refresh or a first read)"
    if goal is not None:
        met = got.status == 200 and goal.met(
            p95_ms=got.p95_ms,
            ratio=ratio if goal.ratio is not None else None,
            queries=got.queries if goal.queries is not None else None,
        )
        row["goal"], row["met"] = goal.text(), met
        line += f"  goal: {goal.text()}  {goals.verdict(met)}"
    out.write(line + "\n")
    out.flush()
    return row


def run_engine(args, out) -> dict:
    from triggers.benchmarks import engine

    result = engine(None, people=args.engine_people)
    rate = result["assessments"] / (result["microseconds_each"] * result["assessments"] / 1e6)
    met = goals.ENGINE.met(per_second=rate)
    out.write(
        f"\n{'eligibility engine':<24} {rate:,.0f} assessments/s "
        f"({result['microseconds_each']} µs each, six complaints)  "
        f"goal: {goals.ENGINE.text()}  {goals.verdict(met)}\n"
    )
    return {"page": "eligibility engine", "per_second": round(rate), "met": met}


def run_outbox(size: int, args, out) -> dict:
    url = database_url(size, args.server)
    result = subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "-m", "bench.outbox", str(args.messages)],
        cwd=ROOT,
        env=environment(url, args),
        check=True,
        capture_output=True,
        text=True,
    )
    found = [ln for ln in result.stdout.splitlines() if ln.startswith("RESULT ")]
    outbox = json.loads(found[-1].removeprefix("RESULT "))
    met = (
        goals.OUTBOX.met(ratio=outbox["ratio"])
        and outbox["lost"] == 0
        and outbox["doubled"] == 0
        and outbox["marked_sent"] == outbox["messages"]
    )
    out.write(
        f"{'outbox (local SMTP)':<24} {outbox['per_second']:,.0f} msg/s, bare SMTP "
        f"{outbox['bare_smtp_per_second']:,.0f} msg/s, ratio {outbox['ratio']:.2f}, "
        f"lost {outbox['lost']}, doubled {outbox['doubled']}  "
        f"goal: {goals.OUTBOX.text()}, none lost or doubled  {goals.verdict(met)}\n"
    )
    return {"page": "outbox", **outbox, "met": met}


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="cases per run, e.g. 1000,10000")
    parser.add_argument("--server", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_SERVER))
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=200, help="sequential, for p50/p95")
    parser.add_argument("--seconds", type=float, default=3.0, help="throughput per page")
    parser.add_argument("--threads", type=int, default=4, help="concurrent connections")
    parser.add_argument("--messages", type=int, default=500, help="outbox messages")
    parser.add_argument("--engine-people", type=int, default=10_000, help="engine assessments")
    parser.add_argument("--json", help="also write every figure to this file")
    return parser


def main(argv: list[str] | None = None, out=sys.stdout) -> list[dict]:
    args = parser().parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("SECRET_KEY", f"bench-only-{secrets.token_hex(24)}")
    import django

    django.setup()
    rows = []
    for size in sizes:
        rows.extend({"cases": size, **row} for row in run_size(size, args, out))
    rows.append(run_engine(args, out))
    rows.append(run_outbox(min(sizes), args, out))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))
    return rows
