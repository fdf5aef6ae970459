"""The eligibility engine's sentences in the page's language (issue #19).

The engine is pure (triggers/eligibility.py): it is handed `Words`, and these are Django's
gettext and the month names of the active language, read when the words are written, so a
finding is worded in the language of the page (or letter) that shows it.
"""

from django.utils.dates import MONTHS
from django.utils.translation import gettext, ngettext

from triggers.eligibility_reasons import Words


def words() -> Words:
    """Words for the active language: Welsh on a Welsh page, English elsewhere."""
    months = tuple(str(MONTHS[n]) for n in range(1, 13))
    return Words(gettext=gettext, ngettext=ngettext, months=months)
