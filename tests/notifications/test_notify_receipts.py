"""GOV.UK Notify's delivery receipts: the public callback, bound to each area's token."""

import json

import pytest
from django.urls import reverse

from agencies.models import NotifySettings
from agencies.sealed import token_hash
from notifications import delivery
from notifications.models import Message

from .helpers import queue
from .notify_helpers import CALLBACK_TOKEN, fake_notify, use_notify

pytestmark = pytest.mark.django_db
__all__ = ["fake_notify"]


@pytest.fixture
def sent(north, fake_notify):
    """A message of the north area sent through the fake Notify."""
    use_notify(north.area, fake_notify)
    message = queue(key="receipt-me", area=north.area)
    delivery.deliver_due()
    message.refresh_from_db()
    assert message.notify_id
    return message


def post_receipt(client, area_slug, payload, token=CALLBACK_TOKEN):
    return client.post(
        reverse("notify_receipt", args=[area_slug]),
        data=payload if isinstance(payload, str | bytes) else json.dumps(payload),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"} if token else {},
    )


def receipt(message, status):
    return {"id": message.notify_id, "reference": message.idempotency_key, "status": status}


def test_a_delivered_receipt_marks_the_message_delivered(client, north, sent):
    response = post_receipt(client, north.area.slug, receipt(sent, "delivered"))
    assert response.status_code == 200
    sent.refresh_from_db()
    assert sent.status == Message.Status.DELIVERED and sent.notify_status == "delivered"


@pytest.mark.parametrize("status", ["permanent-failure", "temporary-failure", "technical-failure"])
def test_a_failure_receipt_fails_the_message_and_staff_see_it(client, north, sent, status):
    assert post_receipt(client, north.area.slug, receipt(sent, status)).status_code == 200
    sent.refresh_from_db()
    assert sent.status == Message.Status.FAILED and sent.failed_at is not None
    assert sent.last_error.startswith("GOV.UK Notify:")
    client.force_login(north.admin)
    page = client.get(reverse("messages_failed")).content.decode()
    assert sent.last_error[:40] in page and "Send again" in page


def test_an_unfinished_status_is_kept_without_changing_the_message(client, north, sent):
    assert post_receipt(client, north.area.slug, receipt(sent, "sending")).status_code == 200
    sent.refresh_from_db()
    assert sent.status == Message.Status.SENT and sent.notify_status == "sending"


def test_a_wrong_or_missing_token_is_refused(client, north, sent):
    for token in ("not-the-token-at-all", ""):
        response = post_receipt(client, north.area.slug, receipt(sent, "delivered"), token=token)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
    sent.refresh_from_db()
    assert sent.status == Message.Status.SENT


def test_bad_json_is_a_400_never_a_500(client, north, sent):
    for body in ("{not json", "[1, 2]", json.dumps({"id": sent.notify_id}), b"\xff\xfe"):
        assert post_receipt(client, north.area.slug, body).status_code == 400


def test_another_areas_token_reaches_none_of_this_areas_messages(client, north, south, sent):
    # South takes receipts with the same token: still none of north's messages.
    NotifySettings.objects.create(area=south.area, callback_token_hash=token_hash(CALLBACK_TOKEN))
    response = post_receipt(client, south.area.slug, receipt(sent, "permanent-failure"))
    assert response.status_code == 404
    sent.refresh_from_db()
    assert sent.status == Message.Status.SENT


def test_an_area_without_receipts_or_unknown_is_not_found(client, south, sent):
    assert post_receipt(client, south.area.slug, receipt(sent, "delivered")).status_code == 404
    assert post_receipt(client, "no-such-area", receipt(sent, "delivered")).status_code == 404


def test_only_post_is_taken(client, north, sent):
    assert client.get(reverse("notify_receipt", args=[north.area.slug])).status_code == 405
