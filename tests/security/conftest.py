"""Counts what the isolation walk checked, and says so at the end of the run."""

import pytest

PAIRS_CHECKED = pytest.StashKey[set]()


@pytest.fixture
def walk(pytestconfig):
    """walk(url_name, role): note one URL and role pair the isolation walk has checked."""
    pairs = pytestconfig.stash.setdefault(PAIRS_CHECKED, set())
    return lambda name, role: pairs.add((name, role))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    pairs = config.stash.get(PAIRS_CHECKED, set())
    if pairs:
        names = {name for name, _ in pairs}
        roles = {role.split(" (")[0] for _, role in pairs}
        terminalreporter.write_sep("-", "isolation walk")
        terminalreporter.write_line(
            f"isolation walk: {len(pairs)} URL x role pairs checked "
            f"({len(names)} URL names, {len(roles)} roles, two areas in two force areas)"
        )
