"""Evidence from the portal: each suggestion matches the figures of cases built through the
services, and starting an assessment pre-fills it with the figure behind it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agencies.models import AreaMembership
from pledge import evidence, services
from pledge.selectors import Organisation
from tests.factories import AgencyFactory, MembershipFactory, complaint_data, make_case
from triggers import history
from triggers.models import ThresholdDecision
from triggers.reviews import involvement as reviews_involvement
from triggers.reviews import services as reviews_services
from triggers.threshold import services as threshold_services


def test_threshold_setting_shows_the_areas_policy(north):
    found = evidence.suggest("threshold_setting", north.area)
    assert found == evidence.Evidence(
        "yes", "Threshold set to 3 complaints in 6 months; hate incident 1"
    )
    north.area.complaint_threshold, north.area.hate_incident_threshold = 2, None
    assert evidence.suggest("threshold_setting", north.area).figure == (
        "Threshold set to 2 complaints in 6 months; no hate incident route"
    )


def test_single_point_of_contact_needs_a_name_and_a_way_to_reach_them(north):
    area = north.area
    area.spoc_name, area.spoc_email, area.spoc_phone = "", "", ""
    assert evidence.suggest("single_point_of_contact", area).answer == "no"
    area.spoc_email = "asb@north.example.org"
    assert evidence.suggest("single_point_of_contact", area).answer == "partly"
    area.spoc_name = "Jo Bloggs"
    found = evidence.suggest("single_point_of_contact", area)
    assert found.answer == "yes" and "Jo Bloggs, asb@north.example.org" in found.figure


def test_housing_providers_co_opted(north):
    assert evidence.suggest("housing_co_opted", north.area).answer == "no"
    homes = AgencyFactory(slug="north-homes", name="North Homes", kind="housing")
    MembershipFactory(area=north.area, agency=homes, role=AreaMembership.Role.CO_OPTED_HOUSING)
    found = evidence.suggest("housing_co_opted", north.area)
    assert found == evidence.Evidence("yes", "1 housing provider co-opted: North Homes")


def test_channels_counted_over_the_last_twelve_months(north):
    old = timezone.now() - timedelta(days=400)
    make_case(
        north.area,
        channel="paper",
        received_at=old,
        complaints=[complaint_data(d) for d in (500, 450, 420)],
    )
    found = evidence.suggest("several_channels", north.area)
    assert found == evidence.Evidence("partly", "Applications in the last 12 months: online 1")
    make_case(north.area, channel="phone")
    found = evidence.suggest("several_channels", north.area)
    assert found == evidence.Evidence(
        "yes", "Applications in the last 12 months: online 1, phone 1"
    )


def test_no_cases_means_no_suggestion_on_channels(south):
    from triggers.models import Case

    Case.objects.filter(area=south.area).delete()
    assert evidence.suggest("several_channels", south.area) is None


def test_relevant_bodies_share_counts_every_application(north):
    """Not-met applications count too: each must reach every body on receipt (s104(3)(b))."""
    assert evidence.suggest("relevant_bodies_notified", north.area) == evidence.Evidence(
        "yes", "1 of 1 applications in the last 12 months reached every relevant body (100%)"
    )
    threshold_services.decide_threshold(
        north.case,
        "not_met",
        by=north.officer,
        reasons="The address is in the next borough.",
        refusal_reason=ThresholdDecision.RefusalReason.OUTSIDE_AREA,
    )
    icb = AgencyFactory(slug="north-icb", name="North ICB", kind="health")
    MembershipFactory(area=north.area, agency=icb)  # the first case never reached it
    make_case(north.area)
    assert evidence.suggest("relevant_bodies_notified", north.area) == evidence.Evidence(
        "no", "1 of 2 applications in the last 12 months reached every relevant body (50%)"
    )


def test_timescales_met_from_the_stored_deadlines(north):
    late = make_case(
        north.area,
        received_at=timezone.now() - timedelta(days=40),
        complaints=[complaint_data(d) for d in (100, 80, 60)],
    )
    threshold_services.acknowledge(north.case, by=north.officer)
    threshold_services.decide_threshold(north.case, "met", by=north.officer)
    assert late.acknowledge_due < timezone.localdate()
    found = evidence.suggest("timescales_met", north.area)
    assert found == evidence.Evidence(
        "no",
        "Acknowledged in time: 1 of 2; threshold decided in time: 1 of 2 (last 12 months)",
    )
    history.transition(late, "withdrawn", by=north.officer)
    assert evidence.suggest("timescales_met", north.area).answer == "yes"


def test_keys_without_a_provider_give_no_suggestion(north):
    for key in ("victims_invited", "victim_consulted_on_plan", "", "no-such-key"):  # no data
        assert evidence.suggest(key, north.area) is None


@pytest.mark.django_db
def test_starting_an_assessment_prefills_the_portals_figures(north, questionnaire):
    threshold_services.decide_threshold(north.case, "met", by=north.officer)
    assessment = services.start_assessment(Organisation(area=north.area), by=north.admin)
    answers = {a.question.code: a for a in assessment.answers.select_related("question")}
    assert answers["threshold"].value == "yes"
    assert answers["threshold"].prefilled_from == (
        "Threshold set to 3 complaints in 6 months; hate incident 1"
    )
    assert answers["all-relevant-bodies"].prefilled_value == "yes"
    assert answers["housing-co-opted"].prefilled_value == "no"
    assert answers["data-published"].prefilled_value == "no"  # nothing published yet
    assert answers["staff-training"].value == ""


def _reviewed_case(north, *, victim_chose: bool):
    from tests.triggers.reviews.test_review import review_data, schedule
    from triggers.models import Case, VictimInvolvement

    case = make_case(north.area)
    threshold_services.decide_threshold(case, "met", by=north.officer)
    schedule(north, case)
    if victim_chose:
        reviews_involvement.record_involvement(
            Case.objects.get(pk=case.pk),
            reviews_involvement.InvolvementData(way=VictimInvolvement.Way.ONLINE),
        )
    return reviews_services.record_review(
        Case.objects.get(pk=case.pk), review_data(north), by=north.officer
    )


@pytest.mark.django_db
def test_victims_invited_counts_reviews_where_the_victim_chose_how_to_take_part(north):
    _reviewed_case(north, victim_chose=True)
    _reviewed_case(north, victim_chose=False)
    found = evidence.suggest("victims_invited", north.area)
    assert found.answer == "no"  # 1 of 2 is below the "partly" share
    assert found.figure.startswith("The victim chose how to take part before 1 of 2 reviews")
    assert evidence.suggest("victims_invited", north.area, today=later_than_a_year()) is None


@pytest.mark.django_db
def test_victim_consulted_counts_finalised_plans_and_the_comments(north):

    commented = _reviewed_case(north, victim_chose=True)
    reviews_services.comment_on_plan(commented.case, "Weekends too, please.")
    reviews_services.finalise_plan(commented, by=north.officer)
    _reviewed_case(north, victim_chose=False)  # its plan is still a draft: not counted
    found = evidence.suggest("victim_consulted_on_plan", north.area)
    assert found.answer == "yes"
    assert found.figure == (
        "1 of 1 action plans finalised in the last 12 months were put to the victim first; "
        "the victim commented on 1"
    )


def later_than_a_year():
    return timezone.localdate() + timedelta(days=400)


@pytest.mark.django_db
def test_data_published_reads_the_areas_latest_publication(north):
    from figures.models import Publication

    assert evidence.suggest("data_published", north.area).figure == (
        "No case review figures published through the portal"
    )
    published = timezone.now() - timedelta(days=30)
    Publication.objects.create(
        area=north.area,
        period_start="2025-04-01",
        period_end="2026-03-31",
        applications_received=4,
        threshold_not_met=1,
        reviews_held=2,
        reviews_with_recommendations=1,
        published_by=north.admin,
        published_at=published,
    )
    found = evidence.suggest("data_published", north.area)
    assert found.answer == "yes"
    assert found.figure == (
        "Figures for 1 April 2025 to 31 March 2026 published on "
        f"{timezone.localdate(published):%-d %B %Y}"
    )
    assert evidence.suggest("data_published", north.area, today=later_than_a_year()).answer == "no"
