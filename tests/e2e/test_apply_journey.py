"""A victim applies for a case review in a real browser, with and without JavaScript.

Every page the journey visits is checked with axe-core, including each page showing
validation errors. The journey: the area, who the application is for, two reports (the second
a report of the same incident to another agency), the impact, the contact details, the check
page, and the confirmation with the case reference.

axe-core cannot run in a tab with JavaScript turned off (its promise never settles), so the
journey without JavaScript copies each page, as that tab shows it, into a second tab of the
same site whose own scripts are blocked, and runs axe there.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from triggers.models import Case

pytestmark = pytest.mark.django_db(transaction=True)

INCIDENT = timezone.localdate() - timedelta(days=20)
FIRST_REPORTED = INCIDENT + timedelta(days=1)
SECOND_REPORTED = INCIDENT + timedelta(days=2)


class Journey:
    """One browser tab going through the application, checking each page as it arrives."""

    def __init__(self, page, live_server, axe_check, *, mirror=None):
        self.page = page
        self.live_server = live_server
        self.axe_check = axe_check
        self.javascript = mirror is None
        self.mirror = mirror
        self.visited: list[str] = []
        if mirror is not None:
            # The site's scripts never run in the mirror: only axe, which is evaluated.
            mirror.route("**/*.js", lambda route: route.abort())
            mirror.goto(f"{live_server.url}/accessibility/")

    def check_accessibility(self) -> None:
        if self.javascript:
            self.axe_check(self.page)
            return
        self.mirror.set_content(self.page.content())
        assert self.mirror.evaluate("document.body.classList.contains('js-enabled')") is False
        # The copy has the site's styles (axe checks colour contrast), on the site's origin.
        assert self.mirror.evaluate("document.styleSheets[0].cssRules.length") > 100
        self.axe_check(self.mirror)

    def arrived(self, heading: str, *, errors: bool = False) -> None:
        """The page has loaded, says what it should, shows errors or not, and passes axe."""
        page = self.page
        page.wait_for_load_state("load")
        assert heading in page.locator("h1").first.inner_text(), page.url
        summary = page.locator(".govuk-error-summary")
        if errors:
            assert summary.is_visible(), page.url
            assert page.title().startswith("Error: ")
            self.links_land()
        else:
            assert summary.count() == 0, summary.first.inner_text()
        self.check_accessibility()
        self.visited.append(f"{page.url}{' (errors)' if errors else ''}")

    def links_land(self) -> None:
        """Each error summary link points at an element of the page, a question's first input."""
        for link in self.page.locator(".govuk-error-summary__list a").all():
            target = link.get_attribute("href")
            assert target and target.startswith("#"), target
            assert self.page.locator(f"[id='{target[1:]}']").count() == 1, target

    def goto(self, path: str) -> None:
        self.page.goto(f"{self.live_server.url}{path}")

    def press(self, button: str) -> None:
        """Press a button (a form's, or a link styled as one) and wait for the next page."""
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=button, exact=True).click()

    def fill_date(self, name: str, day) -> None:
        self.page.fill(f"input[name={name}_0]", str(day.day))
        self.page.fill(f"input[name={name}_1]", str(day.month))
        self.page.fill(f"input[name={name}_2]", str(day.year))


def apply_as_a_victim(journey: Journey, north) -> str:
    """The whole journey, with a page of errors on every question. Returns the reference."""
    page = journey.page

    journey.goto("/")
    journey.arrived("case review")
    journey.press("Start now")

    # The area
    journey.arrived("Apply for an anti-social behaviour case review")
    journey.press("Continue")
    journey.arrived("Apply for an anti-social behaviour case review", errors=True)
    if journey.javascript:
        # The error summary's link moves focus to the first radio, which has the field's id.
        page.locator(".govuk-error-summary__list a").first.click()
        assert page.evaluate("document.activeElement.id") == "id_area"
    page.get_by_label(north.area.name, exact=True).check()
    journey.press("Continue")

    # Who for
    journey.arrived("Who are you applying for?")
    journey.press("Continue")
    journey.arrived("Who are you applying for?", errors=True)
    page.get_by_label("Myself", exact=True).check()
    journey.press("Continue")

    # The reports
    journey.arrived("Reports of the behaviour")
    assert "You have not added any reports yet" in page.content()
    journey.press("Add a report")
    journey.arrived("Add a report")
    journey.press("Save and continue")
    journey.arrived("Add a report", errors=True)
    journey.fill_date("incident_date", INCIDENT)
    page.get_by_label("What happened?", exact=True).fill(
        "Loud music and shouting on the landing until 3am."
    )
    page.get_by_label("Who did you report it to?", exact=True).select_option(
        label=north.police.name
    )
    journey.fill_date("reported_date", FIRST_REPORTED)
    page.fill("input[name=reference_number]", "NP/123")
    page.check("input[name=hate_related][value=no]")
    journey.press("Save and continue")

    journey.arrived("Reports of the behaviour")
    assert "You have added 1 report" in page.content()
    journey.press("Add another report")
    journey.arrived("Add a report")
    assert "Is this the same incident" in page.content()
    journey.press("Save and continue")
    journey.arrived("Add a report", errors=True)
    journey.fill_date("incident_date", INCIDENT)
    page.get_by_label("What happened?", exact=True).fill("The same night: I told the council too.")
    page.get_by_label("Who did you report it to?", exact=True).select_option(
        label=north.council.name
    )
    journey.fill_date("reported_date", SECOND_REPORTED)
    page.check("input[name=hate_related][value=no]")
    page.get_by_label(re.compile(r"Report 1: ")).check()
    journey.press("Save and continue")

    journey.arrived("Reports of the behaviour")
    listing = page.locator(".govuk-summary-list").inner_text()
    assert "Report 2" in listing and "Same incident as report 1" in listing
    journey.press("Continue")

    # The impact
    journey.arrived("The impact of the behaviour")
    journey.press("Continue")
    journey.arrived("The impact of the behaviour", errors=True)
    page.get_by_label("How has the behaviour affected you?").fill(
        "I cannot sleep and my children are frightened."
    )
    page.get_by_label("What would a good result look like to you?").fill(
        "The noise stops and the landlord acts."
    )
    page.get_by_label("Where does the behaviour happen? (optional)").fill("Elm Court")
    journey.press("Continue")

    # Contact details
    journey.arrived("Your contact details")
    journey.press("Continue")
    journey.arrived("Your contact details", errors=True)
    page.get_by_label("Full name", exact=True).fill("Sam Victim")
    page.get_by_label("Email address", exact=True).fill("sam@example.com")
    page.check("input[name=contact_method][value=email]")
    journey.press("Continue")

    # Check and send
    journey.arrived("Check your answers before sending your application")
    answers = page.locator("main").inner_text()
    for answer in (
        north.area.name,
        "Myself",
        north.police.name,
        north.council.name,
        "NP/123",
        "Report 1",
        "Elm Court",
        "Sam Victim",
        "sam@example.com",
    ):
        assert answer in answers, answer
    journey.press("Send application")

    # The confirmation
    journey.arrived("Application received")
    assert page.url.endswith(reverse("apply:done"))
    return page.locator(".govuk-panel__body strong").inner_text().strip()


def assert_case_created(reference: str, north) -> None:
    case = Case.objects.get(reference=reference)
    assert case.area == north.area and case.applicant_name == "Sam Victim"
    assert not case.on_behalf and case.contact_method == "email"
    complaints = list(case.complaints.order_by("position"))
    assert [c.reported_to_name for c in complaints] == [north.police.name, north.council.name]
    assert complaints[0].incident_key and complaints[0].incident_key == complaints[1].incident_key
    assert complaints[0].reference_number == "NP/123"


# 12 pages as the journey first shows them, and 6 showing errors: area, who, each report,
# impact and contact.
EXPECTED_PAGES = 18


def test_a_victim_applies_and_every_page_passes_axe(page, live_server, axe_check, north):
    journey = Journey(page, live_server, axe_check)
    reference = apply_as_a_victim(journey, north)
    assert_case_created(reference, north)
    assert len(journey.visited) == EXPECTED_PAGES, journey.visited


def test_a_victim_applies_without_javascript(page_without_js, page, live_server, axe_check, north):
    journey = Journey(page_without_js, live_server, axe_check, mirror=page)
    reference = apply_as_a_victim(journey, north)
    assert page_without_js.evaluate("document.body.classList.contains('js-enabled')") is False
    assert_case_created(reference, north)
    assert len(journey.visited) == EXPECTED_PAGES, journey.visited


# --- A councillor applies for a victim (DOMAIN.md §5.9) -------------------------------------


def apply_for_someone_else(journey: Journey, north) -> str:
    """The on-behalf branch: the victim, their consent (with its errors) and their own
    contact details, then one report. Returns the reference."""
    page = journey.page
    journey.goto(reverse("apply:start"))
    journey.arrived("Apply for an anti-social behaviour case review")
    page.get_by_label(north.area.name, exact=True).check()
    journey.press("Continue")
    journey.arrived("Who are you applying for?")
    page.get_by_label("Someone else", exact=True).check()
    journey.press("Continue")

    # The person applied for, and their consent: every part of it is needed.
    journey.arrived("The person you are applying for")
    journey.press("Continue")
    journey.arrived("The person you are applying for", errors=True)
    errors = page.locator(".govuk-error-summary").inner_text()
    assert "has agreed to this application" in errors
    assert "agreed to their information being shared" in errors
    assert "Select how the person you are applying for gave their agreement" in errors
    page.get_by_label("Full name of the person you are applying for").fill("Pat Victim")
    page.get_by_label("Your relationship to them").fill("Their ward councillor")
    page.check("input[name=victim_consent]")
    page.check("input[name=victim_consent_share]")
    page.check("input[name=victim_consent_contact]")
    page.check("input[name=victim_consent_how][value=email]")
    journey.fill_date("victim_consent_on", INCIDENT)
    journey.press("Continue")

    # Their own contact details
    journey.arrived("How to contact the person you are applying for")
    page.check("input[name=send_to][value=victim]")
    journey.press("Continue")
    journey.arrived("How to contact the person you are applying for", errors=True)
    page.get_by_label("Their email address (optional)").fill("pat@example.com")
    page.check("input[name=victim_contact_method][value=email]")
    page.check("input[name=send_to][value=both]")
    journey.press("Continue")

    journey.arrived("Reports of the behaviour")
    journey.press("Add a report")
    journey.arrived("Add a report")
    journey.fill_date("incident_date", INCIDENT)
    page.get_by_label("What happened?", exact=True).fill("Stones thrown at their window.")
    page.get_by_label("Who did you report it to?", exact=True).select_option(
        label=north.police.name
    )
    journey.fill_date("reported_date", FIRST_REPORTED)
    page.check("input[name=hate_related][value=no]")
    journey.press("Save and continue")
    journey.arrived("Reports of the behaviour")
    journey.press("Continue")
    journey.arrived("The impact of the behaviour")
    page.get_by_label("How has the behaviour affected the person you are applying for?").fill(
        "They are afraid to go out."
    )
    page.get_by_label("What would a good result look like to them?").fill("It stops.")
    journey.press("Continue")
    journey.arrived("Your contact details")
    page.get_by_label("Full name", exact=True).fill("Cllr Jones")
    page.get_by_label("Email address", exact=True).fill("cllr@example.gov.uk")
    page.check("input[name=contact_method][value=email]")
    journey.press("Continue")

    journey.arrived("Check your answers before sending your application")
    answers = page.locator("main").inner_text()
    for answer in (
        "Pat Victim",
        "pat@example.com",
        "By email",
        "being contacted",
        "and the applicant",
    ):
        assert answer in answers, answer
    journey.press("Send application")
    journey.arrived("Application received")
    return page.locator(".govuk-panel__body strong").inner_text().strip()


def assert_applied_for_a_victim(reference: str) -> None:
    case = Case.objects.get(reference=reference)
    assert case.on_behalf and case.victim_consent_share and case.victim_consent_how == "email"
    assert case.victim_email == "pat@example.com" and case.send_to == "both"
    assert case.victim_tracking_token_hash


def test_a_councillor_applies_for_a_victim_and_every_page_passes_axe(
    page, live_server, axe_check, north
):
    journey = Journey(page, live_server, axe_check)
    assert_applied_for_a_victim(apply_for_someone_else(journey, north))


def test_a_councillor_applies_for_a_victim_without_javascript(
    page_without_js, page, live_server, axe_check, north
):
    journey = Journey(page_without_js, live_server, axe_check, mirror=page)
    assert_applied_for_a_victim(apply_for_someone_else(journey, north))
