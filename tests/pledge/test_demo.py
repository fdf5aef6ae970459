"""The PLEDGE demo: Liverpool submitted and signed, Knowsley a draft; loading twice adds nothing."""

import pytest
from django.core.management import call_command

from pledge.models import Assessment, ImprovementItem, Signature

pytestmark = pytest.mark.django_db


def test_demo_gives_liverpool_a_signature_and_knowsley_a_draft_once():
    for _ in range(2):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(Assessment.objects.values_list("area__slug", "status")) == {
        ("liverpool", "submitted"),
        ("knowsley", "draft"),
    }
    signature = Signature.objects.get()
    assert signature.area.slug == "liverpool"
    assert ImprovementItem.objects.filter(assessment__area__slug="liverpool").count() >= 4
