import pytest

from pledge import services
from pledge.models import Question
from pledge.questionnaire import current_version
from pledge.selectors import Organisation


@pytest.fixture
def questionnaire(db):
    """The current version (loaded by the data migration; again if a test flushed it)."""
    return current_version()


def answer_all(assessment, value="yes", *, by, **by_code):
    """Answer every question `value` (or the value given for its code), noting any override."""
    data = {}
    for answer in assessment.answers.select_related("question"):
        chosen = by_code.get(answer.question.code.replace("-", "_"), value)
        data[answer.question.code] = services.AnswerData(
            value=chosen, note="Seen in the procedure.", override_note="Checked by hand."
        )
    services.save_answers(assessment, data, by=by)
    return assessment


def submitted(organisation: Organisation, *, by, value="yes", **by_code):
    assessment = services.start_assessment(organisation, by=by)
    answer_all(assessment, value, by=by, **by_code)
    return services.submit_assessment(assessment, by=by)


def legal_codes(version):
    return set(version.questions.filter(kind=Question.Kind.LEGAL).values_list("code", flat=True))
