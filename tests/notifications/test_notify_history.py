"""Changes to an area's GOV.UK Notify settings are kept: who changed what, and when, shown
to the area admin on the settings page; never the key or the receipts token themselves."""

import pytest
from django.urls import reverse

from agencies.models import NotifySettingsChange

from .notify_helpers import EMAIL_TEMPLATE, TEXT_TEMPLATE
from .test_notify_settings import API_KEY, FORM, SECRET, SERVICE

pytestmark = pytest.mark.django_db


def settings_url(side):
    return reverse("area_notify", args=[side.area.slug])


def test_each_change_is_recorded_with_who_and_what_never_the_key(client, north):
    client.force_login(north.admin)
    assert client.post(settings_url(north), FORM).status_code == 302
    (first,) = NotifySettingsChange.objects.filter(area=north.area)
    assert first.changed_by == north.admin
    assert "Emails through GOV.UK Notify turned on" in first.changes
    assert "Text messages through GOV.UK Notify turned on" in first.changes
    assert f"API key saved: north_live (ending {SECRET[-4:]})" in first.changes
    assert f"Email template ID changed from none to {EMAIL_TEMPLATE}" in first.changes
    assert "Delivery receipts bearer token saved" in first.changes
    # Texts off, the key kept: only that is recorded.
    texts_off = {**FORM, "api_key": "", "callback_token": ""}
    del texts_off["use_for_text"]
    assert client.post(settings_url(north), texts_off).status_code == 302
    latest = NotifySettingsChange.objects.filter(area=north.area).first()
    assert latest.changes == ["Text messages through GOV.UK Notify turned off"]
    # Saving without changing anything records nothing.
    client.post(settings_url(north), texts_off)
    assert NotifySettingsChange.objects.filter(area=north.area).count() == 2
    # The page shows the area admin the history, without the secrets.
    page = client.get(settings_url(north)).content.decode()
    assert "Changes to these settings" in page and north.admin.full_name in page
    assert "Text messages through GOV.UK Notify turned off" in page
    stored = " ".join(" ".join(c.changes) for c in NotifySettingsChange.objects.all())
    for secret in (API_KEY, SERVICE, FORM["callback_token"]):
        assert secret not in page and secret not in stored
    assert TEXT_TEMPLATE in stored


def test_another_areas_history_is_not_shown(client, north, south):
    client.force_login(north.admin)
    client.post(settings_url(north), FORM)
    client.force_login(south.admin)
    page = client.get(settings_url(south)).content.decode()
    assert "No changes recorded yet" in page
    assert client.get(settings_url(north)).status_code == 404
