"""Rate limits on the public application, the private link and the eligibility API."""

import re
import time
from datetime import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from agencies.client_ip import client_ip
from agencies.ratelimit import clock_time


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def browser(address="203.0.113.7"):
    """A browser with its own session, as a person at a public computer would have."""
    from django.test import Client

    visitor = Client(REMOTE_ADDR=address)
    session = visitor.session
    session["visited"] = True  # an empty session would be dropped
    session.save()
    return visitor


@pytest.mark.django_db
def test_one_session_over_its_limit_is_refused_with_a_govuk_page(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply_session": "3/3600"}
    visitor = browser()
    for _ in range(3):
        assert visitor.post(reverse("apply:start"), {}).status_code != 429
    response = visitor.post(reverse("apply:start"), {})
    assert response.status_code == 429
    page = response.content.decode()
    assert "too many attempts" in page
    assert visitor.get(reverse("apply:start")).status_code == 200  # reading is not limited
    # Another browser at the same address (a library's next visitor) is not held up.
    assert browser().post(reverse("apply:start"), {}).status_code != 429


@pytest.mark.django_db
def test_the_refusal_says_when_to_try_again_and_how_to_apply_by_phone(settings, north):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply_session": "1/3600"}
    north.area.spoc_phone = "0151 555 0100"
    north.area.save()
    visitor = browser()
    visitor.post(reverse("apply:start"), {"area": north.area.slug})
    response = visitor.post(reverse("apply:start"), {"area": north.area.slug})
    assert response.status_code == 429
    now = time.time()
    window_end = (int(now // 3600) + 1) * 3600
    assert 0 < int(response["Retry-After"]) <= window_end - now + 1
    page = response.content.decode()
    expected = clock_time(datetime.fromtimestamp(window_end, tz=timezone.get_current_timezone()))
    assert f"try again from <strong>{expected}" in page
    assert re.search(r"\d{1,2}:\d\d(am|pm)", expected)
    assert "Apply by phone instead" in page and "0151 555 0100" in page


@pytest.mark.django_db
def test_without_a_known_area_the_refusal_sends_people_to_their_council(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply_session": "1/3600"}
    visitor = browser()
    visitor.post(reverse("apply:start"), {})
    response = visitor.post(reverse("apply:start"), {})
    assert response.status_code == 429
    assert "Call your council" in response.content.decode()


def test_times_are_written_the_govuk_way():
    tz = timezone.get_current_timezone()
    assert clock_time(datetime(2026, 1, 5, 16, 47, tzinfo=tz)) == "4:47pm"
    assert clock_time(datetime(2026, 1, 5, 0, 5, tzinfo=tz)) == "12:05am"
    assert clock_time(datetime(2026, 1, 5, 12, 0, tzinfo=tz)) == "12:00pm"


@pytest.mark.django_db
def test_many_sessions_from_one_address_pass(settings):
    """A library or council office: one address, many people applying, each in their own
    session, well beyond what one session may send."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply_session": "2/3600", "apply": "50/3600"}
    for _ in range(12):
        visitor = browser()
        assert visitor.post(reverse("apply:start"), {}).status_code != 429


@pytest.mark.django_db
def test_the_address_limit_stops_a_script_that_drops_its_session(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply": "3/3600"}
    for _ in range(3):
        assert client.post(reverse("apply:start"), {}).status_code != 429
    client.cookies.clear()
    assert client.post(reverse("apply:start"), {}).status_code == 429
    other = client.__class__(REMOTE_ADDR="198.51.100.20")
    assert other.post(reverse("apply:start"), {}).status_code != 429


@pytest.mark.django_db
def test_staff_have_a_higher_allowance_of_their_own(client, settings, north):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "apply_session": "2/3600",
        "apply": "2/3600",
        "apply_staff": "5/3600",
    }
    client.force_login(north.officer)
    codes = [client.post(reverse("apply:start"), {}).status_code for _ in range(6)]
    assert 429 not in codes[:5] and codes[5] == 429
    # Their posts are not counted against the office's address: the public still gets in.
    assert browser(address="127.0.0.1").post(reverse("apply:start"), {}).status_code != 429


@pytest.mark.django_db
def test_private_link_guesses_are_limited(client, settings, north):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "track": "5/3600"}
    for n in range(5):
        assert client.get(reverse("track:open", args=[f"guess-{n:020d}"])).status_code == 404
    response = client.get(reverse("track:open", args=[north.case.token]))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    # Guessing scripts keep no session: a fresh browser at that address is refused too.
    fresh = client.__class__()
    assert fresh.get(reverse("track:open", args=[north.case.token])).status_code == 429


@pytest.mark.django_db
def test_eligibility_api_is_throttled(client, settings):
    from triggers.api.views import EligibilityThrottle

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "2/min"},
    }
    assert EligibilityThrottle().get_rate() == (2, 60)  # read now: the setting applies at once
    url = reverse("api:eligibility")
    codes = [client.post(url, {}, content_type="application/json").status_code for _ in range(3)]
    assert codes[:2] != [429, 429] and codes[2] == 429


def test_client_address_ignores_forwarded_for_unless_a_proxy_is_trusted(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.5"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"
    settings.TRUSTED_PROXY_COUNT = 3
    assert client_ip(request) == "10.0.0.5"  # fewer entries than proxies: not trustworthy
