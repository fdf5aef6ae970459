# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""A Welsh victim someone applied for (DOMAIN.md §5.9, §5.12) reads every email to them all in
Welsh, in the words that suit them: told who appealed when they did not, and pointed to their
own private link, never to one "sent when you applied"."""

from datetime import date
from types import SimpleNamespace

import pytest

from appeals.models import Appeal
from notifications.services import queue_email
from triggers.models import Case
from triggers.recipients import victim_of

from .test_messages import english_left, names_of

pytestmark = pytest.mark.django_db

STATUSES = {
    "appeal_received": (Appeal.Status.LODGED,),
    "appeal_decision": (Appeal.Status.UPHELD, Appeal.Status.NOT_UPHELD),
}
APPEALS = [
    (template, kind, party, status)
    for template, statuses in STATUSES.items()
    for kind in Appeal.Kind.values
    for party in Appeal.Party.values
    for status in statuses
]
LETTERS = [(template, "", "", "") for template in ("threshold_decision", "outcome")]


@pytest.fixture
def welsh_victim(cardiff):
    from tests.factories import make_case

    case = make_case(
        cardiff,
        applicant_name="Cllr Jones",
        data={
            "on_behalf": True,
            "victim_name": "Pat Victim",
            "victim_consent": True,
            "victim_consent_contact": True,
            "victim_email": "pat@example.com",
        },
    )
    Case.objects.filter(pk=case.pk).update(victim_language="cy")
    return Case.objects.select_related("area").get(pk=case.pk)


@pytest.mark.parametrize(("template", "kind", "party", "status"), [*APPEALS, *LETTERS])
def test_each_email_to_a_welsh_victim_is_all_welsh_and_theirs(
    welsh_victim, template, kind, party, status
):
    case = welsh_victim
    victim = victim_of(case)
    assert victim.language == "cy"
    appeal = Appeal(
        case=case,
        kind=kind or Appeal.Kind.APPEAL,
        party=party or Appeal.Party.APPLICANT,
        status=status or Appeal.Status.LODGED,
        appealed_decision=Appeal.Decision.THRESHOLD,
        body_name="Swyddfa’r Comisiynydd",
        decision_due=date(2026, 12, 18),
    )
    message = queue_email(
        key=f"{template}:{kind}:{party}:{status}",
        to=victim.email,
        template=template,
        context={"case": case, "recipient": victim, "appeal": appeal, "met": True},
        topic="Test",
        language=victim.language,
    )
    text = message.subject + " " + message.body
    names = (*names_of(case), "Pat Victim", "Swyddfa’r Comisiynydd")
    assert english_left(text, names=names) == [], text
    assert "Annwyl Pat Victim," in message.body
    assert "pan wnaethoch gais" not in text  # "when you applied": they did not
    if party == Appeal.Party.APPLICANT:
        assert "Cllr Jones" in message.body and "eich apêl" not in text
    elif party == Appeal.Party.VICTIM:
        assert "Cllr Jones" not in message.body


def test_the_welsh_victims_consultation_is_all_welsh(welsh_victim):
    case = welsh_victim
    victim = victim_of(case)
    message = queue_email(
        key="consultation",
        to=victim.email,
        template="plan_consultation",
        context={
            "case": case,
            "recipient": victim,
            "review": SimpleNamespace(consultation_closes=date(2026, 12, 18)),
        },
        topic="Test",
        language=victim.language,
    )
    text = message.subject + " " + message.body
    assert english_left(text, names=(*names_of(case), "Pat Victim")) == [], text
    assert "defnyddiwch y ddolen breifat a anfonwyd atoch" in message.body
