"""The officer switches off or replaces the applicant's private link."""

import pytest
from django.urls import reverse

from audit.models import AccessRecord
from notifications.models import Message
from tests.factories import make_case


def link_page(case):
    return reverse("case_private_link", args=[case.area.slug, case.reference])


def token_in(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.django_db
def test_revoke_makes_the_old_link_and_its_sessions_invalid(client, north):
    applicant = client.__class__()
    assert applicant.get(reverse("track:open", args=[north.case.token])).status_code == 302
    assert applicant.get(reverse("track:case")).status_code == 200
    client.force_login(north.officer)
    response = client.post(link_page(north.case), {"action": "revoke"})
    assert response.status_code == 302
    assert applicant.get(reverse("track:case")).status_code == 404
    assert applicant.get(reverse("track:open", args=[north.case.token])).status_code == 404
    assert north.case.events.filter(summary="Private link switched off").exists()


@pytest.mark.django_db
def test_reissue_emails_a_new_link_and_the_old_one_stops(client, north):
    applicant = client.__class__()
    applicant.get(reverse("track:open", args=[north.case.token]))
    client.force_login(north.officer)
    client.post(link_page(north.case), {"action": "reissue"})
    message = Message.objects.get(topic="New private link")
    assert message.to_address == "applicant@example.com"
    # The outbox keeps the link beside the body until the email is sent (notifications).
    new_url = message.private_link or next(
        line for line in message.body.splitlines() if "/track/" in line
    )
    assert applicant.get(reverse("track:case")).status_code == 404  # the old session ended
    assert applicant.get(reverse("track:open", args=[north.case.token])).status_code == 404
    fresh = client.__class__()
    assert fresh.get(reverse("track:open", args=[token_in(new_url)])).status_code == 302
    assert fresh.get(reverse("track:case")).status_code == 200


@pytest.mark.django_db
def test_without_email_the_new_link_is_shown_once_to_the_officer(client, north):
    case = make_case(north.area, applicant_email="")
    client.force_login(north.officer)
    response = client.post(link_page(case), {"action": "reissue"})
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    page = response.content.decode()
    start = page.index('id="tracking-url">') + len('id="tracking-url">')
    new_token = token_in(page[start : page.index("</code>", start)])
    assert client.get(link_page(case)).content.decode().count(new_token) == 0
    assert not Message.objects.filter(topic="New private link").exists()
    applicant = client.__class__()
    assert applicant.get(reverse("track:open", args=[new_token])).status_code == 302
    # The token is kept nowhere readable: not on the case, not in the audit.
    case.refresh_from_db()
    assert new_token not in str(vars(case))
    assert not any(new_token in str(vars(r)) for r in AccessRecord.objects.all())


@pytest.mark.django_db
def test_only_officers_of_the_area_may_change_the_link(client, north, south):
    for role in ("responder", "chair", "pcc_officer"):
        client.force_login(getattr(north, role))
        assert client.post(link_page(north.case), {"action": "revoke"}).status_code == 404
    client.force_login(south.officer)
    assert client.post(link_page(north.case), {"action": "revoke"}).status_code == 404
    north.case.refresh_from_db()
    assert not north.case.tracking_revoked
