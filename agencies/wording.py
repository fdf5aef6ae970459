"""Times, dates and counts the GOV.UK way (style guide; issue #17): "4:47pm", "9am", "midday",
"midnight", "1 April 2026", "1 recommendation", "2 actions". No ORM, no I/O. In the active
language: Welsh pages read "4:47yh", "9yb", "canol dydd", "1 Ebrill 2026" (issue #19)."""

from datetime import date, datetime, time

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import pgettext


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
