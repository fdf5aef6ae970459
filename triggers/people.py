"""What a reader of a case sees of the people in it: one presenter for every way out.

The case page, the JSON API, the meeting pack and the letters all read the applicant through
`applicant_for`, so that none of them can show a partner agency more than another does. The
rule itself is `agencies.access.sees_contact_details`.
"""

from __future__ import annotations

from dataclasses import dataclass

from agencies import access


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
