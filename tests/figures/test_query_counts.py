"""The dashboards and figures pages cost the same few queries with one case or many (issue #18).

Everything the request does is counted: the session, the user, the roles, the summary rows,
the publications. The history (events, decisions, records) is never read by these pages.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ForceAreaFactory

from .builders import (
    acknowledge,
    apply,
    clock,
    decide,
    figures_side,
    hold_review,
    return_information,
    schedule,
    send_outcome,
)

pytestmark = pytest.mark.django_db

MOST = 12
HISTORY_TABLES = ("triggers_caseevent", "triggers_thresholddecision", "triggers_reviewrecord")


def _reviewed(side, day: str, name: str):
    case = apply(side, f"2026-05-{day}", name=name, email=f"{name.split()[-1]}@example.com")
    acknowledge(side, case, f"2026-05-{day}T15:00")
    decide(side, case, f"2026-05-{int(day) + 1:02d}")
    return_information(side, case, f"2026-05-{int(day) + 2:02d}")
    schedule(side, case, f"2026-05-{int(day) + 2:02d}T16:00", f"2026-06-{day}T10:00")
    hold_review(side, case, f"2026-06-{day}T15:00", recommendations=True)
    send_outcome(side, case, f"2026-06-{int(day) + 3:02d}")


def _more_cases(east, west):
    for n, day in enumerate(("05", "06", "07")):
        case = apply(east, f"2026-05-{day}", name=f"East {n}", email=f"e{n}@example.com")
        decide(east, case, f"2026-05-{day}T16:00", "not_met")
    _reviewed(east, "11", "Reviewed East")
    _reviewed(west, "12", "Reviewed West")


def _pages(east):
    slug = east.area.slug
    return {
        "officer's dashboard": (east.officer, reverse("figures:dashboard"), {}),
        "admin's dashboard": (east.admin, reverse("figures:dashboard"), {}),
        "PCC dashboard": (east.pcc_officer, reverse("figures:dashboard"), {}),
        "PCC dashboard, last year": (
            east.pcc_officer,
            reverse("figures:dashboard"),
            {"year": "2025"},
        ),
        "return (CSV)": (east.pcc_officer, reverse("figures:return_csv"), {"year": "2026"}),
        "return (JSON)": (east.pcc_officer, reverse("figures:return_json"), {}),
        "publish page": (east.admin, reverse("figures:publish", args=[slug]), {}),
        "public figures": (None, reverse("figures:area", args=[slug]), {}),
        "public CSV": (None, reverse("figures:area_csv", args=[slug]), {}),
        "public JSON": (None, reverse("figures:area_json", args=[slug]), {}),
    }


def _measure(client, pages) -> dict:
    counts = {}
    with clock("2026-08-01"):
        for name, (user, url, query) in pages.items():
            client.logout()
            if user is not None:
                client.force_login(user)
            client.get(url, query)  # the first request of a session saves it
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url, query).status_code == 200, name
            sql = " ".join(q["sql"] for q in captured.captured_queries)
            for table in HISTORY_TABLES:
                assert table not in sql, (name, table)
            counts[name] = len(captured.captured_queries)
    return counts


def test_dashboards_and_figures_pages_do_not_grow_with_the_cases(client):
    force = ForceAreaFactory(slug="shared-force", name="Shared Force")
    east, west = figures_side("east", force), figures_side("west", force)
    apply(east, "2026-05-04")
    few = _measure(client, _pages(east))
    _more_cases(east, west)
    many = _measure(client, _pages(east))
    assert many == few
    assert max(many.values()) <= MOST, many
