"""'Check if you can ask for a case review': the eligibility engine, for the public.

The same engine the officers and the API use, so the answer here is the answer an officer
will see. Nothing typed is stored.

The incidents are "add another" blocks (triggers/blocks.py): one to start with, "Add another
incident" and "Remove" as buttons the server understands, enhanced by static/js/add-another.js.
"""

from crispy_forms.layout import HTML
from crispy_forms_gds.layout import Button, Field, Fieldset, Size
from django import forms
from django.shortcuts import render
from django.utils import timezone

from agencies.forms import gds_helper
from agencies.models import Area
from triggers import blocks, eligibility
from triggers.fields import DateField
from triggers.threshold import services

INCIDENTS = "incident"
# Enter in a date field submits the form through its first submit button: without this one,
# hidden and first, that would be incident 1's "Remove" (and typed dates would be lost).
DEFAULT_SUBMIT = HTML(
    '<button type="submit" name="check" class="app-default-submit" hidden tabindex="-1">'
    "Check</button>"
)


class CheckForm(forms.Form):
    area = forms.ModelChoiceField(
        label="Which council area does the behaviour happen in?",
        queryset=Area.objects.order_by("name"),
        to_field_name="slug",
        empty_label="Choose an area",
        error_messages={
            "required": "Choose the council area where the behaviour happens",
            "invalid_choice": "Choose the council area from the list",
        },
    )

    def __init__(self, *args, incidents: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.incidents = incidents or blocks.count(self.data if self.is_bound else None, INCIDENTS)
        rows = [self._incident(n) for n in range(1, self.incidents + 1)]
        self.helper = gds_helper(
            DEFAULT_SUBMIT,
            Field.select("area"),
            Fieldset(
                *rows,
                blocks.add_button(INCIDENTS, "incident"),
                legend="The incidents you reported",
                legend_size=Size.MEDIUM,
                css_class="app-add-another",
                **{"data-add-another": INCIDENTS},
            ),
            Button("check", "Check"),
            label_size=Size.SMALL,
        )

    def _incident(self, n: int) -> Fieldset:
        self.fields[f"incident_{n}_happened"] = DateField(
            what=f"the date of incident {n}", label="When it happened", required=False
        )
        self.fields[f"incident_{n}_reported"] = DateField(
            what=f"the date you reported incident {n}",
            label="When you reported it",
            required=False,
        )
        self.fields[f"incident_{n}_hate"] = forms.BooleanField(
            label="I think I was targeted because of disability, race, religion, sexual "
            "orientation or transgender identity",
            required=False,
        )
        return blocks.block(
            INCIDENTS,
            n,
            "incident",
            Field(f"incident_{n}_happened"),
            Field(f"incident_{n}_reported"),
            Field.checkbox(f"incident_{n}_hate", small=True),
        )

    def clean(self):
        cleaned = super().clean()
        for n in range(1, self.incidents + 1):
            happened, reported = f"incident_{n}_happened", f"incident_{n}_reported"
            incident, report = cleaned.get(happened), cleaned.get(reported)
            if incident and not report and reported not in self.errors:
                self.add_error(reported, f"Enter the date you reported incident {n}")
            if report and not incident and happened not in self.errors:
                self.add_error(happened, f"Enter the date of incident {n}")
            if incident and report and report < incident:
                self.add_error(
                    reported,
                    f"The date you reported incident {n} must be "
                    "the same as or after the date it happened",
                )
        if not self.errors and not self.complaints():
            self.add_error(
                "incident_1_happened", "Enter at least one incident and when you reported it"
            )
        return cleaned

    def complaints(self) -> list[eligibility.Complaint]:
        data = self.cleaned_data
        return [
            eligibility.Complaint(
                incident_date=data[f"incident_{n}_happened"],
                reported_date=data[f"incident_{n}_reported"],
                hate_related=data.get(f"incident_{n}_hate", False),
            )
            for n in range(1, self.incidents + 1)
            if data.get(f"incident_{n}_happened") and data.get(f"incident_{n}_reported")
        ]


def _form(request) -> CheckForm:
    if request.method != "POST":
        return CheckForm()
    if blocks.pressed(request.POST, [INCIDENTS]):
        # "Add another incident" or "Remove" without JavaScript: the same page, one block
        # more or less, as typed and not yet judged.
        edited, counts = blocks.edit(request.POST, [INCIDENTS])
        return blocks.without_errors(CheckForm(edited, incidents=counts[INCIDENTS]))
    return CheckForm(request.POST)


def check(request):
    form = _form(request)
    result = None
    if form.is_bound and not blocks.pressed(request.POST, [INCIDENTS]) and form.is_valid():
        area = form.cleaned_data["area"]
        today = timezone.localdate()
        decision = eligibility.assess(
            services.engine_policy(area), form.complaints(), application_date=today, today=today
        )
        result = {"area": area, "decision": decision, "explanation": eligibility.explain(decision)}
    return render(request, "triggers/applications/check.html", {"form": form, "result": result})
