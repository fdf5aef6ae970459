"""Staff need a second factor when REQUIRE_2FA is on: an authenticator app or a backup code."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TEST_PASSWORD


@pytest.fixture
def require_2fa(settings):
    settings.REQUIRE_2FA = True


def sign_in(client, user):
    return client.post(reverse("signin"), {"username": user.email, "password": TEST_PASSWORD})


def current_code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def app_for(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


@pytest.mark.django_db
def test_password_alone_signs_nobody_in(client, north, require_2fa):
    app_for(north.officer)
    response = sign_in(client, north.officer)
    assert response.status_code == 302 and response.url == reverse("signin_verify")
    # Not signed in: the case list and the API send them away.
    assert client.get(reverse("home")).status_code == 302
    assert client.get(reverse("home")).url.startswith(reverse("signin"))
    assert client.get(reverse("api:case_list")).status_code in (401, 403)


@pytest.mark.django_db
def test_wrong_code_is_refused_with_a_message(client, north, require_2fa):
    app_for(north.officer)
    sign_in(client, north.officer)
    response = client.post(reverse("signin_verify"), {"code": "000000"})
    assert response.status_code == 200
    assert "The code is not right" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_valid_app_code_signs_in(client, north, require_2fa):
    device = app_for(north.officer)
    sign_in(client, north.officer)
    response = client.post(reverse("signin_verify"), {"code": current_code(device)})
    assert response.status_code == 302 and response.url == reverse("home")
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("api:case_list")).status_code == 200


def set_up_link(user, by=None) -> str:
    from agencies import enrolment

    _link, token = enrolment.issue_link(user, by=by)
    return reverse("signin_enrol", args=[token])


@pytest.mark.django_db
def test_first_sign_in_sets_up_the_app_and_shows_backup_codes_once(client, north, require_2fa):
    assert client.get(set_up_link(north.officer, by=north.admin)).url == reverse("signin")
    response = sign_in(client, north.officer)
    assert response.url == reverse("signin_setup")
    page = client.get(reverse("signin_setup")).content.decode()
    assert 'src="data:image/svg+xml;base64,' in page
    device = TOTPDevice.objects.get(user=north.officer, confirmed=False)
    assert "Secret key" in page
    response = client.post(reverse("signin_setup"), {"code": current_code(device)})
    assert response.url == reverse("signin_backup_codes")
    codes_page = client.get(reverse("signin_backup_codes")).content.decode()
    codes = list(
        StaticToken.objects.filter(device__user=north.officer).values_list("token", flat=True)
    )
    assert len(codes) == 10 and all(code in codes_page for code in codes)
    assert codes[0] not in client.get(reverse("signin_backup_codes")).content.decode()
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_backup_code_works_once(client, north, require_2fa):
    app_for(north.officer)
    sign_in(client, north.officer)
    client.post(reverse("signin_setup"))  # refused: an app is already set up
    assert not TOTPDevice.objects.filter(user=north.officer, confirmed=False).exists()
    backup = StaticDevice.objects.create(user=north.officer, name="Backup codes")
    backup.token_set.create(token="backupcode1")
    response = client.post(reverse("signin_verify"), {"code": "backupcode1"})
    assert response.status_code == 302 and client.get(reverse("home")).status_code == 200
    client.post(reverse("signout"))
    sign_in(client, north.officer)
    response = client.post(reverse("signin_verify"), {"code": "backupcode1"})
    assert response.status_code == 200  # used up


@pytest.mark.django_db
def test_session_signed_in_without_second_factor_reaches_no_staff_page(client, north, require_2fa):
    client.force_login(north.officer)  # as the Django admin's own sign-in form would
    case_url = reverse("case_detail", args=[north.area.slug, north.case.reference])
    response = client.get(case_url)
    assert response.status_code == 302 and response.url == reverse("signin_verify")
    assert client.get(reverse("api:case_list")).status_code == 403


@pytest.mark.django_db
def test_without_require_2fa_the_password_is_enough(client, north, settings):
    settings.REQUIRE_2FA = False
    response = sign_in(client, north.officer)
    assert response.url == reverse("home")
    assert client.get(reverse("home")).status_code == 200


# --- First-device enrolment needs a set-up link (issue #15, Low 10) ------------------------


@pytest.mark.django_db
def test_the_password_alone_cannot_enrol_a_device(client, north, require_2fa):
    response = sign_in(client, north.officer)
    assert response.url == reverse("signin_setup")
    page = client.get(reverse("signin_setup"))
    assert page.status_code == 403
    text = page.content.decode()
    assert "Ask your area admin to send you a set-up link" in text
    assert "data:image/svg+xml" not in text and "Secret key" not in text
    assert not TOTPDevice.objects.filter(user=north.officer).exists()
    client.post(reverse("signin_setup"), {"code": "123456"})
    assert not TOTPDevice.objects.filter(user=north.officer).exists()
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_an_area_admin_asks_a_platform_admin(client, north, require_2fa):
    sign_in(client, north.admin)
    assert "Ask a platform admin" in client.get(reverse("signin_setup")).content.decode()


def enrol(client, user, link):
    client.get(link)
    sign_in(client, user)
    client.get(reverse("signin_setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(reverse("signin_setup"), {"code": current_code(device)})


@pytest.mark.django_db
def test_a_set_up_link_works_once_for_its_own_user(client, north, require_2fa):
    from django.test import Client

    link = set_up_link(north.officer, by=north.admin)
    # Someone else's password with this link enrols nothing.
    other = Client()
    other.get(link)
    sign_in(other, north.responder)
    assert other.get(reverse("signin_setup")).status_code == 403
    assert enrol(client, north.officer, link).url == reverse("signin_backup_codes")
    assert TOTPDevice.objects.filter(user=north.officer, confirmed=True).count() == 1
    again = Client()
    assert again.get(link).status_code == 404  # used
    assert "does not work" in again.get(link).content.decode()


@pytest.mark.django_db
def test_a_set_up_link_expires_and_a_newer_one_replaces_it(client, north, require_2fa):
    from datetime import timedelta

    from django.utils import timezone

    from agencies.models import EnrolmentLink

    first = set_up_link(north.officer, by=north.admin)
    second = set_up_link(north.officer, by=north.admin)
    assert client.get(first).status_code == 404
    EnrolmentLink.objects.filter(used_at__isnull=True).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(second).status_code == 404
    link = EnrolmentLink.objects.order_by("pk").last()
    assert len(link.token_hash) == 64 and second.split("/")[-2] not in link.token_hash


@pytest.mark.django_db
def test_area_admin_emails_a_link_to_their_own_staff_only(
    client, north, south, django_capture_on_commit_callbacks
):
    from django.core import mail

    from notifications.models import Message

    client.force_login(north.admin)
    page = client.get(reverse("enrolment_staff")).content.decode()
    assert north.officer.email in page and north.responder.email in page
    assert south.officer.email not in page and north.admin.email not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("enrolment_send", args=[north.officer.pk]))
    assert response.status_code == 302
    message = Message.objects.get(topic="Second factor set-up link")
    assert message.to_address == north.officer.email
    # The link works like a password until used: the stored message never holds it.
    assert "/sign-in/set-up/" not in message.body and message.private_link == ""
    assert [m.to for m in mail.outbox] == [[north.officer.email]]
    assert "/sign-in/set-up/" in mail.outbox[0].body
    for user in (south.officer, north.admin, south.admin):
        assert client.post(reverse("enrolment_send", args=[user.pk])).status_code == 404
    client.force_login(north.officer)
    assert client.get(reverse("enrolment_staff")).status_code == 404
    assert client.post(reverse("enrolment_send", args=[north.chair.pk])).status_code == 404


@pytest.mark.django_db
def test_the_first_platform_admin_gets_a_link_from_the_command(
    north, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.core.management import CommandError, call_command

    from tests.factories import user_with_role

    platform = user_with_role("platform_admin", email="platform@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("enrolment_link", "platform@example.org")
    assert [m.to for m in mail.outbox] == [["platform@example.org"]]
    assert "/sign-in/set-up/" in mail.outbox[0].body and platform.enrolment_links.count() == 1
    with pytest.raises(CommandError):
        call_command("enrolment_link", north.officer.email)
