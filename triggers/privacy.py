"""The case's personal data: removed when retention ends, exported on a subject access request.

Anonymising keeps what statutory publication needs: the case's area, reference, channel,
dates, status and its history, the threshold decision's outcome and grounds, the number and
dates of the reports, which agencies were asked and when, and whether a meeting was held.
Names, contact details, addresses, free text, uploads and letters' PDFs go.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import pgettext

from agencies.privacy import LABELS
from agencies.wording import Wording, said
from triggers.history import LINK_REISSUED
from triggers.models import (
    Action,
    ActionUpdate,
    Case,
    CaseEvent,
    CaseNote,
    Complaint,
    Document,
    InformationReturn,
    Letter,
    LetterDelivery,
    PlanComment,
    Recommendation,
    ReturnedReport,
    ReviewMeeting,
    ReviewRecord,
    ThresholdDecision,
    VictimInvolvement,
)
from triggers.people import consent_words

REMOVED = "(removed)"
# The history's last entry for a case whose retention period ended.
DATA_REMOVED = Wording("Personal data removed: the retention period ended")
CASE_PERSONAL_FIELDS = (
    "applicant_email",
    "applicant_phone",
    "applicant_address",
    "applicant_postcode",
    "relationship",
    "organisation",
    "victim_name",
    "victim_email",
    "victim_phone",
    "victim_address",
    "victim_postcode",
    "victim_adjustments",
    "behaviour_location",
    "others_affected",
    "impact",
    "desired_outcome",
    "adjustments",
)


def anonymise_case(case: Case) -> None:
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(
        applicant_name=REMOVED,
        # Clearing the link's hash column; bandit takes the empty string for a password.
        tracking_token_hash="",  # nosec B106
        tracking_revoked=True,
        victim_tracking_token_hash="",  # nosec B106
        victim_tracking_revoked=True,
        anonymised_at=now,
        **dict.fromkeys(CASE_PERSONAL_FIELDS, ""),
    )
    Complaint.objects.filter(case=case).update(
        description="", reference_number="", complainant="", reported_to_other=""
    )
    _forget_reasons(case)
    ThresholdDecision.objects.filter(case=case).update(reasons="")
    Letter.objects.filter(case=case).update(pdf=b"", html="")
    LetterDelivery.objects.filter(case=case).update(name=REMOVED, address="", postcode="")
    InformationReturn.objects.filter(request__case=case).update(
        actions_taken="", risk_and_vulnerability="", proposals=""
    )
    ReturnedReport.objects.filter(information_return__request__case=case).update(
        summary="", reference=""
    )
    ReviewMeeting.objects.filter(case=case).update(venue="", online_link="", invited_emails=[])
    # A contact keeps its date, channel and direction (no one is named by them); who it was
    # with and what was said go, like every other free text.
    CaseNote.objects.filter(case=case).update(text="")
    CaseNote.objects.filter(case=case, kind=CaseNote.Kind.CONTACT).update(contact_with=REMOVED)
    _anonymise_review(case)
    _delete_documents(case)
    CaseEvent.objects.create(
        area_id=case.area_id,
        case=case,
        at=now,
        summary=DATA_REMOVED.english(),
        words={"summary": DATA_REMOVED.stored()},
    )


def _forget_reasons(case: Case) -> None:
    """The history's reasons hold people's own words: they go, in English and as words; what
    happened, and when, stays."""
    events = list(CaseEvent.objects.filter(case=case, words__has_key="reasons").only("words"))
    for event in events:
        del event.words["reasons"]
    CaseEvent.objects.bulk_update(events, ["words"])
    CaseEvent.objects.filter(case=case).update(reasons="")


def _anonymise_review(case: Case) -> None:
    """The review's words go; that it was held, whether it made recommendations, how many,
    to which agencies, and the actions' owners, dates and status stay for the figures."""
    VictimInvolvement.objects.filter(case=case).update(
        advocate_name="", advocate_contact="", statement="", impact="", resolution=""
    )
    ReviewRecord.objects.filter(case=case).update(attendance="", findings="")
    Recommendation.objects.filter(review__case=case).update(text="")
    Action.objects.filter(case=case).update(description="")
    ActionUpdate.objects.filter(action__case=case).update(note="")
    PlanComment.objects.filter(review__case=case).update(text="")


def _delete_documents(case: Case) -> None:
    """Delete the rows now and the files once the transaction has committed, so a rollback
    never leaves rows pointing at deleted files."""
    documents = list(Document.objects.filter(case=case))
    Document.objects.filter(case=case).delete()
    for document in documents:
        storage, name = document.file.storage, document.file.name
        transaction.on_commit(lambda s=storage, n=name: s.delete(n))


def subject_access(case: Case) -> dict:
    """What the case holds about its people, in the active language (the export's runner,
    agencies/privacy.py, makes it the applicant's): the history and every label said in it,
    someone's own words as they gave them."""
    case = Case.objects.select_related("area", "assigned_officer").get(pk=case.pk)
    return {
        "application": _application(case),
        "private link": _private_link(case),
        "reports of the behaviour": [_complaint(c) for c in case.complaints.all()],
        "history": [
            # Said from the stored words; an entry kept before them, in its English.
            {"when": e.at.isoformat(), "what": e.said, "reasons": e.explained}
            for e in case.events.all()
        ],
        "threshold decisions": [
            {
                "decided": d.decided_at.isoformat(),
                "outcome": said(d.get_outcome_display()),
                "reasons": d.reasons,
            }
            for d in case.threshold_decisions.all()
        ],
        "letters": [
            {"title": said(letter.title), "sent": letter.sent_at.isoformat()}
            for letter in case.letters.defer("pdf")
        ],
        "information from agencies": _returns(case),
        "documents": [
            {"name": d.original_name, "uploaded": d.uploaded_at.isoformat()}
            for d in case.documents.all()
        ],
        "review meetings": [
            {
                "starts": m.starts_at.isoformat(),
                "status": said(m.get_status_display()),
                "in person": m.in_person,
                "venue": m.venue,
                "online": m.online,
            }
            for m in case.review_meetings.all()
        ],
        "how the victim takes part": [
            {
                "recorded": i.recorded_at.isoformat(),
                "way": said(i.get_way_display()),
                "advocate": i.advocate_name,
                "advocate's contact": i.advocate_contact,
                "written statement": i.statement,
                "impact": i.impact,
                "a good resolution": i.resolution,
            }
            for i in case.involvements.all()
        ],
        "reviews": [_review(review) for review in _reviews(case)],
    }


def _reviews(case: Case):
    return case.reviews.prefetch_related(
        "comments", "actions__owner_agency", "actions__updates", "recommendations__agency"
    )


def _review(review: ReviewRecord) -> dict:
    return {
        "recorded": review.recorded_at.isoformat(),
        "attendance": review.attendance,
        "findings": review.findings,
        "recommendations": [
            {"for": r.recipient, "recommendation": r.text} for r in review.recommendations.all()
        ],
        "actions": [
            {
                "owner": a.owner_agency.name,
                "action": a.description,
                "due": a.due_date.isoformat(),
                "status": said(a.get_status_display()),
                "updates": [u.note for u in a.updates.all()],
            }
            for a in review.actions.all()
        ],
        "comments on the draft action plan": [c.text for c in review.comments.all()],
    }


def _application(case: Case) -> dict:
    return {
        "reference": case.reference,
        "area": case.area.name,
        "status": said(case.get_status_display()),
        "received": case.received_at.isoformat(),
        "how it was made": said(case.get_channel_display()),
        "name": case.applicant_name,
        "email": case.applicant_email,
        "phone": case.applicant_phone,
        "address": case.applicant_address,
        "postcode": case.applicant_postcode,
        "applying for someone else": case.on_behalf,
        "relationship to the victim": case.relationship,
        "organisation": case.organisation,
        "victim's name": case.victim_name,
        "victim's email": case.victim_email,
        "victim's phone": case.victim_phone,
        "victim's address": case.victim_address,
        "victim's postcode": case.victim_postcode,
        "how the victim likes to be contacted": said(case.get_victim_contact_method_display()),
        "what the victim needs to take part": case.victim_adjustments,
        "the victim's consent": {
            "covers": consent_words(case.victim_consent_share, case.victim_consent_contact).say()
            if case.on_behalf
            else "",
            "how": said(case.get_victim_consent_how_display()),
            "when": case.victim_consent_on.isoformat() if case.victim_consent_on else "",
        },
        "who we write to": said(case.get_send_to_display()),
        "where the behaviour happens": case.behaviour_location,
        "others affected": case.others_affected,
        "impact": case.impact,
        "outcome wanted": case.desired_outcome,
        "how to contact": said(case.get_contact_method_display()),
        "adjustments": case.adjustments,
        "single point of contact": str(case.assigned_officer or ""),
    }


def _private_link(case: Case) -> dict:
    """That a link exists and when it was issued: never the link, which would open the case."""
    reissued = case.events.filter(summary=LINK_REISSUED).order_by("-at").first()
    return {
        "a private link was issued": bool(case.tracking_token_hash),
        "issued": (reissued.at if reissued else case.received_at).isoformat(),
        "switched off": case.tracking_revoked,
    }


def _complaint(complaint: Complaint) -> dict:
    return {
        "incident date": complaint.incident_date.isoformat(),
        "reported on": complaint.reported_date.isoformat(),
        "reported to": complaint.reported_to_name,
        "their reference": complaint.reference_number,
        # "applicant" is the application's own word for them; anyone else is named.
        "who reported it": pgettext(LABELS, "applicant")
        if complaint.complainant == "applicant"
        else complaint.complainant,
        "what happened": complaint.description,
        "hate related": complaint.hate_related,
    }


def _returns(case: Case) -> list[dict]:
    returns = InformationReturn.objects.filter(request__case=case).select_related("request__agency")
    return [
        {
            "agency": r.request.agency.name,
            "submitted": r.submitted_at.isoformat(),
            "actions already taken": r.actions_taken,
            "risk and vulnerability": r.risk_and_vulnerability,
            "proposals": r.proposals,
            "reports": [
                {"date": report.reported_on.isoformat(), "summary": report.summary}
                for report in r.reports.all()
            ],
        }
        for r in returns.prefetch_related("reports")
    ]
