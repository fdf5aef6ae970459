"""The appeal body's decision (the PCC's office or the area's independent panel): a finding
on each ground, the decision, the case sent where it says, the letter. One transaction, with
the case's history and the outbox; `preview_decision` shows it all first, changing nothing."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from agencies import access
from agencies.models import User
from agencies.wording import Term, Wording
from agencies.working_days import add_working_days
from triggers.closing.services import CLOSABLE, set_closure_after_appeal
from triggers.history import transition
from triggers.letters import preview_html, send_letter, write_letter
from triggers.meetings.services import cancel_pending_meetings
from triggers.models import Letter
from triggers.recipients import recipients
from triggers.selectors import officer_and_admins
from triggers.threshold.checks import start_check_round
from triggers.workflow import Status

from .lodging import INDEPENDENT_PANEL_NAME, AppealRefused
from .models import Appeal, AppealGround
from .notices import appeal_url, case_url, email_about


@dataclass
class Finding:
    ground: str
    made_out: bool
    finding: str


@dataclass
class DecisionData:
    upheld: bool
    reasons: str
    findings: list[Finding]
    remedy: str = ""
    points_to_address: str = ""


@transaction.atomic
def decide_appeal(appeal: Appeal, data: DecisionData, *, by: User) -> Appeal:
    """Record the body's finding on each ground and the decision, send the case where the
    decision says, write the letter, and tell the applicant and the council."""
    appeal = (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("case__area", "case__assigned_officer", "pcc_office")
        .get(pk=appeal.pk)
    )
    grounds = _check_may_decide(appeal, data, by)
    for finding in data.findings:
        row = grounds[finding.ground]
        row.made_out, row.finding = finding.made_out, finding.finding.strip()
        row.save(update_fields=["made_out", "finding"])
    _apply(appeal, data, by)
    appeal.save()
    _move_case(appeal, by)
    letter = _decision_letter(appeal, by)
    _queue_decision_emails(appeal, letter)
    return appeal


@dataclass(frozen=True)
class DecisionPreview:
    """What "confirm" will do: the decided appeal, its findings and the letter, unsaved."""

    appeal: Appeal
    grounds: list[AppealGround]
    letter_html: str
    consequences: list[str]


def preview_decision(appeal: Appeal, data: DecisionData, *, by: User) -> DecisionPreview:
    """The check-your-answers page: the same checks as `decide_appeal`, on copies; nothing is
    saved, no letter written, nobody told."""
    grounds = _check_may_decide(appeal, data, by)
    shown = {key: copy.copy(row) for key, row in grounds.items()}
    for finding in data.findings:
        shown[finding.ground].made_out = finding.made_out
        shown[finding.ground].finding = finding.finding.strip()
    decided = copy.copy(appeal)
    _apply(decided, data, by)
    rows = list(shown.values())
    to_appellant = _to_appellant_alone(appeal)
    letter = preview_html(
        appeal.case,
        Letter.Kind.APPEAL_DECISION,
        _letter_title(decided, to_appellant),
        _letter_context(decided, rows, by, to_appellant),
    )
    return DecisionPreview(decided, rows, letter, consequences(decided))


def consequences(appeal: Appeal) -> list[str]:
    """What recording this decision sets in motion, in the words the confirm page shows."""
    said = [
        gettext(
            "The letter below goes to the applicant, signed for %(body)s, and the "
            "council's officers are emailed."
        )
        % {"body": appeal.body_name},
        gettext(
            "This is the last stage of the procedure: the decision cannot be changed afterwards."
        ),
    ]
    if appeal.status == Appeal.Status.UPHELD:
        remedy = gettext(Appeal.Remedy(appeal.remedy).label).lower()
        said.append(
            gettext(
                "The case goes back to the council for %(remedy)s; "
                "any meeting still arranged for the earlier round is called off."
            )
            % {"remedy": remedy}
        )
    elif appeal.previous_status == Status.THRESHOLD_NOT_MET:
        said.append(
            gettext("The decision stands: the case closes by itself on the next daily run.")
        )
    elif appeal.cancelled_closure_reason and appeal.previous_status in CLOSABLE:
        said.append(
            gettext(
                "The decision stands: the closure the officer had set is set again, and the case "
                "closes by itself on the next daily run."
            )
        )
    else:
        said.append(gettext("The decision stands: the case returns to where it was."))
    return said


def _check_may_decide(appeal: Appeal, data: DecisionData, by: User) -> dict:
    if appeal.status != Appeal.Status.LODGED:
        raise AppealRefused(gettext("This appeal is no longer waiting for a decision."))
    if not access.decides_appeal(by, appeal):
        if appeal.kind == Appeal.Kind.PCC_REVIEW:
            only = gettext("Only %(body)s decides this PCC review.")
        else:
            only = gettext("Only %(body)s decides this appeal.")
        raise AppealRefused(only % {"body": appeal.body_name})
    grounds = {g.ground: g for g in appeal.grounds.all()}
    _check_decision(appeal, data, grounds)
    return grounds


def _apply(appeal: Appeal, data: DecisionData, by: User) -> None:
    appeal.status = Appeal.Status.UPHELD if data.upheld else Appeal.Status.NOT_UPHELD
    appeal.remedy = data.remedy if data.upheld else ""
    appeal.reasons = data.reasons.strip()
    appeal.points_to_address = data.points_to_address.strip() if data.upheld else ""
    appeal.decided_by, appeal.decided_at = by, timezone.now()


def _check_decision(appeal: Appeal, data: DecisionData, grounds: dict) -> None:
    if {f.ground for f in data.findings} != set(grounds):
        raise AppealRefused(gettext("Record a finding on every ground of the appeal."))
    if any(not f.finding.strip() for f in data.findings):
        raise AppealRefused(gettext("Explain the finding on every ground."))
    if not data.reasons.strip():
        raise AppealRefused(
            gettext("Give the reasons for the decision: the applicant will read them.")
        )
    made_out = any(f.made_out for f in data.findings)
    if data.upheld and not made_out:
        raise AppealRefused(gettext("An upheld appeal needs at least one ground found made out."))
    if not data.upheld and made_out:
        raise AppealRefused(
            gettext("A ground is found made out: uphold the appeal, or change that finding.")
        )
    if data.upheld:
        if data.remedy not in remedies_for(appeal):
            raise AppealRefused(gettext("Choose what must happen next."))
        if not data.points_to_address.strip():
            raise AppealRefused(gettext("Say what the council must address."))


def remedies_for(appeal: Appeal) -> list[str]:
    """A fresh threshold decision only answers a threshold appeal; any upheld appeal may
    send the case to a further review."""
    if appeal.appealed_decision == Appeal.Decision.THRESHOLD:
        return [Appeal.Remedy.FRESH_THRESHOLD_DECISION, Appeal.Remedy.FURTHER_REVIEW]
    return [Appeal.Remedy.FURTHER_REVIEW]


NOT_UPHELD = {
    Appeal.Kind.APPEAL: gettext_noop("Appeal not upheld: the decision stands"),
    Appeal.Kind.PCC_REVIEW: gettext_noop("PCC review not upheld: the decision stands"),
}
UPHELD = {
    Appeal.Kind.APPEAL: gettext_noop("Appeal upheld: %(remedy)s"),
    Appeal.Kind.PCC_REVIEW: gettext_noop("PCC review upheld: %(remedy)s"),
}


def _move_case(appeal: Appeal, by: User) -> None:
    area = appeal.case.area
    if appeal.status != Appeal.Status.UPHELD:
        transition(
            appeal.case,
            appeal.previous_status,
            by=by,
            summary=Wording(NOT_UPHELD[appeal.kind]),
            reasons=appeal.reasons,
        )
        # One appeal per decision: nothing is left to appeal, so the officer's closure that
        # the appeal cancelled is set again, for the daily task (a "threshold not met" case
        # closes by itself the same way).
        if appeal.cancelled_closure_reason and appeal.previous_status in CLOSABLE:
            set_closure_after_appeal(appeal.case, why=appeal.cancelled_closure_reason, by=by)
        return
    if appeal.remedy == Appeal.Remedy.FRESH_THRESHOLD_DECISION:
        due = add_working_days(timezone.localdate(), area.threshold_decision_days)
    else:
        due = add_working_days(timezone.localdate(), area.information_return_days)
    transition(
        appeal.case,
        appeal.remedy,
        by=by,
        next_due=due,
        summary=Wording(UPHELD[appeal.kind], remedy=Term(appeal.get_remedy_display(), lower=True)),
        reasons=Wording("To address: %(points)s", points=appeal.points_to_address),
    )
    # The earlier round is over: a meeting still arranged for it is called off.
    cancel_pending_meetings(appeal.case, by=by, reason=gettext_lazy("The appeal was upheld."))
    if appeal.remedy == Appeal.Remedy.FRESH_THRESHOLD_DECISION:
        start_check_round(appeal.case, by=by, reason=Wording("The appeal was upheld."))


# The letter's titles, kept in English on the case and translated where the letter prints them.
# (kind, upheld, to whoever made it alone): a letter that others read too (the victim, when
# their councillor appealed) says whose appeal it was, not "your appeal" (DOMAIN.md §5.9).
LETTER_TITLES = {
    (Appeal.Kind.APPEAL, True, True): gettext_noop("Your appeal is upheld"),
    (Appeal.Kind.APPEAL, False, True): gettext_noop("Your appeal is not upheld"),
    (Appeal.Kind.PCC_REVIEW, True, True): gettext_noop("Your request for a PCC review is upheld"),
    (Appeal.Kind.PCC_REVIEW, False, True): gettext_noop(
        "Your request for a PCC review is not upheld"
    ),
    (Appeal.Kind.APPEAL, True, False): gettext_noop("The appeal is upheld"),
    (Appeal.Kind.APPEAL, False, False): gettext_noop("The appeal is not upheld"),
    (Appeal.Kind.PCC_REVIEW, True, False): gettext_noop("The request for a PCC review is upheld"),
    (Appeal.Kind.PCC_REVIEW, False, False): gettext_noop(
        "The request for a PCC review is not upheld"
    ),
}
# Each ground as the letter names it, in the language of each of its columns (DOMAIN.md §5.12).
GROUND_IN_WORDS = {
    Appeal.Ground.THRESHOLD_WRONGLY_REFUSED: gettext_lazy("The threshold was wrongly refused"),
    Appeal.Ground.PROCESS_NOT_FOLLOWED: gettext_lazy(
        "A relevant process, policy or protocol was not followed"
    ),
    Appeal.Ground.INFORMATION_NOT_CONSIDERED: gettext_lazy(
        "Relevant information was not considered"
    ),
    Appeal.Ground.RECOMMENDATIONS_INADEQUATE: gettext_lazy(
        "The recommendations do not address the problem"
    ),
    Appeal.Ground.OTHER: gettext_lazy("Another reason"),
}


def _letter_title(appeal: Appeal, to_appellant: bool = True) -> str:
    kind = Appeal.Kind.PCC_REVIEW if appeal.kind == Appeal.Kind.PCC_REVIEW else Appeal.Kind.APPEAL
    return LETTER_TITLES[kind, appeal.status == Appeal.Status.UPHELD, to_appellant]


def _to_appellant_alone(appeal: Appeal) -> bool:
    """Whether the decision letter goes to whoever made the appeal and nobody else."""
    return {person.role for person in recipients(appeal.case)} == {appeal.party}


def _letter_context(appeal: Appeal, grounds: list, by: User, to_appellant: bool) -> dict:
    return {
        "appeal": appeal,
        "to_appellant": to_appellant,
        "appellant": appeal.made_by_name,
        "grounds": [
            {
                "name": GROUND_IN_WORDS.get(row.ground) or row.get_ground_display(),
                "made_out": row.made_out,
                "finding": row.finding,
            }
            for row in grounds
        ],
        "upheld": appeal.status == Appeal.Status.UPHELD,
        "officer_name": by.full_name,
        # The panel's own name as the area set it; the default one in the letter's language.
        "signed_for": gettext_lazy(INDEPENDENT_PANEL_NAME)
        if appeal.body_name == INDEPENDENT_PANEL_NAME
        else appeal.body_name,
    }


def _decision_letter(appeal: Appeal, by: User) -> Letter:
    to_appellant = _to_appellant_alone(appeal)
    return write_letter(
        appeal.case,
        Letter.Kind.APPEAL_DECISION,
        _letter_title(appeal, to_appellant),
        _letter_context(appeal, list(appeal.grounds.all()), by, to_appellant),
    )


def _queue_decision_emails(appeal: Appeal, letter: Letter) -> None:
    send_letter(
        letter,
        template="appeal_decision",
        key=f"appeal:{appeal.pk}:decision",
        topic="Appeal decision",
        text="appeal_decided",
        context={
            "appeal": appeal,
            "appeal_url": appeal_url(appeal),
            "case_url": case_url(appeal.case),
        },
    )
    for person in officer_and_admins(appeal.case):
        email_about(
            appeal, "appeal_decided", "Appeal decided", person.email, f"decided:{person.pk}"
        )
