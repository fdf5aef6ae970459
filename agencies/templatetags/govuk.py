"""Template filters for GOV.UK style times (a builtin: no {% load %} needed; issue #17)."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import translation
from django.utils.dates import MONTHS_3

from agencies import wording

register = template.Library()


@register.filter
def govuk_time(value) -> str:
    """{{ meeting.starts_at|govuk_time }} -> "4:47pm", "midday", "midnight"."""
    return wording.govuk_time(value)


@register.filter
def govuk_datetime(value, date_format: str = "j F Y") -> str:
    """{{ event.at|govuk_datetime }} -> "1 April 2026, 4:47pm"; the date part takes Django's
    date format ("j M Y" in tight tables, "l j F Y" with the weekday)."""
    if value in (None, ""):
        return ""
    return f"{date_filter(value, date_format)}, {wording.govuk_time(value)}"


@register.filter
def in_sentence(name: str) -> str:
    """An organisation's name inside a sentence: "sent to the Office of the Police and Crime
    Commissioner for Merseyside", not "sent to Office of…". A Welsh sentence takes the name
    as it is (English's "the" has no place in it)."""
    if (translation.get_language() or "").startswith("cy"):
        return name
    return wording.in_sentence(name)


@register.filter
def reveal_for(reveals, value) -> str:
    """The questions a checkbox reveals (RevealingCheckboxes in agencies/forms.py)."""
    return (reveals or {}).get(str(value), "")


# Each language's month abbreviations ("Jan", "Ion"), worked out once per worker.
_MONTHS_SHORT: dict[str, list[str]] = {}


def _months_short() -> list[str]:
    language = translation.get_language() or ""
    found = _MONTHS_SHORT.get(language)
    if found is None:
        # As Django's "M" format writes them: the catalogue's abbreviation, capitalised.
        found = _MONTHS_SHORT[language] = [str(MONTHS_3[m]).title() for m in range(1, 13)]
    return found


@register.filter(expects_localtime=True)
def short_date(value) -> str:
    """{{ case.received_at|short_date }} -> "4 Mar 2026", as |date:"j M Y" writes it (in the
    page's language, a date and time on its local day) without Django's general formatter:
    a list of cases shows fifty of them, and the formatter was a tenth of its time."""
    if not value:
        return ""
    return f"{value.day} {_months_short()[value.month - 1]} {value.year}"
