"""What this app tells the layers above it, without importing them.

`records_imported` is sent inside the import's transaction, with `area` and `feed`: the case
stages (triggers.proactive) link the area afresh and look for possible case reviews once it
commits.

`records_expired` is sent inside each area's retention transaction, with `area` and `today`,
after that night's expired records are deleted: what the layers above made from the records
(possible case reviews) goes with them, in the same transaction.
"""

from django.dispatch import Signal

records_imported = Signal()
records_expired = Signal()
