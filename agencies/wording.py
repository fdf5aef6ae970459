"""Times, dates and counts the GOV.UK way (style guide; issue #17): "4:47pm", "9am", "midday",
"midnight", "1 April 2026", "1 recommendation", "2 actions". No ORM, no I/O. In the active
language: Welsh pages read "4:47yh", "9yb", "canol dydd", "1 Ebrill 2026" (issue #19)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext, ngettext, pgettext


def _local(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def govuk_time(value: time | datetime | None) -> str:
    """12-hour clock, no leading zero, no ":00", "midday" and "midnight" for 12pm and 12am."""
    if value is None or value == "":
        return ""
    value = _local(value)
    if value.minute == 0 and value.hour in (0, 12):
        return pgettext("time", "midnight") if value.hour == 0 else pgettext("time", "midday")
    hour = value.hour % 12 or 12
    suffix = pgettext("time", "am") if value.hour < 12 else pgettext("time", "pm")
    if value.minute == 0:
        return f"{hour}{suffix}"
    return f"{hour}:{value.minute:02d}{suffix}"


def govuk_date(value: date | datetime | None, *, weekday: bool = False) -> str:
    """ "1 April 2026" (or "Wednesday 1 April 2026"): no leading zero, the month in full."""
    if value is None or value == "":
        return ""
    value = _local(value)
    # Django's month and day names follow the active language ("1 Ebrill 2026" in Welsh).
    return date_format(value, "l j F Y" if weekday else "j F Y")


def govuk_datetime(value: datetime | None, *, weekday: bool = False) -> str:
    """ "1 April 2026, 4:47pm"."""
    if value is None or value == "":
        return ""
    return f"{govuk_date(value, weekday=weekday)}, {govuk_time(value)}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 action", "2 actions", "0 actions": the count and the right word, never "action(s)"."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"


# Names that start with a common noun read "the Office of…" inside a sentence.
NEEDS_THE = ("office of ", "police and crime commissioner", "office for ")


def in_sentence(name: str) -> str:
    if name.lower().startswith(NEEDS_THE):
        return f"the {name}"
    return name


class Term(str):
    """An English word or label that has an entry in the catalogue (a status, a way of taking
    part): said in the reader's language, lower-cased when it sits inside a sentence."""

    def __new__(cls, text: str, *, lower: bool = False):
        with translation.override("en"):  # a lazy label gives its English, the msgid
            term = super().__new__(cls, str(text))
        term.lower_case = lower
        return term


def said(label) -> str:
    """A label defined in English (a choice's label, lazy or not; a letter's title) in the
    active language, as a page's `{% translate label %}` says it: words the catalogue does
    not know are given as they are; no label, no words (gettext("") is the catalogue's
    header)."""
    term = Term(label)
    return _say(term) if term else ""


def as_words(text) -> Term | Wording:
    """Words given either way: ours (a `Wording`, a lazy label) or someone's own (a str, which
    a `Term` shows as written unless the catalogue knows it word for word)."""
    if isinstance(text, Wording):
        return text
    with translation.override("en"):  # a lazy label's English, its msgid
        return Term(str(text).strip())


class Wording:
    """Words recorded now and said later in the reader's language (issue #19): a case's
    history is written once, in English, for the record, but a member of staff who chose
    Cymraeg reads it in Welsh, and so does an applicant who chose it in their subject access
    export. The English is the catalogue's msgid (a
    test finds every `Wording("…")` in the code and fails on one the catalogue lacks); its
    parameters are stored as data, so a date reads "1 Ebrill 2026" on a Welsh page, and a
    name or someone's own words as given.

    Parameters: str and int as they are; `Term` translated; a date or a date-time in the
    GOV.UK format; another `Wording` said the same way.
    """

    def __init__(self, msgid: str, *, plural: str = "", **params):
        self.msgid = str(msgid)
        self.plural = plural  # with a `count` parameter, which chooses the form
        self.params = params

    @classmethod
    def joined(cls, *parts, sep: str = " ") -> Wording:
        """Sentences said one after another (someone's own words, then ours), or a list with
        `sep`; empty parts are left out."""
        parts = [part for part in parts if part]
        names = [f"p{i}" for i in range(len(parts))]
        return cls(
            sep.join(f"%({name})s" for name in names), **dict(zip(names, parts, strict=True))
        )

    def __str__(self) -> str:
        return self.english()

    def english(self) -> str:
        with translation.override("en"):
            return self.say()

    def say(self) -> str:
        """In the active language. A translation that does not fit its parameters (which the
        catalogue check prevents) falls back to the English rather than break the page."""
        if not self.msgid:
            return ""  # gettext("") is the catalogue's header, never words to show
        params = {name: _say(value) for name, value in self.params.items()}
        if self.plural:
            count = self.params["count"]
            text = ngettext(self.msgid, self.plural, count)
            english = self.msgid if count == 1 else self.plural
        else:
            text, english = gettext(self.msgid), self.msgid
        try:
            return text % params if params else text
        except (KeyError, ValueError, TypeError):
            return english % params if params else english

    def stored(self) -> dict:
        data = {"m": self.msgid, "p": {name: _store(v) for name, v in self.params.items()}}
        if self.plural:
            data["pl"] = self.plural
        return data

    @classmethod
    def from_stored(cls, data: dict) -> Wording:
        params = {name: _load(v) for name, v in data.get("p", {}).items()}
        return cls(data["m"], plural=data.get("pl", ""), **params)


def _say(value) -> str:
    if isinstance(value, Wording):
        return value.say()
    if isinstance(value, Term):
        said = gettext(str(value))
        return said.lower() if value.lower_case else said
    if isinstance(value, datetime):
        return govuk_datetime(value)
    if isinstance(value, date):
        return govuk_date(value)
    return value


def _store(value):
    if isinstance(value, Wording):
        return {"w": value.stored()}
    if isinstance(value, Term):
        return {"t": str(value), "l": value.lower_case}
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, int | str):
        return value
    raise TypeError(f"a Wording cannot keep {type(value).__name__}: say it as text first")


def _load(value):
    if not isinstance(value, dict):
        return value
    if "w" in value:
        return Wording.from_stored(value["w"])
    if "t" in value:
        return Term(value["t"], lower=value.get("l", False))
    if "dt" in value:
        return datetime.fromisoformat(value["dt"])
    return date.fromisoformat(value["d"])
