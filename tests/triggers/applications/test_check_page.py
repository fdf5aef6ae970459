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
        data |= date_fields(f"incident_{n}_happened", incident)
        data |= date_fields(f"incident_{n}_reported", incident + timedelta(days=1))
        if n in hate:
            data[f"incident_{n}_hate"] = "on"
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
        {
            "incident_1_happened_0": "31",
            "incident_1_happened_1": "2",
            "incident_1_happened_2": "2026",
        },
        {"incident_1_happened_0": "x" * 500},
        {
            "incident_1_reported_0": "1",
            "incident_1_reported_1": "1",
            "incident_1_reported_2": "3000",
        },
        {"incident_60_happened_0": "1"},
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
        **date_fields("incident_1_happened", today - timedelta(days=3)),
        **date_fields("incident_1_reported", today - timedelta(days=5)),
    }
    text = client.post(reverse("check"), data).content.decode()
    assert "must be the same as or after the date it happened" in text


# Add another (issue #17): one incident to start with, more on the server without JavaScript.


def blocks_on(text: str) -> int:
    return text.count('data-add-another-item="incident"')


def test_the_page_starts_with_one_incident_and_an_add_another_button(client):
    text = client.get(reverse("check")).content.decode()
    assert blocks_on(text) == 1
    assert 'name="add" value="incident"' in text and "Add another incident" in text


def test_add_another_keeps_what_was_typed_and_judges_nothing(client, north):
    data = {"area": north.area.slug, **incidents(30), "add": "incident"}
    text = client.post(reverse("check"), data).content.decode()
    assert blocks_on(text) == 2
    assert "govuk-error-summary" not in text and "govuk-panel" not in text
    day = timezone.localdate() - timedelta(days=30)
    assert f'name="incident_1_happened_0" value="{day.day}"' in text
    assert 'name="incident_2_happened_0"' in text


def test_remove_moves_the_later_incidents_up(client, north):
    data = {"area": north.area.slug, **incidents(90, 60, 30), "remove": "incident-1"}
    text = client.post(reverse("check"), data).content.decode()
    assert blocks_on(text) == 2 and "govuk-error-summary" not in text
    sixty = timezone.localdate() - timedelta(days=60)
    assert f'name="incident_1_happened_0" value="{sixty.day}"' in text
    assert 'name="incident_3_happened_0"' not in text


def test_more_incidents_than_the_old_five_slots_are_all_counted(client, north):
    text = client.post(
        reverse("check"), {"area": north.area.slug, **incidents(70, 60, 50, 40, 30, 20, 10)}
    ).content.decode()
    assert "You can ask for a case review" in text
    assert text.count("Counts: reported") == 7


def test_an_error_in_one_incident_keeps_every_block(client, north):
    data = {"area": north.area.slug, **incidents(60, 30, 5)}
    data.pop("incident_2_reported_0")
    text = client.post(reverse("check"), data).content.decode()
    assert "govuk-error-summary" in text and blocks_on(text) == 3
    assert 'href="#id_incident_2_reported_0"' in text or 'href="#id_incident_2_reported"' in text


def test_a_forged_remove_button_is_harmless(client, north):
    data = {"area": north.area.slug, **incidents(30), "remove": "incident-x"}
    response = client.post(reverse("check"), data)
    assert response.status_code == 200 and blocks_on(response.content.decode()) == 1
