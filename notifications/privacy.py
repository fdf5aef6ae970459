"""Messages sent about a case hold the applicant's address and words about them."""

from agencies.log_filters import redact
from agencies.wording import said

from .models import Attachment, Message

REMOVED_ADDRESS = "removed@invalid"


def _messages(case):
    return Message.objects.filter(area_id=case.area_id, reference=case.reference)


def anonymise_case(case) -> None:
    Attachment.objects.filter(message__in=_messages(case)).delete()
    _messages(case).update(to_address=REMOVED_ADDRESS, body="", last_error="", private_link="")


def subject_access(case) -> dict:
    """The messages as they were sent (in the language they were written in); their channel
    and status in the active one (the export's runner makes it the applicant's)."""
    addresses = [a for a in (case.applicant_email, getattr(case, "applicant_phone", "")) if a]
    sent_to_applicant = _messages(case).filter(to_address__in=addresses)
    return {
        "messages sent to the applicant": [
            {
                "subject": m.subject or said(m.get_channel_display()),
                "queued": m.created_at.isoformat(),
                "sent": m.sent_at.isoformat() if m.sent_at else "",
                "status": said(m.get_status_display()),
                # Bodies hold a placeholder, not the link; redact() covers any kept from
                # before that (a private link in an export would open the case).
                "body": redact(m.body),
            }
            for m in sent_to_applicant.order_by("created_at")
        ]
        if addresses
        else []
    }
