"""A dashboard's added-up summary rows are remembered until the rows change (issue #18):
never a figure older than the last completed stage."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from figures import remembered
from figures.periods import financial_year
from figures.selectors import Stage, totals

from .builders import acknowledge, apply

pytestmark = pytest.mark.django_db

YEAR = financial_year(2026)


def summary_reads(captured) -> int:
    return sum('"figures_stagesummary"' in q["sql"] for q in captured.captured_queries)


def received(area) -> tuple[int, int]:
    """(applications received in the year, statements that read the summary rows)."""
    with CaptureQueriesContext(connection) as captured:
        found = totals([area.pk], YEAR, by_quarter=True)
    return found.count(area.pk, Stage.APPLICATIONS_RECEIVED), summary_reads(captured)


@pytest.fixture
def remembering(settings):
    settings.FIGURES_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_a_sum_is_read_once_then_remembered_until_a_stage_completes(north, remembering):
    apply(north, "2026-05-05")
    assert received(north.area) == (1, 1)
    assert received(north.area) == (1, 0)  # remembered: the rows are not read again
    case = apply(north, "2026-05-06")  # a stage completes: the area's sums are forgotten
    assert received(north.area) == (2, 1)
    acknowledge(north, case, "2026-05-07")
    assert received(north.area)[1] == 1


def test_a_rebuild_forgets_the_sums_of_the_areas_it_rewrote(north, remembering):
    apply(north, "2026-05-05")
    assert received(north.area) == (1, 1)
    call_command("rebuild_figures", "--area", north.area.slug, stdout=io.StringIO())
    assert received(north.area) == (1, 1)


def test_another_area_s_change_keeps_this_one_s_sum(north, south, remembering):
    apply(north, "2026-05-05")
    assert received(north.area) == (1, 1)
    apply(south, "2026-05-05")
    assert received(north.area) == (1, 0)


def test_a_sum_taken_while_rows_were_being_written_is_forgotten_at_the_commit(
    north, remembering, django_capture_on_commit_callbacks
):
    apply(north, "2026-05-05")
    with django_capture_on_commit_callbacks(execute=False) as at_commit:
        remembered.changed([north.area.pk])
    # A view in another transaction adds up the rows before the writer commits...
    assert received(north.area) == (1, 1)
    assert received(north.area)[1] == 0
    for forget in at_commit:  # ...and the commit forgets what it remembered.
        forget()
    assert received(north.area)[1] == 1


def test_without_a_shared_cache_nothing_is_remembered(north, settings):
    settings.FIGURES_CACHE_SECONDS = 0
    apply(north, "2026-05-05")
    assert received(north.area) == (1, 1)
    assert received(north.area) == (1, 1)
