"""The eligibility engine: is the case review threshold met? (DOMAIN.md §4, a product contract)

A pure function of (area policy, complaints, application date, today): deterministic, it
explains every complaint it counted or rejected in words a victim can read, and it is never
stricter than s104 of the Anti-social Behaviour, Crime and Policing Act 2014. "Met on
discretion" (harm, vulnerability, persistence, the response so far) is never the engine's
answer: that is an officer's recorded decision with reasons.

Pure: standard library only, no ORM, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

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
    "assess",
    "explain",
    "format_date",
]

STATUTORY_THRESHOLD = 3  # s104(4): a procedure may set a lower number, never a higher one
REPORT_WINDOW_MONTHS = 1  # s104(11)(a): complaint within one month beginning with the behaviour
APPLICATION_WINDOW_MONTHS = 6  # s104(11)(b): application within six months of the complaint

ROUTE_COMPLAINTS = "complaints"
ROUTE_HATE_INCIDENT = "hate_incident"
ROUTE_NOT_MET = "not_met"

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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
            write, *arguments = self._explain
            self._reason = write(*arguments)
        return self._reason

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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- One complaint -----------------------------------------------------------------------------


def _future_date_reason(complaint: Complaint, application_date: date, today: date) -> str | None:
    """A date after today cannot be true yet, so nothing resting on it can count."""
    for label, day in (
        ("incident", complaint.incident_date),
        ("report", complaint.reported_date),
        ("application", application_date),
    ):
        if day > today:
            return (
                f"Does not count: the {label} date, {format_date(day)}, is in the future "
                f"(today is {format_date(today)})."
            )
    return None


def _order_reason(complaint: Complaint, application_date: date) -> str | None:
    """A report cannot precede what it reports, nor support an application made before it."""
    incident, reported = complaint.incident_date, complaint.reported_date
    if reported < incident:
        return (
            f"Does not count: reported on {format_date(reported)}, before the incident on "
            f"{format_date(incident)}."
        )
    if reported > application_date:
        return (
            f"Does not count: reported on {format_date(reported)}, after the application on "
            f"{format_date(application_date)}."
        )
    return None


def _time_limit_reason(complaint: Complaint, application_date: date) -> str | None:
    """The two time limits of s104(11), each naming the last day that would have counted."""
    incident, reported = complaint.incident_date, complaint.reported_date
    report_by = months_beginning_with_end(incident, REPORT_WINDOW_MONTHS)
    if reported > report_by:
        return (
            f"Does not count: reported on {format_date(reported)}, more than one month after "
            f"the incident on {format_date(incident)} (the last day was "
            f"{format_date(report_by)})."
        )
    apply_by = months_beginning_with_end(reported, APPLICATION_WINDOW_MONTHS)
    if application_date > apply_by:
        return (
            f"Does not count: reported on {format_date(reported)}, more than six months "
            f"before the application on {format_date(application_date)} (the last day to "
            f"apply was {format_date(apply_by)})."
        )
    return None


# The last day of each window, by the day it begins with: a bulk check meets the same few
# thousand days over and over, and a dictionary look-up is four times cheaper than a call.
_REPORT_BY: dict[date, date] = {}
_APPLY_BY: dict[date, date] = {}
_REMEMBER_AT_MOST = 50_000  # days: well over a century of them


def _remember(ends: dict[date, date], start: date, months: int) -> date:
    if len(ends) >= _REMEMBER_AT_MOST:
        ends.clear()
    end = ends[start] = months_beginning_with_end(start, months)
    return end


def _rejection(complaint: Complaint, application_date: date, today: date) -> str | None:
    """Why a complaint does not qualify, or None when it does (the first failing rule)."""
    return (
        _future_date_reason(complaint, application_date, today)
        or _order_reason(complaint, application_date)
        or _time_limit_reason(complaint, application_date)
    )


def _counts_reason(complaint: Complaint) -> str:
    gap = (complaint.reported_date - complaint.incident_date).days
    when = "on the day of the incident" if gap == 0 else f"{_plural(gap, 'day')} after the incident"
    return (
        f"Counts: reported {when}, within one month; the application is within six months "
        f"of the report."
    )


def _already_counted_reason(earlier_index: int, earlier: Complaint) -> str:
    # Numbered from 1 because this sentence is read by people, who number complaints so.
    to_whom = f" to {earlier.reported_to}" if earlier.reported_to else ""
    return (
        f"Already counted: the same person reported the same incident{to_whom} "
        f"(complaint {earlier_index + 1}). One person's reports of one incident count once, "
        f"however many agencies they told."
    )


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


def _counts(n: int, noun: str) -> str:
    """'no complaints count', '1 complaint counts', '3 complaints count'."""
    if n == 0:
        return f"no {noun}s count"
    return f"{_plural(n, noun)} {'counts' if n == 1 else 'count'}"


def explain(decision: Decision) -> str:
    """One plain-English paragraph for officers and applicants (it appears in letters).

    It says only what the reports show; whether to hold a review on discretion is an
    officer's decision, so it is not offered here.
    """
    counted = _counts(decision.qualifying_complaints, "complaint")
    if decision.route == ROUTE_COMPLAINTS:
        threshold = decision.threshold
        return f"The threshold is met: {counted}, and this area's threshold is {threshold}."
    hate = _counts(decision.hate_related_complaints, "hate-related complaint")
    if decision.route == ROUTE_HATE_INCIDENT:
        return (
            f"The threshold is met because of a hate incident: {hate}, and in this area "
            f"{decision.hate_incident_threshold} is enough. In all, {counted}; the threshold "
            f"for complaints is {decision.threshold}."
        )
    hate_route = ""
    if decision.hate_incident_threshold is not None:
        hate_route = (
            f" For hate incidents, {hate}, and {decision.hate_incident_threshold} would be enough."
        )
    return (
        f"The threshold is not met: {counted}, and this area's threshold is "
        f"{decision.threshold}.{hate_route} A complaint counts when it was made within one month "
        f"of the incident and the application is made within six months of the complaint."
    )
