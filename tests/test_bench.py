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
