"""Template filters for GOV.UK style times (a builtin: no {% load %} needed; issue #17)."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import translation

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
