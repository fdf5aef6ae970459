"""§5.5: closing never cuts an appeal short. Only the applicant's (or, where someone applied
for a victim, the victim's) own request may end a case whose letter can still be appealed, or
whose appeal waits; any other "withdrawal" is the officer ending the case, and is refused with
a message that says when it can be ended and points to closing. (From a legal review.)"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from appeals import lodging
from appeals.models import Appeal
from tests.appeals.helpers import lodge, not_met_case, outcome_sent_case
from triggers.closing import services as closing
from triggers.models import Case, Letter, WithdrawalReason
from triggers.selectors import appeal_window_end
from triggers.workflow import Status

pytestmark = pytest.mark.django_db


def withdraw(case, reason, by, details=""):
    return closing.withdraw_case(case, closing.WithdrawalData(reason, details), by=by)


def test_officer_cannot_end_a_case_during_its_appeal_window_by_withdrawing_it(north):
    case = outcome_sent_case(north)
    assert lodging.appealable(case) is not None  # the window is open
    # The applicant never asked. The officer "withdraws" it anyway.
    with pytest.raises(closing.ClosingRefused, match="close the case") as refused:
        withdraw(case, WithdrawalReason.BEHAVIOUR_STOPPED, north.officer)
    end = appeal_window_end(case)
    assert f"{end.day} {end:%B %Y}" in str(refused.value)  # when it can be ended
    case.refresh_from_db()
    assert case.status in closing.CLOSABLE
    assert not case.letters.filter(kind=Letter.Kind.WITHDRAWAL).exists()


def test_officer_cannot_kill_a_waiting_appeal_for_no_contact(north):
    case = not_met_case(north)
    appeal = lodge(case)
    with pytest.raises(closing.ClosingRefused, match="appeal is waiting"):
        withdraw(case, WithdrawalReason.NO_CONTACT, north.officer)
    with pytest.raises(closing.ClosingRefused, match="appeal is waiting"):
        withdraw(case, WithdrawalReason.OTHER, north.officer, details="Tidying up.")
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.LODGED
    assert Case.objects.get(pk=case.pk).status == Status.APPEALED


def test_a_not_met_case_within_its_window_is_refused_and_closes_by_itself(north):
    case = not_met_case(north)
    with pytest.raises(closing.ClosingRefused, match="closes by itself"):
        withdraw(case, WithdrawalReason.BEHAVIOUR_STOPPED, north.officer)


def test_a_letter_still_waiting_for_the_post_has_not_started_its_window(north):
    case = not_met_case(north)
    case.letters.filter(kind=Letter.Kind.THRESHOLD_DECISION).update(awaiting_delivery=True)
    with pytest.raises(closing.ClosingRefused, match="has not started"):
        withdraw(case, WithdrawalReason.NO_CONTACT, north.officer)


def test_the_applicant_may_withdraw_while_their_appeal_waits_as_their_choice(north):
    case = not_met_case(north)
    appeal = lodge(case)
    withdraw(case, WithdrawalReason.APPLICANT_ASKED, north.officer, details="They moved.")
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.WITHDRAWN
    event = case.events.get(summary__contains="withdrawn with the case")
    assert "The applicant asked to withdraw: They moved." in event.reasons


def test_the_victim_may_withdraw_where_someone_applied_for_them(north):
    case = outcome_sent_case(north)
    with pytest.raises(closing.ClosingRefused, match="Nobody applied for someone else"):
        withdraw(case, WithdrawalReason.VICTIM_ASKED, north.officer)
    Case.objects.filter(pk=case.pk).update(on_behalf=True, victim_consent=True)
    withdraw(case, WithdrawalReason.VICTIM_ASKED, north.officer)
    case.refresh_from_db()
    assert case.status == Status.WITHDRAWN
    assert case.withdrawal_reason == WithdrawalReason.VICTIM_ASKED


def test_the_officer_may_end_the_case_once_nothing_can_be_appealed(north):
    case = not_met_case(north)
    long_ago = timezone.now() - timedelta(days=120)
    case.letters.update(sent_at=long_ago, served_on=long_ago.date())
    withdraw(case, WithdrawalReason.NO_CONTACT, north.officer)
    assert Case.objects.get(pk=case.pk).status == Status.WITHDRAWN


def test_the_form_shows_the_refusal_in_its_error_summary(client, north):
    case = outcome_sent_case(north)
    client.force_login(north.officer)
    url = reverse("case_withdraw", args=[north.area.slug, case.reference])
    page = client.get(url).content.decode()
    assert "The person affected asked to withdraw" not in page  # nobody applied for them
    response = client.post(url, {"reason": "behaviour_stopped"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and "close the case" in html
    assert not client.session.get(f"withdrawal:{case.pk}")
    assert client.post(url, {"reason": "applicant_asked"}).status_code == 302


def test_the_check_page_refuses_on_the_form_when_an_appeal_came_in_meanwhile(client, north):
    case = not_met_case(north)
    long_ago = timezone.now() - timedelta(days=120)
    case.letters.update(sent_at=long_ago, served_on=long_ago.date())
    client.force_login(north.officer)
    args = [north.area.slug, case.reference]
    assert (
        client.post(reverse("case_withdraw", args=args), {"reason": "no_contact"}).status_code
        == 302
    )
    lodge(case, late_reason="I was in hospital.", by=north.officer)  # late, accepted
    response = client.post(reverse("case_withdraw_check", args=args))
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and "appeal is waiting" in html
    assert Case.objects.get(pk=case.pk).status == Status.APPEALED
