"""Forms for lodging an appeal or PCC review (applicant or staff) and for the decision of
the body hearing it.

The forms check what a person can correct on the page; the services re-check every rule.
"""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field, Fieldset, Size
from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers import uploads
from triggers.fields import MultipleFileField
from triggers.models import Channel

from . import decisions, lodging
from .models import Appeal

YES_NO = [("yes", _("Yes, this is made out")), ("no", _("No, this is not made out"))]

# How an appeal reached the council, as the staff form offers it.
CHANNEL_LABELS = {
    Channel.PHONE: _("Phone"),
    Channel.PAPER: _("Paper form"),
    Channel.IN_PERSON: _("In person"),
    Channel.AGENCY_REFERRAL: _("Agency referral"),
}


KIND_CHOICES = [
    (Appeal.Kind.APPEAL, _("Appeal under the council's case review procedure")),
    (Appeal.Kind.PCC_REVIEW, _("Ask the Police and Crime Commissioner to review the decision")),
]


class AppealForm(forms.Form):
    """The applicant's appeal, in their own words; against "threshold not met" they choose
    between an appeal and a PCC review."""

    kind = forms.ChoiceField(
        label=_("Who do you want to look at the decision again?"),
        widget=forms.RadioSelect,
        choices=KIND_CHOICES,
        error_messages={"required": _("Choose who you want to look at the decision again")},
    )
    grounds = forms.MultipleChoiceField(
        label=_("Why are you appealing?"),
        help_text=_("Choose all that apply."),
        widget=forms.CheckboxSelectMultiple,
        choices=Appeal.Ground.choices,
        error_messages={"required": _("Choose at least one reason for appealing")},
    )
    explanation = forms.CharField(
        label=_("Tell us what went wrong"),
        help_text=_(
            "Say what you think was wrong with the decision and what should have "
            "happened. Include anything you think was not taken into account."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        error_messages={
            "required": _("Explain why you are appealing"),
            "max_length": _("Your explanation must be 10,000 characters or fewer"),
        },
    )
    documents = MultipleFileField(label=_("Documents (optional)"), required=False)
    submit_label = _("Send your appeal")

    def __init__(
        self, *args, target: lodging.Appealable | None = None, decision: str = "", **kwargs
    ):
        super().__init__(*args, **kwargs)
        if not decision:
            decision = target.decision if target is not None else Appeal.Decision.OUTCOME
        # Only the grounds that fit the letter appealed (DOMAIN.md §5.6).
        offered = Appeal.grounds_for(decision)
        self.fields["grounds"].choices = [(value, Appeal.Ground(value).label) for value in offered]
        self.fields["documents"].help_text = documents_hint()
        # The choice of route only when both are open (a "threshold not met" letter).
        self.chooses_route = target is not None and target.pcc_review_open
        if not self.chooses_route:
            del self.fields["kind"]
        self.helper = gds_helper(*self.layout(), Button("submit", self.submit_label))

    def layout(self) -> list:
        route = [Field.radios("kind", legend_size=Size.MEDIUM)] if self.chooses_route else []
        return [
            *route,
            Field.checkboxes("grounds", legend_size=Size.MEDIUM),
            Field.textarea("explanation", label_size=Size.MEDIUM),
            Field("documents"),
        ]

    def appeal_data(self) -> lodging.AppealData:
        data = self.cleaned_data
        return lodging.AppealData(
            kind=data.get("kind") or Appeal.Kind.APPEAL,
            grounds=list(data["grounds"]),
            explanation=data["explanation"],
            files=list(data["documents"]),
            late_reason=data.get("late_reason", ""),
            channel=data.get("channel") or Channel.ONLINE,
            party=data.get("party") or Appeal.Party.APPLICANT,
        )


def documents_hint() -> str:
    """What may be attached, in the page's language."""
    files, size = lodging.MAX_FILES, uploads.MAX_UPLOAD_BYTES // 1024 // 1024
    hint = ngettext(
        "Up to %(files)s file, each smaller than %(size)sMB: %(kinds)s.",
        "Up to %(files)s files, each smaller than %(size)sMB: %(kinds)s.",
        files,
    )
    return hint % {"files": files, "size": size, "kinds": gettext(uploads.ALLOWED_DESCRIPTION)}


class StaffAppealForm(AppealForm):
    """An appeal made by phone, on paper or by email, recorded by the council's staff, who
    may accept it after the window with a recorded reason. On a case someone applied for,
    staff say who made it: the applicant or the victim (DOMAIN.md §5.9)."""

    party = forms.ChoiceField(
        label=_("Who is appealing?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who is appealing")},
    )
    channel = forms.ChoiceField(
        label=_("How did they appeal?"),
        widget=forms.RadioSelect,
        choices=[
            (value, CHANNEL_LABELS.get(value, label))
            for value, label in Channel.choices
            if value != Channel.ONLINE
        ],
        error_messages={"required": _("Choose how they appealed")},
    )
    late_reason = forms.CharField(
        label=_("Reason for accepting it late"),
        help_text=_(
            "Only if the appeal arrived after the deadline. The reason is kept in the "
            "case's history and the council and the body hearing the appeal see it."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    submit_label = _("Record the appeal")

    def __init__(self, *args, late: bool = False, case=None, **kwargs):
        self.late = late
        self.asks_party = case is not None and case.on_behalf
        super().__init__(*args, **kwargs)
        if self.asks_party:
            self.fields["party"].choices = party_choices(case)
        else:
            del self.fields["party"]
        self.fields["grounds"].label = gettext("Why are they appealing?")
        # The victim may be the one appealing (party): "they", not "the applicant".
        self.fields["explanation"].label = gettext("What they say went wrong")

    def layout(self) -> list:
        layout = [*super().layout()]
        # How they appealed first; after the route when there is a choice of route.
        channel = Field.radios("channel", legend_size=Size.MEDIUM)
        layout.insert(1 if self.chooses_route else 0, channel)
        if self.asks_party:
            layout.insert(0, Field.radios("party", legend_size=Size.MEDIUM))
        if self.late:
            layout.append(Field.textarea("late_reason", label_size=Size.MEDIUM))
        return layout

    def clean_late_reason(self):
        reason = self.cleaned_data["late_reason"].strip()
        if self.late and not reason:
            raise forms.ValidationError(gettext("Give the reason for accepting the appeal late"))
        return reason


def party_choices(case) -> list[tuple[str, str]]:
    """The applicant and the victim (whose name an application for them always gives), each
    named, for staff to say who is appealing."""
    return [
        (
            Appeal.Party.APPLICANT,
            gettext("The applicant, %(name)s") % {"name": case.applicant_name},
        ),
        (Appeal.Party.VICTIM, gettext("The victim, %(name)s") % {"name": case.victim_name}),
    ]


class DecisionForm(forms.Form):
    """The body's structured review: a finding on each ground, then the decision."""

    outcome = forms.ChoiceField(
        label=_("Your decision"),
        widget=forms.RadioSelect,
        choices=[("upheld", _("Upheld")), ("not_upheld", _("Not upheld: the decision stands"))],
        error_messages={"required": _("Choose whether the appeal is upheld")},
    )
    remedy = forms.ChoiceField(
        label=_("If upheld, what must happen"),
        widget=forms.RadioSelect,
        required=False,
    )
    points_to_address = forms.CharField(
        label=_("If upheld, the points the council must address"),
        help_text=_("The council sees these on the case. The applicant reads them in your letter."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    reasons = forms.CharField(
        label=_("Reasons for your decision"),
        help_text=_("The applicant will read these in your letter: use plain words."),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": _("Give the reasons for your decision")},
    )

    def __init__(self, *args, appeal: Appeal, **kwargs):
        super().__init__(*args, **kwargs)
        self.grounds = list(appeal.grounds.all())
        self.fields["remedy"].choices = [
            (value, gettext(Appeal.Remedy(value).label)) for value in decisions.remedies_for(appeal)
        ]
        review = []
        for row in self.grounds:
            name = row.get_ground_display()
            self.fields[f"{row.ground}_made_out"] = forms.ChoiceField(
                label=_("Is it made out?"),
                widget=forms.RadioSelect,
                choices=YES_NO,
                error_messages={
                    "required": gettext("Say whether “%(ground)s” is made out") % {"ground": name}
                },
            )
            self.fields[f"{row.ground}_finding"] = forms.CharField(
                label=_("Your finding"),
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=5000,
                error_messages={
                    "required": gettext("Give your finding on “%(ground)s”") % {"ground": name}
                },
            )
            review.append(
                Fieldset(
                    Field.radios(f"{row.ground}_made_out", inline=True, small=True),
                    Field.textarea(f"{row.ground}_finding"),
                    legend=name,
                    legend_size=Size.SMALL,
                )
            )
        self.helper = gds_helper(
            Fieldset(
                *review, legend=gettext("Your finding on each ground"), legend_size=Size.MEDIUM
            ),
            Field.radios("outcome", legend_size=Size.MEDIUM),
            Field.radios("remedy", legend_size=Size.SMALL),
            Field.textarea("points_to_address"),
            Field.textarea("reasons"),
            Button("submit", gettext("Continue")),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") != "upheld":
            return cleaned
        if not cleaned.get("remedy"):
            self.add_error("remedy", gettext("Choose what must happen now the appeal is upheld"))
        if not (cleaned.get("points_to_address") or "").strip():
            self.add_error("points_to_address", gettext("Say what the council must address"))
        return cleaned

    def decision_data(self) -> decisions.DecisionData:
        data = self.cleaned_data
        return decisions.DecisionData(
            upheld=data["outcome"] == "upheld",
            reasons=data["reasons"],
            remedy=data.get("remedy") or "",
            points_to_address=data.get("points_to_address") or "",
            findings=[
                decisions.Finding(
                    ground=row.ground,
                    made_out=data[f"{row.ground}_made_out"] == "yes",
                    finding=data[f"{row.ground}_finding"],
                )
                for row in self.grounds
            ],
        )


class AppealListForm(forms.Form):
    """The PCC workspace's filters. A GET form: bad values fall back to the defaults."""

    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("waiting", _("Awaiting decision")), ("decided", _("Decided")), ("all", _("All"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("due", _("Decision due")),
            ("lodged", _("Newest first")),
            ("area", _("Area")),
            ("reference", _("Case reference")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.select("show"), Field.select("sort"), Button.secondary("apply", gettext("Apply"))
        )
        self.helper.disable_csrf = True

    def choice(self, name: str) -> str:
        if self.is_valid() and self.cleaned_data.get(name):
            return self.cleaned_data[name]
        return self.fields[name].choices[0][0]
