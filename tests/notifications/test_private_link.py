"""A private link is never kept at rest: not in the stored body, not in an export, not in a
development backend's output. It is in the email the applicant receives."""

import importlib
import io
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from notifications import backends, delivery, privacy, services
from notifications.models import PRIVATE_LINK_PLACEHOLDER, Message

from .helpers import LINK, TOKEN, queue_link

pytestmark = pytest.mark.django_db


def test_body_at_rest_has_no_link_and_the_email_has_it():
    message = queue_link()
    assert TOKEN not in message.body and PRIVATE_LINK_PLACEHOLDER in message.body
    assert message.private_link == LINK
    assert delivery.deliver(message.pk) == Message.Status.SENT
    assert LINK in mail.outbox[0].body and PRIVATE_LINK_PLACEHOLDER not in mail.outbox[0].body
    message.refresh_from_db()
    assert message.private_link == "" and TOKEN not in message.body


def test_a_template_without_a_place_for_the_link_is_refused():
    with pytest.raises(ValueError, match="no place for the private link"):
        services.queue_email(
            key="k",
            to="victim@example.com",
            template="acknowledged",
            topic="Test",
            context={"case": {}, "officer": {}, "area": {}},
            private_link=LINK,
        )
    assert not Message.objects.filter(idempotency_key="k").exists()


def test_subject_access_export_holds_no_link(north):
    queue_link(area=north.area, to="applicant@example.com")
    case = SimpleNamespace(
        area_id=north.area.pk, reference="T-1", applicant_email="applicant@example.com"
    )
    # A body stored before links were kept apart: the export redacts it too.
    Message.objects.create(
        area=north.area,
        idempotency_key="legacy",
        topic="Application received",
        reference="T-1",
        to_address="applicant@example.com",
        subject="Received",
        body=f"Follow your case: {LINK}\n",
    )
    exported = str(privacy.subject_access(case))
    assert TOKEN not in exported and "/track/[token]/" in exported


def test_old_bodies_are_scrubbed_by_the_migration():
    scrub = importlib.import_module("notifications.migrations.0003_scrub_private_links").scrub
    for key, status in (("waiting", "pending"), ("sent", "sent"), ("failed", "failed")):
        Message.objects.create(
            idempotency_key=key,
            topic="Application received",
            to_address="applicant@example.com",
            subject="Received",
            body=f"Follow your case:\n{LINK}\nKeep it to yourself.\n",
            status=status,
        )
    scrub(apps, None)
    waiting, sent, failed = (
        Message.objects.get(idempotency_key=k) for k in ("waiting", "sent", "failed")
    )
    assert all(TOKEN not in m.body for m in (waiting, sent, failed))
    assert waiting.private_link == LINK and PRIVATE_LINK_PLACEHOLDER in waiting.body
    assert sent.private_link == failed.private_link == ""
    assert delivery.deliver(waiting.pk) == Message.Status.SENT
    assert LINK in mail.outbox[0].body


def email_with_link():
    # Non-ASCII text makes the body quoted-printable, where a token can be split across lines.
    body = f"Dear Zoë,\n\nYour new private link is:\n{LINK}\n\n" + "Keep it safe. " * 20
    email = EmailMultiAlternatives(f"Link {LINK}", body, to=["applicant@example.com"])
    email.attach_alternative(f'<a href="{LINK}">Your case</a>', "text/html")
    email.attach("note.txt", f"Link: {LINK}", "text/plain")
    return email


def test_console_backend_for_development_prints_no_token():
    stream = io.StringIO()
    backends.ConsoleBackend(stream=stream).send_messages([email_with_link()])
    output = stream.getvalue()
    assert "Your new private link is" in output and "/track/[token]/" in output
    assert TOKEN not in output.replace("=\n", "")


def test_file_backend_for_development_saves_no_token(tmp_path):
    backends.FileBackend(file_path=tmp_path).send_messages([email_with_link()])
    saved = "".join(path.read_text() for path in tmp_path.iterdir())
    assert "Your new private link is" in saved
    assert TOKEN not in saved.replace("=\n", "")


def test_development_email_settings_use_the_redacting_backends():
    import environ

    from config import settings as project_settings

    for url, backend in (
        ("consolemail://", "notifications.backends.ConsoleBackend"),
        ("filemail:///tmp/mail", "notifications.backends.FileBackend"),
    ):
        config = environ.Env.email_url_config(url)
        chosen = project_settings.DEV_EMAIL_BACKENDS.get(config["EMAIL_BACKEND"])
        assert chosen == backend
