"""Delivery against a real SMTP server on loopback (aiosmtpd): an outage that refuses every
recipient (4xx) for five minutes, then accepts; and a batch over one connection.

Time is simulated: the test calls the beat's dispatch with advanced times, and the server
reads the same clock, so five minutes of outage take a second.
"""

import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from notifications import delivery
from notifications.models import Message

from .helpers import LINK, TOKEN, queue, queue_link

pytestmark = pytest.mark.django_db


class FlakyServer:
    """Refuses every recipient with a 451 until `refuse_until`, by the test's clock."""

    def __init__(self):
        self.now = timezone.now()
        self.refuse_until = self.now
        self.refused = {}
        self.received = []  # (recipients, content, client address and port)

    # aiosmtpd calls these hooks by name.
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.now < self.refuse_until:
            self.refused[address] = self.refused.get(address, 0) + 1
            return "451 4.3.0 Mail server temporarily unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.content.decode("utf8", "replace")
        self.received.append((tuple(envelope.rcpt_tos), content, session.peer))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp(settings):
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = FlakyServer()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    Message.objects.all().delete()
    yield handler
    controller.stop()


def test_five_minute_outage_then_every_message_arrives_exactly_once(smtp):
    addresses = [f"person{i}@example.com" for i in range(6)]
    for i, address in enumerate(addresses):
        queue(key=f"m{i}", to=address)
    queue_link(to="applicant@example.com")
    addresses.append("applicant@example.com")
    start = max(Message.objects.values_list("next_attempt_at", flat=True))
    smtp.refuse_until = start + timedelta(minutes=5)
    # The beat runs every minute; also run it twice in the same minute (a duplicate beat).
    for minute in range(30):
        smtp.now = start + timedelta(minutes=minute)
        delivery.deliver_due(now=smtp.now)
        delivery.deliver_due(now=smtp.now)
    received = [rcpt for rcpts, _, _ in smtp.received for rcpt in rcpts]
    assert sorted(received) == sorted(addresses)  # every one, exactly once
    for message in Message.objects.all():
        assert message.status == Message.Status.SENT, (message.to_address, message.last_error)
        # Every try the server refused was one attempt, and nothing else was.
        assert message.attempts == smtp.refused[message.to_address] + 1
        assert 2 <= message.attempts <= 6
        assert message.sent_at >= smtp.refuse_until
    # The private link went out in the email, and is no longer kept anywhere.
    applicant_email = next(c for r, c, _ in smtp.received if r == ("applicant@example.com",))
    assert LINK in applicant_email
    link_message = Message.objects.get(to_address="applicant@example.com")
    assert link_message.private_link == "" and TOKEN not in link_message.body


def test_a_batch_goes_over_one_connection(smtp):
    for i in range(20):
        queue(key=f"b{i}", to=f"person{i}@example.com")
    assert delivery.deliver_due(now=timezone.now() + timedelta(seconds=1)) == 20
    assert len(smtp.received) == 20
    assert len({peer for _, _, peer in smtp.received}) == 1  # one SMTP session for all
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}
