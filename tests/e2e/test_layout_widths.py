"""Phones and zoom (WCAG 1.4.10, issue #17): at a desktop width and a phone's, the officer's
pages scroll only downwards, and the header's service name and Menu button never overlap."""

from pathlib import Path

import pytest

from tests.factories import TEST_PASSWORD

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}


def officer_walk(north) -> dict[str, str]:
    case = f"/cases/{north.area.slug}/{north.case.reference}/"
    return {
        "home": "/cases/",
        "case": case,
        "threshold": f"{case}threshold/",
        "apply": "/apply/",
    }


def overlaps(a, b) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def check_layout(page, axe_check, name: str):
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, f"{name} scrolls sideways: {scroll_width} > {inner_width}"
    service = page.locator(".app-header__service").bounding_box()
    menu = page.locator(".govuk-header__menu-button")
    if menu.count() and menu.is_visible():
        assert not overlaps(service, menu.bounding_box()), f"{name}: Menu covers the service name"
    signout = page.locator(".app-header__signout")
    if signout.count() and signout.is_visible():
        # One line: "Sign out" never breaks between its words.
        assert signout.bounding_box()["height"] < 40, f"{name}: Sign out wraps"
    axe_check(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_officer_walk_fits_the_width(
    page, page_without_js, live_server, axe_check, north, width, javascript
):
    tab = page if javascript else page_without_js
    tab.set_viewport_size({"width": WIDTHS[width], "height": 900})
    sign_in(tab, live_server, north.officer.email, TEST_PASSWORD)
    tab.wait_for_url("**/cases/")
    for step, path in officer_walk(north).items():
        tab.goto(f"{live_server.url}{path}")
        tab.wait_for_selector("h1")
        check_layout(tab, axe_check, f"{step}-{width}-{'js' if javascript else 'no-js'}")


@pytest.mark.parametrize("width", WIDTHS)
def test_area_admins_header_fits(page, live_server, axe_check, north, width):
    """Area admins have the most header links: Sign out still fits on one line."""
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    sign_in(page, live_server, north.admin.email, TEST_PASSWORD)
    page.wait_for_url("**/attention/")
    check_layout(page, axe_check, f"attention-{width}-js")
