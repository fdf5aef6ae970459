"""Each area's linking model with the real Splink engine (no stand-in): a small area links
with the default model shipped with the code, its model and threshold are kept and reused,
trained again only when it has grown, and an import goes all the way to a possible review."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency, AreaMembership
from audit.models import AccessRecord
from incidents import link_models
from incidents import linking as linking_package
from incidents import services as incidents
from incidents.linking import defaults
from incidents.models import AreaLinkModel, ClusterMember
from tests.factories import AgencyFactory, MembershipFactory
from tests.incidents.helpers import MAPPING, csv_file, row
from tests.incidents.records import record

pytestmark = pytest.mark.django_db

JOHN = {"first_name": "John", "surname": "Smith", "date_of_birth": date(1980, 1, 2)}


def cluster_of(found):
    return ClusterMember.objects.get(record=found).cluster_id


def test_john_and_jon_smith_link_in_a_new_small_area_and_a_stranger_does_not(north):
    john = record(north, ref="P-1", address="1 High St", postcode="L1 1AA", **JOHN)
    jon = record(
        north,
        body=north.council,
        ref="C-1",
        address="1 High Street",
        postcode="L11AA",
        **{**JOHN, "first_name": "Jon"},
    )
    mary = record(
        north,
        ref="P-2",
        first_name="Mary",
        surname="Jones",
        date_of_birth=date(1975, 5, 6),
        address="4 Park Road",
        postcode="L8 2XY",
    )
    assert incidents.relink_area(north.area) == 2
    assert cluster_of(john) == cluster_of(jon) != cluster_of(mary)
    stored = AreaLinkModel.objects.get(area=north.area)
    assert stored.uses_default and stored.trained_at is None  # too few to train on


@pytest.fixture
def spy(monkeypatch):
    """The real link_records, noting whether each call was given a model or trained one."""
    real = linking_package.link_records
    calls = []

    def link_records(records, backend="duckdb", threshold=None, model=None, **kw):
        calls.append("given" if model else "trained")
        if model is None:  # training on a handful of records finds no pairs: stand in for it
            result = real(records, backend, threshold, defaults.default_model(), **kw)
            result.model = {**defaults.default_model(), "trained_from": len(records)}
            return result
        return real(records, backend, threshold, model, **kw)

    monkeypatch.setattr(linking_package, "link_records", link_records)
    monkeypatch.setattr(defaults, "MIN_RECORDS_TO_TRAIN", 2)
    return calls


def test_the_area_s_model_is_reused_until_the_area_has_doubled(north, spy):
    for n in range(2):
        record(north, ref=f"P-{n}", surname=f"Doe{n}")
    incidents.relink_area(north.area)
    stored = AreaLinkModel.objects.get(area=north.area)
    assert spy == ["trained"]
    assert (stored.records_trained_on, stored.parameters["trained_from"]) == (2, 2)
    record(north, ref="P-2", surname="Roe")
    incidents.relink_area(north.area)
    assert spy == ["trained", "given"]  # 3 records: not grown enough to train again
    record(north, ref="P-3", surname="Poe")
    incidents.relink_area(north.area)
    assert spy == ["trained", "given", "trained"]  # doubled: trained again, and kept
    stored.refresh_from_db()
    assert stored.records_trained_on == 4 and stored.parameters["trained_from"] == 4


def test_a_month_old_model_is_trained_again(north, spy):
    record(north, ref="P-1")
    record(north, ref="P-2", surname="Roe")
    incidents.relink_area(north.area)
    AreaLinkModel.objects.filter(area=north.area).update(
        trained_at=timezone.now() - link_models.RETRAIN_AFTER - timedelta(hours=1)
    )
    incidents.relink_area(north.area)
    assert spy == ["trained", "trained"]


def test_the_area_s_threshold_is_the_one_linking_uses(north, monkeypatch):
    seen = []

    def link_records(records, backend="duckdb", threshold=None, model=None, **kw):
        seen.append((backend, threshold))
        return linking_package.LinkResult(clusters={r.record_id: r.record_id for r in records})

    monkeypatch.setattr(linking_package, "link_records", link_records)
    record(north)
    link_models.change_threshold(north.area, "0.9", by=north.admin, reason="Fewer missed")
    incidents.relink_area(north.area)
    assert seen == [("duckdb", 0.9)]


@pytest.mark.parametrize("wrong", ["0.5", "1", "0.999", "high", None])
def test_a_threshold_outside_its_bounds_is_refused(north, wrong):
    with pytest.raises(link_models.ThresholdRefused):
        link_models.change_threshold(north.area, wrong, by=north.admin)
    assert not AreaLinkModel.objects.filter(area=north.area).exclude(threshold=0.95).exists()


def test_the_area_admin_sees_the_model_and_changes_the_threshold_with_a_reason(client, north):
    client.force_login(north.admin)
    url = reverse("incidents:linking_model", args=[north.area.slug])
    page = client.get(url).content.decode()
    assert "The portal&#x27;s default model" in page or "default model" in page
    assert "Not yet" in page
    response = client.post(url, {"threshold": "0.75", "reason": "Try it"})
    assert "The threshold must be between 0.80 and 0.99" in response.content.decode()
    assert 'class="govuk-error-summary"' in response.content.decode()
    response = client.post(url, {"threshold": "0.9", "reason": ""})
    assert "Say why you are changing the threshold" in response.content.decode()
    response = client.post(url, {"threshold": "0.9", "reason": "Victims were missed"})
    assert response.status_code == 302
    stored = AreaLinkModel.objects.get(area=north.area)
    assert stored.threshold == 0.9
    (change,) = stored.threshold_history
    assert (change["from"], change["to"], change["reason"]) == (0.95, 0.9, "Victims were missed")
    assert change["by"] == north.admin.email
    assert AccessRecord.objects.filter(object_type="linking threshold").exists()
    assert "Victims were missed" in client.get(url).content.decode()


def test_only_the_area_s_admin_reaches_its_linking_page(client, north, south):
    url = reverse("incidents:linking_model", args=[north.area.slug])
    for someone in (south.admin, north.officer):
        client.force_login(someone)
        assert client.get(url).status_code == 404


def test_an_unknown_linking_backend_is_refused_by_a_system_check(settings):
    settings.INCIDENT_LINKING_BACKEND = "postgres"
    with pytest.raises(SystemCheckError, match="INCIDENT_LINKING_BACKEND"):
        call_command("check")
    settings.INCIDENT_LINKING_BACKEND = "spark"
    call_command("check")


def test_csv_imports_from_three_bodies_link_to_one_person_listed_for_review(north):
    """From the bodies' files, through the real linker and the engine, to the officer's list."""
    from triggers.models import PossibleReview
    from triggers.proactive import services as proactive

    housing = AgencyFactory(
        slug="north-homes", name="North Homes", kind=Agency.Kind.HOUSING, force_area=north.force
    )
    MembershipFactory(area=north.area, agency=housing, role=AreaMembership.Role.CO_OPTED_HOUSING)
    files = {
        north.police: row(
            "P-1",
            60,
            first="John",
            surname="Smith",
            dob="1980-01-02",
            address="1 High St",
            postcode="L1 1AA",
        ),
        north.council: row(
            "C-1",
            40,
            first="Jon",
            surname="Smith",
            dob="02/01/1980",
            address="1 High Street",
            postcode="L11AA",
        ),
        housing: row(
            "H-1",
            20,
            first="Johnny",
            surname="Smith",
            dob="1980-01-02",
            address="Flat 1 1 High Street",  # row() joins cells with commas
            postcode="L1 1AA",
            phone="",
        ),
    }
    for body, line in files.items():
        feed = incidents.receive_upload(csv_file(line), area=north.area, body=body, by=None)
        report = incidents.import_upload(feed, MAPPING, by=None)
        assert (report.created, report.errors) == (1, [])
    incidents.relink_area(north.area)
    assert proactive.refresh_possible_reviews(north.area) == 1
    possible = PossibleReview.objects.get()
    assert sorted(r.reference for r in possible.records.all()) == ["C-1", "H-1", "P-1"]
    assert (possible.engine_route, possible.engine_qualifying) == ("complaints", 3)


def test_the_records_page_leads_an_area_admin_to_their_linking_page(client, north, south):
    client.force_login(north.admin)
    page = client.get(reverse("incidents:records")).content.decode()
    assert reverse("incidents:linking_model", args=[north.area.slug]) in page
    assert reverse("incidents:linking_model", args=[south.area.slug]) not in page
