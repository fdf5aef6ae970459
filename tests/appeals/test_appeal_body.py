"""Who hears appeals is the area's choice (DOMAIN.md §5.7), and a PCC review of a
"threshold not met" decision is its own kind, heard by the PCC and counted apart."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agencies.models import Area, RoleAssignment
from appeals import decisions, lodging, selectors
from appeals.models import Appeal
from notifications.models import Message
from tests.factories import user_with_role
from triggers.workflow import Status

from .helpers import findings, lodge, not_met_case, outcome_sent_case

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def with_panel(side, name="The Northern Appeal Panel"):
    """The side's area hears its appeals by an independent panel with one member."""
    Area.objects.filter(pk=side.area.pk).update(
        appeal_body=Area.AppealBody.INDEPENDENT_PANEL, appeal_panel_name=name
    )
    side.area.refresh_from_db()
    side.panel = user_with_role(
        Role.APPEAL_PANEL, area=side.area, email=f"panel@{side.area.slug}.example.org"
    )
    return side


def not_upheld(appeal):
    return decisions.DecisionData(upheld=False, reasons="r", findings=findings(appeal, False))


def test_a_panel_area_sends_its_appeal_to_its_panel_member(client, north):
    with_panel(north)
    appeal = lodge(not_met_case(north))
    assert appeal.body == Area.AppealBody.INDEPENDENT_PANEL
    assert appeal.body_name == "The Northern Appeal Panel"
    assert appeal.status_label == "Awaiting the appeal panel's decision"
    told = Message.objects.filter(topic="Appeal to decide").values_list("to_address", flat=True)
    assert list(told) == [north.panel.email]  # not the PCC's officers
    received = Message.objects.get(topic="Appeal received")
    assert "The Northern Appeal Panel" in received.body
    client.force_login(north.panel)
    assert appeal.case.reference in client.get(reverse("appeals:list")).content.decode()
    page = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert reverse("appeals:decide", args=[appeal.pk]) in page
    decided = decisions.decide_appeal(appeal, not_upheld(appeal), by=north.panel)
    assert decided.status == Appeal.Status.NOT_UPHELD
    decided_notice = Message.objects.get(topic="Appeal decided", to_address=north.officer.email)
    assert decided_notice.body.startswith("The Northern Appeal Panel has decided the appeal")


def test_the_pcc_cannot_decide_a_panel_appeal_but_counts_it(client, north):
    with_panel(north)
    appeal = lodge(not_met_case(north))
    with pytest.raises(lodging.AppealRefused, match="Only The Northern Appeal Panel decides"):
        decisions.decide_appeal(appeal, not_upheld(appeal), by=north.pcc_officer)
    client.force_login(north.pcc_officer)
    assert client.get(reverse("appeals:decide", args=[appeal.pk])).status_code == 404
    assert client.get(reverse("appeals:detail", args=[appeal.pk])).status_code == 404
    assert selectors.figures(north.pcc_officer)["totals"]["total"] == 1


def test_a_panel_member_of_another_area_gets_404(client, north, south):
    with_panel(north)
    with_panel(south, name="The Southern Panel")
    appeal = lodge(not_met_case(north))
    client.force_login(south.panel)
    for name in ("appeals:detail", "appeals:decide"):
        assert client.get(reverse(name, args=[appeal.pk])).status_code == 404
    assert appeal.case.reference not in client.get(reverse("appeals:list")).content.decode()
    with pytest.raises(lodging.AppealRefused):
        decisions.decide_appeal(appeal, not_upheld(appeal), by=south.panel)


def test_a_pcc_area_keeps_the_pcc_and_its_name(north):
    appeal = lodge(not_met_case(north))
    assert appeal.body == Area.AppealBody.PCC_OFFICE and appeal.body_name == north.pcc.name
    assert appeal.status_label == "Awaiting the PCC's decision"
    assert selectors.deciders(appeal) == [north.pcc_officer]


def test_a_pcc_review_goes_to_the_pcc_even_where_a_panel_hears_appeals(north):
    with_panel(north)
    case = not_met_case(north)
    assert lodging.appealable(case).kinds == [Appeal.Kind.APPEAL, Appeal.Kind.PCC_REVIEW]
    review = lodge(case, kind=Appeal.Kind.PCC_REVIEW)
    assert review.kind == Appeal.Kind.PCC_REVIEW and review.body == Area.AppealBody.PCC_OFFICE
    assert case.events.filter(summary__startswith="PCC review lodged").exists()
    with pytest.raises(lodging.AppealRefused):
        decisions.decide_appeal(review, not_upheld(review), by=north.panel)
    decisions.decide_appeal(review, not_upheld(review), by=north.pcc_officer)
    assert lodging.appealable(case) is None  # one request per decision


def test_a_pcc_review_only_of_a_threshold_not_met_letter(north):
    case = outcome_sent_case(north)
    assert lodging.appealable(case).kinds == [Appeal.Kind.APPEAL]
    with pytest.raises(lodging.AppealRefused, match="only of a decision that the threshold"):
        lodge(case, kind=Appeal.Kind.PCC_REVIEW)
    assert not case.appeals.exists()


def test_pcc_reviews_are_counted_apart_from_appeals(client, north, south):
    from figures import selectors as figures
    from figures.periods import year_of
    from figures.timeliness import timeliness

    review = lodge(not_met_case(north), kind=Appeal.Kind.PCC_REVIEW)
    review = decisions.decide_appeal(review, not_upheld(review), by=north.pcc_officer)
    lodge(not_met_case(north))  # an ordinary appeal, waiting
    counted = selectors.figures(north.pcc_officer)
    assert counted["totals"]["total"] == 1 and counted["totals"]["decided"] == 0
    assert counted["pcc_reviews"]["total"] == 1 and counted["pcc_reviews"]["decided"] == 1
    year = year_of(review.decided_at.date())
    assert figures.appeal_outcomes([north.area.pk], year)[north.area.pk].decided == 0
    assert figures.pcc_reviews([north.area.pk], year)[north.area.pk] == figures.PccReviews(
        lodged=1, decided=1, upheld=0
    )
    decided_in_time = timeliness([north.area], year)["appeal_decided"][north.area.pk]
    assert decided_in_time.completed == 0  # the PCC review is not an appeal decided
    client.force_login(north.pcc_officer)
    page = client.get(reverse("appeals:figures")).content.decode()
    assert "PCC reviews of" in page
    dashboard = client.get(reverse("figures:dashboard")).content.decode()
    assert "PCC reviews of threshold decisions" in dashboard


def test_the_applicant_page_explains_both_routes_and_lodges_a_pcc_review(client, north):
    case = not_met_case(north)
    client.get(reverse("track:open", args=[case.token]))
    page = client.get(reverse("appeals:track_lodge")).content.decode()
    assert "two ways to have this decision looked at again" in page
    assert "Ask the Police and Crime Commissioner to review" in page
    response = client.post(
        reverse("appeals:track_lodge"),
        {"kind": "pcc_review", "grounds": ["other"], "explanation": "Please look again."},
    )
    assert response.status_code == 302
    assert case.appeals.get().kind == Appeal.Kind.PCC_REVIEW


def test_an_outcome_letter_offers_only_the_appeal(client, north):
    case = outcome_sent_case(north)
    client.get(reverse("track:open", args=[case.token]))
    page = client.get(reverse("appeals:track_lodge")).content.decode()
    assert "two ways" not in page and 'name="kind"' not in page
    assert case.status in (Status.OUTCOME_SENT, Status.ACTIONS_IN_PROGRESS)
