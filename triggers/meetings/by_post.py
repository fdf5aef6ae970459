"""The meeting invitation for the people of a case who have no email: a letter (DOMAIN.md
§5.8, §5.9). Everyone with an email gets the invitation email and its calendar file
(`services.invitees`), as before, and no letter."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_noop

from triggers.models import Letter, ReviewMeeting
from triggers.postal import post_once

# Kept in English on the case; the letter prints it in its own language(s).
INVITATION_TITLE = gettext_noop("Invitation to the review meeting")


def invite_by_post(meeting: ReviewMeeting) -> Letter | None:
    """Write the invitation to `meeting` once and queue a copy for each person written to by
    post; None when everyone of the case has an email."""
    return post_once(
        meeting.case,
        Letter.Kind.MEETING_INVITATION,
        INVITATION_TITLE,
        {
            "meeting": meeting,
            "starts": timezone.localtime(meeting.starts_at),
            "ends": timezone.localtime(meeting.ends_at),
        },
        key=f"meeting:{meeting.pk}:invitation",
    )
