"""Who on a case is written to, and how: the one answer every message to the public reads.

Letters, invitations and updates go to the people of a case: the applicant and, when someone
applied for them, the victim (DOMAIN.md §5.9). Each is a `Recipient` with their own contact
details and preference, so that the way out (email, text, post: §5.8) is chosen per person in
one place, not at each service that sends.
"""

from __future__ import annotations

from dataclasses import dataclass

from agencies import language as languages
from triggers.models import Case, ContactMethod, SendTo


class Role:
    APPLICANT = "applicant"
    VICTIM = "victim"


@dataclass(frozen=True)
class Recipient:
    """One person the case writes to, with what is known of how to reach them."""

    role: str
    name: str
    email: str
    phone: str
    address: str
    postcode: str
    contact_method: str
    # The language every message to them is written in (DOMAIN.md §5.12): "cy" only when
    # they chose Welsh and the case's area is in Wales; an English area never writes Welsh.
    language: str = languages.ENGLISH

    @property
    def has_postal_address(self) -> bool:
        return bool(self.address.strip())

    @property
    def wants_post(self) -> bool:
        """Post when they asked for it, or when there is no email to write to."""
        return self.contact_method == ContactMethod.POST or not self.email

    def key(self, key: str) -> str:
        """An outbox key per person: the applicant keeps the case's own key."""
        return key if self.role == Role.APPLICANT else f"{key}:{self.role}"


def language_of(case: Case, chosen: str) -> str:
    """The language to write to someone who chose `chosen`, for this case's area."""
    if chosen == languages.WELSH and languages.is_welsh(case.area):
        return languages.WELSH
    return languages.ENGLISH


def applicant_of(case: Case) -> Recipient:
    return Recipient(
        role=Role.APPLICANT,
        name=case.applicant_name,
        email=case.applicant_email,
        phone=case.applicant_phone,
        address=case.applicant_address,
        postcode=case.applicant_postcode,
        contact_method=case.contact_method,
        language=language_of(case, case.applicant_language),
    )


def victim_of(case: Case) -> Recipient:
    return Recipient(
        role=Role.VICTIM,
        name=case.victim_name,
        email=case.victim_email,
        phone=case.victim_phone,
        address=case.victim_address,
        postcode=case.victim_postcode,
        contact_method=case.victim_contact_method or ContactMethod.EMAIL,
        language=language_of(case, case.victim_language),
    )


def default_send_to(case: Case) -> str:
    """At application: both when the victim can be reached, else the applicant."""
    return SendTo.BOTH if case.victim_reachable else SendTo.APPLICANT


def recipients(case: Case) -> list[Recipient]:
    """Everyone the case's letters and updates go to, as chosen in `case.send_to`.

    The victim is written to only when they can be (they agreed to being contacted and gave
    an email or postal address); a choice of "the victim only" that cannot be honoured falls
    back to the applicant, so that nobody's letter goes nowhere.
    """
    victim_wanted = case.on_behalf and case.send_to in (SendTo.VICTIM, SendTo.BOTH)
    people = [victim_of(case)] if victim_wanted and case.victim_reachable else []
    if case.send_to != SendTo.VICTIM or not people:
        people.insert(0, applicant_of(case))
    return people


def emailed(case: Case) -> list[Recipient]:
    """The recipients who can be emailed (invitations and updates that have no letter)."""
    return [person for person in recipients(case) if person.email]
