"""Template tags for the pages of other apps that offer an appeal (the applicant's tracking
page, the council's case page), so those apps' views need not import appeals."""

from django import template

from .. import lodging

register = template.Library()


@register.simple_tag
def appealable_now(case):
    """What the applicant may appeal now (letter, decision, deadline), or None."""
    return lodging.appealable(case)
