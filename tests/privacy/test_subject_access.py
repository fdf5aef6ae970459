"""Subject access: an area admin exports everything held about a case's applicant."""

import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from audit.models import AccessRecord
from triggers.threshold.services import decide_threshold


def urls(side):
    kwargs = {"area": side.area.slug, "reference": side.case.reference}
    return (
        reverse("case_subject_access", kwargs=kwargs),
        reverse("case_subject_access_file", kwargs={**kwargs, "fmt": "json"}),
        reverse("case_subject_access_file", kwargs={**kwargs, "fmt": "pdf"}),
    )


@pytest.mark.django_db
def test_json_export_holds_the_applicants_data(client, north):
    decide_threshold(north.case, "met", by=north.officer, reasons="Three reports.")
    client.force_login(north.admin)
    page, as_json, _ = urls(north)
    assert client.get(page).status_code == 200
    response = client.get(as_json)
    assert response["Content-Disposition"].startswith("attachment;")
    held = json.loads(response.content)
    application = held["triggers"]["application"]
    assert application["name"] == "North Applicant"
    assert application["email"] == "applicant@example.com"
    assert len(held["triggers"]["reports of the behaviour"]) == 3
    assert held["triggers"]["threshold decisions"][0]["outcome"] == "Threshold met"
    assert held["notifications"]["messages sent to the applicant"]


@pytest.mark.django_db
def test_pdf_export_is_readable_and_audited(client, north):
    client.force_login(north.admin)
    response = client.get(urls(north)[2])
    assert response["Content-Type"] == "application/pdf"
    from io import BytesIO

    text = "".join(p.extract_text() for p in PdfReader(BytesIO(response.content)).pages)
    assert "North Applicant" in text and north.case.reference in text
    record = AccessRecord.objects.get(url_name="case_subject_access_file")
    assert record.action == "download" and record.user == north.admin


@pytest.mark.django_db
def test_only_the_areas_admins_may_export(client, north, south):
    for role in ("officer", "responder", "chair", "pcc_officer"):
        client.force_login(getattr(north, role))
        for url in urls(north):
            assert client.get(url).status_code == 404, (role, url)
    client.force_login(south.admin)
    for url in urls(north):
        assert client.get(url).status_code == 404
    client.force_login(north.admin)
    bad = reverse(
        "case_subject_access_file",
        kwargs={"area": north.area.slug, "reference": north.case.reference, "fmt": "xml"},
    )
    assert client.get(bad).status_code == 404


@pytest.mark.django_db
def test_the_export_says_a_private_link_exists_and_never_holds_it(client, north):
    """A private link in an export would open the case to whoever reads the file."""
    client.force_login(north.admin)
    response = client.get(urls(north)[1])
    text = response.content.decode()
    link = json.loads(text)["triggers"]["private link"]
    assert link["a private link was issued"] is True
    assert link["issued"] == north.case.received_at.isoformat()
    assert north.case.token not in text and "/track/" not in text
