import pytest

from tests.incidents.helpers import stand_in_linker


@pytest.fixture(autouse=True)
def linker(monkeypatch):
    """The linking model's contract with a stand-in behind it (see helpers)."""
    import incidents.linking

    monkeypatch.setattr(incidents.linking, "link_records", stand_in_linker, raising=False)
