"""Times, dates, counts and names the GOV.UK way (issue #17)."""

from datetime import UTC, date, datetime, time

import pytest
from django.template import Template, engines
from django.template.context import Context

from agencies.wording import govuk_date, govuk_datetime, govuk_time, in_sentence, plural


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (time(16, 47), "4:47pm"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(9, 0), "9am"),
        (time(0, 5), "12:05am"),
        (time(12, 30), "12:30pm"),
        (None, ""),
    ],
)
def test_govuk_time(value, shown):
    assert govuk_time(value) == shown


def test_aware_times_are_shown_in_local_time(settings):
    settings.TIME_ZONE = "Europe/London"
    summer = datetime(2026, 7, 1, 15, 47, tzinfo=UTC)  # BST: 4:47pm in London
    assert govuk_time(summer) == "4:47pm"
    assert govuk_datetime(summer) == "1 July 2026, 4:47pm"


def test_govuk_date_has_no_leading_zero():
    assert govuk_date(date(2026, 4, 1)) == "1 April 2026"
    assert govuk_date(date(2026, 4, 1), weekday=True) == "Wednesday 1 April 2026"


def test_filters_are_builtin_in_pages_and_plain_text_emails():
    when = datetime(2026, 4, 1, 12, 0)
    page = Template('{{ t|govuk_time }} / {{ t|govuk_datetime:"j M Y" }}')
    assert page.render(Context({"t": when})) == "midday / 1 Apr 2026, midday"
    text = engines["text"].from_string("{{ t|govuk_time }}")
    assert text.render({"t": datetime(2026, 4, 1, 0, 0)}) == "midnight"


@pytest.mark.parametrize(("count", "shown"), [(0, "0 actions"), (1, "1 action"), (2, "2 actions")])
def test_plural(count, shown):
    assert plural(count, "action") == shown


def test_organisation_names_take_the_inside_a_sentence():
    office = "Office of the Police and Crime Commissioner for Merseyside"
    assert in_sentence(office) == f"the {office}"
    assert in_sentence("Merseyside Police") == "Merseyside Police"
