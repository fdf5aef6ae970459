"""The applicant may withdraw at any time (DOMAIN.md §5.5), even while an appeal waits: the
waiting appeal is closed as withdrawn and the body hearing it is told. Triggered by the
closing stage's `case_withdrawn` signal (triggers must not know appeals)."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from agencies.wording import Term, Wording
from triggers.history import record_event

from .models import Appeal
from .notices import email_about
from .selectors import deciders

WITHDRAWN_WITH_CASE = {
    Appeal.Kind.APPEAL: gettext_noop("The appeal to %(body)s is withdrawn with the case"),
    Appeal.Kind.PCC_REVIEW: gettext_noop("The PCC review to %(body)s is withdrawn with the case"),
}


def close_waiting_appeal(
    sender, *, case, by=None, reason: str | Term | Wording = "", **kwargs
) -> None:
    """Receiver of `triggers.closing.signals.case_withdrawn`, inside the withdrawal's
    transaction: the appeal waiting on the case (if any) ends as withdrawn. Only the
    applicant's (or victim's) own request reaches here while an appeal waits (the closing
    stage refuses any other), so the history records it as their choice, with `reason`."""
    appeal = (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("case__area", "pcc_office")
        .filter(case_id=case.pk, status=Appeal.Status.LODGED)
        .first()
    )
    if appeal is None:
        return
    appeal.status = Appeal.Status.WITHDRAWN
    appeal.save(update_fields=["status"])
    record_event(
        case,
        Wording(WITHDRAWN_WITH_CASE[appeal.kind], body=Term(appeal.body_name)),
        by=by,
        reasons=reason,
    )
    for person in deciders(appeal):
        email_about(
            appeal, "appeal_withdrawn", "Appeal withdrawn", person.email, f"withdrawn:{person.pk}"
        )
