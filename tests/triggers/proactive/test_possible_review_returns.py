# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""A decided possible review comes back when the person's complaints go on (our rule,
triggers/proactive/returns.py): a decision covers the complaints reported up to its day; those
reported after it that meet the threshold on their own bring the person back to the list, new,
with the earlier decision kept and shown. Fewer, or only older ones, change nothing."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from incidents.models import IncidentRecord
from tests.incidents.records import record
from tests.triggers.proactive.test_possible_reviews import find, housing, jane  # noqa: F401
from tests.welsh.staff import welsh_staff
from triggers.models import Case, EarlierDecision, PossibleReview
from triggers.proactive import services

# Jane Doe's three complaints, and John Roe's two (test_possible_reviews).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("jane")]

# Jane's three complaints were reported 59, 39 and 19 days ago; the officer decided after them.
DECIDED_DAYS_AGO = 18


def days_ago(n: int):
    return timezone.now() - timedelta(days=n)


def dismissed(side) -> PossibleReview:
    """Jane found, and dismissed by the officer 18 days ago ("she does not want a review")."""
    find(side)
    possible = services.dismiss(
        PossibleReview.objects.get(), "declined", "Spoke to her on the phone.", by=side.officer
    )
    PossibleReview.objects.filter(pk=possible.pk).update(dismissed_at=days_ago(DECIDED_DAYS_AGO))
    possible.refresh_from_db()
    return possible


def later_complaints(side, *days, **fields) -> list[IncidentRecord]:
    """Jane's complaints to the police about incidents `days` ago, each reported the next day."""
    return [record(side, ref=f"P-{100 + n}", days=d, **fields) for n, d in enumerate(days)]


def snapshot(possible):
    possible.refresh_from_db()
    return (
        possible.status,
        possible.dismissed_at,
        possible.updated_at,
        sorted(r.pk for r in possible.records.all()),
        EarlierDecision.objects.count(),
    )


def test_complaints_after_a_dismissal_that_meet_the_threshold_bring_her_back(client, north):
    possible = dismissed(north)
    when = possible.dismissed_at
    later_complaints(north, 15, 10, 5)
    assert find(north) == 1
    possible.refresh_from_db()
    assert possible.status == "new"
    assert (possible.dismissed_at, possible.dismissal_reason) == (None, "")
    assert possible.records.count() == 6
    earlier = possible.earlier_decisions.get()
    assert (earlier.status, earlier.decided_by, earlier.decided_at) == (
        "dismissed",
        north.officer,
        when,
    )
    assert (earlier.dismissal_reason, earlier.dismissal_details) == (
        "declined",
        "Spoke to her on the phone.",
    )
    assert earlier.covered_until == timezone.localdate(when)
    client.force_login(north.officer)
    listed = client.get(reverse("possible_reviews")).content.decode()
    assert "Jane Doe" in listed and "Decided before" in listed
    page = client.get(reverse("possible_review", args=[possible.pk])).content.decode()
    assert "Back on the list" in page
    shown = f"Dismissed on {timezone.localtime(when):%-d %B %Y} by {north.officer.full_name}"
    assert f"{shown}: The victim does not want a review. Spoke to her on the phone." in page
    # Found again: the same, with the one earlier decision.
    assert find(north) == 1
    assert possible.earlier_decisions.count() == 1


def test_a_second_dismissal_covers_the_complaints_that_brought_her_back(north):
    dismissed(north)
    later_complaints(north, 15, 10, 5)
    find(north)
    possible = services.dismiss(
        PossibleReview.objects.get(), "already_handled", "", by=north.officer
    )
    assert find(north) == 0
    possible.refresh_from_db()
    assert (possible.status, possible.dismissal_reason) == ("dismissed", "already_handled")
    assert possible.earlier_decisions.get().dismissal_reason == "declined"


def test_fewer_complaints_after_the_dismissal_than_the_threshold_do_not(north):
    possible = dismissed(north)
    before = snapshot(possible)
    # Two new incidents, and a new report of one it covered (Jane's incident 20 days ago,
    # reported to the police 5 days ago): the same incident, counted once, already covered.
    later_complaints(north, 15, 10)
    incident = timezone.localdate() - timedelta(days=20)
    record(north, ref="P-200", incident_date=incident, reported_date=incident + timedelta(15))
    assert find(north) == 0
    assert snapshot(possible) == before


def test_complaints_all_made_before_the_dismissal_do_not_even_if_sent_after(north):
    possible = dismissed(north)
    before = snapshot(possible)
    # Sent now, but reported before the officer decided (30, 25 and 21 days ago).
    later_complaints(north, 31, 26, 22)
    assert find(north) == 0
    assert snapshot(possible) == before
    assert find(north) == 0
    assert snapshot(possible) == before


def test_back_on_the_list_until_the_later_complaints_no_longer_meet_it(north):
    dismissed(north)
    later = later_complaints(north, 15, 10, 5)
    find(north)
    later[0].delete()
    assert find(north) == 0
    possible = PossibleReview.objects.get()
    assert (possible.status, possible.dismissed_by) == ("dismissed", north.officer)
    assert (possible.dismissal_reason, possible.dismissal_details) == (
        "declined",
        "Spoke to her on the phone.",
    )
    assert not EarlierDecision.objects.exists()


def start(side, possible) -> Case:
    from triggers.proactive.services import Agreement

    agreement = Agreement(
        victim_name="Jane Doe",
        consent_how="verbal",
        consent_on=timezone.localdate(),
        contact_method="email",
        email="jane@example.com",
    )
    return services.start_case(possible, agreement, by=side.officer)


def test_a_started_one_comes_back_only_once_its_case_has_closed(client, north):
    find(north)
    possible = PossibleReview.objects.get()
    case = start(north, possible)
    Case.objects.filter(pk=case.pk).update(received_at=days_ago(40))
    later_complaints(north, 15, 10, 5)
    assert find(north) == 0  # the case is open
    Case.objects.filter(pk=case.pk).update(status="closed", closed_at=days_ago(DECIDED_DAYS_AGO))
    assert find(north) == 1
    possible.refresh_from_db()
    assert (possible.status, possible.case) == ("new", None)
    earlier = possible.earlier_decisions.get()
    assert (earlier.status, earlier.case, earlier.decided_by) == ("started", case, north.officer)
    client.force_login(north.officer)
    page = client.get(reverse("possible_review", args=[possible.pk])).content.decode()
    started, closed = (f"{timezone.localtime(days_ago(n)):%-d %B %Y}" for n in (40, 18))
    assert f"A case was started on {started} by {north.officer.full_name}" in page
    assert f"and closed on {closed}" in page
    assert reverse("case_detail", args=[north.area.slug, case.reference]) in page


def test_the_earlier_dismissal_is_shown_in_welsh(client, north):
    welsh_staff(client, north, "officer")
    possible = dismissed(north)
    later_complaints(north, 15, 10, 5)
    find(north)
    page = client.get(reverse("possible_review", args=[possible.pk])).content.decode()
    assert "Penderfynwyd arno o’r blaen" in page and "Yn ôl ar y rhestr" in page
    assert f"gan {north.officer.full_name}: Nid yw’r dioddefwr eisiau adolygiad" in page
    assert "Dismissed on" not in page


def test_the_list_s_queries_do_not_grow_with_the_people_on_it(client, north):
    def listed_with(count) -> int:
        for n in range(count):
            possible = PossibleReview.objects.create(
                area=north.area,
                person_key=f"k{n}-{count}",
                name=f"Person {n}",
                engine_route="complaints",
                engine_qualifying=3,
                engine_threshold=3,
                engine_reasons="",
                found_at=timezone.now(),
            )
            possible.records.set([record(north, ref=f"Q-{count}-{n}")])
            EarlierDecision.objects.create(
                area=north.area,
                possible=possible,
                status="dismissed",
                decided_at=timezone.now(),
                decided_by=north.officer,
                covered_until=timezone.localdate(),
                returned_at=timezone.now(),
            )
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("possible_reviews")).content.decode()
        assert page.count("Decided before") == PossibleReview.objects.count()
        return len(queries)

    client.force_login(north.officer)
    assert listed_with(1) == listed_with(3)
