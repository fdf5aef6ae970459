"""Retention of possible case reviews: each goes with the incident records it came from.

A possible review copies personal data out of the bodies' records (the person's name, address,
postcode and phone), with the engine's reasons and the evidence that links the records, and,
once decided, the officer's offer letter or reasons for dismissing it. The records are kept
for the area's own period (Area.incident_retention_months) from the day each was reported,
then deleted nightly (incidents.services.delete_expired_records).

Our rule: a possible review, whatever its status, is deleted (with its earlier decisions and
its offer letter) once none of its records is left. Of the two ways to say "its records have
expired" this is the one that follows the records exactly: they are deleted one by one by
their reported date under the area's period as it stands that night, so the possible review
goes the same night as its last record, in the same transaction, and never outlives the data
it was made from (nor does a record deleted for another reason leave a copy behind). A date
kept on the possible review would drift from the records' when the area changes its period.
Nothing is kept in its place: no figure or history reads possible reviews (the statutory
figures count cases), and a person whose records are all gone cannot be matched to it again
(its key is that of the person's first record).

A started one follows the same rule (our decision). The case holds the person's details from
its start, under the case's own retention (agencies.privacy); the possible review's copy is
no more than the records hold themselves, so it goes when they go, never later. It is kept
until then because its decision (a case was held, until its closing day) is what stops
complaints the case already covered from listing the person again (returns.py).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef

from agencies.models import Area
from audit import services as audit
from triggers.models import PossibleReview


def forget_possible_reviews(area: Area) -> int:
    """Delete the area's possible reviews none of whose records is left. Run inside the
    records' retention transaction; returns how many went."""
    linked = PossibleReview.records.through.objects.filter(possiblereview_id=OuterRef("pk"))
    gone = PossibleReview.objects.filter(area=area).exclude(Exists(linked))
    letters = [p.offer_letter for p in gone.exclude(offer_letter="").only("offer_letter")]
    count = gone.count()
    if not count:
        return 0
    gone.delete()  # with its earlier decisions (cascade)
    # A file cannot be rolled back: it goes only once the rows' deletion has committed.
    transaction.on_commit(lambda: [letter.delete(save=False) for letter in letters])
    audit.record(
        "anonymise",
        area_id=area.pk,
        object_type="possible case reviews",
        object_id=f"{count}: their records all deleted",
    )
    return count


def after_records_expired(sender, area, **kwargs) -> None:
    """Receiver of incidents.signals.records_expired (sent in the same transaction)."""
    forget_possible_reviews(area)
