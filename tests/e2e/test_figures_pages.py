"""The published figures pages and the dashboard pass axe-core with zero violations, show no
personal data, and work without JavaScript."""

import pytest

from figures.periods import financial_year
from figures.services import publish_figures
from tests.factories import TEST_PASSWORD
from tests.figures.builders import (
    acknowledge,
    apply,
    clock,
    decide,
    figures_side,
    letters_without_pdf,
)

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PERSONAL = ("Jo Bloggs", "jo.bloggs@example.com", "12 Acacia Avenue", "L1 1AA")


@pytest.fixture
def published_area(db):
    """An area with cases in two years, last year's figures published."""
    side = figures_side("east")
    with letters_without_pdf():
        refused = apply(side, "2025-06-02")
        acknowledge(side, refused, "2025-06-04")
        decide(side, refused, "2025-06-10", "not_met")
        met = apply(side, "2025-09-01")
        decide(side, met, "2025-09-08")
    with clock("2026-05-01"):
        publish_figures(side.area, financial_year(2025), by=side.admin)
    side.references = [refused.reference, met.reference]
    return side


def test_public_figures_pages_pass_axe_and_hold_no_personal_data(
    page, live_server, axe_check, published_area
):
    area = published_area.area
    page.goto(f"{live_server.url}/figures/")
    axe_check(page)
    page.click(f"text={area.name}")
    page.wait_for_selector("h1")
    axe_check(page)
    text = page.content()
    assert "April 2025 to March 2026" in text and "Provisional" in text
    for personal in (*PERSONAL, *published_area.references):
        assert personal not in text


def test_dashboard_works_without_javascript(page_without_js, live_server, published_area):
    page = page_without_js
    sign_in(page, live_server, published_area.pcc_officer.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/figures/dashboard/?year=2025")
    assert page.locator("svg[role=img]").count() == 6  # PCC reviews have their own chart
    assert "Eastshire" in page.locator("#statutory ~ .app-table-scroll table").first.inner_text()


def test_dashboard_and_publish_pages_pass_axe(page, live_server, axe_check, published_area):
    sign_in(page, live_server, published_area.admin.email, TEST_PASSWORD)
    page.wait_for_url("**/attention/")  # its home page (issue #17)
    page.click("header >> text=Figures")
    page.wait_for_selector("h1")
    axe_check(page)
    page.select_option("select[name=year]", "2025")
    page.click("button:has-text('Show figures')")
    page.wait_for_selector("svg[role=img]")
    axe_check(page)
    page.click(f"text=Publish {published_area.area.name}'s figures")
    page.wait_for_selector("h1")
    axe_check(page)
