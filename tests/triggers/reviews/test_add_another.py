"""The review record's recommendations and actions grow with "Add another" on the server,
without JavaScript: one block to start with, as many as filled, remove, and every block kept."""

import pytest

from tests.triggers.reviews.test_review import case_url, later, schedule
from triggers.models import ReviewRecord
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(north):
    decide_threshold(north.case, "met", by=north.officer)
    schedule(north, north.case)
    north.case.refresh_from_db()
    return north.case


def shown(page: str, prefix: str) -> int:
    return page.count(f'data-add-another-item="{prefix}"')


def recommendation(n, text, agency):
    return {f"rec_{n}_agency": str(agency.pk), f"rec_{n}_text": text}


def action(n, text, agency, due=None):
    due = due or later()
    return {
        f"action_{n}_description": text,
        f"action_{n}_agency": str(agency.pk),
        f"action_{n}_due_0": str(due.day),
        f"action_{n}_due_1": str(due.month),
        f"action_{n}_due_2": str(due.year),
    }


ANSWERS = {"attendance": "Chair, council, police.", "findings": "Noise.", "confirm_missing": "on"}


def test_the_record_starts_with_one_recommendation_and_one_action(client, north, scheduled):
    client.force_login(north.officer)
    page = client.get(case_url(scheduled, "case_review_record")).content.decode()
    assert shown(page, "rec") == 1 and shown(page, "action") == 1
    assert "Add another recommendation" in page and "Add another action" in page


@pytest.mark.parametrize("prefix", ["rec", "action"])
def test_add_another_keeps_what_was_typed_without_errors(client, north, scheduled, prefix):
    client.force_login(north.officer)
    url = case_url(scheduled, "case_review_record")
    typed = {
        "findings": "Noise.",  # attendance left empty: still no error shown
        **recommendation(1, "Patrol at night.", north.police),
        **action(1, "Monitoring.", north.council),
    }
    response = client.post(url, {**typed, "add": prefix})
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" not in page
    assert shown(page, prefix) == 2
    assert shown(page, "action" if prefix == "rec" else "rec") == 1
    assert "Patrol at night." in page and "Monitoring." in page
    assert not ReviewRecord.objects.exists()


def test_remove_a_recommendation_and_an_action(client, north, scheduled):
    client.force_login(north.officer)
    url = case_url(scheduled, "case_review_record")
    typed = {
        **recommendation(1, "First rec.", north.police),
        **recommendation(2, "Second rec.", north.council),
        **action(1, "First action.", north.council),
        **action(2, "Second action.", north.police),
    }
    page = client.post(url, {**typed, "remove": "rec-1"}).content.decode()
    assert shown(page, "rec") == 1 and "First rec." not in page and "Second rec." in page
    assert 'name="rec_1_text"' in page and 'name="rec_2_text"' not in page
    page = client.post(url, {**typed, "remove": "action-2"}).content.decode()
    assert shown(page, "action") == 1 and "Second action." not in page
    assert "First action." in page


def test_recording_n_blocks_stores_n_recommendations_and_actions(client, north, scheduled):
    client.force_login(north.officer)
    url = case_url(scheduled, "case_review_record")
    typed = dict(ANSWERS)
    for n in range(1, 6):  # more than the old four recommendation slots
        typed |= recommendation(n, f"Recommendation {n}.", north.police)
    for n in range(1, 8):  # more than the old six action slots
        typed |= action(n, f"Action {n}.", north.council)
    response = client.post(url, typed)
    assert response.status_code == 302, response.content.decode()[:3000]
    review = ReviewRecord.objects.get()
    assert review.recommendations.count() == 5 and review.actions.count() == 7
    page = client.get(url).content.decode()  # changing the draft plan shows every block
    assert shown(page, "rec") == 5 and shown(page, "action") == 7
