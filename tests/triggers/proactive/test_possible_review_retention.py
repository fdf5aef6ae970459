"""A possible case review goes with the incident records it came from (our rule:
triggers/proactive/retention.py): whatever its status, once none of its records is left after
the nightly retention, it is deleted with its earlier decisions and its offer letter, in the
records' own transaction. A started one goes too; the case keeps the person's details."""

import os

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from audit.models import AccessRecord
from incidents import services as incidents
from incidents.models import IncidentRecord
from tests.triggers.proactive.test_possible_reviews import find, housing, jane  # noqa: F401
from tests.triggers.proactive.test_possible_reviews_welsh import _started as started
from triggers.models import Case, EarlierDecision, PossibleReview
from triggers.proactive import retention, services

pytestmark = pytest.mark.django_db


def jane_review(north):
    find(north)
    return PossibleReview.objects.get(name="Jane Doe")


def months_on(extra_days=0):
    """A night when every record of the fixtures is past the default 13 months (or, with
    extra_days < 0, only the older ones)."""
    return timezone.localdate() + relativedelta(months=13) + relativedelta(days=extra_days)


def test_a_dismissed_one_stays_while_a_record_is_left_then_goes_with_its_history(
    north,
    jane,  # noqa: F811
):
    possible = services.dismiss(jane_review(north), "declined", "Spoke to her.", by=north.officer)
    EarlierDecision.objects.create(
        area=north.area,
        possible=possible,
        status="dismissed",
        decided_at=timezone.now(),
        dismissal_reason="not_asb",
        dismissal_details="Spoke to her before.",
        covered_until=timezone.localdate(),
        returned_at=timezone.now(),
    )
    # Jane's two older records (reported 59 and 39 days ago) go; H-3 (19 days) is left.
    assert incidents.delete_expired_records(today=months_on(-30)) == 3  # and John's older one
    possible.refresh_from_db()
    assert (possible.name, possible.postcode) == ("Jane Doe", "L1 8JQ")
    assert list(possible.records.values_list("reference", flat=True)) == ["H-3"]
    incidents.delete_expired_records(today=months_on())
    assert not IncidentRecord.objects.exists()
    assert not PossibleReview.objects.exists() and not EarlierDecision.objects.exists()
    assert AccessRecord.objects.filter(
        action="anonymise", object_type="possible case reviews", area=north.area
    ).exists()


def test_an_offered_one_goes_with_its_letter(
    north,
    jane,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    offer = services.Offer(via="post", address="1 Long Street\nLiverpool", postcode="L1 8JQ")
    possible = services.offer_review(jane_review(north), offer, by=north.officer)
    path = possible.offer_letter.path
    assert os.path.exists(path)
    with django_capture_on_commit_callbacks(execute=True):
        incidents.delete_expired_records(today=months_on())
    assert not PossibleReview.objects.exists()
    assert not os.path.exists(path)


def test_a_started_one_goes_with_its_records_and_the_case_keeps_the_details(
    north,
    jane,  # noqa: F811
):
    case = started(north)  # Jane agreed, by email
    incidents.delete_expired_records(today=months_on())
    assert not PossibleReview.objects.exists()
    case = Case.objects.get(pk=case.pk)
    assert (case.victim_name, case.victim_email) == ("Jane Doe", "jane@example.com")
    assert sorted(case.complaints.values_list("reference_number", flat=True)) == [
        "C-7",
        "H-3",
        "P-1",
    ]


def test_it_runs_in_the_records_own_transaction(north, jane, monkeypatch):  # noqa: F811
    jane_review(north)

    def fails(area):
        raise RuntimeError("the possible reviews could not be deleted")

    monkeypatch.setattr(retention, "forget_possible_reviews", fails)
    with pytest.raises(RuntimeError):
        incidents.delete_expired_records(today=months_on())
    assert IncidentRecord.objects.count() == len(jane)  # rolled back with it
    assert PossibleReview.objects.exists()
