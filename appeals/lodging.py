"""Lodging an appeal, or a PCC review of a "threshold not met" decision (DOMAIN.md §5.5-5.7):
what may be appealed now, who hears it, and everyone told. One transaction, with the case's
history (`triggers.history.transition`) and the outbox."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop, ngettext

from agencies.models import Agency, Area, User
from agencies.wording import Term, Wording
from agencies.working_days import add_working_days
from triggers import uploads
from triggers.closing.services import cancel_scheduled_closure
from triggers.history import transition
from triggers.models import Case, Channel, Letter
from triggers.selectors import (
    appeal_deadline,
    appealable_letter,
    last_day_to_appeal,
    officer_and_admins,
)
from triggers.texts import text_people
from triggers.workflow import Status

from .models import Appeal, AppealDocument, AppealGround
from .notices import email_about, told_of_appeal
from .selectors import deciders

MAX_FILES = uploads.MAX_FILES_PER_RETURN
INDEPENDENT_PANEL_NAME = "the independent appeal panel"


class AppealRefused(ValueError):
    """An appeal, or a decision on one, that cannot be accepted as it stands."""


class LateAppeal(AppealRefused):
    """Lodged after the area's window: refused unless staff accept it with a reason."""

    def __init__(self, appeal_by: date):
        self.appeal_by = appeal_by
        super().__init__(
            gettext(
                "The time to appeal ended on %(day)s. Contact the council's case review team: "
                "they can accept a late appeal if there is a good reason."
            )
            % {"day": date_format(appeal_by, "j F Y")}
        )


@dataclass(frozen=True)
class Appealable:
    """What an applicant may appeal now: the letter, the decision it records, the deadline."""

    letter: Letter
    decision: str
    appeal_by: date

    def is_late(self, today: date | None = None) -> bool:
        return (today or timezone.localdate()) > self.appeal_by

    @property
    def kinds(self) -> list[str]:
        """The routes open against this letter: a PCC review only of "threshold not met"
        (Crime and Policing Bill); an appeal of either decision."""
        if self.decision == Appeal.Decision.THRESHOLD:
            return [Appeal.Kind.APPEAL, Appeal.Kind.PCC_REVIEW]
        return [Appeal.Kind.APPEAL]

    @property
    def pcc_review_open(self) -> bool:
        return Appeal.Kind.PCC_REVIEW in self.kinds


def appealable(case: Case) -> Appealable | None:
    """The decision the applicant may appeal now, or None: nothing to appeal, an appeal is
    waiting, or an appeal or PCC review against that letter was already lodged (the
    procedure's last stage: one per decision)."""
    letter = appealable_letter(case)
    if letter is None or Appeal.objects.filter(letter=letter).exists():
        return None
    # A letter still waiting for the post has no window running yet (DOMAIN.md §5.8): an
    # appeal now is in time, and its window could end no earlier than one served today.
    appeal_by = last_day_to_appeal(letter, case.area) or appeal_deadline(
        timezone.localdate(), case.area
    )
    # The decision's values are the letter's kinds: what the appeal is against.
    return Appealable(letter, letter.kind, appeal_by)


@dataclass
class AppealData:
    grounds: list[str]
    explanation: str
    files: list = field(default_factory=list)
    late_reason: str = ""
    channel: str = Channel.ONLINE
    kind: str = Appeal.Kind.APPEAL
    # Who makes it: the applicant, or the victim someone applied for (DOMAIN.md §5.9).
    party: str = Appeal.Party.APPLICANT


@dataclass(frozen=True)
class HearingBody:
    """Who hears an appeal: the body, its name in letters, and the force area's PCC office."""

    body: str
    name: str
    pcc_office: Agency | None


def _pcc_office(area: Area) -> Agency | None:
    return Agency.objects.filter(
        kind=Agency.Kind.PCC_OFFICE, force_area_id=area.force_area_id
    ).first()


def hearing_body(case: Case, kind: str = Appeal.Kind.APPEAL) -> HearingBody:
    """The area's choice hears its appeals (DOMAIN.md §5.7); a PCC review always goes to the
    PCC's office, whatever the area chose."""
    area = case.area
    office = _pcc_office(area)
    panel = area.appeal_body == Area.AppealBody.INDEPENDENT_PANEL
    if panel and kind == Appeal.Kind.APPEAL:
        name = area.appeal_panel_name.strip() or INDEPENDENT_PANEL_NAME
        return HearingBody(Area.AppealBody.INDEPENDENT_PANEL, name, office)
    if office is None:
        raise AppealRefused(
            f"No Police and Crime Commissioner's office is set up for {area.name}. "
            "Ask your platform admin to add it."
        )
    return HearingBody(Area.AppealBody.PCC_OFFICE, office.name, office)


@transaction.atomic
def lodge_appeal(case: Case, data: AppealData, *, by: User | None = None) -> Appeal:
    """Record an appeal (or PCC review) from the applicant (by=None, their private link) or
    from staff for them, route it to the body that hears it, and tell everyone concerned."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    target = appealable(case)
    if target is None:
        raise AppealRefused(gettext("There is no decision on this case that can be appealed now."))
    _check_appeal(data, target)
    if data.party not in Appeal.Party.values or (
        data.party == Appeal.Party.VICTIM and not case.on_behalf
    ):
        raise AppealRefused(gettext("Choose who is appealing."))
    late_reason = data.late_reason.strip()
    if target.is_late() and not (by is not None and late_reason):
        raise LateAppeal(target.appeal_by)
    checked = [uploads.check_file(f) for f in data.files]
    body = hearing_body(case, data.kind)
    now = timezone.now()
    appeal = Appeal.objects.create(
        area_id=case.area_id,
        case=case,
        letter=target.letter,
        appealed_decision=target.decision,
        kind=data.kind,
        party=data.party,
        body=body.body,
        body_name=body.name,
        pcc_office=body.pcc_office,
        explanation=data.explanation.strip(),
        channel=data.channel if by is not None else Channel.ONLINE,
        recorded_by=by,
        lodged_at=now,
        appeal_by=target.appeal_by,
        late_reason=late_reason if target.is_late() else "",
        previous_status=case.status,
        # A not-upheld decision sets the officer's closure again (see decisions._move_case).
        cancelled_closure_reason=case.closing_reason if case.closes_on else "",
        decision_due=add_working_days(timezone.localdate(), case.area.appeal_decision_days),
    )
    AppealGround.objects.bulk_create(
        AppealGround(area_id=case.area_id, appeal=appeal, ground=g)
        for g in Appeal.Ground.values
        if g in data.grounds
    )
    for upload, check in zip(data.files, checked, strict=True):
        _store_document(appeal, upload, check, now)
    cancel_scheduled_closure(case, by=by, why=Wording(ASKED_FOR[appeal.kind, appeal.party]))
    transition(
        case,
        Status.APPEALED,
        by=by,
        next_due=appeal.decision_due,
        summary=Wording(LODGED_WITH[appeal.kind], body=Term(appeal.body_name)),
        reasons=_lodged_reasons(appeal),
    )
    _queue_lodged_emails(appeal)
    return appeal


def _check_appeal(data: AppealData, target: Appealable) -> None:
    decision = target.decision
    if data.kind not in target.kinds:
        raise AppealRefused(
            gettext("A PCC review is only of a decision that the threshold was not met.")
            if data.kind == Appeal.Kind.PCC_REVIEW
            else gettext("Choose who should look at the decision again.")
        )
    if not data.grounds:
        raise AppealRefused(gettext("Choose at least one reason for appealing."))
    if set(data.grounds) - set(Appeal.Ground.values):
        raise AppealRefused(gettext("Choose reasons from the list."))
    wrong = [g for g in Appeal.Ground.values if g in data.grounds]
    wrong = [g for g in wrong if g not in Appeal.grounds_for(decision)]
    if wrong:
        raise AppealRefused(
            gettext(
                "'%(ground)s' is not a reason to appeal against %(decision)s: choose reasons "
                "from the list."
            )
            % {
                "ground": Appeal.Ground(wrong[0]).label,
                "decision": str(Appeal.Decision(decision).label).lower(),
            }
        )
    if not data.explanation.strip():
        raise AppealRefused(gettext("Explain why you are appealing."))
    if data.channel not in Channel.values:
        raise AppealRefused(gettext("Choose how the appeal was made."))
    if len(data.files) > MAX_FILES:
        raise AppealRefused(
            ngettext("Attach at most %(n)s file.", "Attach at most %(n)s files.", MAX_FILES)
            % {"n": MAX_FILES}
        )


ASKED_FOR = {
    (Appeal.Kind.APPEAL, Appeal.Party.APPLICANT): gettext_noop(
        "The applicant asked for an appeal."
    ),
    (Appeal.Kind.PCC_REVIEW, Appeal.Party.APPLICANT): gettext_noop(
        "The applicant asked for a PCC review."
    ),
    (Appeal.Kind.APPEAL, Appeal.Party.VICTIM): gettext_noop("The victim asked for an appeal."),
    (Appeal.Kind.PCC_REVIEW, Appeal.Party.VICTIM): gettext_noop(
        "The victim asked for a PCC review."
    ),
}
LODGED_WITH = {
    Appeal.Kind.APPEAL: gettext_noop("Appeal lodged with %(body)s"),
    Appeal.Kind.PCC_REVIEW: gettext_noop("PCC review lodged with %(body)s"),
}


def _lodged_reasons(appeal: Appeal) -> Wording:
    decision = Term(Appeal.Decision(appeal.appealed_decision).label, lower=True)
    late = appeal.late_reason and Wording(
        "Accepted after the deadline of %(day)s: %(reason)s",
        day=appeal.appeal_by,
        reason=appeal.late_reason,
    )
    return Wording.joined(
        Wording("Against: %(decision)s.", decision=decision),
        Wording("Decision due %(day)s.", day=appeal.decision_due),
        late,
    )


def _store_document(appeal, upload, check, now) -> AppealDocument:
    document = AppealDocument(
        area_id=appeal.area_id,
        appeal=appeal,
        original_name=check.name,
        content_type=check.content_type,
        size=check.size,
        uploaded_at=now,
    )
    document.file.save(check.name, upload, save=False)
    document.save()
    return document


def _queue_lodged_emails(appeal: Appeal) -> None:
    case = appeal.case
    # A receipt to each person told of it, in their own language, worded for whether they
    # made it; those who chose texts are texted. No letter: like the acknowledgement, it is
    # an update, and the decision's letter reaches people by post.
    for person in told_of_appeal(appeal):
        if person.email:
            email_about(
                appeal,
                "appeal_received",
                "Appeal received",
                person.email,
                person.key("received"),
                language=person.language,
                context={"recipient": person},
            )
    text_people(
        case, "appeal_received", key=f"appeal:{appeal.pk}:received", topic="Appeal received"
    )
    for person in officer_and_admins(case):
        email_about(appeal, "appeal_lodged", "Appeal lodged", person.email, f"lodged:{person.pk}")
    for person in deciders(appeal):
        email_about(
            appeal, "appeal_to_pcc", "Appeal to decide", person.email, f"to_pcc:{person.pk}"
        )
