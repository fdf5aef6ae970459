"""The public 'Check if you can ask' page: the same engine, plain answers, bad input safe."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def date_fields(prefix, day):
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


def incidents(*ages, hate=()):
    today = timezone.localdate()
    data = {}
    for n, age in enumerate(ages, start=1):
        incident = today - timedelta(days=age)
        data |= date_fields(f"incident_{n}", incident)
        data |= date_fields(f"reported_{n}", incident + timedelta(days=1))
        if n in hate:
            data[f"hate_{n}"] = "on"
    return data


def test_three_recent_reports_meet_the_threshold(client, north):
    page = client.post(reverse("check"), {"area": north.area.slug, **incidents(60, 30, 5)})
    text = page.content.decode()
    assert "You can ask for a case review" in text
    assert text.count("Counts: reported") == 3


def test_old_report_is_explained_and_apply_is_still_offered(client, north):
    text = client.post(
        reverse("check"), {"area": north.area.slug, **incidents(400, 5)}
    ).content.decode()
    assert "may not be enough on their own" in text
    assert "more than six months" in text
    assert reverse("apply:start") in text


def test_one_hate_incident_meets_the_threshold_where_the_area_says_so(client, north):
    text = client.post(
        reverse("check"), {"area": north.area.slug, **incidents(10, hate=(1,))}
    ).content.decode()
    assert "You can ask for a case review" in text and "hate incident" in text


@pytest.mark.parametrize(
    "bad",
    [
        {"area": "nowhere"},
        {"incident_1_0": "31", "incident_1_1": "2", "incident_1_2": "2026"},
        {"incident_1_0": "x" * 500},
        {"reported_1_0": "1", "reported_1_1": "1", "reported_1_2": "3000"},
    ],
)
def test_bad_input_gets_the_error_summary_not_a_500(client, north, bad):
    response = client.post(reverse("check"), {"area": north.area.slug, **bad})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_report_before_incident_is_an_error(client, north):
    today = timezone.localdate()
    data = {
        "area": north.area.slug,
        **date_fields("incident_1", today - timedelta(days=3)),
        **date_fields("reported_1", today - timedelta(days=5)),
    }
    text = client.post(reverse("check"), data).content.decode()
    assert "must be the same as or after the date it happened" in text
