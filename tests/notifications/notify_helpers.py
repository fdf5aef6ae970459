"""Fixtures for GOV.UK Notify tests: the fake server, and an area set up to use it."""

import pytest

from agencies.models import NotifySettings
from agencies.sealed import seal, token_hash
from notifications.models import Message

from .fake_notify import FakeNotify, serve

EMAIL_TEMPLATE = "11111111-2222-3333-4444-555555555555"
TEXT_TEMPLATE = "66666666-7777-8888-9999-000000000000"
CALLBACK_TOKEN = "north-receipts-token-0123456789"


@pytest.fixture
def fake_notify(settings):
    fake = FakeNotify()
    server = serve(fake)
    settings.NOTIFY_BASE_URL = fake.url
    settings.NOTIFY_TIMEOUT = 5
    yield fake
    server.shutdown()
    server.server_close()


def use_notify(area, fake, *, api_key=None, **kinds) -> NotifySettings:
    """The area sends everything through the fake Notify (or only `kinds` when given).

    The outbox starts empty: the messages that making the test's case queued are not ours."""
    Message.objects.all().delete()
    uses = {"use_for_email": True, "use_for_text": True, "use_for_letters": True, **kinds}
    key = api_key or fake.api_key
    found, _ = NotifySettings.objects.update_or_create(
        area=area,
        defaults={
            **uses,
            "sealed_api_key": seal(key),
            "api_key_hint": "portal_test",
            "email_template_id": EMAIL_TEMPLATE,
            "text_template_id": TEXT_TEMPLATE,
            "callback_token_hash": token_hash(CALLBACK_TOKEN),
        },
    )
    return found
