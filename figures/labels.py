"""How a period of the figures is named on pages, in the page's language. Its own module so the
views, forms, dashboard and publishing services all read it without importing each other."""

from django.utils import formats
from django.utils.translation import gettext

from .periods import Period, is_calendar_year, is_financial_year


def period_label(period: Period) -> str:
    """The period's months or dates in the page's language ("April 2025 to March 2026")."""
    if is_financial_year(period):
        return gettext("April %(start)s to March %(end)s") % {
            "start": period.start.year,
            "end": period.end.year,
        }
    if is_calendar_year(period):
        return gettext("January to December %(year)s") % {"year": period.start.year}
    return gettext("%(start)s to %(end)s") % {
        "start": formats.date_format(period.start, "j F Y"),
        "end": formats.date_format(period.end, "j F Y"),
    }
