"""The PCC's dashboards, the figures pages and the PLEDGE work for a Welsh area as for an
English one (issue #19): a South Wales force area with an appealed Cardiff case."""

import pytest
from django.urls import reverse

from agencies.models import Area
from tests.conftest import build_side

pytestmark = pytest.mark.django_db


@pytest.fixture
def wales():
    from tests.security.test_isolation import appealed_case

    side = build_side("cardiff")
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES)
    side.area.refresh_from_db()
    side.appeal, _ = appealed_case(side)
    return side


def test_the_pcc_of_a_welsh_force_area_sees_its_appeals_and_figures(client, wales):
    client.force_login(wales.pcc_officer)
    appeals = client.get(reverse("appeals:list"), {"show": "all"})
    assert appeals.status_code == 200
    assert wales.appeal.case.reference in appeals.content.decode()
    figures = client.get(reverse("appeals:figures"))
    assert figures.status_code == 200 and "Cardiff" in figures.content.decode()
    assert client.get(reverse("figures:dashboard")).status_code == 200


def test_a_welsh_areas_figures_pages(client, wales):
    assert client.get(reverse("figures:index")).status_code == 200
    page = client.get(reverse("figures:area", kwargs={"area": "cardiff"}))
    assert page.status_code == 200 and "Cardiff" in page.content.decode()
    assert client.get(reverse("figures:area_json", kwargs={"area": "cardiff"})).status_code == 200
    client.force_login(wales.admin)
    assert client.get(reverse("figures:dashboard")).status_code == 200


def test_the_pledge_for_a_welsh_area(client, wales):
    from pledge.services import current_version

    current_version()
    client.force_login(wales.admin)
    assert client.get(reverse("pledge:home")).status_code == 200
    start = client.post(reverse("pledge:start", args=["area", "cardiff"]))
    assert start.status_code == 302
    assert client.get(start.url).status_code == 200
    client.force_login(wales.pcc_officer)
    page = client.get(reverse("pledge:organisation", args=["area", "cardiff"]))
    assert page.status_code == 200
    assert client.get(reverse("pledge:register")).status_code == 200
