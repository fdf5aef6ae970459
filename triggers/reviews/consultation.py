"""Consulting the people with no email on the draft action plan, by letter (DOMAIN.md §5.8,
§5.9; the statutory guidance, July 2025: the victim is consulted before the plan is final).

Their consultation lasts as long as anyone else's (the area's `consultation_days` working
days), counted from the day their letter is deemed served, the second working day after it
is posted (§5.8), since they cannot answer a letter they have not had. It begins only once
the letter is posted: while it waits in the print queue, or for an address, nobody has asked
them, so the plan cannot be made final on their silence. Their answer comes back by letter,
phone or in person, and the officer records it for them (`services.comment_on_plan` with
`by` and `received`), so a view given by post counts as one given through a private link.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_noop

from agencies.site import site_url
from agencies.working_days import add_working_days
from notifications.services import queue_email
from triggers.models import Case, Letter, ReviewRecord
from triggers.postal import post_once
from triggers.recipients import emailed

# Kept in English on the case; the letter prints it in its own language(s).
CONSULTATION_TITLE = gettext_noop("Your views on the draft action plan")


def _key(review: ReviewRecord) -> str:
    return f"review:{review.pk}:consultation"


def consult(case: Case, review: ReviewRecord) -> None:
    """Ask for views on the draft plan: the victim, and the applicant unless the victim
    chose to be told instead (`triggers.recipients`); by email, or, for those with no email,
    by a letter with the draft plan in it (`consult_by_post`)."""
    for person in emailed(case):
        queue_email(
            key=person.key(_key(review)),
            to=person.email,
            template="plan_consultation",
            context={
                "case": case,
                "review": review,
                "recipient": person,
                # The token is never stored in clear: they use the link of their first email.
                "track_url": f"{site_url()}{reverse('track:case')}",
            },
            topic="Draft action plan",
            language=person.language,
            area=case.area,
            reference=case.reference,
        )
    consult_by_post(case, review)


def consult_by_post(case: Case, review: ReviewRecord) -> Letter | None:
    """Send the draft plan, once, to each person written to by post; None when everyone of
    the case has an email (they are asked by email, as before)."""
    return post_once(
        case,
        Letter.Kind.PLAN_CONSULTATION,
        CONSULTATION_TITLE,
        {
            "review": review,
            "recommendations": review.recommendations.select_related("agency"),
            "actions": review.actions.select_related("owner_agency"),
            "days": case.area.consultation_days,
        },
        key=_key(review),
    )


def consultation_closes(review: ReviewRecord) -> date | None:
    """The last day for views on the draft plan: the emailed people's
    (`review.consultation_closes`), or, when someone was asked by post, the later of that and
    their own closing day; None while their letter has not gone out (see the module)."""
    letter = Letter.objects.filter(case_id=review.case_id, key=_key(review)).first()
    if letter is None:
        return review.consultation_closes
    if letter.awaiting_delivery or letter.served_on is None:
        return None
    by_post = add_working_days(letter.served_on, review.case.area.consultation_days)
    return max(review.consultation_closes, by_post)
