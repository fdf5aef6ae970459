"""The print queue's pages: the area's officers and admins list, print and mark posted the
letters waiting; another area's queue and letters are not found."""

import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from triggers.models import LetterDelivery

from .helpers import postal_case, written_on

pytestmark = pytest.mark.django_db
Status = LetterDelivery.Status


def queue_url(side):
    return reverse("print_queue_area", kwargs={"area": side.area.slug})


def test_queue_lists_letters_waiting_and_the_header_counts_them(client, north):
    case = postal_case(north)
    postal_case(north, name="Nora Noaddress", address="", postcode="")
    client.force_login(north.officer)
    page = client.get(queue_url(north)).content.decode()
    assert case.reference in page and "Pat Post" in page and "14 Mill Lane" in page
    assert "Your case review: the threshold is not met" in page
    assert "Letters that cannot be sent: no address" in page and "Nora Noaddress" in page
    assert "Print queue (2)" in page  # the header's link, with the count


def test_the_pdf_prints_every_letter_waiting_or_those_selected(client, north):
    first, second = postal_case(north), postal_case(north, name="Sam Stamp")
    client.force_login(north.officer)
    response = client.get(reverse("print_queue_pdf", kwargs={"area": north.area.slug}))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Pat Post" in text and "Sam Stamp" in text
    chosen = LetterDelivery.objects.get(case=second)
    response = client.post(
        reverse("print_queue_pdf", kwargs={"area": north.area.slug}), {"delivery": [chosen.pk]}
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Sam Stamp" in text and "Pat Post" not in text
    assert first.reference not in text


def test_mark_posted_with_a_date_and_errors_in_the_summary(client, north):
    case = postal_case(north)
    written_on(case, date(2026, 11, 19))
    delivery = LetterDelivery.objects.get(case=case)
    client.force_login(north.officer)
    url = reverse("print_queue_posted", kwargs={"area": north.area.slug})
    page = client.post(url, {}).content.decode()
    assert "There is a problem" in page and "Select the letters" in page
    page = client.post(
        url,
        {
            "delivery": [delivery.pk],
            "posted_on_0": "20",
            "posted_on_1": "11",
            "posted_on_2": "2999",
        },
    ).content.decode()
    assert "The date of posting must be today or in the past" in page
    response = client.post(
        url,
        {
            "delivery": [delivery.pk],
            "posted_on_0": "20",
            "posted_on_1": "11",
            "posted_on_2": "2026",
        },
        follow=True,
    )
    assert "served on 24 November 2026" in response.content.decode()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.posted_on) == (Status.POSTED, date(2026, 11, 20))
    # The case page says how the letter went.
    page = client.get(reverse("case_detail", args=[north.area.slug, case.reference]))
    assert "posted on 20 November 2026, served on 24 November 2026" in page.content.decode()


def test_a_letter_cannot_be_marked_posted_before_it_was_written(client, north):
    """Its window to appeal (and the date it bears) would start before the decision existed
    (DOMAIN.md §5.8): the date is refused in the error summary, and nothing is posted."""
    case = postal_case(north)
    written_on(case, date(2026, 11, 19))
    delivery = LetterDelivery.objects.get(case=case)
    client.force_login(north.officer)
    url = reverse("print_queue_posted", kwargs={"area": north.area.slug})
    posted = {"delivery": [delivery.pk], "posted_on_0": "18", "posted_on_1": "11"}
    page = client.post(url, {**posted, "posted_on_2": "2026"}).content.decode()
    assert "There is a problem" in page
    assert "cannot be before the letter was written, 19 November 2026" in page
    delivery.refresh_from_db()
    assert delivery.status == Status.QUEUED and delivery.posted_on is None
    assert not case.events.filter(summary__startswith="Letter posted").exists()
    # The day it was written is a day it can be posted.
    client.post(url, {**posted, "posted_on_0": "19", "posted_on_2": "2026"})
    delivery.refresh_from_db()
    assert (delivery.status, delivery.posted_on) == (Status.POSTED, date(2026, 11, 19))


def test_letter_with_no_address_is_a_task_on_the_case_page_until_one_is_added(client, north):
    case = postal_case(north, address="", postcode="")
    delivery = LetterDelivery.objects.get(case=case)
    client.force_login(north.officer)
    case_url = reverse("case_detail", args=[north.area.slug, case.reference])
    page = client.get(case_url).content.decode()
    assert "Letter not sent: no address" in page
    assert (
        "sent " not in page.split('<h2 class="govuk-heading-m">Letters</h2>')[1].split("</ul>")[0]
    )
    url = reverse("letter_address", kwargs={"area": north.area.slug, "delivery_id": delivery.pk})
    page = client.post(url, {"address": " ", "postcode": ""}).content.decode()
    assert "Enter the address" in page and "Enter the postcode" in page
    client.post(url, {"address": "3 New Road\nNorthtown", "postcode": "NT9 9ZZ"})
    delivery.refresh_from_db()
    assert delivery.status == Status.QUEUED
    page = client.get(case_url).content.decode()
    assert "Letter not sent" not in page and "in the print queue" in page
    assert client.get(url).status_code == 404  # no longer waiting for an address


def test_another_areas_queue_and_letters_are_not_found(client, north, south):
    postal_case(south, name="Southern Person")
    theirs = LetterDelivery.objects.get(case__area=south.area)
    for role in ("officer", "admin", "responder", "chair", "pcc_officer"):
        client.force_login(getattr(north, role))
        assert client.get(queue_url(south)).status_code == 404, role
        pdf = reverse("print_queue_pdf", kwargs={"area": south.area.slug})
        assert client.get(pdf).status_code == 404, role
        posted = reverse("print_queue_posted", kwargs={"area": south.area.slug})
        assert client.post(posted, {"delivery": [theirs.pk]}).status_code == 404, role
    # Their letter is not in our queue, our PDF, nor can we mark it posted from our queue.
    client.force_login(north.officer)
    assert "Southern Person" not in client.get(queue_url(north)).content.decode()
    posted = reverse("print_queue_posted", kwargs={"area": north.area.slug})
    client.post(posted, {"delivery": [theirs.pk]})
    assert LetterDelivery.objects.get(pk=theirs.pk).status == Status.QUEUED


def test_responders_have_no_print_queue(client, north):
    client.force_login(north.responder)
    assert client.get(reverse("print_queue")).status_code == 404
    client.force_login(north.officer)
    assert client.get(reverse("print_queue")).status_code == 302  # their one area's queue


def test_an_officer_of_two_areas_chooses_a_queue(client, north, south):
    from agencies.models import RoleAssignment

    RoleAssignment.objects.create(
        user=north.officer, area=south.area, role=RoleAssignment.Role.CASE_OFFICER
    )
    postal_case(south)
    client.force_login(north.officer)
    page = client.get(reverse("print_queue")).content.decode()
    assert "North</a>: 0 letters waiting" in page and "South</a>: 1 letter waiting" in page


def test_queue_page_queries_do_not_grow_with_letters(client, north, django_assert_max_num_queries):
    client.force_login(north.officer)
    for n in range(2):
        postal_case(north, name=f"Person {n}")
    postal_case(north, name="No Address", address="")
    with django_assert_max_num_queries(12) as few:
        client.get(queue_url(north))
    for n in range(4):
        postal_case(north, name=f"More {n}")
        postal_case(north, name=f"Lost {n}", address="")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(queue_url(north)).content.decode()
    assert "More 3" in page and "Lost 3" in page
