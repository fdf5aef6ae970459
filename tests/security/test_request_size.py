"""An oversized request is refused before it is read (issue #15, finding 12)."""

import pytest
from django.conf import settings as project_settings
from django.urls import reverse

from triggers import uploads

pytestmark = pytest.mark.django_db


def test_the_cap_is_above_the_largest_legitimate_upload():
    largest = uploads.MAX_FILES_PER_RETURN * uploads.MAX_UPLOAD_BYTES
    assert largest < project_settings.MAX_REQUEST_BODY_BYTES
    assert project_settings.DATA_UPLOAD_MAX_NUMBER_FILES >= uploads.MAX_FILES_PER_RETURN
    assert project_settings.DATA_UPLOAD_MAX_NUMBER_FILES < 100  # Django's default


def test_a_declared_length_over_the_cap_gets_a_govuk_413_unread(client):
    huge = str(project_settings.MAX_REQUEST_BODY_BYTES + 1)
    # The body is not sent: the declared length alone is refused, before anything reads it.
    response = client.post(
        reverse("apply:start"), b"", content_type="multipart/form-data", CONTENT_LENGTH=huge
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "govuk-heading-l" in page and "too much to send at once" in page


def test_an_oversized_body_gets_a_govuk_413(client, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1024
    response = client.post(reverse("apply:start"), {"area": "x" * 2000})
    assert response.status_code == 413
    assert "too much to send at once" in response.content.decode()


def test_the_api_answers_413_in_json(client, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1024
    body = {"area": "x", "complaints": [{"incident_date": "2026-01-01"}] * 100}
    response = client.post(reverse("api:eligibility"), body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "too large" in response.json()["detail"]


def test_a_body_within_the_cap_is_read_as_usual(client, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1024 * 1024
    assert client.post(reverse("apply:start"), {"area": "nowhere"}).status_code == 200
