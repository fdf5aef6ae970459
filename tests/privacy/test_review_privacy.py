"""The review's words (the victim's statement, findings, recommendations, plan comments and
action notes) leave with the rest of the personal data, and appear in a subject access export;
what the statutory figures count stays."""

import pytest

from agencies import privacy
from tests.triggers.reviews.test_review import review_data, schedule
from triggers.models import (
    Action,
    ActionUpdate,
    Case,
    PlanComment,
    Recommendation,
    ReviewRecord,
    VictimInvolvement,
)
from triggers.reviews import actions as reviews_actions
from triggers.reviews import involvement as reviews_involvement
from triggers.reviews import services as reviews_services
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(north):
    case = north.case
    decide_threshold(case, "met", by=north.officer)
    schedule(north, case)
    reviews_involvement.record_involvement(
        Case.objects.get(pk=case.pk),
        reviews_involvement.InvolvementData(
            way=VictimInvolvement.Way.ADVOCATE,
            advocate_name="Sam Advocate",
            advocate_contact="sam@example.org",
            impact="My children cannot sleep.",
        ),
    )
    review = reviews_services.record_review(
        Case.objects.get(pk=case.pk), review_data(north), by=north.officer
    )
    reviews_services.comment_on_plan(review.case, "Please add weekend patrols near number 12.")
    reviews_services.finalise_plan(review, by=north.officer)
    reviews_services.send_outcome(review, by=north.officer)
    action = review.actions.get(owner_agency=north.police)
    reviews_actions.update_action(
        action, "Spoke to the family at number 12.", done=True, by=north.responder
    )
    return Case.objects.get(pk=case.pk)


def test_subject_access_holds_the_review_and_the_victims_words(reviewed):
    held = privacy.export_subject_access(reviewed)
    text = str(held)
    for words in (
        "Sam Advocate",
        "My children cannot sleep.",
        "Persistent noise at night.",
        "Patrol at night.",
        "Late-night patrols.",
        "Please add weekend patrols near number 12.",
        "Spoke to the family at number 12.",
    ):
        assert words in text, words


def test_anonymising_removes_the_reviews_words_and_keeps_what_is_counted(reviewed):
    privacy.remove_personal_data(reviewed)

    involvement = VictimInvolvement.objects.get(case=reviewed)
    assert (involvement.advocate_name, involvement.advocate_contact, involvement.impact) == (
        "",
        "",
        "",
    )
    review = ReviewRecord.objects.get(case=reviewed)
    assert (review.attendance, review.findings) == ("", "")
    assert set(Recommendation.objects.filter(review=review).values_list("text", flat=True)) == {""}
    assert set(Action.objects.filter(case=reviewed).values_list("description", flat=True)) == {""}
    assert set(
        ActionUpdate.objects.filter(action__case=reviewed).values_list("note", flat=True)
    ) == {""}
    assert set(PlanComment.objects.filter(review=review).values_list("text", flat=True)) == {""}
    # The statutory figures still count a review that made recommendations.
    assert review.recommendations_made and review.recommendations.count() == 1
    assert Action.objects.filter(case=reviewed, status=Action.Status.DONE).count() == 1
