"""Behind a proxy, each visitor keeps their own address (issue #15, finding 6)."""

import re
import shlex
from pathlib import Path

import pytest
import yaml
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from tests.factories import TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PROXY = "172.28.0.2"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def behind_one_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.BEHIND_TLS_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 1


def via_proxy(client_address):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_address}


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_counts_its_proxy_and_gunicorn_trusts_only_it():
    stack = compose()
    web = stack["services"]["web"]
    assert web["environment"]["BEHIND_TLS_PROXY"] == "true"
    assert int(web["environment"]["TRUSTED_PROXY_COUNT"]) == 1
    proxy_address = stack["services"]["proxy"]["networks"]["edge"]["ipv4_address"]
    flags = shlex.split(shlex.split(web["command"])[-1])  # inside `sh -c "..."`
    assert flags[flags.index("--forwarded-allow-ips") + 1] == proxy_address
    assert "ports" not in web  # reachable only through the proxy: nobody else forges headers
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    # The proxy replaces the header, so a client's own X-Forwarded-For never reaches us.
    assert re.search(r"proxy_set_header X-Forwarded-For \$remote_addr;", nginx)


def test_deploy_check_refuses_a_proxy_with_no_forwarded_count(settings):
    settings.BEHIND_TLS_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 0
    with pytest.raises(SystemCheckError, match=r"portal\.E002"):
        call_command("check", deploy=True, tags=["security"])
    settings.TRUSTED_PROXY_COUNT = 1
    from config.checks import refuse_proxy_without_forwarded_count

    assert refuse_proxy_without_forwarded_count(None) == []


@pytest.mark.django_db
def test_eligibility_throttle_ignores_a_rotating_header_when_reached_directly(client, settings):
    """The probe's 70 x 200: the throttle believed the last X-Forwarded-For entry whenever
    BEHIND_TLS_PROXY was on, even from a client that reached the server itself."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 0
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "3/min"},
    }
    codes = [
        client.post(
            reverse("api:eligibility"),
            {},
            content_type="application/json",
            REMOTE_ADDR="203.0.113.50",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(5)
    ]
    assert codes[3:] == [429, 429]


@pytest.mark.django_db
def test_eligibility_throttle_counts_each_client_behind_the_proxy(
    client, settings, behind_one_proxy
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "2/min"},
    }
    url = reverse("api:eligibility")

    def post(address):
        return client.post(url, {}, content_type="application/json", **via_proxy(address))

    assert [post("203.0.113.1").status_code for _ in range(3)][2] == 429
    assert post("203.0.113.2").status_code != 429  # another visitor, the same proxy


@pytest.mark.django_db
def test_rate_limit_counts_each_client_behind_the_proxy(client, settings, behind_one_proxy):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply": "2/3600"}
    for _ in range(2):
        client.post(reverse("apply:start"), {}, **via_proxy("203.0.113.1"))
    assert client.post(reverse("apply:start"), {}, **via_proxy("203.0.113.1")).status_code == 429
    assert client.post(reverse("apply:start"), {}, **via_proxy("203.0.113.2")).status_code == 200


@pytest.mark.django_db
def test_wrong_passwords_through_the_proxy_lock_out_no_colleague(
    client, north, settings, behind_one_proxy
):
    settings.AXES_FAILURE_LIMIT = 2

    def sign_in(email, password, address):
        return client.post(
            reverse("signin"), {"username": email, "password": password}, **via_proxy(address)
        )

    for _ in range(2):
        sign_in(north.officer.email, "wrong-password", "203.0.113.66")
    assert sign_in(north.officer.email, TEST_PASSWORD, "203.0.113.66").status_code == 429
    # The officer at their own desk, through the same proxy, still signs in.
    assert sign_in(north.officer.email, TEST_PASSWORD, "198.51.100.9").status_code == 302
    client.post(reverse("signout"))
    # And from the stranger's address, another account is not locked either.
    assert sign_in(north.admin.email, TEST_PASSWORD, "203.0.113.66").status_code == 302
