"""Assessments, the improvement plan, questionnaire versions and the signing rule."""

import pytest

from pledge import questionnaire as versions
from pledge import services
from pledge.models import Answer, Assessment, ImprovementItem, Question, Signature
from pledge.selectors import Organisation, results

from .conftest import answer_all, legal_codes, submitted

SIGNER = {"signatory_name": "Ann Lee", "job_title": "Chief Executive"}
PROCEDURE = "https://north.example.org/asb-case-review"


@pytest.fixture
def org(north, questionnaire):
    return Organisation(area=north.area)


def test_the_questionnaire_has_six_commitments_and_both_kinds_of_question(questionnaire):
    letters = "".join(questionnaire.sections.values_list("letter", flat=True))
    assert letters == "PLEDGE"
    assert legal_codes(questionnaire) == {
        "procedure-published",
        "threshold",
        "single-point-of-contact",
        "all-relevant-bodies",
        "data-published",
        "dissatisfied-route",
        "housing-co-opted",
        "pcc-consulted",
        "housing-providers-consulted",
        "procedure-reviewed",
        "no-stricter-conditions",
    }
    keys = set(
        questionnaire.questions.exclude(evidence_key="").values_list("evidence_key", flat=True)
    )
    assert {"data_published", "victims_invited", "victim_consulted_on_plan"} <= keys


def test_start_creates_one_answer_per_question_on_the_current_version(org, north, questionnaire):
    assessment = services.start_assessment(org, by=north.admin)
    assert assessment.version == questionnaire
    assert assessment.answers.count() == questionnaire.questions.count()
    with pytest.raises(services.AssessmentRefused, match="already a draft"):
        services.start_assessment(org, by=north.admin)


def test_submit_refuses_unanswered_questions_and_names_them(org, north):
    assessment = services.start_assessment(org, by=north.admin)
    with pytest.raises(services.AssessmentRefused) as refused:
        services.submit_assessment(assessment, by=north.admin)
    assert "staff-training" in refused.value.errors
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT


def test_departing_from_the_portals_figure_needs_a_note(org, north):
    assessment = services.start_assessment(org, by=north.admin)
    threshold = assessment.answers.get(question__code="threshold")
    assert threshold.prefilled_value == "yes"
    with pytest.raises(services.AssessmentRefused) as refused:
        services.save_answers(
            assessment, {"threshold": services.AnswerData(value="partly")}, by=north.admin
        )
    assert refused.value.errors == {"threshold": services.OVERRIDE_MESSAGE}
    services.save_answers(
        assessment,
        {"threshold": services.AnswerData(value="partly", override_note="Not yet in the policy.")},
        by=north.admin,
    )
    threshold.refresh_from_db()
    assert (threshold.value, threshold.override_note) == ("partly", "Not yet in the policy.")


def test_the_plan_has_one_item_per_gap_with_the_questions_action(org, north):
    assessment = submitted(
        org, by=north.admin, staff_training="no", templates="partly", independent_chairs="n/a"
    )
    items = list(assessment.improvements.select_related("question"))
    assert [i.question.code for i in items] == ["staff-training", "templates"]
    training = Question.objects.get(version=assessment.version, code="staff-training")
    assert items[0].action == training.suggested_action
    assert all(i.status == ImprovementItem.Status.OPEN for i in items)


def test_an_improvement_is_given_an_owner_and_date_and_tracked_to_done(org, north):
    from datetime import date

    assessment = submitted(org, by=north.admin, staff_training="no")
    item = assessment.improvements.get()
    services.update_improvement(
        item,
        owner="Head of community safety",
        target_date=date(2027, 3, 31),
        done=True,
        by=north.admin,
    )
    item.refresh_from_db()
    assert item.owner == "Head of community safety" and item.status == "done" and item.done_at


def test_old_assessment_keeps_its_own_version_after_a_new_one_is_published(org, north):
    old = submitted(org, by=north.admin)
    draft = versions.copy_version(old.version)
    question = draft.questions.get(code="staff-training")
    question.text = "Are all front-line staff trained every year?"
    question.save()
    draft.questions.filter(code="lessons-shared").delete()
    versions.publish_version(draft)

    old.refresh_from_db()
    old.version.refresh_from_db()
    assert not old.version.is_current and old.version.is_published
    sections, result = results(old)
    texts = [a.question.text for s in sections for a in s.answers]
    assert "Are staff who handle ASB reports and case reviews trained in the case review?" in texts
    assert any(a.question.code == "lessons-shared" for s in sections for a in s.answers)
    assert result.overall.percent == 100

    new = services.start_assessment(org, by=north.admin)
    assert new.version == draft
    new_codes = set(new.answers.values_list("question__code", flat=True))
    assert "lessons-shared" not in new_codes


def test_a_published_version_cannot_be_published_again(questionnaire):
    with pytest.raises(versions.VersionFrozen):
        versions.publish_version(questionnaire)


def test_signing_is_refused_until_every_legal_question_is_yes(org, north):
    with pytest.raises(services.SigningRefused, match="Submit a self-assessment"):
        services.sign_pledge(org, **SIGNER, procedure_url=PROCEDURE, by=north.admin)
    submitted(org, by=north.admin, threshold="no", dissatisfied_route="partly", staff_training="no")
    with pytest.raises(services.SigningRefused) as refused:
        services.sign_pledge(org, **SIGNER, procedure_url=PROCEDURE, by=north.admin)
    assert {q.code for q in refused.value.unmet} == {"threshold", "dissatisfied-route"}
    assert not Signature.objects.exists()


def test_signing_on_a_submitted_assessment_with_the_law_met(org, north):
    assessment = submitted(org, by=north.admin, staff_training="no")  # good practice gap: fine
    with pytest.raises(services.SigningRefused, match="https://"):
        services.sign_pledge(
            org, **SIGNER, procedure_url="http://north.example.org/cr", by=north.admin
        )
    signature = services.sign_pledge(org, **SIGNER, procedure_url=PROCEDURE, by=north.admin)
    assert signature.assessment == assessment and signature.area == north.area
    assert signature.procedure_url == PROCEDURE
    with pytest.raises(services.SigningRefused, match="already signed"):
        services.sign_pledge(org, **SIGNER, procedure_url=PROCEDURE, by=north.admin)


def test_a_draft_does_not_count_for_signing(org, north):
    assessment = services.start_assessment(org, by=north.admin)
    answer_all(assessment, "yes", by=north.admin)
    with pytest.raises(services.SigningRefused, match="Submit"):
        services.sign_pledge(org, **SIGNER, procedure_url=PROCEDURE, by=north.admin)
    assert Answer.objects.filter(assessment=assessment, value="yes").count() > 0


def test_partner_agency_assesses_without_prefill(north, questionnaire):
    org = Organisation(agency=north.police)
    assessment = services.start_assessment(org, by=north.responder)
    assert assessment.agency == north.police and assessment.area is None
    assert not assessment.answers.exclude(prefilled_value="").exists()
