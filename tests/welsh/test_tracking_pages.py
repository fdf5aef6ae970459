# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: every page of a Welsh case's private link in Welsh, not only its main page:
taking part in the review, the draft action plan and its comments, withdrawing, the meeting's
calendar file, and the appeal lodged through the link, with their errors; and the applicant's
appeal emails in the language recorded for them. An English case stays English."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from agencies.models import Area
from appeals import decisions
from appeals.models import Appeal
from notifications.models import Message
from tests.appeals.helpers import findings, lodge
from tests.conftest import build_side
from tests.factories import complaint_data, make_case
from triggers.meetings import services as meetings
from triggers.models import Case, Letter
from triggers.reviews import services as reviews
from triggers.threshold.services import decide_threshold

from .english import english_words, main_text
from .test_messages import english_left

pytestmark = pytest.mark.django_db

LODGE = reverse("appeals:track_lodge")
VENUE = "Neuadd y Ddinas, Ystafell 2"  # typed by the officer, in Welsh
FINDINGS = "Sŵn parhaus yn y nos."


@pytest.fixture
def wales(db):
    side = build_side("cardiff", with_case=False)
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES, spoc_name="Tîm YG")
    side.area.refresh_from_db()
    return side


def welsh_case(side, **kwargs):
    return make_case(
        side.area, applicant_name="Eleri Jones", data={"applicant_language": "cy"}, **kwargs
    )


def names_of(side, case) -> tuple[str, ...]:
    area = case.area
    officer = Case.objects.get(pk=case.pk).assigned_officer
    found = (
        case.reference,
        case.applicant_name,
        area.name,
        area.spoc_name,
        area.spoc_email,
        officer.full_name if officer else "",
        area.force_area.name,
        side.council.name,
        side.police.name,
        side.pcc.name,
        VENUE,
        FINDINGS,
        "PDF",
    )
    return tuple(name for name in found if name)


def in_welsh(client, case):
    """The applicant opens their link and chooses Cymraeg in the header."""
    client.get(reverse("track:open", args=[case.token]))
    client.get("/language/cy/", {"next": reverse("track:case")})
    return client


def welsh(response, names):
    html = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert '<html lang="cy"' in html
    assert english_words(html, names=names) == [], " ".join(main_text(html).split())
    return html


def arrange(side, case):
    decide_threshold(case, "met", by=side.officer)
    starts = timezone.now() + timedelta(days=3)
    return meetings.schedule_review(
        case,
        meetings.MeetingData(
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            chair=side.chair,
            venue=VENUE,
            agencies=[side.police],
            emails=["eiriolwr@example.net", "cymydog@example.net"],
        ),
        by=side.officer,
    )


def record(side, case):
    """The meeting held yesterday and the review recorded, its draft plan open for comment."""
    now = timezone.now()
    starts = now - timedelta(days=1)
    decide_threshold(case, "met", by=side.officer)
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=8)):
        meetings.schedule_review(
            case,
            meetings.MeetingData(
                starts_at=starts, ends_at=starts + timedelta(hours=1), chair=side.chair, venue=VENUE
            ),
            by=side.officer,
        )
    due = timezone.localdate() + timedelta(days=30)
    return reviews.record_review(
        case,
        reviews.ReviewData(
            without_missing_returns=True,
            attendance="Cadeirydd, cyngor, heddlu.",
            findings=FINDINGS,
            recommendations=[reviews.RecommendationData(side.police, "Patrolio yn y nos.")],
            actions=[reviews.ActionData(side.police, "Patrolau hwyr.", due)],
        ),
        by=side.officer,
    )


def not_met(side):
    case = welsh_case(side, complaints=[complaint_data(20)])
    decide_threshold(case, "not_met", by=side.officer, reasons="Un adroddiad yn unig.")
    token = case.token
    case = Case.objects.get(pk=case.pk)
    case.token = token
    return case


# --- Taking part, the meeting, the calendar file ---------------------------------------------


def test_the_involvement_page_and_its_errors_are_welsh(client, wales):
    case = welsh_case(wales)
    arrange(wales, case)
    in_welsh(client, case)
    html = welsh(client.get(reverse("track:involvement")), names_of(wales, case))
    assert "Cymryd rhan yn eich adolygiad achos" in html
    assert "Dod i’r cyfarfod wyneb yn wyneb" in html and "Cadw" in html
    html = welsh(client.post(reverse("track:involvement"), {}), names_of(wales, case))
    assert "Mae problem wedi codi" in html and "<title>Gwall:" in html
    assert "Dewiswch sut hoffech gymryd rhan yn y cyfarfod adolygu" in html
    response = client.post(reverse("track:involvement"), {"way": "advocate"})
    html = welsh(response, names_of(wales, case))
    assert "Rhowch enw’r eiriolwr" in html and "Rhowch sut i gysylltu â’r eiriolwr" in html
    response = client.post(
        reverse("track:involvement"), {"way": "written", "statement": "Mae’r sŵn yn parhau."}
    )
    assert response.status_code == 302
    html = welsh(client.get(reverse("track:case")), (*names_of(wales, case), "Mae’r sŵn"))
    assert "Diolch. Mae eich atebion ar gyfer y cyfarfod adolygu gennym." in html
    assert "Dywedoch wrthym: anfon datganiad ysgrifenedig." in html
    assert "Yr hyn rydych wedi’i anfon atom" in html


def test_the_meeting_on_the_case_page_is_welsh_with_welsh_dates(client, wales):
    case = welsh_case(wales)
    meeting = arrange(wales, case)
    in_welsh(client, case)
    html = welsh(client.get(reverse("track:case")), names_of(wales, case))
    assert "Y cyfarfod adolygu" in html and "Pwy sydd wedi’u gwahodd" in html
    assert f"Y cadeirydd, o {wales.council.name}" in html
    assert "2 unigolyn arall wedi’u gwahodd drwy e-bost" in html  # the plural, in Welsh
    assert "Ychwanegu’r cyfarfod at eich calendr (ffeil .ics)" in html
    month = timezone.localtime(meeting.starts_at).month
    welsh_months = (
        "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
    )
    assert welsh_months.split()[month - 1] in html


def test_the_calendar_file_is_welsh_for_a_welsh_applicant(client, wales):
    case = welsh_case(wales)
    arrange(wales, case)
    in_welsh(client, case)
    event = Calendar.from_ical(client.get(reverse("track:meeting_calendar")).content).walk(
        "VEVENT"
    )[0]
    summary, description = str(event["summary"]), str(event["description"])
    assert summary == f"Cyfarfod adolygu achos YG ({case.reference})"
    assert f"Wyneb yn wyneb. Lleoliad: {VENUE}" in description and "Cadeirydd:" in description
    names = (*names_of(wales, case), wales.chair.full_name)
    assert english_left(summary + " " + description, names=names) == []


# --- The draft action plan, its comments and the plan's progress -----------------------------


def test_the_draft_plan_page_and_its_comment_errors_are_welsh(client, wales):
    case = welsh_case(wales)
    record(wales, case)
    in_welsh(client, case)
    names = (*names_of(wales, case), "Patrolio yn y nos.", "Patrolau hwyr.")
    html = welsh(client.get(reverse("track:plan")), names)
    assert "Y cynllun gweithredu drafft" in html and "Beth a ganfu’r adolygiad" in html
    assert "Anfon fy sylwadau" in html
    html = welsh(client.post(reverse("track:plan"), {"text": " "}), names)
    assert "Mae problem wedi codi" in html
    assert "Ysgrifennwch eich sylwadau ar y cynllun gweithredu drafft" in html
    assert client.post(reverse("track:plan"), {"text": "Ychwanegwch y penwythnos."}).status_code
    html = welsh(client.get(reverse("track:case")), (*names, "Ychwanegwch y penwythnos."))
    assert "Diolch. Mae eich sylwadau wedi’u hanfon at eich cyswllt." in html
    assert "Eich sylwadau ar y cynllun gweithredu drafft" in html and "Anfonwyd " in html
    assert "Heb ddechrau eto" in html  # the action's progress, in Welsh


# --- Withdrawing -------------------------------------------------------------------------------


def test_the_withdraw_page_and_its_check_are_welsh(client, wales):
    case = welsh_case(wales)
    in_welsh(client, case)
    html = welsh(client.get(reverse("track:withdraw")), names_of(wales, case))
    assert "Gofyn am dynnu eich cais yn ôl" in html
    html = welsh(client.post(reverse("track:withdraw"), {}), names_of(wales, case))
    assert "Mae problem wedi codi" in html
    assert "Cadarnhewch eich bod am dynnu eich cais yn ôl" in html
    response = client.post(reverse("track:withdraw"), {"confirm": "on"})
    assert response.status_code == 302
    html = welsh(client.get(reverse("track:case")), names_of(wales, case))
    assert "Mae eich cais i dynnu’n ôl gennym." in html


# --- The appeal lodged through the private link ------------------------------------------------


def test_the_appeal_page_is_welsh_with_the_grounds_that_fit_the_letter(client, wales):
    case = not_met(wales)
    in_welsh(client, case)
    html = welsh(client.get(reverse("track:case")), names_of(wales, case))
    assert "Os ydych yn anghytuno â’n penderfyniad" in html
    html = welsh(client.get(LODGE), names_of(wales, case))
    assert "Apelio yn erbyn y penderfyniad" in html
    assert "Mae dwy ffordd o gael ystyried y penderfyniad hwn eto" in html
    assert "Penderfyniad ar y trothwy: Eich adolygiad achos: nid yw’r trothwy" in html
    # Against "threshold not met" (DOMAIN.md §5.6): wrongly refused, a process, information,
    # another reason; not the recommendations, which only an outcome has.
    for ground in (
        "Cafodd y trothwy ei wrthod ar gam",
        "Ni ddilynwyd proses, polisi neu brotocol perthnasol",
        "Ni ystyriwyd gwybodaeth berthnasol",
        "Rheswm arall",
    ):
        assert ground in html
    assert "Nid yw’r argymhellion yn mynd i’r afael â’r broblem" not in html
    assert "Hyd at 10 ffeil, pob un yn llai na 10MB" in html


def test_the_appeal_errors_are_welsh(client, wales):
    case = not_met(wales)
    in_welsh(client, case)
    html = welsh(client.post(LODGE, {"explanation": " "}), names_of(wales, case))
    assert "Mae problem wedi codi" in html and "<title>Gwall:" in html
    assert "Dewiswch pwy rydych am iddynt ystyried y penderfyniad eto" in html
    assert "Dewiswch o leiaf un rheswm dros apelio" in html
    assert "Esboniwch pam rydych chi’n apelio" in html
    bad = SimpleUploadedFile("firws.exe", b"MZ\x90\x00", "application/octet-stream")
    answers = {"kind": "appeal", "grounds": ["other"], "explanation": "Testun.", "documents": bad}
    html = welsh(client.post(LODGE, answers), (*names_of(wales, case), "firws.exe", "Testun."))
    assert "Rhaid i firws.exe fod yn un o’r canlynol: PDF, Word" in html
    assert not Appeal.objects.exists()


def test_a_late_appeal_is_refused_in_welsh(client, wales):
    case = not_met(wales)
    Letter.objects.filter(case=case).update(sent_at=timezone.now() - timedelta(days=60))
    in_welsh(client, case)
    html = welsh(client.get(LODGE), names_of(wales, case))
    assert "Daeth yr amser i apelio i ben ar" in html and "Gallant dderbyn apêl hwyr." in html


def test_a_welsh_applicants_appeal_emails_are_welsh_and_the_staffs_english(client, wales):
    case = not_met(wales)
    in_welsh(client, case)
    Message.objects.all().delete()
    response = client.post(
        LODGE,
        {"kind": "appeal", "grounds": ["other"], "explanation": "Ni wrandawodd neb arnaf."},
    )
    assert response.status_code == 302
    html = welsh(client.get(reverse("track:case")), names_of(wales, case))
    assert f"Mae eich apêl wedi’i hanfon at {wales.pcc.name}." in html
    (receipt,) = Message.objects.filter(to_address=case.applicant_email)
    assert receipt.subject == f"{case.reference}: rydym wedi cael eich apêl"
    assert "Annwyl Eleri Jones," in receipt.body
    assert "yn erbyn y penderfyniad nad oedd y trothwy wedi’i gyrraedd" in receipt.body
    assert english_left(receipt.subject + receipt.body, names=names_of(wales, case)) == []
    # The council's officer, told from the same Welsh page, is written to in English.
    lodged = Message.objects.get(to_address=wales.officer.email)
    assert lodged.subject.startswith("Appeal lodged") and "appealed against" in lodged.body

    appeal = case.appeals.get()
    Message.objects.all().delete()
    decisions.decide_appeal(
        appeal,
        decisions.DecisionData(
            upheld=False, findings=findings(appeal, False), reasons="Roedd y penderfyniad yn iawn."
        ),
        by=wales.pcc_officer,
    )
    (decided,) = Message.objects.filter(to_address=case.applicant_email)
    assert decided.subject == f"{case.reference}: y penderfyniad ar eich apêl"
    assert "nid yw wedi’i chadarnhau" in decided.body
    assert english_left(decided.subject + decided.body, names=names_of(wales, case)) == []
    assert Message.objects.get(to_address=wales.officer.email).subject.startswith("Appeal")


def test_the_refusals_an_applicant_may_meet_are_welsh(wales):
    from django.utils import translation

    from triggers.closing.services import ClosingRefused, request_withdrawal

    case = welsh_case(wales)
    request_withdrawal(case, "")
    with translation.override("cy"):
        with pytest.raises(ClosingRefused, match="Rydych eisoes wedi gofyn am dynnu’n ôl"):
            request_withdrawal(case, "")
        with pytest.raises(reviews.ReviewRefused, match="Nid oes cynllun gweithredu drafft"):
            reviews.comment_on_plan(case, "Sylw.")


def test_every_letter_title_and_appeal_step_the_private_link_shows_has_its_welsh():
    from django.utils import translation
    from django.utils.translation import gettext

    from triggers.tracking.page import APPEAL_STEPS, LETTER_TITLES

    titles = {reviews.OUTCOME_TITLE}
    steps = set()
    for kind in Appeal.Kind.values:
        for status in (Appeal.Status.UPHELD, Appeal.Status.NOT_UPHELD):
            for to_appellant in (True, False):
                appeal = Appeal(kind=kind, status=status)
                titles.add(decisions._letter_title(appeal, to_appellant))
        name = Appeal(kind=kind).get_kind_display()
        steps.add(f"{name} not upheld: the decision stands")
        for remedy in Appeal.Remedy:
            steps.add(f"{name} upheld: {remedy.label.lower()}")
    assert titles <= set(LETTER_TITLES) and steps == set(APPEAL_STEPS)
    with translation.override("cy"):
        assert all(gettext(text) != text for text in (*LETTER_TITLES, *APPEAL_STEPS))


# --- An English case stays English -------------------------------------------------------------


def test_an_english_cases_pages_and_appeal_email_stay_english(client, north):
    case = make_case(north.area, complaints=[complaint_data(20)])
    decide_threshold(case, "not_met", by=north.officer, reasons="Only one report.")
    client.get(reverse("track:open", args=[case.token]))
    client.cookies["asb_language"] = "cy"  # a choice made elsewhere must not leak in
    for url in (LODGE, reverse("track:withdraw")):
        html = client.get(url).content.decode()
        assert '<html lang="en"' in html and "Cymraeg" not in html, url
    assert "Appeal the decision" in client.get(LODGE).content.decode()
    html = client.post(LODGE, {"explanation": " "}).content.decode()
    assert "There is a problem" in html and "Choose at least one reason for appealing" in html
    Message.objects.all().delete()
    lodge(case)
    receipt = Message.objects.get(to_address=case.applicant_email)
    assert receipt.subject == f"{case.reference}: we have received your appeal"
    assert "We have received your appeal against the decision that the threshold" in receipt.body
