"""'Check if you can ask for a case review': the eligibility engine, for the public.

The same engine the officers and the API use, so the answer here is the answer an officer
will see. Nothing typed is stored.

The incidents are "add another" blocks (triggers/blocks.py): one to start with, "Add another
incident" and "Remove" as buttons the server understands, enhanced by static/js/add-another.js.
"""

from crispy_forms_gds.layout import Button, Field, Fieldset, Size
from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.forms import gds_helper
from agencies.models import Area
from triggers import blocks, eligibility, eligibility_words
from triggers.fields import DateField
from triggers.threshold import services

INCIDENTS = "incident"


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

    def __init__(self, *args, incidents: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.incidents = incidents or blocks.count(self.data if self.is_bound else None, INCIDENTS)
        rows = [self._incident(n) for n in range(1, self.incidents + 1)]
        self.helper = gds_helper(
            blocks.default_submit("check", _("Check")),
            Field.select("area"),
            Fieldset(
                *rows,
                blocks.add_button(INCIDENTS, _("incident")),
                legend=_("The incidents you reported"),
                legend_size=Size.MEDIUM,
                css_class="app-add-another",
                **{"data-add-another": INCIDENTS},
            ),
            Button("check", _("Check")),
            label_size=Size.SMALL,
        )

    def _incident(self, n: int) -> Fieldset:
        self.fields[f"incident_{n}_happened"] = DateField(
            what=_("the date of incident %(n)s") % {"n": n},
            label=_("When it happened"),
            required=False,
        )
        self.fields[f"incident_{n}_reported"] = DateField(
            what=_("the date you reported incident %(n)s") % {"n": n},
            label=_("When you reported it"),
            required=False,
        )
        self.fields[f"incident_{n}_hate"] = forms.BooleanField(
            label=_(
                "I think I was targeted because of disability, race, religion, sexual "
                "orientation or transgender identity"
            ),
            required=False,
        )
        return blocks.block(
            INCIDENTS,
            n,
            _("incident"),
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
                self.add_error(reported, _("Enter the date you reported incident %(n)s") % {"n": n})
            if report and not incident and happened not in self.errors:
                self.add_error(happened, _("Enter the date of incident %(n)s") % {"n": n})
            if incident and report and report < incident:
                self.add_error(
                    reported,
                    _(
                        "The date you reported incident %(n)s must be the same as or after "
                        "the date it happened"
                    )
                    % {"n": n},
                )
        if not self.errors and not self.complaints():
            self.add_error(
                "incident_1_happened", _("Enter at least one incident and when you reported it")
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
        # The engine's words in the page's language (Welsh for a Welsh area, if chosen).
        words = eligibility_words.words()
        result = {
            "area": area,
            "decision": decision,
            "reasons": [finding.reason_in(words) for finding in decision.complaints],
            "explanation": eligibility.explain(decision, words),
        }
    return render(request, "triggers/applications/check.html", {"form": form, "result": result})
