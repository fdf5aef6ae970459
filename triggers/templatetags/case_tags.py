"""Filters for showing a case in lists and pages."""

from django import template
from django.utils.translation import gettext

from triggers import eligibility_words
from triggers.workflow import TAG_MODIFIER

register = template.Library()


@register.filter
def status_tag_class(status: str) -> str:
    """{{ case.status|status_tag_class }} -> "govuk-tag govuk-tag--grey" for a closed case: a
    dictionary look-up, so a list of cases needs no include or chain of ifs per row."""
    modifier = TAG_MODIFIER.get(status, "govuk-tag--green")
    return f"govuk-tag {modifier}"


@register.filter
def reason_here(finding) -> str:
    """{{ finding|reason_here }}: the eligibility engine's reason for one complaint, worded in
    the page's language (English as `finding.reason`, Welsh on a Welsh page; issue #19)."""
    return finding.reason_in(eligibility_words.words())


@register.filter
def covers_here(covers: str) -> str:
    """{{ victim.consent_covers|covers_here }}: what a victim's consent covers
    (triggers.people.consent_covers, English words joined by commas) in the page's language."""
    return ", ".join(gettext(part) for part in covers.split(", ") if part)
