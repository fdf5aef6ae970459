"""What every request pays (issue #18): persistent connections, session writes only when
due, the audit row without a second look-up, and the public API's fixed costs."""

import json
import os
import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies import area_cache, session_activity
from audit.models import AccessRecord
from tests.factories import AreaFactory


def _settings_in_a_fresh_process(**environment) -> dict:
    """config.settings as production reads them from this environment."""
    env = {k: v for k, v in os.environ.items() if k not in ("CONN_MAX_AGE", "DATABASE_URL")}
    env.update(SECRET_KEY="x" * 50, DJANGO_SETTINGS_MODULE="config.settings", **environment)
    script = (
        "import json; from config import settings as s; print(json.dumps({"
        "'age': s.DATABASES['default']['CONN_MAX_AGE'],"
        "'checks': s.DATABASES['default']['CONN_HEALTH_CHECKS'],"
        "'every': s.SESSION_SAVE_EVERY_REQUEST, 'mw': s.MIDDLEWARE}))"
    )
    found = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(found.stdout)


def test_connections_persist_with_a_health_check_and_the_environment_can_say_otherwise():
    production = _settings_in_a_fresh_process()
    assert production["age"] == 60 and production["checks"] is True
    assert _settings_in_a_fresh_process(CONN_MAX_AGE="0")["age"] == 0


def test_sessions_are_not_rewritten_on_every_request_but_kept_alive_by_a_middleware():
    production = _settings_in_a_fresh_process()
    assert production["every"] is False
    middleware = production["mw"]
    sessions = middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert middleware[sessions + 1] == "agencies.session_activity.SlidingSessionMiddleware"


def _session_writes(captured) -> list[str]:
    return [
        q["sql"]
        for q in captured.captured_queries
        if "django_session" in q["sql"]
        and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]


@pytest.mark.django_db
def test_a_staff_request_saves_the_session_only_when_its_refresh_is_due(
    client, north, monkeypatch, settings
):
    from django.contrib.sessions.models import Session

    settings.SESSION_REFRESH_SECONDS = 60
    client.force_login(north.officer)
    assert client.get(reverse("home")).status_code == 200
    key = client.session.session_key
    expiry = Session.objects.get(pk=key).expire_date

    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("home")).status_code == 200
    assert _session_writes(captured) == []
    assert Session.objects.get(pk=key).expire_date == expiry

    later = time.time() + 61
    monkeypatch.setattr(session_activity.time, "time", lambda: later)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("home")).status_code == 200
    assert len(_session_writes(captured)) == 1
    assert Session.objects.get(pk=key).expire_date > expiry  # still alive while working


@pytest.mark.django_db
def test_signing_in_stamps_the_session_so_the_first_page_does_not_save_it_again(client, north):
    client.force_login(north.officer)  # fires user_logged_in, as the sign-in page does
    assert session_activity.REFRESHED_KEY in client.session
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("home")).status_code == 200
    assert _session_writes(captured) == []


@pytest.mark.django_db
def test_a_visitor_without_a_session_gets_none(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("start"))
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert _session_writes(captured) == []


# --- The audit row ----------------------------------------------------------------------


def _case_lookups(captured, reference: str) -> int:
    return sum(
        1
        for q in captured.captured_queries
        if q["sql"].lstrip().upper().startswith("SELECT")
        and '"triggers_case"' in q["sql"]
        and reference in str(q["sql"])
    )


@pytest.mark.django_db
def test_a_case_page_is_audited_without_reading_the_case_a_second_time(client, north):
    client.force_login(north.officer)
    url = reverse("case_detail", args=[north.area.slug, north.case.reference])
    client.get(url)  # warm: anything read once per process
    before = AccessRecord.objects.count()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    row = AccessRecord.objects.order_by("-pk").first()
    assert AccessRecord.objects.count() == before + 1
    assert (row.case_id, row.area_id, row.case_reference) == (
        north.case.pk,
        north.area.pk,
        north.case.reference,
    )
    audit_queries = [q for q in captured.captured_queries if "audit_accessrecord" in q["sql"]]
    assert len(audit_queries) == 1 and audit_queries[0]["sql"].startswith("INSERT")
    assert _case_lookups(captured, north.case.reference) == 1  # the view's, not the audit's


def test_the_audit_uses_a_noted_case_only_when_the_url_names_it():
    from audit import context

    context.forget()
    context.note_case(pk=7, area_id=2, area_slug="north", reference="NOR-1")
    assert context.seen_case("north", "NOR-1")["pk"] == 7
    assert context.seen_case("north", "NOR-2") is None
    assert context.seen_case("south", "NOR-1") is None
    context.forget()
    assert context.seen_case("north", "NOR-1") is None


# --- The public eligibility API ---------------------------------------------------------

GOOD = {"incident_date": "2026-01-05", "reported_date": "2026-01-06"}


def _check(client, area="liverpool", complaints=(GOOD, GOOD, GOOD)):
    return client.post(
        reverse("api:eligibility"),
        {"area": area, "complaints": list(complaints)},
        content_type="application/json",
    )


@pytest.fixture
def liverpool(db):
    cache.clear()
    yield AreaFactory(slug="liverpool", complaint_threshold=3, hate_incident_threshold=1)
    cache.clear()


def test_the_area_is_read_once_then_answered_from_memory(client, liverpool):
    assert _check(client).json()["threshold"] == 3
    with CaptureQueriesContext(connection) as captured:
        again = _check(client)
    assert again.status_code == 200 and again.json()["threshold"] == 3
    assert captured.captured_queries == []


def test_a_changed_threshold_applies_at_once_and_a_stale_one_expires(
    client, liverpool, monkeypatch
):
    assert _check(client).json()["threshold"] == 3
    liverpool.complaint_threshold = 2
    liverpool.save()  # this worker forgets at once
    assert _check(client).json()["threshold"] == 2
    # Changed elsewhere (another worker): seen once the remembered copy expires.
    type(liverpool).objects.filter(pk=liverpool.pk).update(complaint_threshold=1)
    assert _check(client).json()["threshold"] == 2
    later = time.monotonic() + area_cache.seconds() + 1
    monkeypatch.setattr(area_cache.time, "monotonic", lambda: later)
    assert _check(client).json()["threshold"] == 1


def test_an_unknown_area_is_still_a_400_every_time_and_never_remembered(client, liverpool):
    for _ in range(2):
        refused = _check(client, area="nowhere")
        assert refused.status_code == 400
        assert refused.json() == {"area": ["Unknown area 'nowhere'."]}
    AreaFactory(slug="nowhere")
    assert _check(client, area="nowhere").status_code == 200


def test_the_throttle_still_refuses_past_the_rate_and_says_when_to_retry(
    client, liverpool, settings
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "2/min"},
    }
    assert _check(client).status_code == 200
    assert _check(client, area="nowhere").status_code == 400  # bad input counts too
    refused = _check(client)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60


def test_the_redis_counter_is_one_round_trip_and_fails_open():
    from agencies.cache import FailOpenRedisCache

    closed = FailOpenRedisCache("redis://127.0.0.1:1/0", {})
    assert closed.count("k", 60) == 0  # unreachable: never over a limit
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("No Redis to count in (REDIS_URL unset).")
    real = FailOpenRedisCache(url, {})
    key = f"test-count-{time.time_ns()}"
    assert [real.count(key, 5) for _ in range(3)] == [1, 2, 3]
    assert real.get(key) == 3
    real.delete(key)


def test_the_api_answer_is_what_the_result_serializer_would_give():
    from datetime import date, timedelta

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from triggers import eligibility
    from triggers.api.eligibility import EligibilityResultSerializer as Result

    day = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 6, 1))
    complaint = st.builds(
        lambda incident, late, key, hate: eligibility.Complaint(
            incident, incident + timedelta(days=late), incident=key, hate_related=hate
        ),
        day,
        st.integers(0, 60),
        st.sampled_from([None, "a", "b"]),
        st.booleans(),
    )

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(complaint, min_size=1, max_size=8),
        st.sampled_from([eligibility.Policy(3, 1), eligibility.Policy(3, None)]),
    )
    def same(complaints, policy):
        decision = eligibility.assess(policy, complaints, date(2026, 6, 2), date(2026, 6, 2))
        slow = Result(Result.from_decision(decision)).data
        fast = Result.represent(decision)
        assert fast == slow and list(fast) == list(slow)
        assert [list(c) for c in fast["complaints"]] == [list(c) for c in slow["complaints"]]

    same()
