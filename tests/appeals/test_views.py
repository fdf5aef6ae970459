"""The appeal pages: the applicant's, the council's, the PCC's; errors, isolation, speed."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from appeals.models import Appeal
from tests.conftest import build_side
from triggers.models import Letter
from triggers.workflow import Status

from .helpers import findings, lodge, not_met_case

pytestmark = pytest.mark.django_db

LODGE = reverse("appeals:track_lodge")


def open_link(client, case):
    client.get(reverse("track:open", args=[case.token]))


def make_late(case):
    Letter.objects.filter(case=case).update(sent_at=timezone.now() - timedelta(days=60))


def test_applicant_sees_the_appeal_link_and_lodges_with_a_document(client, north):
    case = not_met_case(north)
    open_link(client, case)
    assert LODGE in client.get(reverse("track:case")).content.decode()
    page = client.get(LODGE).content.decode()
    assert "Last day to appeal" in page and "Threshold decision" in page
    diary = SimpleUploadedFile("diary.pdf", b"%PDF-1.4 my diary", "application/pdf")
    response = client.post(
        LODGE,
        {
            "kind": "appeal",
            "grounds": ["threshold_wrongly_refused", "other"],
            "explanation": "Three reports were made to the police.",
            "documents": diary,
        },
    )
    assert response.status_code == 302 and response.url == reverse("track:case")
    appeal = case.appeals.get()
    assert appeal.recorded_by is None
    assert appeal.documents.get().original_name == "diary.pdf"
    page = client.get(reverse("track:case")).content.decode()
    assert "Your appeal has been sent" in page and "Your appeal is being looked at" in page
    assert LODGE not in page  # nothing left to appeal while the PCC decides


def test_applicant_form_errors_use_the_error_summary(client, north):
    open_link(client, not_met_case(north))
    page = client.post(LODGE, {"explanation": " "}).content.decode()
    assert "govuk-error-summary" in page
    assert "Choose at least one reason for appealing" in page
    assert "Explain why you are appealing" in page
    assert "<title>Error: " in page


def test_a_refused_upload_keeps_the_answers(client, north):
    open_link(client, not_met_case(north))
    bad = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", "application/octet-stream")
    page = client.post(
        LODGE,
        {"kind": "appeal", "grounds": ["other"], "explanation": "Kept text.", "documents": bad},
    ).content.decode()
    assert "govuk-error-summary" in page and "virus.exe must be a PDF" in page
    assert "Kept text." in page
    assert not Appeal.objects.exists()


def test_late_appeal_is_refused_with_the_deadline(client, north):
    case = not_met_case(north)
    make_late(case)
    open_link(client, case)
    page = client.get(LODGE).content.decode()
    assert "The time to appeal ended on" in page and "cannot appeal online" in page
    assert "Send your appeal" not in page
    client.post(LODGE, {"grounds": ["other"], "explanation": "Late."})
    assert not Appeal.objects.exists()


def test_staff_accept_a_late_appeal_only_with_a_reason(client, north):
    case = not_met_case(north)
    make_late(case)
    client.force_login(north.officer)
    url = reverse("appeals:record", args=[north.area.slug, case.reference])
    page = client.post(url, {"grounds": ["other"], "explanation": "By phone."}).content.decode()
    assert "govuk-error-summary" in page
    assert "Give the reason for accepting the appeal late" in page
    assert "Choose how they appealed" in page
    response = client.post(
        url,
        {
            "channel": "phone",
            "kind": "appeal",
            "grounds": ["other"],
            "explanation": "By phone.",
            "late_reason": "Was in hospital.",
        },
    )
    assert response.status_code == 302
    appeal = case.appeals.get()
    assert appeal.late_reason == "Was in hospital." and appeal.recorded_by == north.officer
    assert appeal.channel == "phone"
    page = client.get(response.url).content.decode()
    assert "Accepted late" in page and "Was in hospital." in page


def test_council_case_page_offers_to_record_an_appeal(client, north):
    case = not_met_case(north)
    client.force_login(north.officer)
    page = client.get(reverse("case_detail", args=[north.area.slug, case.reference]))
    assert (
        reverse("appeals:record", args=[north.area.slug, case.reference]) in page.content.decode()
    )


def decision_post(appeal, made_out="no", **extra):
    data = {"reasons": "Considered everything.", **extra}
    for row in appeal.grounds.all():
        data[f"{row.ground}_made_out"] = made_out
        data[f"{row.ground}_finding"] = "Looked at the file."
    return data


def test_decision_form_errors_use_the_error_summary(client, north):
    appeal = lodge(not_met_case(north))
    client.force_login(north.pcc_officer)
    url = reverse("appeals:decide", args=[appeal.pk])
    page = client.post(url, {}).content.decode()
    assert "govuk-error-summary" in page
    assert "Choose whether the appeal is upheld" in page
    assert "Give your finding on" in page and "Give the reasons for your decision" in page
    page = client.post(url, decision_post(appeal, "yes", outcome="upheld")).content.decode()
    assert "Choose what must happen now the appeal is upheld" in page
    assert "Say what the council must address" in page
    page = client.post(url, decision_post(appeal, "yes", outcome="not_upheld")).content.decode()
    assert "uphold the appeal, or change that finding" in page
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.LODGED


def test_pcc_upholds_and_the_council_sees_the_points_to_address(client, north):
    case = not_met_case(north)
    appeal = lodge(case)
    client.force_login(north.pcc_officer)
    page = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "The case file" in page and "Only one report was made." in page
    assert "Nobody looked at my diary" in page
    response = client.post(
        reverse("appeals:decide", args=[appeal.pk]),
        decision_post(
            appeal,
            "yes",
            outcome="upheld",
            remedy="threshold_redecision",
            points_to_address="Weigh the victim's vulnerability.",
            confirm="yes",
        ),
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_REDECISION
    client.force_login(north.officer)
    page = client.get(reverse("case_detail", args=[north.area.slug, case.reference]))
    text = page.content.decode()
    assert "Weigh the victim&#x27;s vulnerability." in text and "Decide the threshold" in text


def test_council_officer_cannot_decide(client, north):
    appeal = lodge(not_met_case(north))
    client.force_login(north.officer)
    assert client.get(reverse("appeals:detail", args=[appeal.pk])).status_code == 200
    assert client.get(reverse("appeals:decide", args=[appeal.pk])).status_code == 404


def test_pcc_sees_every_area_of_its_force_and_nothing_else(client, north, south):
    east = build_side("east", force=north.force)
    assert east.pcc == north.pcc
    appeals = [lodge(not_met_case(side)) for side in (north, east, south)]
    client.force_login(north.pcc_officer)
    page = client.get(reverse("appeals:list")).content.decode()
    north_appeal, east_appeal, south_appeal = appeals
    assert north_appeal.case.reference in page and east_appeal.case.reference in page
    assert south_appeal.case.reference not in page
    assert client.get(reverse("appeals:detail", args=[east_appeal.pk])).status_code == 200
    assert client.get(reverse("appeals:detail", args=[south_appeal.pk])).status_code == 404
    figures = client.get(reverse("appeals:figures")).content.decode()
    assert "East" in figures and "North" in figures and "South" not in figures


def test_list_sorts_by_area_and_shows_decided(client, north):
    east = build_side("east", force=north.force)
    north_appeal = lodge(not_met_case(north))
    east_appeal = lodge(not_met_case(east))
    client.force_login(north.pcc_officer)
    page = client.get(reverse("appeals:list"), {"sort": "area"}).content.decode()
    # The list sorted, below the "Appeals to decide" panel (which keeps its own order: due).
    table = page[page.index("All appeals") :]
    assert table.index(east_appeal.case.reference) < table.index(north_appeal.case.reference)
    from appeals.decisions import DecisionData, decide_appeal

    decide_appeal(
        north_appeal,
        DecisionData(upheld=False, reasons="r", findings=findings(north_appeal, False)),
        by=north.pcc_officer,
    )
    waiting = client.get(reverse("appeals:list")).content.decode()
    decided = client.get(reverse("appeals:list"), {"show": "decided"}).content.decode()
    assert north_appeal.case.reference not in waiting
    assert north_appeal.case.reference in decided and "Not upheld" in decided


def test_list_query_count_does_not_grow(client, north, django_assert_num_queries):
    from appeals.models import AppealGround

    case = not_met_case(north)
    template = lodge(case)

    def add(n):
        for _ in range(n):
            copy = Appeal.objects.create(
                **{
                    f.attname: getattr(template, f.attname)
                    for f in Appeal._meta.concrete_fields
                    if f.name not in ("id",)
                }
                | {"status": Appeal.Status.NOT_UPHELD, "remedy": ""}
            )
            AppealGround.objects.create(area=north.area, appeal=copy, ground="other")

    client.force_login(north.pcc_officer)
    client.get(reverse("appeals:list"), {"show": "all"})  # warm the session
    add(2)
    with django_assert_num_queries(12) as small:  # the access audit writes one row
        client.get(reverse("appeals:list"), {"show": "all"})
    add(20)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("appeals:list"), {"show": "all"})


def test_figures_count_grounds_outcomes_and_timeliness(client, north):
    from appeals.decisions import DecisionData, decide_appeal

    first = lodge(not_met_case(north))
    second = lodge(not_met_case(north), grounds=["other"])
    decide_appeal(
        first,
        DecisionData(upheld=False, reasons="r", findings=findings(first, False)),
        by=north.pcc_officer,
    )
    decide_appeal(
        second,
        DecisionData(upheld=False, reasons="r", findings=findings(second, False)),
        by=north.pcc_officer,
    )
    # The second was decided after its deadline.
    Appeal.objects.filter(pk=second.pk).update(
        decision_due=timezone.localdate() - timedelta(days=3)
    )
    from appeals.selectors import figures

    counted = figures(north.pcc_officer)
    assert counted["totals"]["decided"] == 2 and counted["totals"]["in_time"] == 1
    assert counted["in_time_percent"] == 50
    assert dict(counted["grounds"])["Another reason"] == 1
    assert dict(counted["grounds"])["The threshold was wrongly refused"] == 1
    assert counted["by_area"] == [
        {"area__name": "North", "total": 2, "waiting": 0, "upheld": 0, "not_upheld": 2}
    ]
    client.force_login(north.pcc_officer)
    assert "50%" in client.get(reverse("appeals:figures")).content.decode()


def test_case_page_shows_both_review_rounds_after_an_upheld_appeal(client, north):
    from appeals.decisions import DecisionData, decide_appeal
    from triggers.information.services import notify_agencies

    from .helpers import outcome_sent_case

    case = outcome_sent_case(north)
    appeal = lodge(case, grounds=["process_not_followed"])
    decide_appeal(
        appeal,
        DecisionData(
            upheld=True,
            reasons="The victim was not invited.",
            findings=findings(appeal, True),
            remedy="further_review",
            points_to_address="Invite the victim to the meeting.",
        ),
        by=north.pcc_officer,
    )
    notify_agencies(case, by=north.officer)
    client.force_login(north.officer)
    page = client.get(reverse("case_detail", args=[north.area.slug, case.reference]))
    text = page.content.decode()
    assert text.count("(review 2)") == 2  # both agencies asked again, round 2
    assert "Invite the victim to the meeting." in text and "A further case review" in text
    client.force_login(north.pcc_officer)
    text = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "Police (review 1)" in text and "Police (review 2)" in text
    assert "Review 1:" in text  # the first round's meeting, in the read-only file
    assert "Review 1: meeting record and action plan" in text
    assert "Persistent noise at night." in text and "Late-night patrols." in text


def test_no_second_appeal_link_after_the_pcc_decided(client, north):
    from appeals.decisions import DecisionData, decide_appeal

    case = not_met_case(north)
    appeal = lodge(case)
    decide_appeal(
        appeal,
        DecisionData(upheld=False, reasons="r", findings=findings(appeal, False)),
        by=north.pcc_officer,
    )
    open_link(client, case)
    page = client.get(reverse("track:case")).content.decode()
    assert "Your appeal is not upheld" in page  # the decision letter is on the link
    assert LODGE not in page
    assert "no decision on your case that you can appeal now" in client.get(LODGE).content.decode()
