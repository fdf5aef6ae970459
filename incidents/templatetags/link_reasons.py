"""`{{ reasons|link_reasons }}`: a link's stored reasons, in the page's language, joined."""

from django import template

from incidents.linking.reasons import shown

register = template.Library()


@register.filter
def link_reasons(reasons) -> str:
    return ", ".join(shown(str(reason)) for reason in reasons or ())
