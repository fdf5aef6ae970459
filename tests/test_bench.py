import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_bench_refuses_an_unknown_benchmark():
    with pytest.raises(CommandError, match="No benchmark called nonsense"):
        call_command("bench", "nonsense")


@pytest.mark.django_db
def test_figures_dashboard_benchmark_measures_and_leaves_nothing_behind():
    import io

    from figures.benchmarks import dashboard
    from triggers.models import Case

    before = Case.objects.count()
    results = dashboard(io.StringIO(), cases=60)
    assert results["cases"] == 60
    assert results["median_ms"] > 0 and results["queries"] > 0
    assert Case.objects.count() == before


@pytest.mark.django_db
def test_bench_drives_pages_under_production_host_settings(settings, monkeypatch):
    """`make bench` runs with the production defaults (no DEBUG, no allowed hosts, HTTPS
    redirect); a benchmark that opens a page through the test client must still reach it."""
    from django.test import Client

    from agencies.management.commands import bench

    settings.ALLOWED_HOSTS = []
    settings.SECURE_SSL_REDIRECT = True
    statuses = []
    monkeypatch.setattr(
        bench,
        "discover",
        lambda: {
            "page": lambda out: {"status": statuses.append(Client().get("/check/").status_code)}
        },
    )
    call_command("bench", "page", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert statuses == [200]


def test_engine_benchmark_assesses_varied_people_and_reads_their_reasons():
    from triggers.benchmarks import _engine_inputs, engine

    people = _engine_inputs(40)
    assert len({c.incident_date for complaints in people for c in complaints}) > 100
    results = engine(None, people=40)
    assert results["assessments"] == 40
    assert results["microseconds_each"] > 0
    assert "target 100,000" in results["per_second"]


# --- The measuring tool of issue #18 (bench/) -----------------------------------------------


@pytest.mark.django_db
def test_bench_builds_a_spread_of_cases_with_what_every_page_reads():
    import io

    from appeals.models import Appeal
    from bench.build import build, built
    from bench.people import signed_in_sessions
    from triggers.models import (
        Case,
        CaseEvent,
        Complaint,
        InformationRequest,
        ReviewMeeting,
        ThresholdDecision,
    )
    from triggers.workflow import OPEN_STATUSES

    assert not built(100)
    result = build(100, out=io.StringIO())
    assert result["cases"] == 100 and built(100)
    by_area = {}
    for slug, status in Case.objects.values_list("area__slug", "status"):
        by_area.setdefault(slug, []).append(status)
    assert sorted(by_area) == [f"bench-{n}" for n in range(5)]
    officers = by_area["bench-0"]
    open_there = sum(status in OPEN_STATUSES for status in officers)
    assert len(officers) == 20 and 8 <= open_there <= 12  # about half of the officer's area
    assert Complaint.objects.count() == 300
    assert CaseEvent.objects.count() > 200
    assert ThresholdDecision.objects.exists() and ReviewMeeting.objects.exists()
    assert InformationRequest.objects.filter(status="requested").exists()
    assert Appeal.objects.exists()
    assert set(signed_in_sessions()) == {"officer", "admin", "pcc"}


@pytest.mark.django_db
def test_bench_counts_every_query_of_a_request_in_a_header(rf):
    from django.db import connection
    from django.http import HttpResponse

    from bench.middleware import HEADER, QueryCountMiddleware

    def two_queries(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        return HttpResponse("ok")

    response = QueryCountMiddleware(two_queries)(rf.get("/"))
    assert response[HEADER] == "2"


def test_bench_settings_add_the_bare_view_only_there():
    from django.urls import NoReverseMatch, reverse

    for name in ("bench_bare", "bench_signed_in"):
        with pytest.raises(NoReverseMatch):
            reverse(name)  # never routed in production
    from django.test.utils import override_settings

    with override_settings(ROOT_URLCONF="bench.urls"):
        assert reverse("bench_bare") == "/bench/bare/"
        assert reverse("bench_signed_in") == "/bench/signed-in/"


def test_bench_prints_each_figure_beside_its_goal():
    import io

    from bench import goals
    from bench.load import Measured
    from bench.run import report_line

    bare = Measured(1.0, 2.0, 0, 1000.0, 200, "threads")
    out = io.StringIO()
    fast = report_line(
        "case list", Measured(8.0, 20.0, 9, 600.0, 200, "threads"), bare, goals.LIST, out
    )
    slow = report_line(
        "dashboard", Measured(80.0, 90.0, 22, 10.0, 200, "threads"), bare, goals.DASHBOARD, out
    )
    refused = report_line(
        "api", Measured(1.0, 2.0, 1, 900.0, 429, "threads"), bare, goals.ELIGIBILITY_API, out
    )
    lines = out.getvalue().splitlines()
    assert fast["met"] and fast["ratio"] == 0.6
    assert "goal: p95 ≤ 50 ms, queries ≤ 12, ratio ≥ 0.5  PASS" in lines[0]
    assert not slow["met"] and lines[1].endswith("goal: p95 ≤ 50 ms, queries ≤ 12  FAIL")
    assert not refused["met"]  # an error answer never passes, however fast


def _postgres_server():
    import os

    from bench.run import DEFAULT_SERVER

    server = os.environ.get("BENCH_DATABASE_URL", DEFAULT_SERVER)
    try:
        import psycopg2

        psycopg2.connect(server.rstrip("/") + "/postgres", connect_timeout=2).close()
    except Exception:
        return None
    return server


def test_bench_run_prints_every_page_and_goal_at_a_small_size(tmp_path):
    """The whole tool, end to end at 50 cases: its own database, gunicorn, the client."""
    import io
    import json

    server = _postgres_server()
    if server is None:
        pytest.skip("No PostgreSQL server to build the bench database on.")
    from bench.run import main, pages

    out = io.StringIO()
    rows = main(
        [
            "--sizes=50",
            f"--server={server}",
            "--requests=5",
            "--seconds=0.5",
            "--threads=2",
            "--messages=10",
            "--engine-people=200",
            f"--json={tmp_path / 'bench.json'}",
        ],
        out=out,
    )
    text = out.getvalue()
    names = [name for name, _, _ in pages({"officer": "", "admin": "", "pcc": ""})]
    for name in names:
        line = next(line for line in text.splitlines() if line.startswith(name))
        assert " 200 " in line and "p50" in line and "p95" in line and "queries" in line
    # every page but the two bare views, and the engine and the outbox
    assert text.count("goal:") == len(names) - 2 + 2
    assert "eligibility engine" in text and "outbox (local SMTP)" in text
    page_rows = [row for row in rows if row.get("cases") == 50]
    assert [row["page"] for row in page_rows] == names
    assert all(row["status"] == 200 and row["queries"] >= 0 for row in page_rows)
    assert next(row for row in page_rows if row["page"] == "bare view")["queries"] == 0
    # Signed in: the session, the user, their second factor, their areas, the audit row.
    signed_in = next(row for row in page_rows if row["page"] == "bare view, signed in")
    assert signed_in["queries"] == 5 and "ratio_signed_in" not in signed_in
    staff_pages = [row for row in page_rows if row["page"].startswith(("case list", "PCC", "area"))]
    assert staff_pages and all(row["ratio_signed_in"] > 0 for row in staff_pages)
    public = next(row for row in page_rows if row["page"] == "public eligibility API")
    assert "ratio_signed_in" not in public
    assert json.loads((tmp_path / "bench.json").read_text()) == rows
