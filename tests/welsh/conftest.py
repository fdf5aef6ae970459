import pytest

from agencies.models import Area
from tests.factories import AreaFactory, make_case


@pytest.fixture
def cardiff(db):
    return AreaFactory(slug="cardiff", name="Cardiff", nation=Area.Nation.WALES)


@pytest.fixture
def liverpool(db):
    return AreaFactory(slug="liverpool", name="Liverpool")


@pytest.fixture
def welsh_case(cardiff):
    return make_case(cardiff, applicant_name="Eleri Jones")


@pytest.fixture
def in_welsh(client):
    """A visitor who chose Cymraeg in the header."""
    client.get("/language/cy/", {"next": "/"})
    return client
