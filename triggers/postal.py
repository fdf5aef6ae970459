"""Invitations and requests for views that reach the people with no email by post
(DOMAIN.md §5.8 and §5.9: the applicant and the victim are invited, consulted and told, not
online only).

The meeting invitation and the request for views on the draft action plan are emails to
those who have an email address (`triggers.recipients.emailed`). Everyone else the case
writes to gets the same thing as a letter, through the letters' own way out
(`triggers.letters.post_to`: the area's print queue, or GOV.UK Notify), in their language.
The two groups do not overlap: an emailed person gets their email and no letter, as before.
"""

from __future__ import annotations

from triggers.letters import post_to, write_letter
from triggers.models import Case, Letter
from triggers.recipients import Recipient, recipients


def by_post(case: Case) -> list[Recipient]:
    """The people the case writes to who cannot be emailed: those `emailed` leaves out."""
    return [person for person in recipients(case) if not person.email]


def post_once(case: Case, kind: str, title: str, context: dict, *, key: str) -> Letter | None:
    """Write the letter `key` names once, for the people with no email, and queue their
    copies; None when everyone has an email. Running it again (a retried task, a second call)
    finds the letter and queues nothing twice."""
    people = by_post(case)
    if not people:
        return None
    letter = Letter.objects.filter(case=case, key=key).first()
    if letter is None:
        letter = write_letter(case, kind, title, context, people=people, key=key)
    post_to(letter, people, key=key, topic=str(Letter.Kind(kind).label))
    return letter
