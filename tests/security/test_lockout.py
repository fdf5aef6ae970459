"""django-axes locks a username from one address after LOGIN_FAILURE_LIMIT wrong passwords."""

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD


def attempt(client, email, password, ip="203.0.113.7"):
    return client.post(reverse("signin"), {"username": email, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_locked_after_the_configured_failures_with_a_clear_message(client, north, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        response = attempt(client, north.officer.email, "wrong-password")
        assert response.status_code == 200
        assert "Enter a correct email address and password" in response.content.decode()
    response = attempt(client, north.officer.email, "wrong-password")
    assert response.status_code == 429
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "wrong password too many times" in page and "locked for 30 minutes" in page
    # Even the right password is refused while locked.
    response = attempt(client, north.officer.email, TEST_PASSWORD)
    assert response.status_code == 429
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_lockout_is_for_that_username_from_that_address(client, north, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        attempt(client, north.officer.email, "wrong-password")
    assert attempt(client, north.officer.email, TEST_PASSWORD).status_code == 429
    # Another address, or another account from the same address, can still sign in.
    assert attempt(client, north.officer.email, TEST_PASSWORD, ip="198.51.100.9").status_code == 302
    client.post(reverse("signout"))
    assert attempt(client, north.admin.email, TEST_PASSWORD).status_code == 302


@pytest.mark.django_db
def test_default_limit_is_five(settings):
    from config import settings as project_settings

    assert project_settings.AXES_FAILURE_LIMIT == 5
    assert project_settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_passwords_are_checked_by_djangos_validators():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("short", "password1234", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("a-long-and-unusual-passphrase")
