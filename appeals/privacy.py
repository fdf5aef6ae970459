"""Privacy hooks for the retention and subject-access work (called from outside this app
through the app registry, so nothing imports appeals).

- `anonymise_case(case)`: when a case passes its retention period, blank what applicants
  wrote in their appeals and delete the files they sent. The decisions, dates and grounds
  stay, so the PCC's figures still count them.
- `subject_access(case)`: what we hold about the applicant's appeals, JSON-serialisable.
"""

from __future__ import annotations

from django.db import transaction

from agencies.wording import said

from .models import Appeal, AppealDocument


@transaction.atomic
def anonymise_case(case) -> None:
    documents = AppealDocument.objects.filter(appeal__case=case)
    for document in documents:
        # Delete the stored file after the rows are gone for good, never before.
        transaction.on_commit(lambda f=document.file: f.delete(save=False))
    documents.delete()
    Appeal.objects.filter(case=case).update(explanation="", late_reason="")


def _day(value):
    return value.isoformat() if value else None


def subject_access(case) -> dict:
    """The appeals in the active language (the export's runner makes it the applicant's):
    labels, statuses and grounds said in it, what people wrote as they wrote it."""
    appeals = (
        Appeal.objects.filter(case=case)
        .select_related("pcc_office", "letter")
        .prefetch_related("grounds", "documents")
        .order_by("lodged_at")
    )
    return {
        "appeals": [
            {
                "against": said(appeal.get_appealed_decision_display()),
                "letter_appealed": said(appeal.letter.title),
                "lodged_at": _day(appeal.lodged_at),
                "kind": said(appeal.get_kind_display()),
                "heard_by": said(appeal.body_name),
                "explanation": appeal.explanation,
                "accepted_late_because": appeal.late_reason,
                "decision_due": _day(appeal.decision_due),
                "status": said(appeal.status_label),
                "decided_at": _day(appeal.decided_at),
                "reasons": appeal.reasons,
                "what_must_happen": said(appeal.get_remedy_display()),
                "points_to_address": appeal.points_to_address,
                "grounds": [
                    {
                        "ground": said(g.get_ground_display()),
                        "made_out": g.made_out,
                        "finding": g.finding,
                    }
                    for g in appeal.grounds.all()
                ],
                "documents": [
                    {"name": d.original_name, "size": d.size, "uploaded_at": _day(d.uploaded_at)}
                    for d in appeal.documents.all()
                ],
            }
            for appeal in appeals
        ]
    }
