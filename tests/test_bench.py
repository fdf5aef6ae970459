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
