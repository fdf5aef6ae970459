"""The reasons for a link, in words an officer can read.

Splink scores each comparison at a level (its gamma: -1 when a value is missing, then
0 for the lowest level up to the highest). Each level that counts *for* a link gives a
reason; where the values differed a little, the reason shows both ("surname: Smyth ~ Smith").
Levels that count against a link give none: the officer is shown why records were linked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.utils.translation import gettext_noop

from agencies.wording import Term, Wording
from incidents.linking import model

# A level's reason: fixed words, words made from the pair's values, or None (no reason).
Reason = str | Callable[[dict], str] | None


def _title(value: str | None) -> str:
    return (value or "").title()


def _pair(row: dict, column: str, label: str) -> str:
    left, right = row.get(f"{column}_l"), row.get(f"{column}_r")
    if column == "dob":
        return f"{label}: {left} ~ {right}"
    return f"{label}: {_title(left)} ~ {_title(right)}"


def _first_name_variant(row: dict) -> str:
    return _pair(row, "first_name", "first name")


def _first_name_similar(row: dict) -> str:
    return "surname matches; " + _pair(row, "first_name", "first name")


def _surname_similar(row: dict) -> str:
    reason = _pair(row, "surname", "surname")
    if row.get("first_name_l") != row.get("first_name_r"):
        reason += "; " + _pair(row, "first_name", "first name")
    return reason


def _dob_swapped(row: dict) -> str:
    return _pair(row, "dob", "date of birth, day and month swapped")


def _dob_near(row: dict) -> str:
    return _pair(row, "dob", "date of birth")


def _street_near(row: dict) -> str:
    return _pair(row, "street", "same house number, street")


# Per comparison, a reason for each non-null level, from the most to the least alike: the
# same order as the levels in model.py (a test checks the two agree).
LEVEL_REASONS: dict[str, tuple[tuple[str, Reason], ...]] = {
    "name": (
        ("name matches", "name matches"),
        ("first name is a variant", _first_name_variant),
        ("first name and surname swapped", "first name and surname swapped"),
        ("first name similar", _first_name_similar),
        ("surname similar", _surname_similar),
        ("surname only", "surname matches"),
        ("names differ", None),
    ),
    "dob": (
        ("same date of birth", "same date of birth"),
        ("day and month swapped", _dob_swapped),
        ("date of birth one digit apart", _dob_near),
        ("dates of birth differ", None),
    ),
    "home": (
        ("same address and phone number", "same address and phone number"),
        ("same address and postcode", "same address and postcode"),
        ("same address", "same address"),
        ("same phone number", "same phone number"),
        ("same number, street spelt differently", _street_near),
        ("postcode matches", "postcode matches"),
        ("same postcode sector", "same postcode sector"),
        ("same postcode district", "same postcode district"),
        ("addresses differ", None),
    ),
}

COMPARISONS = (
    ("name", model.name_comparison),
    ("dob", model.date_of_birth_comparison),
    ("home", model.home_comparison),
)

# The columns a pair needs for its reasons, besides the gammas.
REASON_COLUMNS = ("first_name", "surname", "dob", "street")


def _level_reason(name: str, gamma: int | None) -> Reason:
    if gamma is None or gamma < 0:
        return None
    levels = LEVEL_REASONS[name]
    index = len(levels) - 1 - gamma
    return levels[index][1] if 0 <= index < len(levels) else None


def reasons_for(row: dict) -> tuple[str, ...]:
    """Every reason for one scored pair (a row of Splink's predictions)."""
    found = []
    for name in LEVEL_REASONS:
        reason = _level_reason(name, row.get(f"gamma_{name}"))
        if callable(reason):
            reason = reason(row)
        if reason:
            found.append(reason)
    return tuple(found)


class ReasonWriter:
    """reasons_for over many rows of one shape, fast: most pairs agree at fixed-word levels,
    so their reasons are worked out once per combination of levels and shared."""

    def __init__(self, columns: Sequence[str]):
        self.columns = list(columns)
        self.gamma_at = [self.columns.index(f"gamma_{name}") for name in LEVEL_REASONS]
        self.cache: dict[tuple, tuple[str, ...] | None] = {}

    def __call__(self, values: Sequence) -> tuple[str, ...]:
        gammas = tuple(values[at] for at in self.gamma_at)
        shared = self.cache.get(gammas, ...)
        if shared is ...:
            levels = [_level_reason(name, g) for name, g in zip(LEVEL_REASONS, gammas, strict=True)]
            fixed = not any(callable(reason) for reason in levels)
            shared = tuple(reason for reason in levels if reason) if fixed else None
            self.cache[gammas] = shared
        if shared is not None:
            return shared
        return reasons_for(dict(zip(self.columns, values, strict=True)))


# --- The reasons in the page's language (issue #19) -----------------------------------------
# The reasons are stored as written above, in English. A page shows each in its own language:
# fixed words are translated whole; a reason that shows the pair's values translates its
# label and keeps the values as the records hold them ("surname: Smyth ~ Smith").
SHOWN_WORDS = (
    gettext_noop("name matches"),
    gettext_noop("first name and surname swapped"),
    gettext_noop("surname matches"),
    gettext_noop("same date of birth"),
    gettext_noop("same address and phone number"),
    gettext_noop("same address and postcode"),
    gettext_noop("same address"),
    gettext_noop("same phone number"),
    gettext_noop("postcode matches"),
    gettext_noop("same postcode sector"),
    gettext_noop("same postcode district"),
    gettext_noop("first name"),
    gettext_noop("surname"),
    gettext_noop("date of birth, day and month swapped"),
    gettext_noop("date of birth"),
    gettext_noop("same house number, street"),
)


def kept(reason: str) -> Wording:
    """One stored reason as words said in the reader's language (a case's history keeps it
    so): what is not known is said as stored."""
    parts = []
    for part in reason.split("; "):
        label, colon, values = part.partition(": ")
        parts.append(
            Wording.joined(Term(label), colon + values, sep="") if label in SHOWN_WORDS else part
        )
    return Wording.joined(*parts, sep="; ")


def shown(reason: str) -> str:
    """One stored reason in the active language (what is not known is shown as stored)."""
    return kept(reason).say()
