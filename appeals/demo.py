"""Demo: one Liverpool appeal awaiting the Merseyside PCC's decision.

Safe to run twice: if any appeal exists, nothing is added. Runs after triggers' demo
(INSTALLED_APPS order), which leaves a Liverpool case whose threshold was not met.
"""

from __future__ import annotations

from django.db import transaction

from triggers.models import Case
from triggers.workflow import Status

from . import lodging
from .models import Appeal


@transaction.atomic
def load() -> None:
    if Appeal.objects.exists():
        return
    case = Case.objects.filter(area__slug="liverpool", status=Status.THRESHOLD_NOT_MET).first()
    if case is None:
        return
    lodging.lodge_appeal(
        case,
        lodging.AppealData(
            grounds=[
                Appeal.Ground.THRESHOLD_WRONGLY_REFUSED,
                Appeal.Ground.INFORMATION_NOT_CONSIDERED,
            ],
            explanation=(
                "I reported the noise to the police many more times than the two reports you "
                "counted, and I kept a diary of every night it happened. Nobody asked me for it."
            ),
        ),
    )
