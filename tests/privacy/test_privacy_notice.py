"""The privacy notice says what happens to the agencies' incident records (issue #20): what
they hold, why, who sees them and how long they are kept, in English and in Welsh."""

from datetime import date

import pytest
from django.urls import reverse

from agencies.models import Area
from incidents.services import expiry_cutoff
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def test_the_notice_names_the_incident_records(client):
    page = client.get(reverse("privacy")).content.decode()
    assert "Incident records from the agencies" in page
    assert "2023 Anti-social Behaviour Action Plan" in page
    assert "each agency sees only its own" in page
    assert "normally 13 months, and never less than 7" in page
    # Possible case reviews go with the last of their records (triggers/proactive/retention).
    assert "the last of the records it came from is deleted" in page


def test_the_retention_it_states_is_the_default(db):
    """13 months by default and at least 7, as the notice says."""
    field = Area._meta.get_field("incident_retention_months")
    assert field.default == 13
    assert min(v.limit_value for v in field.validators if v.code == "min_value") == 7
    area = AreaFactory()
    assert expiry_cutoff(area, date(2026, 12, 1)) == date(2025, 11, 1)


def test_the_notice_names_the_incident_records_in_welsh(client):
    # Cymraeg is offered where there is a Welsh area.
    AreaFactory(slug="cardiff", name="Cardiff", nation=Area.Nation.WALES)
    client.get("/language/cy/", {"next": "/"})
    page = client.get(reverse("privacy")).content.decode()
    assert '<html lang="cy"' in page
    assert "Cofnodion digwyddiadau gan yr asiantaethau" in page
    assert "13 mis fel arfer" in page
    assert "cofnodion y daeth ohonynt ei ddileu" in page
    assert "Incident records" not in page
