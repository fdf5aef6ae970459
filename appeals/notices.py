"""Who hears about an appeal, and the links their emails carry: shared by lodging,
deciding, reminding and withdrawing."""

from __future__ import annotations

from django.urls import reverse

from agencies import language as languages
from agencies.site import site_url
from notifications.services import queue_email
from triggers.models import Case
from triggers.recipients import Recipient, Role, applicant_of, recipients, victim_of

from .models import Appeal


def appeal_url(appeal: Appeal) -> str:
    return f"{site_url()}{reverse('appeals:detail', args=[appeal.pk])}"


def case_url(case: Case) -> str:
    return f"{site_url()}{reverse('case_detail', args=[case.area.slug, case.reference])}"


def email_about(
    appeal: Appeal,
    template: str,
    topic: str,
    to: str,
    key: str,
    *,
    language: str = languages.ENGLISH,
    **extra,
) -> None:
    """Queue one email about the appeal (the outbox sends it); `key` makes it once only.

    Written in `language`: the applicant's or victim's recorded language (their
    `Recipient.language`); staff and agencies are written to in English, whatever language
    the page that set it off was in (an applicant's Welsh appeal page)."""
    queue_email(
        language=language,
        key=f"appeal:{appeal.pk}:{key}",
        to=to,
        template=template,
        topic=topic,
        area=appeal.case.area,
        reference=appeal.case.reference,
        context={
            "appeal": appeal,
            "case": appeal.case,
            "appeal_url": appeal_url(appeal),
            "case_url": case_url(appeal.case),
            **extra.pop("context", {}),
        },
        **extra,
    )


def told_of_appeal(appeal: Appeal) -> list[Recipient]:
    """The people told an appeal was made: everyone the case writes to (its send-to choice,
    `triggers.recipients`), and whoever made it, who is always told it arrived (as the
    applicant always gets the receipt of their application), the victim only when they can
    be written to."""
    case = appeal.case
    roles = {person.role for person in recipients(case)}
    if appeal.party == Role.APPLICANT or case.victim_reachable:
        roles.add(appeal.party)
    return [person for person in (applicant_of(case), victim_of(case)) if person.role in roles]
