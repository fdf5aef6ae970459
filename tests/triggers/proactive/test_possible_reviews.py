"""Possible case reviews: the linked records of a person who meets the threshold and has no
open case are listed for the area's officers, with the evidence; the officer offers a review
through the outbox, dismisses it with a reason, or starts the case with the victim's
agreement, its complaints taken from the records and the engine's reasons recorded."""

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency, AreaMembership
from incidents import services as incidents
from notifications.models import Message
from tests.factories import AgencyFactory, MembershipFactory, make_case
from tests.incidents.helpers import api_row
from tests.incidents.records import record
from triggers.models import Channel, PossibleReview
from triggers.proactive import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def housing(north):
    agency = AgencyFactory(
        slug="north-homes", name="North Homes", kind=Agency.Kind.HOUSING, force_area=north.force
    )
    MembershipFactory(area=north.area, agency=agency, role=AreaMembership.Role.CO_OPTED_HOUSING)
    return agency


@pytest.fixture
def jane(north, housing):
    """Jane Doe reported to the police, the council and her landlord in the last two months,
    written a little differently each time; and John Roe, who reported twice only."""
    records = [
        record(north, ref="P-1", days=60),
        record(north, body=north.council, ref="C-7", days=40, first_name="Jayne"),
        record(north, body=housing, ref="H-3", days=20, hate_related=True),
        record(north, ref="P-9", days=50, first_name="John", surname="Roe", postcode="L2 2AA"),
        record(north, ref="P-10", days=10, first_name="John", surname="Roe", postcode="L2 2AA"),
    ]
    return records


def find(side):
    incidents.relink_area(side.area)
    return services.refresh_possible_reviews(side.area)


def test_a_person_meeting_the_threshold_is_listed_with_the_evidence(client, north, jane):
    assert find(north) == 1
    possible = PossibleReview.objects.get()
    assert possible.name == "Jane Doe" and possible.postcode == "L1 8JQ"
    assert sorted(r.reference for r in possible.records.all()) == ["C-7", "H-3", "P-1"]
    assert (possible.engine_route, possible.engine_qualifying) == ("complaints", 3)
    assert {frozenset((e["left"], e["right"])) for e in possible.evidence} == {
        frozenset(("North Police P-1", "North Council C-7")),
        frozenset(("North Council C-7", "North Homes H-3")),
    }
    assert any("name: Jane ~ Jayne" in e["reasons"] for e in possible.evidence)
    client.force_login(north.officer)
    page = client.get(reverse("possible_reviews")).content.decode()
    assert "Jane Doe" in page and "John Roe" not in page
    detail = client.get(reverse("possible_review", args=[possible.pk])).content.decode()
    for shown in ("North Homes", "C-7", "97% likely the same person", "name: Jane ~ Jayne"):
        assert shown in detail
    assert "The threshold is met: 3 complaints count" in detail


def test_an_import_looks_for_possible_reviews_once_it_commits(
    client, north, django_capture_on_commit_callbacks
):
    from agencies import tokens

    _, secret = tokens.create_token(north.responder, name="Feed", scope="read_write")
    rows = [api_row(f"A-{n}", incident=days) for n, days in enumerate((70, 45, 15))]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("incidents:api_batch", args=["north"]),
            rows,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {secret}",
        )
    assert response.status_code == 201
    assert PossibleReview.objects.get().records.count() == 3


def test_someone_with_an_open_case_is_not_listed(north, jane):
    make_case(north.area, applicant_name="Jayne Doe", data={"applicant_postcode": "L1 8JQ"})
    assert find(north) == 0


def test_someone_no_longer_meeting_it_leaves_the_list_unless_acted_on(north, jane):
    find(north)
    jane[2].delete()
    jane[1].delete()
    assert find(north) == 0
    assert not PossibleReview.objects.exists()


def test_dismissing_needs_a_reason_and_stays_dismissed(client, north, jane):
    find(north)
    possible = PossibleReview.objects.get()
    client.force_login(north.officer)
    url = reverse("possible_review_dismiss", args=[possible.pk])
    response = client.post(url, {"reason": "other", "details": " "})
    assert "Say why it is dismissed" in response.content.decode()
    response = client.post(url, {"reason": "declined", "details": "Spoke to her on the phone."})
    assert response.status_code == 302
    possible.refresh_from_db()
    assert (possible.status, possible.dismissed_by) == ("dismissed", north.officer)
    assert find(north) == 0  # found again, but it stays as the officer decided
    assert PossibleReview.objects.get().status == "dismissed"
    assert client.get(reverse("possible_reviews")).content.decode().count("Jane Doe") == 0
    # Once decided, no act is offered again: each sends the officer back to its page.
    for name in ("possible_review_dismiss", "possible_review_offer", "possible_review_start"):
        for method in (client.get, client.post):
            again = method(reverse(name, args=[possible.pk]))
            assert again.status_code == 302, (name, method)
            assert again.url == reverse("possible_review", args=[possible.pk])
    assert PossibleReview.objects.get().status == "dismissed"


def test_offering_by_email_in_welsh_goes_through_the_outbox(client, north, jane):
    find(north)
    possible = PossibleReview.objects.get()
    client.force_login(north.officer)
    response = client.post(
        reverse("possible_review_offer", args=[possible.pk]),
        {"via": "email", "language": "cy", "email": "jane@example.com"},
    )
    assert response.status_code == 302
    message = Message.objects.get(to_address="jane@example.com")
    assert message.subject.startswith("Gallwch ofyn am adolygiad achos")
    assert "Annwyl Jane Doe" in message.body
    possible.refresh_from_db()
    assert (possible.status, possible.offered_via, possible.offer_language) == (
        "offered",
        "email",
        "cy",
    )


def test_an_offer_by_text_is_refused_where_the_area_sends_no_texts(client, north, jane):
    find(north)
    possible = PossibleReview.objects.get()
    client.force_login(north.officer)
    response = client.post(
        reverse("possible_review_offer", args=[possible.pk]),
        {"via": "text", "language": "en", "phone": "07700 900123"},
    )
    assert "does not send text messages" in response.content.decode()
    assert not Message.objects.filter(to_address="07700 900123").exists()


def test_an_offer_by_post_is_a_letter_to_print(client, north, jane):
    find(north)
    possible = PossibleReview.objects.get()
    client.force_login(north.officer)
    client.post(
        reverse("possible_review_offer", args=[possible.pk]),
        {"via": "post", "language": "en", "address": "1 Long Street", "postcode": "L1 8JQ"},
    )
    letter = client.get(reverse("possible_review_letter", args=[possible.pk]))
    assert letter["Content-Type"] == "application/pdf"
    assert b"".join(letter.streaming_content).startswith(b"%PDF")


def test_the_victim_agreed_a_case_starts_from_the_linked_records(client, north, jane):
    find(north)
    possible = PossibleReview.objects.get()
    client.force_login(north.officer)
    today = timezone.localdate()
    response = client.post(
        reverse("possible_review_start", args=[possible.pk]),
        {
            "victim_name": "Jane Doe",
            "consent_how": "verbal",
            "consent_on_0": today.day,
            "consent_on_1": today.month,
            "consent_on_2": today.year,
            "contact_method": "email",
            "email": "jane@example.com",
            "address": "1 Long Street",
            "postcode": "L1 8JQ",
            "language": "en",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    possible.refresh_from_db()
    case = possible.case
    assert possible.status == "started" and case.area == north.area
    assert response["Location"] == reverse("case_detail", args=[case.area.slug, case.reference])
    assert case.channel == Channel.AGENCY_REFERRAL
    assert case.on_behalf and case.victim_consent and case.victim_consent_how == "verbal"
    assert case.victim_consent_recorded_by == north.officer
    assert case.applicant_name == north.officer.full_name
    complaints = list(case.complaints.order_by("position"))
    assert [(c.reference_number, c.reported_to.name) for c in complaints] == [
        ("P-1", "North Police"),
        ("C-7", "North Council"),
        ("H-3", "North Homes"),
    ]
    assert [c.hate_related for c in complaints] == [False, False, True]
    assert [c.incident_date for c in complaints] == [r.incident_date for r in jane[:3]]
    event = case.events.get(summary__startswith="Started from the bodies' linked")
    assert "The threshold is met: 3 complaints count" in event.reasons
    assert "North Council C-7: " in event.reasons
    assert "name: Jane ~ Jayne" in event.reasons
    from triggers.threshold.services import assess_case

    assert assess_case(case).qualifying_complaints == 3
    # Every relevant body is asked to check it, as with any application, and so is the
    # co-opted landlord H-3 was reported to (DOMAIN.md §5.1).
    assert set(case.threshold_checks.values_list("agency__slug", flat=True)) == {
        "north-council",
        "north-police",
        "north-homes",
    }


def test_only_the_area_s_officers_reach_possible_reviews(client, north, south, jane):
    find(north)
    possible = PossibleReview.objects.get()
    for user in (south.officer, south.admin, north.responder, north.chair, north.pcc_officer):
        client.force_login(user)
        for name in ("possible_review", "possible_review_offer", "possible_review_start"):
            assert client.get(reverse(name, args=[possible.pk])).status_code == 404, (user, name)
        assert "Jane Doe" not in client.get(reverse("possible_reviews")).content.decode()
