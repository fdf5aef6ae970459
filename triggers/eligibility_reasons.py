"""The eligibility engine's words (DOMAIN.md §4): why each complaint counts or not.

Split from `eligibility` so that the engine stays small. Pure like it: standard library only.
Every sentence is a whole template with %(name)s places, worded by `Words`: English by
default; a page in Welsh passes Django's gettext (triggers/eligibility_words.py), so the
engine never looks at a language and its decisions never depend on one (issue #19).
"""

from __future__ import annotations

from datetime import date

from triggers.periods import months_beginning_with_end

REPORT_WINDOW_MONTHS = 1  # s104(11)(a): complaint within one month beginning with the behaviour
APPLICATION_WINDOW_MONTHS = 6  # s104(11)(b): application within six months of the complaint
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _same(text: str) -> str:
    return text


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


class Words:
    """How the engine's sentences are worded. The default is English; a caller that wants
    another language passes its own `gettext(text)`, `ngettext(singular, plural, n)` and
    month names. Every sentence is a whole template with %(name)s places, so a translator
    can order it as their language needs."""

    __slots__ = ("gettext", "months", "ngettext")

    def __init__(self, gettext=_same, ngettext=_english_plural, months=MONTH_NAMES):
        self.gettext = gettext
        self.ngettext = ngettext
        self.months = months

    def date(self, day: date) -> str:
        return f"{day.day} {self.months[day.month - 1]} {day.year}"


ENGLISH = Words()


# --- One complaint -----------------------------------------------------------------------------


def _future_date_reason(
    complaint, application_date: date, today: date, *, words: Words = ENGLISH
) -> str | None:
    """A date after today cannot be true yet, so nothing resting on it can count."""
    _ = words.gettext
    for sentence, day in (
        (
            _("Does not count: the incident date, %(day)s, is in the future (today is %(today)s)."),
            complaint.incident_date,
        ),
        (
            _("Does not count: the report date, %(day)s, is in the future (today is %(today)s)."),
            complaint.reported_date,
        ),
        (
            _(
                "Does not count: the application date, %(day)s, is in the future "
                "(today is %(today)s)."
            ),
            application_date,
        ),
    ):
        if day > today:
            return sentence % {"day": words.date(day), "today": words.date(today)}
    return None


def _order_reason(complaint, application_date: date, *, words: Words = ENGLISH) -> str | None:
    """A report cannot precede what it reports, nor support an application made before it."""
    _ = words.gettext
    incident, reported = complaint.incident_date, complaint.reported_date
    if reported < incident:
        return _(
            "Does not count: reported on %(reported)s, before the incident on %(incident)s."
        ) % {
            "reported": words.date(reported),
            "incident": words.date(incident),
        }
    if reported > application_date:
        return _(
            "Does not count: reported on %(reported)s, after the application on %(applied)s."
        ) % {"reported": words.date(reported), "applied": words.date(application_date)}
    return None


def _time_limit_reason(complaint, application_date: date, *, words: Words = ENGLISH) -> str | None:
    """The two time limits of s104(11), each naming the last day that would have counted."""
    _ = words.gettext
    incident, reported = complaint.incident_date, complaint.reported_date
    report_by = months_beginning_with_end(incident, REPORT_WINDOW_MONTHS)
    if reported > report_by:
        return _(
            "Does not count: reported on %(reported)s, more than one month after the incident "
            "on %(incident)s (the last day was %(last_day)s)."
        ) % {
            "reported": words.date(reported),
            "incident": words.date(incident),
            "last_day": words.date(report_by),
        }
    apply_by = months_beginning_with_end(reported, APPLICATION_WINDOW_MONTHS)
    if application_date > apply_by:
        return _(
            "Does not count: reported on %(reported)s, more than six months before the "
            "application on %(applied)s (the last day to apply was %(last_day)s)."
        ) % {
            "reported": words.date(reported),
            "applied": words.date(application_date),
            "last_day": words.date(apply_by),
        }
    return None


# The last day of each window, by the day it begins with: a bulk check meets the same few
# thousand days over and over, and a dictionary look-up is four times cheaper than a call.
def _rejection(
    complaint, application_date: date, today: date, *, words: Words = ENGLISH
) -> str | None:
    """Why a complaint does not qualify, or None when it does (the first failing rule)."""
    return (
        _future_date_reason(complaint, application_date, today, words=words)
        or _order_reason(complaint, application_date, words=words)
        or _time_limit_reason(complaint, application_date, words=words)
    )


def _counts_reason(complaint, *, words: Words = ENGLISH) -> str:
    gap = (complaint.reported_date - complaint.incident_date).days
    if gap == 0:
        return words.gettext(
            "Counts: reported on the day of the incident, within one month; the application "
            "is within six months of the report."
        )
    return words.ngettext(
        "Counts: reported %(days)s day after the incident, within one month; the application "
        "is within six months of the report.",
        "Counts: reported %(days)s days after the incident, within one month; the application "
        "is within six months of the report.",
        gap,
    ) % {"days": gap}


def _already_counted_reason(earlier_index: int, earlier, *, words: Words = ENGLISH) -> str:
    # Numbered from 1 because this sentence is read by people, who number complaints so.
    _ = words.gettext
    if earlier.reported_to:
        sentence = _(
            "Already counted: the same person reported the same incident to %(agency)s "
            "(complaint %(earlier)s). One person's reports of one incident count once, however "
            "many agencies they told."
        )
    else:
        sentence = _(
            "Already counted: the same person reported the same incident (complaint "
            "%(earlier)s). One person's reports of one incident count once, however many "
            "agencies they told."
        )
    return sentence % {"agency": earlier.reported_to, "earlier": earlier_index + 1}


def _complaints_count(words: Words, n: int) -> str:
    """'no complaints count', '1 complaint counts', '3 complaints count'."""
    if n == 0:
        return words.gettext("no complaints count")
    return words.ngettext("%(n)s complaint counts", "%(n)s complaints count", n) % {"n": n}


def _hate_count(words: Words, n: int) -> str:
    if n == 0:
        return words.gettext("no hate-related complaints count")
    return words.ngettext(
        "%(n)s hate-related complaint counts", "%(n)s hate-related complaints count", n
    ) % {"n": n}
