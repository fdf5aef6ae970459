"""Appeal grounds fit the letter (DOMAIN.md §5.6): the form offers only the right ones and
the service refuses a wrong one, on both lodging paths."""

import pytest
from django.urls import reverse

from appeals import lodging
from appeals.forms import AppealForm, StaffAppealForm
from appeals.models import Appeal

from .helpers import lodge, not_met_case, outcome_sent_case

pytestmark = pytest.mark.django_db

G = Appeal.Ground


def test_each_letter_has_its_own_grounds():
    assert Appeal.grounds_for(Appeal.Decision.THRESHOLD) == [
        G.THRESHOLD_WRONGLY_REFUSED,
        G.PROCESS_NOT_FOLLOWED,
        G.INFORMATION_NOT_CONSIDERED,
        G.OTHER,
    ]
    assert Appeal.grounds_for(Appeal.Decision.OUTCOME) == [
        G.PROCESS_NOT_FOLLOWED,
        G.INFORMATION_NOT_CONSIDERED,
        G.RECOMMENDATIONS_INADEQUATE,
        G.OTHER,
    ]


def test_the_forms_offer_only_the_grounds_that_fit():
    for form_class in (AppealForm, StaffAppealForm):
        outcome = dict(form_class(decision=Appeal.Decision.OUTCOME).fields["grounds"].choices)
        assert G.THRESHOLD_WRONGLY_REFUSED not in outcome
        assert G.RECOMMENDATIONS_INADEQUATE in outcome
        threshold = dict(form_class(decision=Appeal.Decision.THRESHOLD).fields["grounds"].choices)
        assert G.THRESHOLD_WRONGLY_REFUSED in threshold
        assert G.RECOMMENDATIONS_INADEQUATE not in threshold


def test_an_outcome_appeal_is_refused_the_threshold_ground(north):
    case = outcome_sent_case(north)
    with pytest.raises(lodging.AppealRefused, match="not a reason to appeal against the outcome"):
        lodge(case, grounds=[G.THRESHOLD_WRONGLY_REFUSED, G.OTHER])
    with pytest.raises(lodging.AppealRefused, match="not a reason"):
        lodge(case, grounds=[G.THRESHOLD_WRONGLY_REFUSED], by=north.officer)
    assert not case.appeals.exists()
    appeal = lodge(case, grounds=[G.RECOMMENDATIONS_INADEQUATE])
    assert appeal.appealed_decision == Appeal.Decision.OUTCOME


def test_a_threshold_appeal_is_refused_the_recommendations_ground(north):
    case = not_met_case(north)
    with pytest.raises(lodging.AppealRefused, match="not a reason"):
        lodge(case, grounds=[G.RECOMMENDATIONS_INADEQUATE])


def test_the_staff_page_for_an_outcome_appeal_has_no_threshold_ground(client, north):
    case = outcome_sent_case(north)
    client.force_login(north.officer)
    url = reverse("appeals:record", args=[case.area.slug, case.reference])
    page = client.get(url).content.decode()
    assert "The recommendations do not address the problem" in page
    assert "The threshold was wrongly refused" not in page
