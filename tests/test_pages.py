"""The foundation's pages: sign-in, errors, health, deployment settings."""

import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD, AgencyFactory, AreaFactory, user_with_role

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def test_start_page_is_public_and_branded_without_crown(client):
    page = client.get(reverse("start")).content.decode()
    assert "ASB Case Review (Community Trigger)" in page
    assert "govuk-header" in page and "govuk-phase-banner" in page
    assert "govuk-header__logotype" not in page  # no crown: this is not a GOV.UK service
    assert reverse("accessibility") in page and reverse("privacy") in page


def test_sign_in_with_wrong_password_shows_error_summary(client, north):
    response = client.post(
        reverse("signin"), {"username": north.officer.email, "password": "wrong-password"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter a correct email address and password" in page
    assert north.officer.email in page  # what was typed is kept
    assert page.count("<title>Error:") == 1


def test_sign_in_with_empty_form_names_each_field(client):
    page = client.post(reverse("signin"), {}).content.decode()
    assert "Enter your email address" in page and "Enter your password" in page


def test_sign_in_is_case_insensitive_on_email_and_lands_on_cases(client, north):
    response = client.post(
        reverse("signin"), {"username": north.officer.email.upper(), "password": TEST_PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert north.case.reference in client.get(reverse("home")).content.decode()


def test_sign_out_is_a_post(client, north):
    client.force_login(north.officer)
    assert client.get(reverse("signout")).status_code == 405
    assert client.post(reverse("signout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302  # back to sign in


def test_cases_need_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("signin"))


def test_header_shows_users_area(client, north):
    client.force_login(north.officer)
    assert 'app-header__area">North<' in client.get(reverse("home")).content.decode()


def test_empty_case_list_explains_itself(client, north):
    # North's responders see its applications from receipt: a body with no case has none.
    client.force_login(user_with_role("agency_responder", agency=AgencyFactory()))
    page = client.get(reverse("home"), {"cases": "1"}).content.decode()
    assert "There are no open cases for you" in page


def test_unknown_url_gets_styled_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page and "govuk-header" in page


@override_settings(DEBUG=False)
def test_server_error_page_shows_no_stack_trace(client, monkeypatch):
    from triggers.cases import views

    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views.selectors, "case_list", explode)
    client.raise_request_exception = False
    client.force_login(user_with_role("case_officer", area=AreaFactory()))
    response = client.get(reverse("home"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert "secret internals" not in page and "Traceback" not in page


def test_healthz_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_healthz_reports_broker_when_configured(client, settings, monkeypatch):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "broker": "unavailable"}


def test_csp_forbids_inline_script(client):
    policy = client.get(reverse("start"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def _check_deploy(env_overrides):
    import os

    dropped = {
        "DATABASE_URL",
        "REDIS_URL",
        "SECRET_KEY",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DJANGO_SETTINGS_MODULE",  # the project's settings, not the suite's
    }
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    result = _check_deploy(
        {
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "portal.example.org",
            # The sender comes from the site's address (portal.E003 refuses a local one).
            "SITE_URL": "https://portal.example.org",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_refuses_a_sender_at_localhost():
    result = _check_deploy(
        {
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "portal.example.org",
        }
    )
    assert result.returncode != 0
    assert "portal.E003" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_key():
    result = _check_deploy({"DEBUG": "false", "ALLOWED_HOSTS": "portal.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stdout + result.stderr


def test_check_deploy_refuses_the_development_key():
    from config.settings import INSECURE_DEFAULT_KEY

    result = _check_deploy(
        {
            "DEBUG": "false",
            "ALLOWED_HOSTS": "portal.example.org",
            "SECRET_KEY": INSECURE_DEFAULT_KEY,
        }
    )
    assert result.returncode != 0
    assert "portal.E001" in result.stdout + result.stderr


def test_development_runs_without_a_key():
    result = _check_deploy({"DEBUG": "true"})
    assert "SECRET_KEY is not set" not in result.stdout + result.stderr


def test_no_page_adds_the_error_prefix_the_layout_already_puts_in_its_title():
    """base.html starts the <title> with "Error:" when the page's form has errors (GOV.UK's
    pattern); a page that added it again read "Error: Error: …" to screen reader users."""
    doubled = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if path.name != "base.html"
        and "{% block page_title %}{% if form.errors %}" in path.read_text()
    ]
    assert doubled == []


def test_a_form_with_errors_says_error_once_in_the_title(client, north):
    client.force_login(north.officer)
    page = client.post(reverse("saved_filter_new"), {"name": ""}).content.decode()
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.count("Error:") == 1, title
