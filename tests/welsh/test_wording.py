"""GOV.UK times and dates in Welsh: "4:47yh", "9yb", "canol dydd", "1 Ebrill 2026"."""

from datetime import date, datetime

from django.utils import translation

from agencies.wording import govuk_date, govuk_time


def test_times_and_dates_in_welsh():
    with translation.override("cy"):
        assert govuk_time(datetime(2026, 4, 1, 16, 47)) == "4:47yh"
        assert govuk_time(datetime(2026, 4, 1, 9, 0)) == "9yb"
        assert govuk_time(datetime(2026, 4, 1, 12, 0)) == "canol dydd"
        assert govuk_time(datetime(2026, 4, 1, 0, 0)) == "hanner nos"
        assert govuk_date(date(2026, 4, 1), weekday=True) == "Dydd Mercher 1 Ebrill 2026"


def test_english_is_unchanged():
    with translation.override("en-gb"):
        assert govuk_time(datetime(2026, 4, 1, 16, 47)) == "4:47pm"
        assert govuk_date(date(2026, 4, 1), weekday=True) == "Wednesday 1 April 2026"
