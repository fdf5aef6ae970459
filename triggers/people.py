"""What a reader of a case sees of the people in it: one presenter for every way out.

The case page, the JSON API, the meeting pack and the letters all read the applicant through
`applicant_for`, so that none of them can show a partner agency more than another does. The
rule itself is `agencies.access.sees_contact_details`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from agencies import access
from agencies.wording import Term, Wording


@dataclass(frozen=True)
class Victim:
    """The person someone applied for, as this reader may see them (DOMAIN.md §5.9).

    `email` and `phone` are None when the reader may not see them, and "" when none was given.
    """

    name: str
    address: str
    postcode: str
    contact_method: str
    adjustments: str
    email: str | None
    phone: str | None
    consent_how: str
    consent_on: date | None
    consent_recorded_by: str
    consent_covers: str
    send_to: str

    @property
    def contact_shown(self) -> bool:
        return self.email is not None


@dataclass(frozen=True)
class Applicant:
    """The applicant (and the victim they apply for) as this reader may see them.

    `email` and `phone` are None when the reader may not see them, and "" when none was given.
    """

    name: str
    address: str
    postcode: str
    on_behalf: bool
    victim_name: str
    relationship: str
    organisation: str
    contact_method: str
    email: str | None
    phone: str | None
    victim: Victim | None = None

    @property
    def contact_shown(self) -> bool:
        return self.email is not None


def applicant_for(user, case) -> Applicant:
    full = access.sees_contact_details(user, case)
    return Applicant(
        name=case.applicant_name,
        address=case.applicant_address,
        postcode=case.applicant_postcode,
        on_behalf=case.on_behalf,
        victim_name=case.victim_name,
        relationship=case.relationship,
        organisation=case.organisation,
        contact_method=case.get_contact_method_display(),
        email=case.applicant_email if full else None,
        phone=case.applicant_phone if full else None,
        victim=victim_for(case, full=full) if case.on_behalf else None,
    )


def consent_covers(share: bool, contact: bool) -> str:
    """What a victim's consent covers, in words (it always covers the application itself)."""
    return str(consent_words(share, contact))


def consent_words(share: bool, contact: bool) -> Wording:
    """The same, for the case's history, said in its reader's language."""
    covers = [Term("applying")]
    if share:
        covers.append(Term("sharing their information with the bodies"))
    if contact:
        covers.append(Term("being contacted"))
    return Wording.joined(*covers, sep=", ")


def victim_for(case, *, full: bool) -> Victim:
    """The victim as a reader sees them: `full` is `access.sees_contact_details`."""
    return Victim(
        name=case.victim_name,
        address=case.victim_address,
        postcode=case.victim_postcode,
        contact_method=case.get_victim_contact_method_display(),
        adjustments=case.victim_adjustments,
        email=case.victim_email if full else None,
        phone=case.victim_phone if full else None,
        consent_how=case.get_victim_consent_how_display(),
        consent_on=case.victim_consent_on,
        consent_recorded_by=case.consent_recorded_by_name,
        consent_covers=consent_covers(case.victim_consent_share, case.victim_consent_contact),
        send_to=case.get_send_to_display(),
    )


def may_read_letters(user, case) -> bool:
    """Letters are the applicant's: addressed to them, they carry what the partner view hides."""
    return access.sees_contact_details(user, case)


@dataclass(frozen=True)
class ListedPerson:
    """Who and where a case is about, as case lists and their exports show it: the fields
    every reader of the case may see (the partner view keeps names, addresses and postcodes),
    so a list shows them without asking, case by case, who is reading."""

    name: str
    victim_name: str
    address: str
    postcode: str
    location: str


def listed_person(case) -> ListedPerson:
    return ListedPerson(
        name=case.applicant_name,
        victim_name=case.victim_name if case.on_behalf else "",
        address=case.applicant_address,
        postcode=case.applicant_postcode,
        location=case.behaviour_location,
    )


def shows_contact_in_lists(user):
    """For a list of many cases: a test of whether a row may show the applicant's email and
    phone, or None when no row may. Officers and admins see them for their own areas' cases:
    the part of `access.sees_contact_details` that needs no query per case (a chair or PCC
    officer reads them on the case page instead)."""
    areas = access.area_ids_for(user)
    if not areas:
        return None
    return lambda case: case.area_id in areas
