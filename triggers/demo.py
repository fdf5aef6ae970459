"""A handful of demo cases in different states across several Merseyside areas, and two in
South Wales: one applied for in Welsh (issue #19).

Loaded once per region: if a region has any case, nothing is added to it, so running the demo
twice never duplicates it.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from agencies.models import Agency, Area, RoleAssignment, User
from triggers import history as history
from triggers.applications import services as applications_services
from triggers.applications.services import ApplicationData, ComplaintData
from triggers.meetings import services as meetings
from triggers.models import Case, Channel, ReviewMeeting
from triggers.reviews import involvement as reviews_involvement
from triggers.reviews import services as reviews_services
from triggers.threshold import checks as threshold_checks
from triggers.threshold import services as threshold_services
from triggers.workflow import Status

# (area, applicant, days ago received, complaint ages in days, hate-related, steps to walk)
DEMO_CASES = [
    ("liverpool", "Sam Taylor", 1, (60, 35, 10), False, []),
    ("liverpool", "Priya Shah", 9, (100, 70, 40, 12), False, [Status.ACKNOWLEDGED]),
    ("liverpool", "Chris Doyle", 20, (45, 20), True, [Status.ACKNOWLEDGED, Status.THRESHOLD_MET]),
    (
        "liverpool",
        "Alex Morgan",
        25,
        (300, 250),
        False,
        [Status.ACKNOWLEDGED, Status.THRESHOLD_NOT_MET],
    ),
    ("knowsley", "Jordan Hughes", 3, (80, 50, 15), False, []),
    (
        "sefton",
        "Morgan Ellis",
        30,
        (120, 90, 60, 33),
        False,
        [Status.ACKNOWLEDGED, Status.THRESHOLD_MET],
    ),
    ("wirral", "Casey Roberts", 12, (50, 30, 14), False, [Status.ACKNOWLEDGED]),
    # Reviewed, the victim consulted, the outcome sent: the action plan under way.
    (
        "knowsley",
        "Robin Clarke",
        40,
        (140, 100, 70, 42),
        False,
        [Status.ACKNOWLEDGED, Status.THRESHOLD_MET, Status.ACTIONS_IN_PROGRESS],
    ),
    # A councillor applies for a constituent, who has their own email and link (§5.9).
    ("liverpool", "Cllr Dana Price", 6, (70, 40, 12), False, [Status.ACKNOWLEDGED]),
]

# Cases applied for someone else: the victim, their consent and how to reach them.
ON_BEHALF = {
    "Cllr Dana Price": {
        "on_behalf": True,
        "victim_name": "Mo Bennett",
        "relationship": "Their ward councillor",
        "organisation": "Liverpool City Council (councillor)",
        "victim_consent": True,
        "victim_consent_share": True,
        "victim_consent_contact": True,
        "victim_consent_how": "email",
        "victim_email": "mo.bennett@example.com",
        "victim_postcode": "L8 1AB",
        "victim_contact_method": "email",
    },
}

DESCRIPTIONS = [
    "Loud music and shouting from the flat above until 3am.",
    "A group gathered outside the front door, swearing and kicking the door.",
    "Eggs thrown at the window and the car scratched.",
    "Threats shouted in the street when I came home from work.",
]


# South Wales (agencies/demo_wales.py): Eleri applied in Welsh, so her messages are Welsh.
WELSH_CASES = [
    ("cardiff", "Eleri Jones", 4, (70, 45, 20), False, [Status.ACKNOWLEDGED]),
    ("swansea", "Gareth Price", 15, (60, 30), True, [Status.ACKNOWLEDGED, Status.THRESHOLD_MET]),
]
WELSH_SPEAKERS = {"Eleri Jones"}
WELSH_DESCRIPTIONS = [
    "Cerddoriaeth uchel a gweiddi o'r fflat uwchben tan 3 y bore.",
    "Criw yn ymgasglu y tu allan i'r drws ffrynt, yn rhegi ac yn cicio'r drws.",
    "Wyau wedi'u taflu at y ffenest a'r car wedi'i grafu.",
]


@transaction.atomic
def load() -> None:
    if not Case.objects.filter(area__force_area__slug="merseyside").exists():
        _load_cases(DEMO_CASES, "merseyside-police")
    if not Case.objects.filter(area__force_area__slug="south-wales").exists():
        _load_cases(WELSH_CASES, "south-wales-police")
    _find_possible_reviews()


def _find_possible_reviews() -> None:
    """Link the demo's incident records (incidents/demo.py) with the default model, which
    needs no training, and list the one resident who meets the threshold."""
    from incidents import services as incidents
    from incidents.demo import DEMO_AREA
    from triggers.proactive import services as proactive

    area = Area.objects.filter(slug=DEMO_AREA).first()
    if area is not None:
        incidents.relink_area(area)
        proactive.refresh_possible_reviews(area)


def _load_cases(cases, police_slug: str) -> None:
    police = Agency.objects.get(slug=police_slug)
    now = timezone.now()
    for area_slug, name, received_ago, ages, hate, steps in cases:
        welsh = name in WELSH_SPEAKERS
        area = Area.objects.get(slug=area_slug)
        officer = User.objects.filter(
            roles__role=RoleAssignment.Role.CASE_OFFICER, roles__area=area
        ).first()
        received = now - timedelta(days=received_ago)
        complaints = [
            ComplaintData(
                incident_date=(received - timedelta(days=age)).date(),
                reported_date=(received - timedelta(days=age - 1)).date(),
                description=(WELSH_DESCRIPTIONS if welsh else DESCRIPTIONS)[i % len(DESCRIPTIONS)],
                reported_to=police,
                reference_number=f"MP-{2600 + i * 17 + age}",
                hate_related=hate and i == 0,
            )
            for i, age in enumerate(ages)
        ]
        data = ApplicationData(
            applicant_name=name,
            applicant_email=f"{name.split()[0].lower()}@example.com",
            complaints=complaints,
            **(_in_welsh() if welsh else _in_english()),
            **_victim(name, received),
        )
        case, _ = applications_services.submit_application(
            area, data, channel=Channel.ONLINE, received_at=received
        )
        threshold_services.assign_officer(case, officer)
        if steps:  # the police have checked the complaints before anyone decided
            _police_check(case, police)
        for step in steps:
            _walk(case, step, officer)


def _in_english() -> dict:
    return {
        "behaviour_location": "The street outside my home",
        "impact": "I do not feel safe in my own home and cannot sleep.",
        "desired_outcome": "For the behaviour to stop and to be kept informed.",
    }


def _in_welsh() -> dict:
    return {
        "behaviour_location": "Y stryd y tu allan i'm cartref",
        "impact": "Nid wyf yn teimlo'n ddiogel yn fy nghartref fy hun ac ni allaf gysgu.",
        "desired_outcome": "I'r ymddygiad ddod i ben ac i gael gwybod beth sy'n digwydd.",
        "applicant_language": "cy",
    }


def _victim(applicant: str, received) -> dict:
    if applicant not in ON_BEHALF:
        return {}
    return {**ON_BEHALF[applicant], "victim_consent_on": (received - timedelta(days=2)).date()}


def _police_check(case: Case, police) -> None:
    """The police's check of an application passed on to them on receipt: every complaint
    was reported to them, so each is found, under its own reference."""
    responder = User.objects.filter(
        agency=police, roles__role=RoleAssignment.Role.AGENCY_RESPONDER
    ).first()
    check = case.threshold_checks.filter(agency=police).first()
    if responder is None or check is None:
        return
    threshold_checks.record_check(
        check,
        [
            threshold_checks.FindingData(c.pk, "found", reference=c.reference_number)
            for c in case.complaints.all()
        ],
        by=responder,
    )


def _walk(case: Case, step: str, officer) -> None:
    """Move a demo case on through the same services an officer's clicks would use."""
    if step == Status.ACKNOWLEDGED:
        threshold_services.acknowledge(case, by=officer)
    elif step == Status.THRESHOLD_MET:
        threshold_services.decide_threshold(case, "met", by=officer)
    elif step == Status.THRESHOLD_NOT_MET:
        threshold_services.decide_threshold(
            case,
            "not_met",
            by=officer,
            reasons="Both reports were made more than six months before the application.",
        )
    elif step == Status.ACTIONS_IN_PROGRESS:
        _review_with_action_plan(case, officer)
    else:
        history.transition(case, step, by=officer)


def _review_with_action_plan(case: Case, officer) -> None:
    """Meeting, the victim's part, the review with its plan, the victim's comment, outcome."""

    case.refresh_from_db()
    starts = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    starts += timedelta(days=1)
    asked = [r.agency for r in case.information_requests.select_related("agency")]
    # The officer chairs, so that the demo's review chair sees only their own cases.
    meeting = meetings.schedule_review(
        case,
        meetings.MeetingData(
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            chair=officer,
            venue="Municipal Buildings, Huyton",
            agencies=asked,
        ),
        by=officer,
    )
    # A review is recorded on or after its meeting's day (DOMAIN.md §5.3): in the demo the
    # meeting, arranged for tomorrow, is moved back to yesterday, as if it had been held.
    held = starts - timedelta(days=2)
    ReviewMeeting.objects.filter(pk=meeting.pk).update(
        starts_at=held, ends_at=held + timedelta(hours=1)
    )
    reviews_involvement.record_involvement(
        case,
        reviews_involvement.InvolvementData(
            way="online", impact="We cannot sleep; the children are frightened."
        ),
    )
    police = next(a for a in asked if a.kind == Agency.Kind.POLICE)
    council = next((a for a in asked if a.kind == Agency.Kind.COUNCIL), police)
    today = timezone.localdate()
    review = reviews_services.record_review(
        case,
        reviews_services.ReviewData(
            without_missing_returns=True,
            attendance="Chair, council ASB team, Merseyside Police; the victim joined online.",
            findings="Reports to the police and the council were not linked up, so nobody saw "
            "how often it was happening.",
            recommendations=[
                reviews_services.RecommendationData(
                    police, "Flag the address for late-night patrols."
                ),
                reviews_services.RecommendationData(
                    council, "Share ASB reports with the police weekly."
                ),
            ],
            actions=[
                reviews_services.ActionData(
                    police, "Late-night patrols for six weeks.", today + timedelta(days=42)
                ),
                reviews_services.ActionData(
                    council, "Install noise monitoring.", today + timedelta(days=14)
                ),
            ],
        ),
        by=officer,
    )
    reviews_services.comment_on_plan(case, "Please include weekends in the patrols.")
    reviews_services.finalise_plan(review, by=officer)
    reviews_services.send_outcome(review, by=officer)
