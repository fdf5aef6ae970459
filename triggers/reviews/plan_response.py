"""The officer records views on the draft action plan that reached them by letter, phone, in
person or email: the answer of someone consulted by post (triggers/reviews/consultation.py),
who has no private link to give it through. It counts as their comment when the plan is
finalised (`services.comment_on_plan`)."""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers.models import PlanComment
from triggers.recipients import Role, recipients
from triggers.reviews import services
from triggers.selectors import case_to_work_on, case_url

Received = PlanComment.Received
PARTIES = {Role.APPLICANT: _("The applicant"), Role.VICTIM: _("The victim")}


class PlanResponseForm(forms.Form):
    party = forms.ChoiceField(
        label=_("Whose comments are they?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whose comments they are")},
    )
    received = forms.ChoiceField(
        label=_("How did they reach you?"),
        choices=[
            (Received.LETTER, _("Letter")),
            (Received.PHONE, _("Phone")),
            (Received.IN_PERSON, _("In person")),
            (Received.EMAIL, _("Email")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the comments reached you")},
    )
    text = forms.CharField(
        label=_("Their comments on the draft action plan"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write their comments on the draft action plan")},
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # The people the case consults: the applicant, the victim, or both.
        self.fields["party"].choices = [(p.role, PARTIES[p.role]) for p in recipients(case)]
        if len(self.fields["party"].choices) == 1:  # one person consulted: chosen already
            self.fields["party"].initial = self.fields["party"].choices[0][0]
        self.helper = gds_helper(
            Field.radios("party"),
            Field.radios("received"),
            Field.textarea("text"),
            Button("submit", _("Save the comments")),
        )


@login_required
def record_response(request, area, reference):
    case = case_to_work_on(request, area, reference)
    review = services.current_review(case)
    if review is None or review.plan_finalised_at is not None:
        messages.error(request, gettext("There is no draft action plan to comment on."))
        return redirect(case_url(case))
    form = PlanResponseForm(request.POST if request.method == "POST" else None, case=case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.comment_on_plan(
                case, data["text"], party=data["party"], by=request.user, received=data["received"]
            )
        except services.REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, gettext("The comments on the draft plan have been saved."))
            return redirect(case_url(case))
    return render(request, "triggers/reviews/plan_response.html", {"case": case, "form": form})
