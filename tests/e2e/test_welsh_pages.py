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
