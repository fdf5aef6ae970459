"""The PLEDGE's stored English shown in the page's language (issue #19).

The questionnaire is data, kept in English; its shipped text is in the catalogue
(pledge/questionnaire_words.py lists it), so `shown` finds the Welsh of a question, a
section or a suggested action, and leaves text not in the catalogue (a draft version's new
wording, say) as it is. The portal's figures behind a suggested answer go through `figure`.
"""

from django import template
from django.utils.translation import gettext

from pledge import evidence

register = template.Library()


@register.filter
def shown(text):
    return gettext(text) if text else text


@register.filter
def figure(text):
    return evidence.shown(text)
