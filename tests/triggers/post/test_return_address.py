"""The area's postal return address (DOMAIN.md §5.8): set by its area admin, validated, kept
in the area's history, shown on the print queue page and printed in the envelope window above
the addressee."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from triggers.models import LetterDelivery
from triggers.post.layout import print_pdf

from .helpers import postal_case
from .test_layout import in_window, texts_with_positions

pytestmark = pytest.mark.django_db
RETURN = "Case Review Team\nTown Hall, High Street\nNorthtown\nnt1  1aa"


def url(side):
    return reverse("area_return_address", args=[side.area.slug])


def test_the_area_admin_sets_it_and_its_history_says_who(client, north):
    client.force_login(north.admin)
    assert client.get(url(north)).status_code == 200
    response = client.post(url(north), {"return_address": RETURN})
    assert response.status_code == 302
    north.area.refresh_from_db()
    assert (
        north.area.return_address == "Case Review Team\nTown Hall, High Street\nNorthtown\nNT1 1AA"
    )
    change = north.area.history.first()
    assert change.history_user == north.admin and change.history_change_reason
    page = client.get(url(north)).content.decode()
    assert "Town Hall, High Street" in page and north.admin.full_name in page


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("Town Hall", "more than one line"),
        ("Town Hall\nHigh Street\nNowhere", "real postcode"),
        ("\n".join(["Line"] * 7) + "\nNT1 1AA", "6 lines or fewer"),
        ("x" * 61 + "\nNT1 1AA", "60 characters or fewer"),
        ("\n".join(["A long line of the address"] * 5) + "\nNT1 1AA", "fit the envelope"),
    ],
)
def test_an_address_that_would_not_work_is_refused_with_a_message(client, north, address, message):
    client.force_login(north.admin)
    page = client.post(url(north), {"return_address": address}).content.decode()
    assert "There is a problem" in page and message in page
    assert address.splitlines()[0] in page  # nothing typed is lost
    north.area.refresh_from_db()
    assert north.area.return_address == ""


def test_officers_and_other_areas_admins_cannot_change_it(client, north, south):
    client.force_login(north.officer)
    assert client.get(url(north)).status_code == 404
    client.force_login(south.admin)
    assert client.post(url(north), {"return_address": RETURN}).status_code == 404
    north.area.refresh_from_db()
    assert north.area.return_address == ""


def test_the_letter_prints_it_in_the_window_and_the_queue_shows_it(client, north):
    north.area.return_address = "Town Hall\nNorthtown\nNT1 1AA"
    north.area.save()
    case = postal_case(north)
    delivery = LetterDelivery.objects.select_related("letter", "case__area").get(case=case)
    reader = PdfReader(io.BytesIO(print_pdf([delivery])))
    placed = texts_with_positions(reader.pages[0])
    returns = [(x, top) for text, x, top in placed if "Town Hall, Northtown, NT1 1AA" in text]
    names = [top for text, x, top in placed if text.startswith("Pat Post")]
    assert returns and all(in_window(x, top) for x, top in returns), placed
    assert names and returns[0][1] < min(names)
    postcodes = [(x, top) for text, x, top in placed if text.startswith("NT1 2AB")]
    assert postcodes and all(in_window(x, top) for x, top in postcodes)
    client.force_login(north.admin)
    page = client.get(reverse("print_queue_area", args=[north.area.slug])).content.decode()
    assert "Town Hall<br>Northtown<br>NT1 1AA" in page
    assert url(north) in page
    client.force_login(north.officer)
    page = client.get(reverse("print_queue_area", args=[north.area.slug])).content.decode()
    assert "Town Hall<br>Northtown" in page and url(north) not in page
