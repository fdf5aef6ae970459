"""Cases built through the services at chosen moments, across two financial years.

The repository has neither freezegun nor time-machine, so `clock` patches
django.utils.timezone.now: every service reads the time through it (timezone.now(),
timezone.localdate(), auto_now fields), so a case's whole history lands on the dates given.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timedelta
from types import SimpleNamespace
from unittest import mock
from zoneinfo import ZoneInfo

from agencies.models import Area
from tests.conftest import build_side
from tests.factories import make_case
from triggers import history
from triggers.information import services as information_services
from triggers.meetings.services import MeetingData, schedule_review
from triggers.reviews import services as reviews
from triggers.reviews.services import ActionData, RecommendationData, ReviewData
from triggers.threshold import services as threshold_services
from triggers.workflow import Status

LONDON = ZoneInfo("Europe/London")
SPOC_PHONE = "0151 000 0000"


@contextmanager
def clock(when: str):
    """Run the block as if it were `when` (ISO date or date-time, London time)."""
    moment = datetime.fromisoformat(when)
    if moment.hour == 0 and "T" not in when:
        moment = moment.replace(hour=10)
    moment = moment.replace(tzinfo=LONDON)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def figures_side(prefix: str, force=None):
    """An area with its council and police, staff in every role, a published single point of
    contact, and no cases yet (so that only the cases a test builds are counted)."""
    side = build_side(prefix, force, with_case=False)
    Area.objects.filter(pk=side.area.pk).update(
        name=f"{prefix.title()}shire", spoc_name="Community Safety Team", spoc_phone=SPOC_PHONE
    )
    side.area.refresh_from_db()
    return side


def _letter_without_pdf(template: str, context: dict) -> bytes:
    from django.template.loader import render_to_string

    render_to_string(template, context)  # the template still renders, so errors still show
    return b"%PDF-1.4 letter rendered as HTML only"


@contextmanager
def letters_without_pdf():
    """Skip WeasyPrint (about two seconds a letter): figures never read a letter's PDF, and
    the letters themselves are tested in tests/triggers."""
    with mock.patch("triggers.letters.render_pdf", _letter_without_pdf):
        yield


# --- Steps of a case, each at its own moment ---------------------------------------------------


def apply(side, when: str, name: str = "Jo Bloggs", **kwargs):
    with clock(when):
        return make_case(
            side.area,
            applicant_name=name,
            applicant_email=kwargs.pop("email", "jo.bloggs@example.com"),
            data={"applicant_address": "12 Acacia Avenue", "applicant_postcode": "L1 1AA"},
            **kwargs,
        )


def acknowledge(side, case, when: str):
    with clock(when):
        return threshold_services.acknowledge(case, by=side.officer)


def decide(side, case, when: str, outcome: str = "met"):
    reasons = "" if outcome == "met" else "The reports fall outside the six months."
    # Refusing when the reports count to the threshold needs a listed reason (issue #14).
    refusal = "" if outcome == "met" else "not_found"
    with clock(when):
        return threshold_services.decide_threshold(
            case, outcome, by=side.officer, reasons=reasons, refusal_reason=refusal
        )


def return_information(side, case, when: str):
    request = case.information_requests.get(agency=side.police)
    with clock(when):
        return information_services.submit_return(
            request,
            information_services.ReturnData(actions_taken="Visited twice."),
            by=side.responder,
        )


def schedule(side, case, when: str, meeting_at: str):
    with clock(when):
        starts = datetime.fromisoformat(meeting_at).replace(tzinfo=LONDON)
        data = MeetingData(
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            chair=side.chair,
            venue="Town hall",
        )
        return schedule_review(case, data, by=side.officer)


def hold_review(side, case, when: str, *, recommendations: bool, actions: bool = False):
    """The review is recorded, which moves the case to "review held"."""
    made = (
        [RecommendationData(side.police, "Patrol the street at night.")] if recommendations else []
    )
    due = datetime.fromisoformat(when).date() + timedelta(days=60)
    data = ReviewData(
        attendance="Council, police",
        findings="Reports were missed.",
        recommendations=made,
        actions=[ActionData(side.police, "Patrol at night.", due)] if actions else [],
        without_missing_returns=True,
    )
    with clock(when):
        return reviews.record_review(case, data, by=side.officer)


def send_outcome(side, case, when: str):
    """The victim comments on the draft plan, the plan is finalised and the outcome sent."""
    review = reviews.current_review(case)
    with clock(when):
        reviews.comment_on_plan(case, "Please include the car park.")
        reviews.finalise_plan(review, by=side.officer)
        return reviews.send_outcome(review, by=side.officer)


def appeal(side, case, lodged: str, decided: str, *, decision: str):
    """An appeal lodged and decided: `decision` is the status the case leaves "appealed" for
    (further_review when upheld; back where it was when not upheld)."""
    with clock(lodged):
        history.transition(case, Status.APPEALED, summary="Appeal lodged")
    with clock(decided):
        return history.transition(case, decision, summary="Appeal decided")


def build_two_years(north, south):
    """Cases across April 2025 to March 2027 (financial years 2025 and 2026) in the north,
    and one in the south that the north's figures must never include."""
    a = apply(north, "2025-06-02")  # FY2025: application, threshold not met, appeal not upheld
    acknowledge(north, a, "2025-06-04")
    decide(north, a, "2025-06-10", "not_met")
    appeal(north, a, "2025-06-20", "2025-07-15", decision=Status.THRESHOLD_NOT_MET)

    b = apply(north, "2026-03-02")  # received and decided in FY2025, reviewed in FY2026
    acknowledge(north, b, "2026-03-03")
    decide(north, b, "2026-03-16")
    return_information(north, b, "2026-03-25")
    schedule(north, b, "2026-03-20", "2026-04-14T10:00")
    hold_review(north, b, "2026-04-14T15:00", recommendations=True)
    send_outcome(north, b, "2026-04-20")

    c = apply(north, "2026-05-05")  # FY2026 throughout; its appeal is upheld, late
    acknowledge(north, c, "2026-05-06")
    decide(north, c, "2026-05-12")
    schedule(north, c, "2026-05-14", "2026-06-02T10:00")
    hold_review(north, c, "2026-06-02T15:00", recommendations=False)
    send_outcome(north, c, "2026-06-05")
    appeal(north, c, "2026-06-10", "2026-07-15", decision=Status.FURTHER_REVIEW)

    d = apply(north, "2026-03-30")  # received in FY2025, threshold not met in FY2026
    decide(north, d, "2026-04-02", "not_met")

    e = apply(south, "2026-05-01", name="Sam South", email="sam.south@example.com")
    decide(south, e, "2026-05-05", "not_met")
    return SimpleNamespace(north=north, south=south, cases={"a": a, "b": b, "c": c, "d": d, "e": e})
