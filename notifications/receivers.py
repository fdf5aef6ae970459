"""Emails that lower apps ask for through signals, since they may not import the outbox."""

from __future__ import annotations

from django.dispatch import receiver

from agencies import access, enrolment

from .services import queue_email


@receiver(enrolment.link_issued, dispatch_uid="notifications.enrolment_link")
def send_enrolment_link(sender, link, url, by, **kwargs):
    """The set-up link goes to the user's own address, in the transaction that made it.
    Its area is the issuing admin's (so a failed send shows on their list to resend)."""
    areas = access.administered_areas_for(by) if by is not None else None
    return queue_email(
        key=f"enrolment-link-{link.pk}",
        to=link.user.email,
        template="enrolment_link",
        context={"user": link.user, "by": by, "expires_at": link.expires_at},
        # Like the applicant's private link, kept beside the message until it is sent.
        private_link=url,
        topic="Second factor set-up link",
        area=areas.first() if areas is not None else None,
    )
