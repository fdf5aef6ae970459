"""The demo mailbox (DEBUG only, platform admin only) and links that use the address the
portal is served on."""

import pytest
from django.core import mail
from django.urls import reverse

from agencies.models import RoleAssignment
from agencies.site import site_url
from notifications import delivery
from notifications.models import Attachment, Message
from tests.factories import make_case, user_with_role
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def deliver_all():
    """What the worker does after the request's transaction commits."""
    for pk in Message.objects.filter(status="pending").values_list("pk", flat=True):
        delivery.deliver(pk)


@pytest.fixture
def platform_admin():
    return user_with_role(Role.PLATFORM_ADMIN, email="platform.admin@example.org")


@pytest.fixture
def demo(settings):
    settings.DEBUG = True


def test_the_mailbox_does_not_exist_without_debug(client, platform_admin, north):
    decide_threshold(north.case, "met", by=north.officer)
    pdf = Attachment.objects.filter(mimetype="application/pdf").first()
    client.force_login(platform_admin)
    assert client.get(reverse("demo_mailbox")).status_code == 404
    assert client.get(reverse("demo_mailbox_attachment", args=[pdf.pk])).status_code == 404
    assert "Demo mailbox" not in client.get(reverse("home")).content.decode()


def test_only_the_platform_admin_reads_the_mailbox(client, demo, north):
    decide_threshold(north.case, "met", by=north.officer)
    pdf = Attachment.objects.filter(mimetype="application/pdf").first()
    response = client.get(reverse("demo_mailbox"))
    assert response.status_code == 302 and response.url.startswith(reverse("signin"))
    for role in ("officer", "admin", "responder", "chair", "pcc_officer"):
        client.force_login(getattr(north, role))
        assert client.get(reverse("demo_mailbox")).status_code == 404, role
        assert client.get(reverse("demo_mailbox_attachment", args=[pdf.pk])).status_code == 404
        assert "Demo mailbox" not in client.get(reverse("home")).content.decode()


def test_the_mailbox_shows_each_message_with_its_link_and_letter(
    client, demo, platform_admin, north
):
    case = make_case(north.area, applicant_email="victim@example.net")
    decide_threshold(case, "met", by=north.officer)
    deliver_all()
    assert Message.objects.filter(to_address="victim@example.net", status="sent").exists()
    client.force_login(platform_admin)
    home = client.get(reverse("home")).content.decode()
    assert reverse("demo_mailbox") in home  # linked from the platform admin's header
    page = client.get(reverse("demo_mailbox")).content.decode()
    assert "victim@example.net" in page and "Sent" in page
    welcome = Message.objects.filter(to_address="victim@example.net").order_by("pk").first()
    assert welcome.subject in page
    # The private link as the victim got it, ready to follow.
    assert f"{site_url()}/track/" in page and "[private link]" not in page
    assert page.index(Message.objects.latest("created_at", "pk").subject) < page.index(
        welcome.subject
    )  # newest first
    pdf = Attachment.objects.filter(
        message__to_address="victim@example.net", mimetype="application/pdf"
    ).first()
    assert reverse("demo_mailbox_attachment", args=[pdf.pk]) in page
    download = client.get(reverse("demo_mailbox_attachment", args=[pdf.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF")
    assert client.get(reverse("demo_mailbox") + "?channel=pigeon").status_code == 404


def test_the_mailbox_is_paginated(client, demo, platform_admin, north):
    from tests.notifications.helpers import queue

    for n in range(25):
        queue(key=f"k{n}", to=f"person{n}@example.net")
    client.force_login(platform_admin)
    first = client.get(reverse("demo_mailbox")).content.decode()
    assert "person24@example.net" in first and "person0@example.net" not in first
    second = client.get(reverse("demo_mailbox") + "?page=2").content.decode()
    assert "person0@example.net" in second


def test_links_use_the_address_the_request_came_in_on_with_debug(client, settings, north):
    settings.DEBUG = True
    settings.ALLOWED_HOSTS = ["portal.test"]
    settings.SITE_URL = "https://configured.example"
    client.force_login(north.officer)
    url = reverse("case_private_link", args=[north.area.slug, north.case.reference])
    client.post(url, {"action": "reissue"}, HTTP_HOST="portal.test:8123")
    message = Message.objects.filter(topic="New private link").get()
    assert message.private_link.startswith("http://portal.test:8123/track/")
    # Outside a request (a task, a command) the configured address is used.
    assert site_url() == "https://configured.example"


def test_links_use_site_url_without_debug(client, settings, north):
    settings.SITE_URL = "https://configured.example"
    client.force_login(north.officer)
    url = reverse("case_private_link", args=[north.area.slug, north.case.reference])
    client.post(url, {"action": "reissue"}, HTTP_HOST="testserver")
    deliver_all()
    message = Message.objects.filter(topic="New private link").get()
    assert message.status == Message.Status.SENT and not message.private_link  # gone once sent
    sent = next(m for m in mail.outbox if m.subject == message.subject)
    assert "https://configured.example/track/" in sent.body
    assert "testserver" not in sent.body


def test_the_make_run_address_is_the_site_url():
    from pathlib import Path

    makefile = (Path(__file__).parents[2] / "Makefile").read_text()
    assert "SITE_URL=http://$(RUN_ADDRESS)" in makefile
    assert "runserver $(RUN_ADDRESS)" in makefile


def test_the_mailbox_lists_each_channel_apart(client, demo, platform_admin, north):
    from tests.notifications.helpers import queue

    queue(key="an-email", to="person@example.net")
    texted = queue(key="a-text", to="07700900123")
    Message.objects.filter(pk=texted.pk).update(channel=Message.Channel.TEXT)
    client.force_login(platform_admin)
    emails = client.get(reverse("demo_mailbox")).content.decode()
    assert "person@example.net" in emails and "07700900123" not in emails
    texts = client.get(reverse("demo_mailbox") + "?channel=text").content.decode()
    assert "07700900123" in texts and "person@example.net" not in texts
    assert "Letter by post" in texts  # every channel is offered
