"""The area admin's GOV.UK Notify settings page: the key is write-only and sealed at rest."""

import pytest
from django.contrib import admin
from django.urls import reverse

from agencies import sealed
from agencies.models import NotifySettings

from .notify_helpers import EMAIL_TEMPLATE, TEXT_TEMPLATE

pytestmark = pytest.mark.django_db

SERVICE = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"north_live-{SERVICE}-{SECRET}"
FORM = {
    "use_for_email": "on",
    "use_for_text": "on",
    "api_key": API_KEY,
    "email_template_id": EMAIL_TEMPLATE,
    "text_template_id": TEXT_TEMPLATE,
    "callback_token": "receipts-token-123456",
}


def settings_url(side):
    return reverse("area_notify", args=[side.area.slug])


def test_the_saved_key_is_never_shown_again(client, north):
    client.force_login(north.admin)
    response = client.post(settings_url(north), FORM)
    assert response.status_code == 302
    page = client.get(settings_url(north)).content.decode()
    for secret in (API_KEY, SECRET, SERVICE, FORM["callback_token"]):
        assert secret not in page
    assert "A key is saved: north_live (ending " + SECRET[-4:] + ")" in page

    found = NotifySettings.objects.get(area=north.area)
    assert SECRET not in found.sealed_api_key  # sealed at rest
    assert sealed.unseal(found.sealed_api_key) == API_KEY
    assert FORM["callback_token"] not in found.callback_token_hash
    assert found.sends("email") and found.sends("text") and not found.sends("letter")


def test_a_form_with_errors_does_not_show_the_key_back(client, north):
    client.force_login(north.admin)
    response = client.post(settings_url(north), {**FORM, "email_template_id": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "Enter the email template ID" in page
    assert "govuk-error-summary" in page and SECRET not in page


def test_an_empty_key_keeps_the_saved_one(client, north):
    client.force_login(north.admin)
    client.post(settings_url(north), FORM)
    client.post(settings_url(north), {**FORM, "api_key": "", "use_for_text": ""})
    found = NotifySettings.objects.get(area=north.area)
    assert sealed.unseal(found.sealed_api_key) == API_KEY and not found.use_for_text


def test_notify_needs_a_key_and_a_well_formed_one(client, north):
    client.force_login(north.admin)
    page = client.post(settings_url(north), {**FORM, "api_key": ""}).content.decode()
    assert "Enter the API key to send through GOV.UK Notify" in page
    page = client.post(settings_url(north), {**FORM, "api_key": "short"}).content.decode()
    assert "Enter the whole API key" in page
    assert not NotifySettings.objects.filter(area=north.area).exclude(sealed_api_key="").exists()


def test_notify_is_off_by_default(north):
    from notifications.services import texts_available

    assert not texts_available(north.area)


def test_the_platform_admin_has_no_view_of_the_key():
    assert NotifySettings not in admin.site._registry


def test_a_changed_secret_cannot_open_the_sealed_key(settings):
    settings.NOTIFY_KEY_SECRET = "one-secret"
    kept = sealed.seal(API_KEY)
    settings.NOTIFY_KEY_SECRET = "another-secret"
    with pytest.raises(sealed.Unreadable):
        sealed.unseal(kept)
