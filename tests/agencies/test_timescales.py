"""An area's timescales fit together (DOMAIN.md §5.10): the victim's consultation ends before
the outcome is due, and no window is zero. Refused in the model, the admin and the database."""

import importlib

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from agencies.models import TIMESCALES, Area
from tests.factories import AreaFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_defaults_leave_the_victim_time_before_the_outcome_is_due():
    area = Area()
    assert (area.outcome_days, area.consultation_days) == (10, 5)
    assert area.consultation_days < area.outcome_days


def test_a_consultation_as_long_as_the_outcome_timescale_is_refused():
    area = AreaFactory.build(outcome_days=5, consultation_days=5)
    with pytest.raises(ValidationError) as refused:
        area.clean()
    assert "must end before the outcome is due" in str(refused.value.message_dict)


@pytest.mark.parametrize("name", TIMESCALES)
def test_a_window_of_zero_is_refused(name):
    area = AreaFactory.build(**{name: 0})
    with pytest.raises(ValidationError) as refused:
        area.clean()
    assert name in refused.value.message_dict


def test_the_admin_form_shows_the_message(rf: RequestFactory):
    area = AreaFactory()
    admin = site._registry[Area]
    request = rf.get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    form_class = admin.get_form(request, area)
    data = {f: getattr(area, f) for f in form_class.base_fields if hasattr(area, f)}
    data.update(force_area=area.force_area_id, outcome_days=5, consultation_days=7)
    data = {k: v for k, v in data.items() if v is not None}
    form = form_class(data, instance=area)
    assert not form.is_valid()
    assert "must end before the outcome is due" in str(form.errors["consultation_days"])


def test_the_database_refuses_an_impossible_policy_too():
    area = AreaFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Area.objects.filter(pk=area.pk).update(consultation_days=10, outcome_days=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        Area.objects.filter(pk=area.pk).update(appeal_window_days=0)


def test_the_data_migration_moves_areas_to_coherent_values():
    migration = importlib.import_module("agencies.migrations.0003_coherent_timescales")
    old_default = dict.fromkeys(TIMESCALES, 20) | {"outcome_days": 5, "consultation_days": 5}
    assert migration.coherent(old_default)["outcome_days"] == 10
    odd = migration.coherent({"outcome_days": 12, "consultation_days": 12, "acknowledge_days": 0})
    assert odd["outcome_days"] == 13 and odd["acknowledge_days"] == 5
    for policy in (old_default, odd):
        AreaFactory.build(**migration.coherent(policy)).clean()  # nothing refused
    assert set(migration.DEFAULTS) == set(TIMESCALES)
