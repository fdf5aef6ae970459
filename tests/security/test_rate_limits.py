"""Rate limits on the public application, the private link and the eligibility API."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from agencies.client_ip import client_ip


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_application_posts_are_limited_with_a_govuk_page(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply": "3/3600"}
    for _ in range(3):
        assert client.post(reverse("apply:start"), {}).status_code != 429
    response = client.post(reverse("apply:start"), {})
    assert response.status_code == 429
    assert "too many attempts" in response.content.decode()
    assert client.get(reverse("apply:start")).status_code == 200  # reading is not limited
    other = client.__class__(REMOTE_ADDR="198.51.100.20")
    assert other.post(reverse("apply:start"), {}).status_code != 429


@pytest.mark.django_db
def test_private_link_guesses_are_limited(client, settings, north):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "track": "5/3600"}
    for n in range(5):
        assert client.get(reverse("track:open", args=[f"guess-{n:020d}"])).status_code == 404
    response = client.get(reverse("track:open", args=[north.case.token]))
    assert response.status_code == 429


@pytest.mark.django_db
def test_eligibility_api_is_throttled(client, settings):
    from triggers.api.views import EligibilityThrottle

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "2/min"},
    }
    assert EligibilityThrottle().get_rate() == "2/min"
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
