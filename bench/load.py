"""A small load client: latency (one request after another) and throughput (several threads,
or `wrk` when it is installed), over plain HTTP to the gunicorn the bench started.

Latency is each request alone, so p50 and p95 are the page's own cost, not queueing behind
other requests; throughput is requests a second with the workers kept busy, and is only ever
read as a ratio against the bare view measured the same way in the same run.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import statistics
import subprocess  # nosec B404 -- runs wrk, a fixed program with our own arguments
import tempfile
import threading
import time
from dataclasses import dataclass, field

from .middleware import HEADER

# What the TLS proxy in front of gunicorn would add (BEHIND_TLS_PROXY, one trusted proxy).
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.10"}


@dataclass
class Request:
    method: str
    path: str
    headers: dict = field(default_factory=dict)
    body: bytes | None = None


@dataclass
class Measured:
    p50_ms: float
    p95_ms: float
    queries: int
    per_second: float
    status: int
    tool: str
    # The most a request of the page ran: above `queries` when, say, a session's once-a-minute
    # refresh fell among the requests measured.
    most_queries: int | None = None


def _once(host: str, port: int, request: Request) -> tuple[float, int, int]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=120)
    try:
        connection.request(
            request.method,
            request.path,
            body=request.body,
            headers={"Host": host, **PROXY_HEADERS, **request.headers},
        )
        response = connection.getresponse()
        response.read()
        queries = int(response.getheader(HEADER) or -1)
        status = response.status
    finally:
        connection.close()
    return time.perf_counter() - started, status, queries


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# A slow page stops early (after at least MIN_COUNT requests) rather than hold the run up.
MIN_COUNT = 20
LATENCY_SECONDS = 30.0


def latency(
    host: str, port: int, request: Request, count: int, budget: float = LATENCY_SECONDS
) -> tuple[list[float], int, int]:
    for _ in range(max(3, count // 20)):  # warm the worker's caches and connections
        _once(host, port, request)
    timings, statuses, queries = [], set(), []
    stop = time.perf_counter() + budget
    for n in range(count):
        if n >= MIN_COUNT and time.perf_counter() > stop:
            break
        seconds, status, counted = _once(host, port, request)
        timings.append(seconds)
        statuses.add(status)
        queries.append(counted)
    return timings, max(statuses), queries


def throughput_threads(
    host: str, port: int, request: Request, seconds: float, threads: int
) -> float:
    done = [0] * threads
    stop = time.perf_counter() + seconds

    def run(slot: int):
        while time.perf_counter() < stop:
            _once(host, port, request)
            done[slot] += 1

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(done) / (time.perf_counter() - started)


WRK_SCRIPT = """
wrk.method = %(method)s
wrk.body = %(body)s
%(headers)s
"""


def throughput_wrk(host: str, port: int, request: Request, seconds: float, threads: int) -> float:
    headers = {"Host": host, **PROXY_HEADERS, **request.headers}
    script = WRK_SCRIPT % {
        "method": json.dumps(request.method),
        "body": json.dumps(request.body.decode()) if request.body else "nil",
        "headers": "\n".join(
            f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()
        ),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script)
    try:
        result = subprocess.run(  # noqa: S603  # nosec B603
            [
                shutil.which("wrk"),
                f"-t{min(2, threads)}",
                f"-c{threads}",
                f"-d{max(1, round(seconds))}s",
                "-s",
                file.name,
                f"http://{host}:{port}{request.path}",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(file.name)
    for line in result.stdout.splitlines():
        if line.startswith("Requests/sec:"):
            return float(line.split()[1])
    raise RuntimeError(f"wrk printed no rate: {result.stdout}")


def measure(
    host: str,
    port: int,
    request: Request,
    *,
    count: int = 200,
    seconds: float = 3.0,
    threads: int = 4,
    use_wrk: bool | None = None,
) -> Measured:
    timings, status, queries = latency(host, port, request, count)
    if use_wrk is None:
        use_wrk = shutil.which("wrk") is not None
    rate = (throughput_wrk if use_wrk else throughput_threads)(
        host, port, request, seconds, threads
    )
    return Measured(
        p50_ms=statistics.median(timings) * 1000,
        p95_ms=percentile(timings, 0.95) * 1000,
        # What a request of the page usually runs (the most common count).
        queries=statistics.mode(queries),
        most_queries=max(queries),
        per_second=rate,
        status=status,
        tool="wrk" if use_wrk else "threads",
    )
