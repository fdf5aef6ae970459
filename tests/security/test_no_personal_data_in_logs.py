"""No personal data in page addresses or log lines (the private link's first use aside)."""

import logging
import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from agencies.log_filters import RedactPrivateLinks, redact

PERSONAL = re.compile(r"name|email|phone|address|postcode|token")
# The addresses that carry a secret: the private link, exchanged for a session at once, and
# the one-time set-up link for the second factor (issue #15).
# and a named body's single-use link to answer a recommendation (issue #14).
TOKEN_URLS = {"track:open", "signin_enrol", "recommendation_answer"}


def patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            prefix = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from patterns(entry, prefix)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", entry.pattern.converters.keys()


def test_no_url_carries_personal_data():
    for name, kwargs in patterns():
        personal = [k for k in kwargs if PERSONAL.search(k)]
        if name in TOKEN_URLS:
            assert personal == ["token"]
        else:
            assert not personal, f"{name} carries {personal} in its address"


def test_log_lines_lose_private_link_tokens():
    token = "Zx9_abcdefghijklmnopqrstuvwxyz0123456789-AB"
    line = f'"GET /track/{token}/ HTTP/1.1" 302 0'
    assert token not in redact(line) and "/track/[token]/" in redact(line)
    assert (
        redact('"GET /track/letters/12/ HTTP/1.1" 200') == '"GET /track/letters/12/ HTTP/1.1" 200'
    )
    record = logging.LogRecord("django.server", logging.INFO, "", 0, '"%s" %s', (line, 302), None)
    RedactPrivateLinks().filter(record)
    assert token not in record.getMessage()


def test_log_lines_lose_set_up_link_tokens():
    token = "Zx9_abcdefghijklmnopqrstuvwxyz0123456789-AB"
    line = f'"GET /sign-in/set-up/{token}/ HTTP/1.1" 302 0'
    assert token not in redact(line) and "/sign-in/set-up/[token]/" in redact(line)
    assert redact('"GET /sign-in/set-up/ HTTP/1.1" 200') == '"GET /sign-in/set-up/ HTTP/1.1" 200'


def test_every_log_line_goes_through_the_filter():
    handler = settings.LOGGING["handlers"]["console"]
    assert "no_tokens" in handler["filters"]
    for name, logger in settings.LOGGING["loggers"].items():
        assert set(logger.get("handlers", ["console"])) <= {"console"}, name
    assert settings.LOGGING["loggers"]["django.server"]["handlers"] == ["console"]
    assert settings.AXES_VERBOSE is False


@pytest.mark.django_db
def test_a_wrong_private_link_is_not_logged(client, caplog):
    token = "not-a-real-token-but-long-enough-0123456789"
    with caplog.at_level(logging.INFO):
        assert client.get(reverse("track:open", args=[token])).status_code == 404
    assert token not in caplog.text
