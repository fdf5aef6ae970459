import pytest

from .builders import build_two_years, figures_side, letters_without_pdf


@pytest.fixture(autouse=True)
def _fast_letters():
    with letters_without_pdf():
        yield


@pytest.fixture
def north(db):
    return figures_side("north")


@pytest.fixture
def south(db):
    return figures_side("south")


@pytest.fixture
def two_years(north, south):
    return build_two_years(north, south)
