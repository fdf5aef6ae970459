"""A Welsh area's published figures in Welsh (issue #19), in a browser at 320 px: chosen from
the header's switch, lang="cy", axe-clean, nothing wider than the screen. The screenshot goes
to var/screenshots/welsh/ to be looked at."""

from pathlib import Path

import pytest
from django.conf import settings

from agencies.models import Area
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "welsh"


def test_a_welsh_areas_figures_in_welsh_at_320px(page, live_server, axe_check):
    AreaFactory(
        slug="cardiff",
        name="Cardiff",
        nation=Area.Nation.WALES,
        spoc_email="adolygiad@cardiff.example.org",
        spoc_phone="029 2087 2087",
    )
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/figures/cardiff/")
    page.click("a[hreflang=cy]")
    assert page.get_attribute("html", "lang") == "cy"
    assert page.locator("h1").inner_text() == "Cardiff: ffigurau a gweithdrefn adolygiadau achos YG"
    assert page.locator("th", has_text="Ceisiadau a ddaeth i law").count() == 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the page is {width}px wide at 320px"
    axe_check(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "figures-cardiff-320.png"), full_page=True)
