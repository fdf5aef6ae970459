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


@pytest.mark.django_db
def test_first_sign_in_sets_up_the_app_and_shows_backup_codes_once(client, north, require_2fa):
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
