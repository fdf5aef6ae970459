"""Questionnaire version 2: Legality covers every statutory duty (DOMAIN.md §6), new assessments
start on it, and an assessment answered on version 1 still reads against version 1."""

import pytest
from django.urls import reverse

from pledge import questionnaire as versions
from pledge import services
from pledge.models import Question, QuestionnaireVersion, Signature
from pledge.selectors import Organisation

from .conftest import submitted

NEW_DUTIES = {
    "pcc-consulted": "Schedule 4 para 1",
    "housing-providers-consulted": "Schedule 4 para 2",
    "procedure-reviewed": "Schedule 4 para 4",
    "no-stricter-conditions": "s104(1)",
}


@pytest.fixture
def org(north, questionnaire):
    return Organisation(area=north.area)


def version(number):
    return QuestionnaireVersion.objects.get(number=number)


def legality(v):
    return list(Question.objects.filter(version=v, section__letter="L"))


def test_version_2_is_current_and_its_legality_section_covers_every_duty(questionnaire):
    assert questionnaire.number == 2 and questionnaire.is_published
    questions = {q.code: q for q in legality(questionnaire)}
    for code, section in NEW_DUTIES.items():
        assert section in questions[code].help, code
    assert {"procedure-published", "data-published", "all-relevant-bodies"} <= set(questions)
    # Every Legality question is a must-meet for signing, and cites the Act.
    assert {q.kind for q in questions.values()} == {Question.Kind.LEGAL}
    assert all(q.help.startswith(("s104", "Schedule 4")) for q in questions.values())
    stricter = questions["no-stricter-conditions"].text
    assert "person who complained" in stricter and "crimes" in stricter and "three" in stricter


def test_version_1_is_kept_with_its_own_legality_questions(questionnaire):
    old = version(1)
    assert not old.is_current and old.is_published
    assert not {q.code for q in legality(old)} & set(NEW_DUTIES)


def test_loading_the_fixtures_again_keeps_version_2_current(questionnaire):
    versions.load_fixtures()
    assert QuestionnaireVersion.objects.get(is_current=True).number == 2
    assert QuestionnaireVersion.objects.count() == 2


def test_a_new_assessment_gets_version_2_with_the_new_legality_questions(org, north):
    assessment = services.start_assessment(org, by=north.admin)
    assert assessment.version.number == 2
    assert set(NEW_DUTIES) <= set(assessment.answers.values_list("question__code", flat=True))


def test_a_version_1_assessment_still_renders_its_own_questions(client, org, north, monkeypatch):
    monkeypatch.setattr(services, "current_version", lambda: version(1))
    old = submitted(org, by=north.admin)
    monkeypatch.undo()
    assert old.version.number == 1
    client.force_login(north.admin)
    page = client.get(reverse("pledge:results", args=[old.pk])).content.decode()
    assert "questionnaire version 1" in page
    assert "Are local providers of social housing co-opted" in page
    assert "Police and Crime Commissioner when you made the procedure" not in page
    # Version 1 had no such questions, so they do not stand in the way of its signature.
    assert services.signing_check(org) == old


def test_signing_is_refused_while_a_new_legality_answer_is_not_met(org, north):
    submitted(org, by=north.admin, pcc_consulted="no", no_stricter_conditions="partly")
    with pytest.raises(services.SigningRefused) as refused:
        services.signing_check(org)
    assert {q.code for q in refused.value.unmet} == {"pcc-consulted", "no-stricter-conditions"}
    assert not Signature.objects.exists()
