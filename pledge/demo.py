"""The PLEDGE in the Merseyside demo: Liverpool has submitted a self-assessment and signed;
Knowsley has a draft under way.

Safe to run again: an area that already has an assessment is left as it is.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from agencies.models import Area, User

from . import services
from .models import Assessment
from .selectors import Organisation

# Liverpool's gaps beyond those its portal figures show: good practice still to improve (the
# law is met, so it can sign).
LIVERPOOL_GAPS = {
    "community-awareness": "partly",
    "accessible-formats": "partly",
    "independent-chairs": "no",
    "lessons-shared": "no",
}
KNOWSLEY_STARTED = {"procedure-published": "yes", "dissatisfied-route": "yes"}


@transaction.atomic
def load() -> None:
    liverpool = Area.objects.filter(slug="liverpool").first()
    knowsley = Area.objects.filter(slug="knowsley").first()
    if liverpool and not Assessment.objects.filter(area=liverpool).exists():
        _signed(liverpool)
    if knowsley and not Assessment.objects.filter(area=knowsley).exists():
        admin = _admin(knowsley)
        draft = services.start_assessment(Organisation(area=knowsley), by=admin)
        _answer(draft, KNOWSLEY_STARTED, default=None, by=admin)


def _admin(area: Area) -> User:
    return User.objects.get(email=f"admin.{area.slug}@example.org")


def _signed(area: Area) -> None:
    admin = _admin(area)
    organisation = Organisation(area=area)
    assessment = services.start_assessment(organisation, by=admin)
    _answer(assessment, LIVERPOOL_GAPS, default="yes", by=admin)
    services.submit_assessment(assessment, by=admin)
    services.update_improvement(
        assessment.improvements.get(question__code="independent-chairs"),
        owner="Community Safety Partnership manager",
        target_date=timezone.localdate() + timedelta(days=120),
        done=False,
        by=admin,
    )
    services.sign_pledge(
        organisation,
        signatory_name="Jo Demo",
        job_title="Chief Executive (fictional)",
        procedure_url=f"https://{area.slug}.example.org/asb-case-review",
        by=admin,
    )


def _answer(assessment, values: dict[str, str], *, default: str | None, by) -> None:
    data = {}
    for answer in assessment.answers.select_related("question"):
        # Where the portal's figures suggest an answer, the demo organisation agrees with them.
        value = values.get(answer.question.code) or answer.prefilled_value or default
        if value:
            data[answer.question.code] = services.AnswerData(value=value, note="Demo answer.")
    services.save_answers(assessment, data, by=by)
