"""The applicant appeals through their private link and the PCC officer decides it, checking
the decision and its letter before recording it, in a real browser with and without
JavaScript; every page, including each page of errors and the check page, passes axe.

Without JavaScript, axe runs on a copy of each page in a second tab (see test_apply_journey).
"""

import pytest

from appeals.models import Appeal
from tests.appeals.helpers import not_met_case
from tests.factories import TEST_PASSWORD
from triggers.workflow import Status

from .conftest import sign_in
from .test_apply_journey import Journey

pytestmark = pytest.mark.django_db(transaction=True)


def follow_link(journey: Journey, text: str) -> None:
    # The first such link: the PCC's home lists an appeal under "Appeals to decide" and in
    # the list of all appeals.
    with journey.page.expect_navigation():
        journey.page.get_by_role("link", name=text, exact=True).first.click()


def applicant_appeals(journey: Journey, case) -> None:
    page = journey.page
    journey.goto(f"/track/{case.token}/")
    journey.arrived("Your case review")
    follow_link(journey, "Appeal or ask for a PCC review")
    journey.arrived("Appeal the decision")
    assert "Last day to appeal" in page.content()
    assert "two ways to have this decision looked at again" in page.content()
    journey.press("Send your appeal")
    journey.arrived("Appeal the decision", errors=True)
    page.get_by_label("Appeal under the council's case review procedure").check()
    page.get_by_label("The threshold was wrongly refused").check()
    page.get_by_label("Relevant information was not considered").check()
    page.fill("textarea[name=explanation]", "I made five reports to the police, not one.")
    journey.press("Send your appeal")
    journey.arrived("Your case review")
    assert "Your appeal has been sent" in page.content()


def pcc_decides(journey: Journey, north, case) -> None:
    page = journey.page
    sign_in(page, journey.live_server, north.pcc_officer.email, TEST_PASSWORD)
    page.wait_for_url("**/appeals/")  # its home page (issue #17)
    journey.goto("/appeals/")
    journey.arrived("Appeals")
    follow_link(journey, case.reference)
    journey.arrived(f"Appeal on case {case.reference}")
    assert "I made five reports" in page.content()
    follow_link(journey, "Review and decide")
    journey.arrived("Decide the appeal")
    journey.press("Continue")
    journey.arrived("Decide the appeal", errors=True)
    for ground in ("threshold_wrongly_refused", "information_not_considered"):
        page.check(f"input[name={ground}_made_out][value=no]")
        page.fill(
            f"textarea[name={ground}_finding]", "The other reports were about a different address."
        )
    page.check("input[name=outcome][value=not_upheld]")
    page.fill("textarea[name=reasons]", "Only one report was about this behaviour.")
    journey.press("Continue")
    journey.arrived("Check your decision before you record it")
    content = page.content()
    assert "Your appeal is not upheld" in content and "Only one report was about" in content
    # Nothing has changed yet: the appeal still waits, and no letter is written.
    assert Appeal.objects.get(case=case).status == Appeal.Status.LODGED
    journey.press("Change your answers")
    journey.arrived("Decide the appeal")
    assert page.input_value("textarea[name=reasons]") == (
        "Only one report was about this behaviour."
    )
    journey.press("Continue")
    journey.arrived("Check your decision before you record it")
    journey.press("Record the decision")
    journey.arrived(f"Appeal on case {case.reference}")
    assert "Decision recorded" in page.content()
    journey.goto("/appeals/figures/")
    journey.arrived("Appeal figures")


def check_outcome(case) -> None:
    appeal = Appeal.objects.get(case=case)
    assert appeal.status == Appeal.Status.NOT_UPHELD
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET


def test_applicant_appeals_and_the_pcc_decides(page, live_server, axe_check, north):
    case = not_met_case(north)
    journey = Journey(page, live_server, axe_check)
    applicant_appeals(journey, case)
    pcc_decides(journey, north, case)
    check_outcome(case)


def test_applicant_appeals_and_the_pcc_decides_without_javascript(
    page_without_js, page, live_server, axe_check, north
):
    case = not_met_case(north)
    journey = Journey(page_without_js, live_server, axe_check, mirror=page)
    applicant_appeals(journey, case)
    pcc_decides(journey, north, case)
    check_outcome(case)


def test_council_records_a_late_appeal_and_every_page_passes_axe(
    page, live_server, axe_check, north
):
    from datetime import timedelta

    from django.utils import timezone

    from triggers.models import Letter

    case = not_met_case(north)
    Letter.objects.filter(case=case).update(sent_at=timezone.now() - timedelta(days=60))
    journey = Journey(page, live_server, axe_check)
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    journey.goto(f"/cases/{north.area.slug}/{case.reference}/")
    journey.arrived(f"Case {case.reference}")
    follow_link(journey, "Record an appeal")
    journey.arrived("Record an appeal")
    assert "This appeal is late" in page.content()
    journey.press("Record the appeal")
    journey.arrived("Record an appeal", errors=True)
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("Appeal under the council's case review procedure").check()
    page.get_by_label("Another reason").check()
    page.fill("textarea[name=explanation]", "Told us by phone.")
    page.fill("textarea[name=late_reason]", "In hospital until last week.")
    journey.press("Record the appeal")
    journey.arrived(f"Case {case.reference}")
    assert "Accepted late" in page.content()
    assert Appeal.objects.get(case=case).late_reason == "In hospital until last week."
