"""Each area's linking model: which parameters linking uses, when to train again, and the
threshold the area chose (issue #20).

An area links with the model shipped with the code (linking.defaults) until it has enough
records of its own to train on; then with its own, trained from its records and kept, so
its links do not move from one import to the next. It is trained again when the area has
doubled since, or a month has passed: the people and the ways they are written change.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from agencies.models import Area
from audit import services as audit

from .linking import defaults
from .models import AreaLinkModel

log = logging.getLogger(__name__)

RETRAIN_AFTER = timedelta(days=31)
RETRAIN_WHEN_GROWN = 2  # times the records it was trained on


class ThresholdRefused(ValueError):
    """A threshold outside the bounds an area may choose (the message says why)."""


def stored_model(area: Area) -> AreaLinkModel:
    stored, _ = AreaLinkModel.objects.select_for_update().get_or_create(area=area)
    return stored


def needs_training(stored: AreaLinkModel, record_count: int, now) -> bool:
    """Whether this relink should train the area's model afresh from its records."""
    if record_count < defaults.MIN_RECORDS_TO_TRAIN:
        return False  # too few to train on: the default model links them
    if not stored.parameters or stored.trained_at is None:
        return True
    grown = record_count >= RETRAIN_WHEN_GROWN * max(stored.records_trained_on, 1)
    return grown or now - stored.trained_at >= RETRAIN_AFTER


def link_with_area_model(area: Area, records, link):
    """Link `records` with the area's model (`link` is services.link_records_of), training
    and keeping a new one when due. Returns the LinkResult."""
    stored = stored_model(area)
    now = timezone.now()
    if needs_training(stored, len(records), now):
        try:
            result = link(records, model=None, threshold=stored.threshold)
        except Exception:  # a model that cannot be trained must not stop the area's linking
            log.warning("Training %s's linking model failed: the last one links", area.slug)
        else:
            if result.model:
                stored.parameters = result.model
                stored.trained_at, stored.records_trained_on = now, len(records)
                stored.save(update_fields=["parameters", "trained_at", "records_trained_on"])
            return result
    model = stored.parameters or defaults.default_model()
    return link(records, model=model, threshold=stored.threshold)


@transaction.atomic
def change_threshold(area: Area, threshold, *, by, reason: str = "") -> AreaLinkModel:
    """The area admin's choice of how sure linking must be that two records are one person.
    Takes effect at the area's next linking (after its next import)."""
    try:
        chosen = round(float(threshold), 3)
    except (TypeError, ValueError):
        raise ThresholdRefused(gettext("Enter the threshold as a number, like 0.95")) from None
    low, high = AreaLinkModel.MIN_THRESHOLD, AreaLinkModel.MAX_THRESHOLD
    if not low <= chosen <= high:
        raise ThresholdRefused(
            gettext("The threshold must be between %(low)s and %(high)s")
            % {"low": f"{low:.2f}", "high": f"{high:.2f}"}
        )
    stored = stored_model(area)
    if chosen == stored.threshold:
        return stored
    stored.threshold_history = [
        *stored.threshold_history,
        {
            "at": timezone.now().isoformat(),
            "by": getattr(by, "email", "") or str(by),
            "from": stored.threshold,
            "to": chosen,
            "reason": reason[:500],
        },
    ]
    stored.threshold = chosen
    stored.save(update_fields=["threshold", "threshold_history"])
    audit.record(
        "change",
        user=by,
        area_id=area.pk,
        object_type="linking threshold",
        object_id=f"{chosen:.2f}",
        url_name="incidents:linking_model",
    )
    return stored
