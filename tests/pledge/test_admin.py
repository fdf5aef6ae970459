"""Platform admins change the questionnaire only by copying a version, editing the draft and
publishing it; a published version cannot be edited."""

from django.urls import reverse

from agencies.models import User
from pledge.models import Question, QuestionnaireVersion


def superuser():
    return User.objects.create_superuser("platform@example.org", "pw", full_name="Platform")


def test_published_version_is_read_only_and_a_copy_is_editable(client, questionnaire):
    client.force_login(superuser())
    question = questionnaire.questions.get(code="staff-training")
    url = reverse("admin:pledge_question_change", args=[question.pk])
    assert 'name="text"' not in client.get(url).content.decode()  # shown read-only
    assert client.post(url, {"text": "Changed", "code": "staff-training"}).status_code == 403

    changelist = reverse("admin:pledge_questionnaireversion_changelist")
    client.post(changelist, {"action": "copy_into_draft", "_selected_action": [questionnaire.pk]})
    draft = QuestionnaireVersion.objects.get(number=questionnaire.number + 1)
    assert not draft.is_published and draft.questions.count() == questionnaire.questions.count()
    copy = draft.questions.get(code="staff-training")
    page = client.get(reverse("admin:pledge_question_change", args=[copy.pk]))
    assert page.status_code == 200 and 'name="text"' in page.content.decode()

    client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    questionnaire.refresh_from_db()
    assert draft.is_current and not questionnaire.is_current
    assert Question.objects.filter(version=questionnaire).count() == draft.questions.count()
