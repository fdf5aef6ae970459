"""'Check if you can ask for a case review': the eligibility engine, for the public.

The same engine the officers and the API use, so the answer here is the answer an officer
will see. Nothing typed is stored.
"""

from crispy_forms_gds.layout import Button, Field, Fieldset, Size
from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.forms import gds_helper
from agencies.models import Area
from triggers import eligibility, eligibility_words
from triggers.fields import DateField
from triggers.threshold import services

ROWS = 5


class CheckForm(forms.Form):
    area = forms.ModelChoiceField(
        label=gettext_lazy("Which council area does the behaviour happen in?"),
        queryset=Area.objects.order_by("name"),
        to_field_name="slug",
        empty_label=gettext_lazy("Choose an area"),
        error_messages={
            "required": gettext_lazy("Choose the council area where the behaviour happens"),
            "invalid_choice": gettext_lazy("Choose the council area from the list"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rows = []
        for n in range(1, ROWS + 1):
            self.fields[f"incident_{n}"] = DateField(
                what=_("the date of incident %(n)s") % {"n": n},
                label=_("When it happened"),
                required=False,
            )
            self.fields[f"reported_{n}"] = DateField(
                what=_("the date you reported incident %(n)s") % {"n": n},
                label=_("When you reported it"),
                required=False,
            )
            self.fields[f"hate_{n}"] = forms.BooleanField(
                label=_(
                    "I think I was targeted because of disability, race, religion, sexual "
                    "orientation or transgender identity"
                ),
                required=False,
            )
            rows.append(
                Fieldset(
                    Field(f"incident_{n}"),
                    Field(f"reported_{n}"),
                    Field.checkbox(f"hate_{n}", small=True),
                    legend=_("Incident %(n)s") % {"n": n},
                    legend_size=Size.SMALL,
                )
            )
        self.helper = gds_helper(
            Field.select("area"), *rows, Button("check", _("Check")), label_size=Size.SMALL
        )

    def clean(self):
        cleaned = super().clean()
        for n in range(1, ROWS + 1):
            incident, reported = cleaned.get(f"incident_{n}"), cleaned.get(f"reported_{n}")
            if incident and not reported and f"reported_{n}" not in self.errors:
                self.add_error(
                    f"reported_{n}", _("Enter the date you reported incident %(n)s") % {"n": n}
                )
            if reported and not incident and f"incident_{n}" not in self.errors:
                self.add_error(f"incident_{n}", _("Enter the date of incident %(n)s") % {"n": n})
            if incident and reported and reported < incident:
                self.add_error(
                    f"reported_{n}",
                    _(
                        "The date you reported incident %(n)s must be the same as or after "
                        "the date it happened"
                    )
                    % {"n": n},
                )
        if not self.errors and not self.complaints():
            self.add_error("incident_1", _("Enter at least one incident and when you reported it"))
        return cleaned

    def complaints(self) -> list[eligibility.Complaint]:
        data = self.cleaned_data
        return [
            eligibility.Complaint(
                incident_date=data[f"incident_{n}"],
                reported_date=data[f"reported_{n}"],
                hate_related=data.get(f"hate_{n}", False),
            )
            for n in range(1, ROWS + 1)
            if data.get(f"incident_{n}") and data.get(f"reported_{n}")
        ]


def check(request):
    form = CheckForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        area = form.cleaned_data["area"]
        today = timezone.localdate()
        decision = eligibility.assess(
            services.engine_policy(area), form.complaints(), application_date=today, today=today
        )
        # The engine's words in the page's language (Welsh for a Welsh area, if chosen).
        words = eligibility_words.words()
        result = {
            "area": area,
            "decision": decision,
            "reasons": [finding.reason_in(words) for finding in decision.complaints],
            "explanation": eligibility.explain(decision, words),
        }
    return render(request, "triggers/applications/check.html", {"form": form, "result": result})
