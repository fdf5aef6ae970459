"""An area's postal return address (DOMAIN.md §5.8): printed in a windowed envelope's window,
above the addressee, so that Royal Mail can send back a letter it cannot deliver. The area
admin sets it; the change is kept in the area's history (simple_history: who, when, what)."""

from __future__ import annotations

import re

from crispy_forms_gds.layout import Button, Field
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies import access
from agencies.forms import gds_helper
from agencies.models import Area

UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
# The window prints it on one line in small type, wrapping onto a second at most, so that
# the addressee's lines below it still fit (triggers/letters/_letter.html): a few short lines.
MOST_LINES, LONGEST_LINE, LONGEST_IN_ALL = 6, 60, 110


class ReturnAddressForm(forms.Form):
    return_address = forms.CharField(
        label=_("Return address"),
        help_text=_(
            "Each line on its own line, the postcode on the last line. For example: "
            "ASB Case Review Team, Municipal Buildings, Dale Street, Liverpool, L2 2DH. Leave "
            "empty to print the area's name only."
        ),
        required=False,
        max_length=MOST_LINES * (LONGEST_LINE + 1),
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off"}),
        error_messages={
            "max_length": _("The return address must be %(limit_value)d characters or fewer")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("return_address", rows=6), Button("save", _("Save return address"))
        )

    def clean_return_address(self):
        lines = [line.strip() for line in self.cleaned_data["return_address"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            return ""
        if len(lines) < 2:
            raise forms.ValidationError(
                gettext("Enter the address on more than one line, with a postcode")
            )
        if len(lines) > MOST_LINES:
            raise forms.ValidationError(
                gettext("Enter the address on %(n)s lines or fewer") % {"n": MOST_LINES}
            )
        if any(len(line) > LONGEST_LINE for line in lines):
            raise forms.ValidationError(
                gettext("Each line of the address must be %(n)s characters or fewer")
                % {"n": LONGEST_LINE}
            )
        if len(", ".join(lines)) > LONGEST_IN_ALL:
            raise forms.ValidationError(
                gettext(
                    "The return address must be %(n)s characters or fewer in all, to fit "
                    "the envelope window"
                )
                % {"n": LONGEST_IN_ALL}
            )
        postcode = " ".join(lines[-1].upper().split())
        if not UK_POSTCODE.match(postcode):
            raise forms.ValidationError(
                gettext("Enter a real postcode on the last line of the address")
            )
        return "\n".join([*lines[:-1], postcode])


@transaction.atomic
def set_return_address(area: Area, return_address: str, *, by) -> Area:
    """Change the area's return address; its history records who changed it and when."""
    area = Area.objects.select_for_update().get(pk=area.pk)
    area.return_address = return_address
    area._history_user = by
    area._change_reason = "Postal return address changed"
    area.save(update_fields=["return_address"])
    return area


@login_required
def return_address(request, area):
    """The area admin's page for the return address printed on the area's letters."""
    area = get_object_or_404(access.administered_areas_for(request.user), slug=area)
    form = ReturnAddressForm(request.POST or None, initial={"return_address": area.return_address})
    if request.method == "POST" and form.is_valid():
        set_return_address(area, form.cleaned_data["return_address"], by=request.user)
        messages.success(
            request, gettext("%(area)s's return address is saved.") % {"area": area.name}
        )
        return redirect("area_return_address", area=area.slug)
    changes = area.history.filter(history_change_reason="Postal return address changed")
    return render(
        request,
        "agencies/return_address.html",
        {"area": area, "form": form, "changes": changes.select_related("history_user")[:10]},
    )
