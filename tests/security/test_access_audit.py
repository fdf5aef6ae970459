"""The access audit: written for every view, download and change of case data; append-only."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from audit.models import AccessRecord, AppendOnly
from triggers.threshold.services import decide_threshold


def case_url(side, name="case_detail", **extra):
    return reverse(name, kwargs={"area": side.area.slug, "reference": side.case.reference, **extra})


@pytest.mark.django_db
def test_viewing_a_case_is_recorded_with_who_where_and_from_where(client, north):
    client.force_login(north.officer)
    assert client.get(case_url(north), REMOTE_ADDR="192.0.2.44").status_code == 200
    record = AccessRecord.objects.get()
    assert record.user == north.officer and record.who == north.officer.email
    assert record.action == "view" and record.url_name == "case_detail"
    assert record.area_id == north.area.pk and record.case_reference == north.case.reference
    assert record.case_id == north.case.pk and record.ip_address == "192.0.2.44"


@pytest.mark.django_db
def test_downloads_and_changes_are_recorded(client, north):
    decide_threshold(north.case, "met", by=north.officer)
    letter = north.case.letters.get()
    client.force_login(north.officer)
    client.get(case_url(north, "case_letter", letter_id=letter.pk))
    download = AccessRecord.objects.get(url_name="case_letter")
    assert download.action == "download" and download.object_type == "letter"
    assert download.object_id == str(letter.pk) and download.case_reference == north.case.reference
    client.post(case_url(north, "case_meeting_cancel"))
    assert AccessRecord.objects.filter(action="change", url_name="case_meeting_cancel").exists()


@pytest.mark.django_db
def test_object_urls_are_traced_to_their_case(client, north):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from triggers.information.services import ReturnData, submit_return

    decide_threshold(north.case, "met", by=north.officer)
    request = north.case.information_requests.get(agency=north.police)
    pdf = SimpleUploadedFile("log.pdf", b"%PDF-1.4 log", "application/pdf")
    submit_return(request, ReturnData(actions_taken="Visited."), by=north.responder, files=[pdf])
    client.force_login(north.responder)
    client.get(reverse("request_detail", args=[request.pk]))
    client.get(reverse("document", args=[request.documents.get().pk]))
    view, download = AccessRecord.objects.order_by("pk")
    assert (view.action, view.object_type) == ("view", "informationrequest")
    assert (download.action, download.object_type) == ("download", "document")
    for record in (view, download):
        assert record.case_reference == north.case.reference and record.area_id == north.area.pk


@pytest.mark.django_db
def test_the_applicants_private_link_is_recorded_without_its_token(client, north):
    client.get(reverse("track:open", args=[north.case.token]))
    client.get(reverse("track:case"))
    records = list(AccessRecord.objects.order_by("pk"))
    assert [r.url_name for r in records] == ["track:open", "track:case"]
    assert all(r.who == "applicant (private link)" and r.case_id == north.case.pk for r in records)
    stored = " ".join(str(vars(r)) for r in records)
    assert north.case.token not in stored


@pytest.mark.django_db
def test_refused_attempts_are_recorded_as_refused_with_what_was_asked(client, north, south):
    """Issue #15 (Low 9): another area's object answers 404, and the attempt is recorded
    against the asker's own area, naming what was asked for but not confirming it exists."""
    client.force_login(north.officer)
    assert client.get(case_url(south)).status_code == 404
    refused = AccessRecord.objects.get()
    assert (refused.action, refused.url_name, refused.who) == (
        "refused",
        "case_detail",
        north.officer.email,
    )
    assert refused.case_reference == south.case.reference
    assert refused.object_id == f"south/{south.case.reference}"
    assert refused.area_id == north.area.pk and refused.case_id is None
    assert client.get(reverse("document", args=[987654])).status_code == 404
    document = AccessRecord.objects.get(url_name="document")
    assert (document.action, document.object_type, document.object_id) == (
        "refused",
        "document",
        "987654",
    )
    client.get(reverse("home"))  # a list view, recorded as such, names no case of south's
    assert AccessRecord.objects.filter(action="view").get().url_name == "home"
    client.logout()
    client.get(case_url(south))  # nobody signed in: sent to sign in, nothing to record
    assert AccessRecord.objects.count() == 3


@pytest.mark.django_db
def test_head_is_recorded_as_a_head_view_never_a_download(client, north):
    """Issue #15 (Low 9): HEAD was not recorded at all; it is a view (no content left)."""
    decide_threshold(north.case, "met", by=north.officer)
    letter = north.case.letters.get()
    client.force_login(north.officer)
    assert client.head(case_url(north, "case_letter", letter_id=letter.pk)).status_code == 200
    record = AccessRecord.objects.get()
    assert (record.method, record.action, record.object_type) == ("HEAD", "view", "letter")
    client.get(case_url(north, "case_letter", letter_id=letter.pk))
    assert AccessRecord.objects.filter(method="GET", action="download").count() == 1


@pytest.mark.django_db
def test_rows_cannot_be_changed_or_deleted_through_the_orm(client, north):
    client.force_login(north.officer)
    client.get(case_url(north))
    record = AccessRecord.objects.get()
    record.who = "someone else"
    with pytest.raises(AppendOnly):
        record.save()
    with pytest.raises(AppendOnly):
        record.delete()
    with pytest.raises(AppendOnly):
        AccessRecord.objects.filter(pk=record.pk).update(who="someone else")
    with pytest.raises(AppendOnly):
        AccessRecord.objects.all().delete()
    assert AccessRecord.objects.get().who == north.officer.email


@pytest.mark.django_db
def test_admin_is_read_only(north):
    from agencies.models import User

    admin = site._registry[AccessRecord]
    superuser = User.objects.create_superuser("root@example.org", "x" * 16, full_name="Root")
    request = RequestFactory().get("/admin/")
    request.user = superuser
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
    assert admin.has_view_permission(request)


@pytest.mark.django_db
def test_area_admin_sees_and_exports_only_their_areas_log(client, north, south):
    for side in (north, south):
        client.force_login(side.officer)
        client.get(case_url(side))
    client.force_login(north.admin)
    page = client.get(reverse("audit_log")).content.decode()
    assert north.case.reference in page and south.case.reference not in page
    export = client.get(reverse("audit_export"))
    assert export["Content-Type"] == "text/csv"
    text = export.content.decode()
    assert north.case.reference in text and south.case.reference not in text
    assert text.splitlines()[0].startswith("at,who,action,case_reference")
    for role in ("officer", "responder", "chair", "pcc_officer"):
        client.force_login(getattr(north, role))
        assert client.get(reverse("audit_log")).status_code == 404
        assert client.get(reverse("audit_export")).status_code == 404


def queries_for(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_audit_list_queries_do_not_grow_with_rows(client, north):
    client.force_login(north.officer)
    client.get(case_url(north))
    client.force_login(north.admin)
    few = queries_for(client, reverse("audit_log"))
    client.force_login(north.officer)
    for _ in range(30):
        client.get(case_url(north))
    client.force_login(north.admin)
    assert queries_for(client, reverse("audit_log")) == few


@pytest.mark.django_db
def test_viewing_a_list_of_cases_is_recorded_against_the_users_area(client, north):
    client.force_login(north.officer)
    assert client.get(reverse("home"), {"status": "open"}).status_code == 200
    record = AccessRecord.objects.get()
    assert (record.url_name, record.object_type, record.object_id) == (
        "home",
        "case list",
        "status=open",
    )
    assert record.area_id == north.area.pk and record.user == north.officer
    assert client.get(reverse("check")).status_code == 200  # no case data: nothing recorded
    assert AccessRecord.objects.count() == 1
