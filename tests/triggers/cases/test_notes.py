"""Notes and the contact log on a case (issue #17): private to the area's staff or shared
with the agencies, in the chronology, and shared ones only in the meeting pack."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AccessRecord
from triggers.cases import notes
from triggers.meetings import pack
from triggers.models import CaseEvent, CaseNote
from triggers.selectors import notes_for

pytestmark = pytest.mark.django_db

PRIVATE_TEXT = "Applicant's neighbour is a council employee: keep this in the team."
SHARED_TEXT = "Agreed with the police to visit together next week."


def url(side, name="case_note_add"):
    return reverse(name, args=[side.area.slug, side.case.reference])


def case_page(client, side, user):
    client.force_login(user)
    return client.get(reverse("case_detail", args=[side.area.slug, side.case.reference]))


def write_both(side):
    notes.add_note(side.case, PRIVATE_TEXT, visibility="private", by=side.officer)
    notes.add_note(side.case, SHARED_TEXT, visibility="shared", by=side.officer)


def test_officer_adds_a_note_through_the_page_with_history(client, north):
    client.force_login(north.officer)
    response = client.post(url(north), {"text": PRIVATE_TEXT, "visibility": "private"})
    assert response.status_code == 302
    note = CaseNote.objects.get()
    assert (note.area, note.case, note.kind) == (north.area, north.case, "note")
    assert note.written_by == north.officer and not note.shared
    event = CaseEvent.objects.filter(case=north.case).last()
    # The timeline is read by the agencies: it says a note was added, never what it says.
    assert event.summary == "Note added" and event.by == north.officer
    assert PRIVATE_TEXT not in event.summary + event.reasons


def test_a_responder_sees_shared_notes_never_private_ones(client, north):
    write_both(north)
    page = case_page(client, north, north.responder).content.decode()
    assert SHARED_TEXT in page
    assert PRIVATE_TEXT not in page
    assert set(notes_for(north.responder, north.case).values_list("text", flat=True)) == {
        SHARED_TEXT
    }


def test_the_areas_staff_see_both_in_the_chronology(client, north):
    write_both(north)
    for user in (north.officer, north.admin):
        page = case_page(client, north, user).content.decode()
        chronology = page[page.index("Chronology") :]
        assert PRIVATE_TEXT.replace("'", "&#x27;") in chronology
        assert SHARED_TEXT in chronology
        assert "Private</strong>" in chronology and "Shared</strong>" in chronology


def test_the_chair_sees_shared_notes_only(north):
    write_both(north)
    assert list(notes_for(north.chair, north.case).values_list("text", flat=True)) == [SHARED_TEXT]


def test_the_meeting_pack_holds_shared_notes_never_private_ones(north):
    write_both(north)
    # Even read by the area's own officer, the pack leaves the team: no private note in it.
    context = pack.pack_context(north.case, north.officer)
    texts = [entry["text"] for entry in context["chronology"]]
    assert SHARED_TEXT in texts
    assert PRIVATE_TEXT not in texts


def test_another_areas_staff_get_404(client, north, south):
    for user in (south.officer, south.admin, south.responder, south.chair):
        client.force_login(user)
        for name in ("case_note_add", "case_contact_add"):
            assert client.get(url(north, name)).status_code == 404
            response = client.post(url(north, name), {"text": "x", "visibility": "shared"})
            assert response.status_code == 404
    assert not CaseNote.objects.exists()


def test_a_responder_of_the_case_cannot_write_notes(client, north):
    client.force_login(north.responder)
    response = client.post(url(north), {"text": "x", "visibility": "shared"})
    assert response.status_code == 404
    with pytest.raises(notes.NoteRefused):
        notes.add_note(north.case, "x", visibility="shared", by=north.responder)
    assert not CaseNote.objects.exists()


def contact_form(**overrides):
    day = timezone.localdate() - timedelta(days=2)
    data = {
        "contact_on_0": str(day.day),
        "contact_on_1": str(day.month),
        "contact_on_2": str(day.year),
        "contact_with": "The applicant",
        "channel": "phone",
        "direction": "in",
        "text": "Rang to say the noise has started again.",
        "visibility": "shared",
    }
    data.update(overrides)
    return data


def test_a_contact_is_recorded_with_its_fields_and_in_the_chronology(client, north):
    client.force_login(north.officer)
    response = client.post(url(north, "case_contact_add"), contact_form())
    assert response.status_code == 302
    contact = CaseNote.objects.get()
    assert contact.kind == "contact"
    assert contact.contact_on == timezone.localdate() - timedelta(days=2)
    assert (contact.contact_with, contact.channel, contact.direction) == (
        "The applicant",
        "phone",
        "in",
    )
    assert CaseEvent.objects.filter(case=north.case).last().summary == "Contact recorded"
    page = case_page(client, north, north.responder).content.decode()
    assert "Contact with The applicant" in page
    assert "Rang to say the noise has started again." in page
    assert "phone call, incoming" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"contact_on_0": "", "contact_on_1": "", "contact_on_2": ""}, "Enter the date of the"),
        ({"contact_on_1": "13"}, "The date of the contact must be a real date"),
        ({"contact_with": ""}, "Enter who the contact was with"),
        ({"channel": ""}, "Choose how the contact was made"),
        ({"channel": "pigeon"}, "Choose how the contact was made"),
        ({"direction": ""}, "Choose whether they contacted us or we contacted them"),
        ({"text": "   "}, "Enter the note"),
        ({"visibility": ""}, "Choose who may read the note"),
    ],
)
def test_contact_fields_are_checked_with_govuk_errors(client, north, overrides, message):
    client.force_login(north.officer)
    response = client.post(url(north, "case_contact_add"), contact_form(**overrides))
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert not CaseNote.objects.exists()


def test_a_contact_in_the_future_is_refused(client, north):
    tomorrow = timezone.localdate() + timedelta(days=1)
    client.force_login(north.officer)
    response = client.post(
        url(north, "case_contact_add"),
        contact_form(
            contact_on_0=str(tomorrow.day),
            contact_on_1=str(tomorrow.month),
            contact_on_2=str(tomorrow.year),
        ),
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not CaseNote.objects.exists()


def test_reading_notes_is_audited_like_the_case_page(client, north):
    write_both(north)
    case_page(client, north, north.responder)
    assert AccessRecord.objects.filter(
        url_name="case_detail", case_reference=north.case.reference, who=north.responder.email
    ).exists()


def test_the_case_page_query_count_does_not_grow_with_notes(
    client, north, django_assert_max_num_queries
):
    client.force_login(north.officer)
    write_both(north)
    client.get(reverse("case_detail", args=[north.area.slug, north.case.reference]))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        case_page(client, north, north.officer)
    for n in range(10):
        notes.add_note(north.case, f"Note {n}", visibility="shared", by=north.officer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        case_page(client, north, north.officer)


def test_notes_lose_their_free_text_when_the_case_is_anonymised(north):
    from triggers.privacy import REMOVED, anonymise_case

    write_both(north)
    notes.add_note(
        north.case,
        "Told them about the review.",
        visibility="private",
        by=north.officer,
        contact=notes.ContactData(
            on=timezone.localdate(), with_whom="Mrs Jones", channel="visit", direction="out"
        ),
    )
    anonymise_case(north.case)
    assert set(CaseNote.objects.values_list("text", flat=True)) == {""}
    contact = CaseNote.objects.get(kind="contact")
    assert contact.contact_with == REMOVED
    assert (contact.channel, contact.direction) == ("visit", "out")
