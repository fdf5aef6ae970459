"""The eligibility engine: is the case review threshold met? (DOMAIN.md §4, a product contract)

A pure function of (area policy, complaints, application date, today): deterministic, it
explains every complaint it counted or rejected, and it is never stricter than s104 of the
Anti-social Behaviour, Crime and Policing Act 2014. "Met on discretion" is never the engine's
answer: that is an officer's recorded decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .periods import months_beginning_with_end

STATUTORY_THRESHOLD = 3
REPORT_WINDOW_MONTHS = 1  # s104(11)(a): complaint made within one month of the behaviour
APPLICATION_WINDOW_MONTHS = 6  # s104(11)(b): application within six months of the complaint

ROUTE_COMPLAINTS = "complaints"
ROUTE_HATE_INCIDENT = "hate_incident"
ROUTE_NOT_MET = "not_met"


class InvalidPolicy(ValueError):
    """A local policy the statute does not allow."""


@dataclass(frozen=True)
class Policy:
    complaint_threshold: int = STATUTORY_THRESHOLD
    hate_incident_threshold: int | None = None

    def __post_init__(self):
        if not 1 <= self.complaint_threshold <= STATUTORY_THRESHOLD:
            raise InvalidPolicy(
                "A complaint threshold must be from 1 to 3: the Act allows a lower number "
                "than three, never a higher one."
            )
        if self.hate_incident_threshold is not None and self.hate_incident_threshold < 1:
            raise InvalidPolicy("A hate incident threshold must be at least 1.")


@dataclass(frozen=True)
class Complaint:
    incident_date: date
    reported_date: date
    complainant: str = "applicant"
    incident: str | None = None  # None: an incident of its own
    hate_related: bool = False
    reported_to: str = ""


@dataclass(frozen=True)
class ComplaintFinding:
    index: int
    qualifies: bool
    counted: bool
    reason: str


@dataclass(frozen=True)
class Decision:
    threshold_met: bool
    route: str
    qualifying_complaints: int
    threshold: int
    hate_related_complaints: int
    hate_incident_threshold: int | None
    complaints: tuple[ComplaintFinding, ...]


def format_date(day: date) -> str:
    """'1 April 2026': the GOV.UK style, without depending on the machine's locale."""
    months = (
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
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _rejection(complaint: Complaint, application_date: date, today: date) -> str | None:
    """Why a complaint does not qualify, or None when it does."""
    incident, reported = complaint.incident_date, complaint.reported_date
    for label, day in (
        ("incident", incident),
        ("report", reported),
        ("application", application_date),
    ):
        if day > today:
            return f"Does not count: the {label} date, {format_date(day)}, is in the future."
    if reported < incident:
        return (
            f"Does not count: it was reported on {format_date(reported)}, before the "
            f"incident on {format_date(incident)}."
        )
    if reported > application_date:
        return (
            f"Does not count: it was reported on {format_date(reported)}, after the "
            f"application on {format_date(application_date)}."
        )
    report_by = months_beginning_with_end(incident, REPORT_WINDOW_MONTHS)
    if reported > report_by:
        return (
            f"Does not count: reported on {format_date(reported)}, more than one month "
            f"after the incident on {format_date(incident)} (the last day was "
            f"{format_date(report_by)})."
        )
    apply_by = months_beginning_with_end(reported, APPLICATION_WINDOW_MONTHS)
    if application_date > apply_by:
        return (
            f"Does not count: reported on {format_date(reported)}, more than six months "
            f"before the application (the last day to apply was {format_date(apply_by)})."
        )
    return None


def _counts_reason(complaint: Complaint) -> str:
    gap = (complaint.reported_date - complaint.incident_date).days
    when = "on the day of the incident" if gap == 0 else f"{_plural(gap, 'day')} after it"
    return (
        f"Counts: reported {when}, within one month; the application is within six "
        f"months of the report."
    )


def _incident_key(index: int, complaint: Complaint) -> tuple[str, str]:
    incident = complaint.incident if complaint.incident is not None else f"#{index}"
    return (complaint.complainant, incident)


def assess(
    policy: Policy, complaints: Sequence[Complaint], application_date: date, today: date
) -> Decision:
    """Decide the threshold and explain every complaint."""
    findings: list[ComplaintFinding] = []
    first_report: dict[tuple[str, str], int] = {}
    counted = hate_counted = 0
    for index, complaint in enumerate(complaints):
        rejection = _rejection(complaint, application_date, today)
        if rejection:
            findings.append(ComplaintFinding(index, False, False, rejection))
            continue
        key = _incident_key(index, complaint)
        if key in first_report:
            earlier = first_report[key] + 1
            findings.append(
                ComplaintFinding(
                    index,
                    True,
                    False,
                    f"Already counted: the same person reported the same incident in complaint "
                    f"{earlier}; one incident reported to several agencies counts once.",
                )
            )
            continue
        first_report[key] = index
        counted += 1
        hate_counted += complaint.hate_related
        findings.append(ComplaintFinding(index, True, True, _counts_reason(complaint)))
    route = _route(policy, counted, hate_counted)
    return Decision(
        threshold_met=route != ROUTE_NOT_MET,
        route=route,
        qualifying_complaints=counted,
        threshold=policy.complaint_threshold,
        hate_related_complaints=hate_counted,
        hate_incident_threshold=policy.hate_incident_threshold,
        complaints=tuple(findings),
    )


def _route(policy: Policy, counted: int, hate_counted: int) -> str:
    if counted >= policy.complaint_threshold:
        return ROUTE_COMPLAINTS
    hate_threshold = policy.hate_incident_threshold
    if hate_threshold is not None and hate_counted >= hate_threshold:
        return ROUTE_HATE_INCIDENT
    return ROUTE_NOT_MET


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def explain(decision: Decision) -> str:
    """One plain-English paragraph for officers and applicants."""
    counted = _plural(decision.qualifying_complaints, "report")
    verb = "counts" if decision.qualifying_complaints == 1 else "count"
    if decision.route == ROUTE_COMPLAINTS:
        return (
            f"The threshold is met: {counted} {verb}, and this area's threshold is "
            f"{decision.threshold}."
        )
    if decision.route == ROUTE_HATE_INCIDENT:
        hate = _plural(decision.hate_related_complaints, "report")
        return (
            f"The threshold is met because {hate} of a hate incident {verb}, and in this "
            f"area {decision.hate_incident_threshold} is enough."
        )
    return (
        f"The threshold is not met: {counted} {verb} within the time limits, and this "
        f"area's threshold is {decision.threshold}. A report counts when it was made within "
        f"one month of the incident and the application is within six months of the report."
    )
