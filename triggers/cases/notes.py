"""Notes and the contact log on a case: written by the area's staff, read by whom they are for.

A private note is for the area's case officers and admins only; a shared one is read by
everyone working on the case (the agencies' responders, the chair) and goes into the meeting
pack. Which notes a reader sees is decided in one place: triggers.selectors.notes_for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from agencies import access
from agencies.wording import Wording
from triggers.history import record_event
from triggers.models import Case, CaseNote


class NoteRefused(ValueError):
    """A note that cannot be written as given."""


@dataclass(frozen=True)
class ContactData:
    """What a contact record adds to a note: when, with whom, how, and which way."""

    on: date
    with_whom: str
    channel: str
    direction: str


@transaction.atomic
def add_note(
    case: Case, text: str, *, visibility: str, by, contact: ContactData | None = None
) -> CaseNote:
    """Write a note, or a contact record when `contact` is given, and record it in the history.

    The history says only that a note was written, never what it says or for whom: the
    timeline is read by the agencies, and a private note must not reach them through it.
    """
    if not access.can_work_on(by, case):
        raise NoteRefused(gettext("Only the area's case officers and admins write notes."))
    text = text.strip()
    if not text:
        raise NoteRefused(gettext("Enter the note."))
    if visibility not in CaseNote.Visibility.values:
        raise NoteRefused(gettext("Choose who may read the note."))
    note = CaseNote(
        area_id=case.area_id,
        case=case,
        kind=CaseNote.Kind.CONTACT if contact else CaseNote.Kind.NOTE,
        visibility=visibility,
        text=text,
        written_by=by,
        written_at=timezone.now(),
    )
    if contact is not None:
        _check_contact(contact)
        note.contact_on = contact.on
        note.contact_with = contact.with_whom.strip()
        note.channel = contact.channel
        note.direction = contact.direction
    note.save()
    record_event(case, Wording("Contact recorded" if contact else "Note added"), by=by)
    return note


def _check_contact(contact: ContactData) -> None:
    if contact.on > timezone.localdate():
        raise NoteRefused(gettext("The date of the contact must be today or in the past."))
    if not contact.with_whom.strip():
        raise NoteRefused(gettext("Enter who the contact was with."))
    if contact.channel not in CaseNote.Channel.values:
        raise NoteRefused(gettext("Choose how the contact was made."))
    if contact.direction not in CaseNote.Direction.values:
        raise NoteRefused(gettext("Choose whether they contacted us or we contacted them."))
