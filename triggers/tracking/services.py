"""The private links: made once, kept only as a hash, switched off or replaced.

The applicant has one; when someone applied for a victim, the victim may have their own
(DOMAIN.md §5.9). Each opens the same tracking page, and says whose it is (its `party`).
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_noop

from agencies.site import site_url
from agencies.wording import Wording
from notifications.services import queue_email
from triggers.history import LINK_REISSUED, VICTIM_LINK_REISSUED, record_event
from triggers.models import (
    Case,
)
from triggers.recipients import applicant_of, victim_of


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tracking_url(token: str) -> str:
    return f"{site_url()}{reverse('track:open', args=[token])}"


APPLICANT = "applicant"
VICTIM = "victim"
PARTIES = (APPLICANT, VICTIM)
# Each party's columns: the hash of their link, and whether it was switched off.
LINK_FIELDS = {
    APPLICANT: ("tracking_token_hash", "tracking_revoked"),
    VICTIM: ("victim_tracking_token_hash", "victim_tracking_revoked"),
}


def _set_link(case: Case, party: str, token_hash: str) -> None:
    hash_field, revoked_field = LINK_FIELDS[party]
    Case.objects.filter(pk=case.pk).update(**{hash_field: token_hash, revoked_field: False})
    setattr(case, hash_field, token_hash)
    setattr(case, revoked_field, False)


def issue_victim_link(case: Case) -> str:
    """Give the victim a private link of their own. Call inside the service's transaction;
    the token is returned to be sent once, and only its hash is kept."""
    token = secrets.token_urlsafe(32)
    _set_link(case, VICTIM, hash_token(token))
    return token


@transaction.atomic
def revoke_tracking_link(case: Case, *, by, party: str = APPLICANT) -> None:
    """Stop a private link (and every browser session it opened) from working."""
    Case.objects.filter(pk=case.pk).update(**{LINK_FIELDS[party][1]: True})
    if party == APPLICANT:
        switched_off = Wording("Private link switched off")
    else:
        switched_off = Wording("The victim's private link switched off")
    record_event(case, switched_off, by=by)


@transaction.atomic
def reissue_tracking_link(case: Case, *, by, party: str = APPLICANT) -> str | None:
    """Replace a private link (the applicant's, or the victim's own): the old one, and
    sessions it opened, stop working.

    The new link is emailed through the outbox when that person gave an email address
    (returns None). Otherwise the token is returned, for the officer to pass on by phone or
    post: it is shown once and only its hash is kept.
    """
    if party == VICTIM and not case.on_behalf:
        raise ValueError("Only a victim someone applied for has a link of their own.")
    token = secrets.token_urlsafe(32)
    _set_link(case, party, hash_token(token))
    summary = LINK_REISSUED if party == APPLICANT else VICTIM_LINK_REISSUED
    event = record_event(case, Wording(summary), by=by)
    person = victim_of(case) if party == VICTIM else applicant_of(case)
    if not person.email:
        return token
    queue_email(
        key=f"case:{case.pk}:tracking-link:{event.pk}",
        to=person.email,
        template="tracking_link",
        context={"case": case, "area": case.area, "recipient": person},
        # Kept beside the message until it is sent, never in its stored body.
        private_link=tracking_url(token),
        language=person.language,
        topic="New private link",
        area=case.area,
        reference=case.reference,
    )
    return None


# Each party's language column on the case (DOMAIN.md §5.12).
LANGUAGE_FIELDS = {APPLICANT: "applicant_language", VICTIM: "victim_language"}


# A sentence for each person and language: a language's name changes its form inside a Welsh
# sentence ("yn Gymraeg"), so it is never a parameter.
LANGUAGE_CHOSEN = {
    (APPLICANT, "en"): gettext_noop("The applicant chose to be written to in English"),
    (APPLICANT, "cy"): gettext_noop("The applicant chose to be written to in Cymraeg"),
    (VICTIM, "en"): gettext_noop("The victim chose to be written to in English"),
    (VICTIM, "cy"): gettext_noop("The victim chose to be written to in Cymraeg"),
}


@transaction.atomic
def record_language(case: Case, *, party: str, language: str) -> bool:
    """Record the language a person chose on their private-link page; every message to them
    uses it from now on. Returns whether it changed (a choice made again records nothing)."""
    from triggers.models import Language

    field = LANGUAGE_FIELDS[party]
    language = Language(language)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if getattr(case, field) == language:
        return False
    setattr(case, field, language)
    case.save(update_fields=[field])
    record_event(case, Wording(LANGUAGE_CHOSEN[party, language]))
    return True
