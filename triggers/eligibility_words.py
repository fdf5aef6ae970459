"""The eligibility engine's sentences in the page's language (issue #19).

The engine is pure (triggers/eligibility.py): it is handed `Words`, and these are Django's
gettext and the month names of the active language, read when the words are written, so a
finding is worded in the language of the page (or letter) that shows it.

`wording()` is the other way round, for what is kept: the engine's sentences as
`agencies.wording.Wording` (the catalogue's English and its places), stored once in a case's
history and said later in each reader's language, from the same sentences.
"""

import re

from django.utils.dates import MONTHS
from django.utils.translation import gettext, ngettext

from agencies.wording import Wording
from triggers.eligibility_reasons import Words


def words() -> Words:
    """Words for the active language: Welsh on a Welsh page, English elsewhere."""
    months = tuple(str(MONTHS[n]) for n in range(1, 13))
    return Words(gettext=gettext, ngettext=ngettext, months=months)


# The joint of sentences said one after another (`Wording.joined`): its places alone.
_JOINT = re.compile(r"(?:%\(p\d+\)s)+")


def _parts(words) -> list:
    if isinstance(words, Wording) and _JOINT.fullmatch(words.msgid):
        return list(words.params.values())
    return [words]


class _Sentence(Wording):
    """One of the engine's sentences, kept: the engine fills its places with `%` and puts
    sentences one after another with `+`, which is all it does with its words."""

    def __mod__(self, places: dict) -> Wording:
        texts = self.msgid + self.plural
        used = {name: value for name, value in places.items() if f"%({name})s" in texts}
        return _Sentence(self.msgid, plural=self.plural, **{**self.params, **used})

    def __add__(self, other) -> Wording:
        return _Sentence.joined(*_parts(self), *_parts(other), sep="")

    def __radd__(self, other) -> Wording:
        return _Sentence.joined(*_parts(other), *_parts(self), sep="")


def _plural(singular: str, plural: str, count: int) -> Wording:
    return _Sentence(singular, plural=plural, count=count)


class _Kept(Words):
    __slots__ = ()

    def date(self, day):
        # Kept as the date: a `Wording` says it the GOV.UK way ("1 Ebrill 2026" in Welsh),
        # as `words()` does.
        return day


_KEPT = _Kept(gettext=_Sentence, ngettext=_plural)


def wording() -> Words:
    """Words that make the engine's answers `Wording`s to keep (a case's history): pass them
    where `words()` goes (`eligibility.explain(decision, wording())`,
    `finding.reason_in(wording())`). Their English is the engine's, word for word."""
    return _KEPT
