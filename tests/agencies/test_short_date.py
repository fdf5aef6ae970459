"""`short_date` writes what |date:"j M Y" writes, in both languages (issue #18)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

UTC = ZoneInfo("UTC")


def both(value) -> tuple[str, str]:
    """(short_date, Django's date filter) as a template renders them."""
    rendered = Template('{{ v|short_date }}|{{ v|date:"j M Y" }}').render(Context({"v": value}))
    ours, django = rendered.split("|")
    return ours, django


@pytest.mark.parametrize("language", ["en-gb", "cy"])
def test_every_month_as_django_writes_it(language):
    with translation.override(language):
        for month in range(1, 13):
            ours, django = both(date(2026, month, 4))
            assert ours == django, (language, month)
        expected = {"en-gb": "30 Nov 2026", "cy": "30 Tach 2026"}[language]
        assert both(date(2026, 11, 30)) == (expected, expected)


def test_a_time_counts_on_its_local_day():
    # 23:30 UTC on 31 May is 00:30 on 1 June in London (summer time).
    late = datetime(2026, 5, 31, 23, 30, tzinfo=UTC)
    with translation.override("en-gb"):
        assert both(late) == ("1 Jun 2026", "1 Jun 2026")


def test_nothing_writes_nothing():
    assert both(None) == ("", "")
    assert both("") == ("", "")
