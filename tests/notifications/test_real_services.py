"""End to end with real services: Redis as the broker, a Celery worker in its own process,
and an SMTP server on loopback. The officer records "threshold met" and every relevant body's
contact receives exactly one email.

Runs when REDIS_URL is set and the database is PostgreSQL (a worker in another process must
see the test's committed rows). CI sets REQUIRE_SERVICES=1, so there it fails, not skips.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _services_available() -> str | None:
    if not settings.REDIS_URL:
        return "REDIS_URL is not set"
    if connection.vendor != "postgresql":
        return "the worker needs a database it can share: set DATABASE_URL to PostgreSQL"
    return None


@pytest.fixture
def real_services():
    reason = _services_available()
    if reason:
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(f"Real services are required here: {reason}")
        pytest.skip(reason)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd names the hook
        self.messages.append((tuple(envelope.rcpt_tos), envelope.content.decode("utf8", "replace")))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    inbox.port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    yield inbox
    controller.stop()


@pytest.fixture
def celery_worker_process(smtp_server):
    from config.celery import app

    app.control.purge()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_server.port}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    yield worker
    worker.terminate()
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()


def wait_for(condition, seconds=60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_threshold_met_emails_each_relevant_body_once_through_worker_and_smtp(
    real_services, smtp_server, celery_worker_process, north
):
    from config.celery import app
    from notifications.models import Message
    from notifications.tasks import deliver_message
    from triggers.threshold import services

    app.conf.task_always_eager = False  # this test is the one that uses the real worker
    services.decide_threshold(north.case, "met", by=north.officer)
    contacts = sorted(r.contact_email for r in north.case.information_requests.all())
    assert len(contacts) == 2

    def all_sent():
        return not Message.objects.exclude(status=Message.Status.SENT).exists()

    assert wait_for(all_sent), Message.objects.values_list("topic", "status", "last_error")
    # A duplicated delivery task (a retry, a re-queue) must not send anything twice.
    for message_id in Message.objects.values_list("pk", flat=True):
        deliver_message.delay(message_id)
    time.sleep(3)
    received = [rcpt for rcpts, _ in smtp_server.messages for rcpt in rcpts]
    for contact in contacts:
        assert received.count(contact) == 1, (contact, received)
    # The applicant's decision letter too (the receipt went out in-process at set-up).
    assert received.count(north.case.applicant_email) == 1
