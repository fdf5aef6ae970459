"""The eligibility engine: is the case review threshold met? (DOMAIN.md §4, a product contract)

A pure function of (area policy, complaints, application date, today): deterministic, it
explains every complaint it counted or rejected in words a victim can read, and it is never
stricter than s104 of the Anti-social Behaviour, Crime and Policing Act 2014. "Met on
discretion" (harm, vulnerability, persistence, the response so far) is never the engine's
answer: that is an officer's recorded decision with reasons.

Pure: standard library only, no ORM, no I/O. The words are English unless the caller passes
`Words` that translate them (issue #19: a Welsh page passes Django's gettext through
triggers/eligibility_words.py); the engine itself never looks at a language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from triggers.eligibility_reasons import (
    APPLICATION_WINDOW_MONTHS,
    ENGLISH,
    MONTH_NAMES,
    REPORT_WINDOW_MONTHS,
    Words,
    _already_counted_reason,
    _complaints_count,
    _counts_reason,
    _hate_count,
    _rejection,
)
from triggers.periods import months_beginning_with_end

__all__ = [
    "APPLICATION_WINDOW_MONTHS",
    "REPORT_WINDOW_MONTHS",
    "ROUTE_COMPLAINTS",
    "ROUTE_HATE_INCIDENT",
    "ROUTE_NOT_MET",
    "STATUTORY_THRESHOLD",
    "Complaint",
    "ComplaintFinding",
    "Decision",
    "InvalidPolicy",
    "Policy",
    "Words",
    "assess",
    "explain",
    "format_date",
]

STATUTORY_THRESHOLD = 3  # s104(4): a procedure may set a lower number, never a higher one

ROUTE_COMPLAINTS = "complaints"
ROUTE_HATE_INCIDENT = "hate_incident"
ROUTE_NOT_MET = "not_met"


class InvalidPolicy(ValueError):
    """A local policy the statute does not allow (so no decision may rest on it)."""


def _is_whole_number(value: object) -> bool:
    # bool is an int in Python, but True is not a threshold anyone meant to set.
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Policy:
    """An area's published threshold rules.

    `complaint_threshold` may be 1, 2 or 3: the Act lets a procedure set a lower number than
    three, never a higher one. `hate_incident_threshold` is a local extra route (e.g. "3 or
    one hate incident"); None means the area has no such route.
    """

    complaint_threshold: int = STATUTORY_THRESHOLD
    hate_incident_threshold: int | None = None

    def __post_init__(self) -> None:
        threshold = self.complaint_threshold
        if not _is_whole_number(threshold) or not 1 <= threshold <= STATUTORY_THRESHOLD:
            raise InvalidPolicy(
                f"A complaint threshold must be 1, 2 or 3, not {threshold!r}: the Act allows a "
                "lower number than three, never a higher one."
            )
        hate = self.hate_incident_threshold
        if hate is not None and (not _is_whole_number(hate) or hate < 1):
            raise InvalidPolicy(f"A hate incident threshold must be at least 1, not {hate!r}.")


@dataclass(frozen=True)
class Complaint:
    """One report of the behaviour to one agency, as the application describes it.

    Reports share an `incident` id when they are about the same occurrence; None (or a blank
    id) means the report is an incident of its own. `complainant` names who made the report,
    which need not be the applicant (s104(11)).
    """

    incident_date: date
    reported_date: date
    complainant: str = "applicant"
    incident: str | None = None
    hate_related: bool = False
    reported_to: str = ""


class ComplaintFinding:
    """The engine's answer for one complaint, at its 0-based position in the input.

    `qualifies` is the statutory test alone; `counted` is False when the complaint does not
    qualify or repeats a (complainant, incident) pair already counted. `reason` is written
    when first read: a screen or a letter reads it, a bulk check (thousands of people a
    second) never does, and the words cost more than the decision.
    """

    __slots__ = ("_explain", "_reason", "counted", "index", "qualifies")

    def __init__(self, index: int, qualifies: bool, counted: bool, explain: tuple):
        self.index = index
        self.qualifies = qualifies
        self.counted = counted
        self._reason: str | None = None
        self._explain = explain  # (function, *arguments) that writes the reason

    @property
    def reason(self) -> str:
        if self._reason is None:
            self._reason = self.reason_in(ENGLISH)
        return self._reason

    def reason_in(self, words: Words) -> str:
        """The reason worded by `words` (a translation); `reason` is the English one."""
        write, *arguments = self._explain
        return write(*arguments, words=words)

    def as_dict(self) -> dict:
        return {
            "index": self.index,
            "qualifies": self.qualifies,
            "counted": self.counted,
            "reason": self.reason,
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ComplaintFinding):
            return NotImplemented
        return self.as_dict() == other.as_dict()

    __hash__ = None  # equal findings need equal hashes; nothing needs to hash them

    def __repr__(self) -> str:
        return f"ComplaintFinding({self.index}, {self.qualifies}, {self.counted})"


class Decision(NamedTuple):
    """Whether the threshold is met, by which route, and why for every complaint.

    A named tuple, not a frozen dataclass: as immutable, and five times cheaper to make,
    which a bulk check of every linked person notices."""

    threshold_met: bool
    route: str
    qualifying_complaints: int
    threshold: int
    hate_related_complaints: int
    hate_incident_threshold: int | None
    complaints: tuple[ComplaintFinding, ...]


def format_date(day: date) -> str:
    """'1 April 2026', the GOV.UK style, whatever the machine's locale."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


_REPORT_BY: dict[date, date] = {}
_APPLY_BY: dict[date, date] = {}
_REMEMBER_AT_MOST = 50_000  # days: well over a century of them


def _remember(ends: dict[date, date], start: date, months: int) -> date:
    if len(ends) >= _REMEMBER_AT_MOST:
        ends.clear()
    end = ends[start] = months_beginning_with_end(start, months)
    return end


# --- Counting ----------------------------------------------------------------------------------

# A tagged incident key: ("given", id) for an id the applicant supplied, ("own", index) for a
# report that is an incident of its own, so no supplied id can collide with an unnamed one.
IncidentKey = tuple[str, tuple[str, object]]


def _route(policy: Policy, counted: int, hate_counted: int) -> str:
    """The first route that holds decides, complaints before hate incidents (DOMAIN §4)."""
    if counted >= policy.complaint_threshold:
        return ROUTE_COMPLAINTS
    hate_threshold = policy.hate_incident_threshold
    if hate_threshold is not None and hate_counted >= hate_threshold:
        return ROUTE_HATE_INCIDENT
    return ROUTE_NOT_MET


def assess(
    policy: Policy, complaints: Sequence[Complaint], application_date: date, today: date
) -> Decision:
    """Decide whether the threshold is met, and explain every complaint.

    Reports by the same complainant of the same incident count once: the first qualifying
    one in input order is counted, later ones qualify but are not counted. A counted pair is
    hate-related when *any* of its qualifying reports is marked so, so which agency heard it
    first cannot change the answer.
    """
    # Written for speed as well as sense: a bulk check runs this for every linked person, so
    # the loop keeps to comparisons and lookups, and the words are left to `reason`.
    findings: list[ComplaintFinding] = []
    first_counted: dict[IncidentKey, int] = {}
    hate_related: set[IncidentKey] = set()
    report_by, apply_by = _REPORT_BY.get, _APPLY_BY.get
    for index, complaint in enumerate(complaints):
        incident, reported = complaint.incident_date, complaint.reported_date
        if not (
            incident <= reported <= application_date <= today
            and reported
            <= (report_by(incident) or _remember(_REPORT_BY, incident, REPORT_WINDOW_MONTHS))
            and application_date
            <= (apply_by(reported) or _remember(_APPLY_BY, reported, APPLICATION_WINDOW_MONTHS))
        ):
            explain = (_rejection, complaint, application_date, today)
            findings.append(ComplaintFinding(index, False, False, explain))
            continue
        # A blank id links nothing: merging blank-id reports would count fewer than the Act does.
        given = complaint.incident
        if given is None or not given.strip():
            key = (complaint.complainant, ("own", index))
        else:
            key = (complaint.complainant, ("given", given))
        if complaint.hate_related:
            hate_related.add(key)
        earlier = first_counted.get(key)
        if earlier is not None:
            explain = (_already_counted_reason, earlier, complaints[earlier])
            findings.append(ComplaintFinding(index, True, False, explain))
            continue
        first_counted[key] = index
        findings.append(ComplaintFinding(index, True, True, (_counts_reason, complaint)))
    route = _route(policy, len(first_counted), len(hate_related))
    return Decision(
        threshold_met=route != ROUTE_NOT_MET,
        route=route,
        qualifying_complaints=len(first_counted),
        threshold=policy.complaint_threshold,
        hate_related_complaints=len(hate_related),
        hate_incident_threshold=policy.hate_incident_threshold,
        complaints=tuple(findings),
    )


# --- The summary -------------------------------------------------------------------------------


def explain(decision: Decision, words: Words = ENGLISH) -> str:
    """One plain-English paragraph for officers and applicants (it appears in letters);
    `words` word it in another language.

    It says only what the reports show; whether to hold a review on discretion is an
    officer's decision, so it is not offered here.
    """
    _ = words.gettext
    places = {
        "counted": _complaints_count(words, decision.qualifying_complaints),
        "threshold": decision.threshold,
        "hate": _hate_count(words, decision.hate_related_complaints),
        "hate_threshold": decision.hate_incident_threshold,
    }
    if decision.route == ROUTE_COMPLAINTS:
        return (
            _("The threshold is met: %(counted)s, and this area's threshold is %(threshold)s.")
            % places
        )
    if decision.route == ROUTE_HATE_INCIDENT:
        return (
            _(
                "The threshold is met because of a hate incident: %(hate)s, and in this area "
                "%(hate_threshold)s is enough. In all, %(counted)s; the threshold for complaints "
                "is %(threshold)s."
            )
            % places
        )
    hate_route = ""
    if decision.hate_incident_threshold is not None:
        hate_route = (
            " "
            + _("For hate incidents, %(hate)s, and %(hate_threshold)s would be enough.") % places
        )
    return (
        _("The threshold is not met: %(counted)s, and this area's threshold is %(threshold)s.")
        % places
        + hate_route
        + " "
        + _(
            "A complaint counts when it was made within one month of the incident and the "
            "application is made within six months of the complaint."
        )
    )
