"""The public journey in Welsh (issue #19), in a browser with JavaScript on and off: the
header's switch, the eligibility check, the application's first page and the private link,
each with lang="cy" and axe-clean. Screenshots go to var/screenshots/welsh/ to be looked at."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from agencies.models import Area
from tests.factories import AreaFactory, make_case

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "welsh"


def shot(page, name, javascript):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SHOTS / f"{name}-{'js' if javascript else 'nojs'}.png"), full_page=True
    )


def in_welsh(page):
    assert page.get_attribute("html", "lang") == "cy"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_public_journey_in_welsh(browser, live_server, axe_check, javascript):
    from tests.e2e.conftest import _page

    cardiff = AreaFactory(slug="cardiff", name="Cardiff", nation=Area.Nation.WALES)
    AreaFactory(slug="liverpool", name="Liverpool")
    case = make_case(cardiff, applicant_name="Eleri Jones")
    context, page = _page(browser, javascript=javascript)
    try:
        page.goto(f"{live_server.url}/")
        assert page.get_attribute("html", "lang") == "en"
        page.click("a[hreflang=cy]")
        in_welsh(page)
        assert page.locator("h1").inner_text() == (
            "Gofyn am adolygiad achos ymddygiad gwrthgymdeithasol"
        )
        axe_check(page)
        shot(page, "start", javascript)

        page.click("text=Gwirio a allwch ofyn am adolygiad achos")
        in_welsh(page)
        page.select_option("select[name=area]", "cardiff")
        today = timezone.localdate()
        for n, ago in enumerate((40, 20, 5), start=1):
            if n > 1:  # one incident to start with; "add another" for each of the rest
                add = page.locator("button[data-add-another-add=incident]")
                assert add.inner_text() == "Ychwanegu digwyddiad arall"
                if javascript:
                    add.click()
                else:
                    with page.expect_navigation():
                        add.click()
            day = today - timedelta(days=ago)
            for part in ("happened", "reported"):
                page.fill(f"input[name=incident_{n}_{part}_0]", str(day.day))
                page.fill(f"input[name=incident_{n}_{part}_1]", str(day.month))
                page.fill(f"input[name=incident_{n}_{part}_2]", str(day.year))
        with page.expect_navigation():
            page.click("button.govuk-button:has-text('Gwirio')")
        in_welsh(page)
        assert "Gallwch ofyn am adolygiad achos" in page.locator("h1").inner_text()
        assert "3 cwyn yn cyfrif" in page.content()
        axe_check(page)
        shot(page, "check-answer", javascript)

        page.click("text=Gwneud cais am adolygiad achos")
        in_welsh(page)
        assert "Ym mha ardal cyngor" in page.content()
        axe_check(page)
        shot(page, "apply-start", javascript)

        page.goto(f"{live_server.url}/track/{case.token}/")
        in_welsh(page)  # the choice is remembered
        assert f"Eich adolygiad achos {case.reference}" in page.locator("h1").inner_text()
        axe_check(page)
        shot(page, "private-link", javascript)

        page.click("a[hreflang=en]")
        assert page.get_attribute("html", "lang") == "en"
        assert f"Your case review {case.reference}" in page.locator("h1").inner_text()
    finally:
        context.close()


# --- The application in Welsh, from the first page to the confirmation -------------------------


class WelshJourney:
    """One tab applying in Welsh for Cardiff: each page in Welsh, with no English left in <main>
    (as the browser shows it, after any script has run) and axe-clean."""

    def __init__(self, page, live_server, axe_check, side, javascript):
        self.page, self.live_server, self.axe_check = page, live_server, axe_check
        self.side, self.javascript = side, javascript
        self.visited: list[str] = []

    def arrived(self, heading: str, *, errors: bool = False) -> None:
        from tests.welsh.english import english_words

        page = self.page
        page.wait_for_load_state("load")
        in_welsh(page)
        assert heading in page.locator("h1").first.inner_text(), page.url
        assert (page.locator(".govuk-error-summary").count() > 0) is errors, page.url
        assert page.title().startswith("Gwall: ") is errors, page.title()
        names = (self.side.area.name, self.side.police.name, self.side.council.name, "NP/123")
        assert english_words(page.content(), names=names) == [], page.url
        self.axe_check(page)
        self.visited.append(page.url + (" (errors)" if errors else ""))

    def press(self, name: str) -> None:
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=name, exact=True).click()

    def fill_date(self, name: str, day) -> None:
        for part, value in enumerate((day.day, day.month, day.year)):
            self.page.fill(f"input[name={name}_{part}]", str(value))

    def shot_at_320(self, name: str) -> None:
        """The page as a small phone shows it, to be looked at (var/screenshots/welsh/)."""
        self.page.set_viewport_size({"width": 320, "height": 800})
        shot(self.page, f"{name}-320", self.javascript)
        self.page.set_viewport_size({"width": 1280, "height": 720})


def apply_in_welsh(journey: WelshJourney) -> str:
    """The whole journey in Welsh, with errors on the report page and the list; the reference."""
    page, side = journey.page, journey.side
    incident = timezone.localdate() - timedelta(days=20)

    page.goto(f"{journey.live_server.url}/language/cy/?next=/apply/")
    journey.arrived("Gwneud cais am adolygiad achos ymddygiad gwrthgymdeithasol")
    page.check("input[name=area][value=cardiff]")
    journey.press("Parhau")
    journey.arrived("Ar gyfer pwy ydych chi’n gwneud cais?")  # noqa: RUF001
    page.check("input[name=applying_for][value=myself]")
    journey.press("Parhau")

    journey.arrived("Adroddiadau am yr ymddygiad")
    journey.press("Ychwanegu adroddiad")
    journey.arrived("Ychwanegu adroddiad")
    journey.press("Cadw a pharhau")
    journey.arrived("Ychwanegu adroddiad", errors=True)
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Mae angen rhoi dyddiad y digwyddiad" in summary and "Rhowch beth ddigwyddodd" in summary
    journey.shot_at_320("apply-report-errors")
    journey.fill_date("incident_date", incident)
    page.get_by_label("Beth ddigwyddodd?", exact=True).fill(
        "Cerddoriaeth uchel a gweiddi ar y landin tan 3yb."
    )
    page.get_by_label("I bwy wnaethoch chi roi gwybod?", exact=True).select_option(
        label=side.police.name
    )
    journey.fill_date("reported_date", incident + timedelta(days=1))
    page.fill("input[name=reference_number]", "NP/123")
    page.get_by_label("Nac ydw", exact=True).check()
    journey.press("Cadw a pharhau")

    journey.arrived("Adroddiadau am yr ymddygiad")
    assert "Rydych wedi ychwanegu 1 adroddiad" in page.locator("main").inner_text()
    journey.shot_at_320("apply-reports")
    journey.press("Parhau")

    journey.arrived("Effaith yr ymddygiad")
    page.get_by_label("Sut mae’r ymddygiad wedi effeithio arnoch chi?").fill(  # noqa: RUF001
        "Dw i ddim yn gallu cysgu."
    )
    page.get_by_label("Sut beth fyddai canlyniad da i chi?").fill("Bod y sŵn yn dod i ben.")
    journey.press("Parhau")

    journey.arrived("Eich manylion cyswllt")
    page.get_by_label("Enw llawn", exact=True).fill("Eleri Jones")
    page.get_by_label("Cyfeiriad e-bost", exact=True).fill("eleri@example.com")
    page.check("input[name=contact_method][value=email]")
    journey.press("Parhau")

    journey.arrived("Gwiriwch eich atebion cyn anfon eich cais")
    answers = page.locator("main").inner_text()
    assert "Eleri Jones" in answers and "NP/123" in answers and side.police.name in answers
    journey.shot_at_320("apply-check")
    journey.press("Anfon y cais")

    journey.arrived("Cais wedi dod i law")
    return page.locator(".govuk-panel__body strong").inner_text().strip()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_application_in_welsh_to_the_done_page(browser, live_server, axe_check, javascript):
    from tests.conftest import build_side
    from tests.e2e.conftest import _page
    from triggers.models import Case

    side = build_side("cardiff", with_case=False)
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES)
    context, page = _page(browser, javascript=javascript)
    try:
        journey = WelshJourney(page, live_server, axe_check, side, javascript)
        reference = apply_in_welsh(journey)
    finally:
        context.close()
    case = Case.objects.get(reference=reference)
    assert case.area == side.area and case.applicant_language == "cy"
    # 9 pages as the journey first shows them, and the report page with its errors.
    assert len(journey.visited) == 10, journey.visited
