"""What this app tells the layers above it, without importing them.

`records_imported` is sent inside the import's transaction, with `area` and `feed`: the case
stages (triggers.proactive) link the area afresh and look for possible case reviews once it
commits.
"""

from django.dispatch import Signal

records_imported = Signal()
