"""Signals of the closing stage, for the apps above triggers (dependency direction: triggers
must not import appeals)."""

from django.dispatch import Signal

# Sent by `withdraw_case` inside its transaction, before the case moves to "withdrawn", with
# `case`, `by` (the member of staff) and `reason` (in words). A receiver that raises undoes
# the withdrawal. appeals closes an appeal still waiting on the case (appeals/withdrawal.py).
case_withdrawn = Signal()
