"""Filters for showing a case in lists and pages."""

from django import template

from triggers.workflow import TAG_MODIFIER

register = template.Library()


@register.filter
def status_tag_class(status: str) -> str:
    """{{ case.status|status_tag_class }} -> "govuk-tag govuk-tag--grey" for a closed case: a
    dictionary look-up, so a list of cases needs no include or chain of ifs per row."""
    modifier = TAG_MODIFIER.get(status, "govuk-tag--green")
    return f"govuk-tag {modifier}"
