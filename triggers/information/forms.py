"""Forms for asking agencies for information and for their returns."""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field, Fieldset, Size
from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from agencies.models import AreaMembership
from triggers import blocks, uploads
from triggers.fields import DateField, MultipleFileField
from triggers.information.services import ReportData, ReturnData

REPORTS = "report"  # the prefix of the report blocks (add another)

# A member's part in the area, as the choice of whom to ask names it.
ROLE_IN_WORDS = {
    AreaMembership.Role.RELEVANT_BODY: _("relevant body"),
    AreaMembership.Role.CO_OPTED_HOUSING: _("co-opted housing provider"),
    AreaMembership.Role.PARTNER: _("other partner"),
}
ALSO_ASK = _("Also ask")


def _documents_help() -> str:
    return gettext("Up to %(n)s files, each smaller than %(size)sMB: %(kinds)s.") % {
        "n": uploads.MAX_FILES_PER_RETURN,
        "size": uploads.MAX_UPLOAD_BYTES // 1024 // 1024,
        "kinds": gettext(uploads.ALLOWED_DESCRIPTION),
    }


# In the language of the page that shows it.
documents_help = lazy(_documents_help, str)


class AlsoAskField(forms.MultipleChoiceField):
    """The area's optional members (co-opted housing providers, other partners) to ask
    besides the relevant bodies, who are always asked."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, label=ALSO_ASK, **kwargs):
        kwargs.setdefault(
            "help_text",
            _(
                "The council, police and health body (the integrated care board in England, the "
                "Local Health Board in Wales), and any co-opted housing provider a complaint "
                "was made to, are always asked for information. Choose any other co-opted "
                "housing provider or partner this case concerns."
            ),
        )
        super().__init__(label=label, required=False, **kwargs)

    def offer(self, optional) -> None:
        self.choices = [
            (str(m.agency_id), f"{m.agency.name} ({ROLE_IN_WORDS.get(m.role, m.role)})")
            for m in optional
        ]

    @staticmethod
    def agency_ids(value) -> tuple[int, ...]:
        return tuple(int(v) for v in value or ())


class NotifyAgenciesForm(forms.Form):
    """Which optional members of the area to ask besides the relevant bodies."""

    also_ask = AlsoAskField()

    def __init__(self, *args, optional=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["also_ask"].offer(optional)
        choose = (
            [Field.checkboxes("also_ask", legend_size=Size.MEDIUM, small=True)] if optional else []
        )
        self.helper = gds_helper(*choose, Button("submit", gettext("Send the requests")))

    def agency_ids(self) -> tuple[int, ...]:
        return AlsoAskField.agency_ids(self.cleaned_data["also_ask"])


DRAFT = "draft"  # the name of the "Save as draft" button


class InformationReturnForm(forms.Form):
    holds_no_information = forms.BooleanField(
        label=_("We hold no information about this behaviour"), required=False
    )
    actions_taken = forms.CharField(
        label=_("Actions already taken"),
        help_text=_("What your agency has done about this behaviour, with dates."),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=10000,
    )
    risk_and_vulnerability = forms.CharField(
        label=_("Risk and vulnerability"),
        help_text=_(
            "Anything about the victim's or others' safety or vulnerability the review should know."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
    )
    proposals = forms.CharField(
        label=_("Proposals for the review"),
        help_text=_("What your agency could do, or suggests others do."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
    )
    documents = MultipleFileField(
        label=_("Documents (optional)"),
        help_text=documents_help(),
        required=False,
    )

    def __init__(self, *args, reports: int | None = None, drafts: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.reports = reports or blocks.count(self.data if self.is_bound else None, REPORTS)
        rows = []
        for n in range(1, self.reports + 1):
            self.fields[f"report_{n}_date"] = DateField(
                what=gettext("the date of report %(n)s") % {"n": n},
                label=_("Date reported"),
                required=False,
            )
            self.fields[f"report_{n}_summary"] = forms.CharField(
                label=_("What was reported"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=2000,
            )
            self.fields[f"report_{n}_reference"] = forms.CharField(
                label=_("Your reference (optional)"), required=False, max_length=60
            )
            rows.append(
                blocks.block(
                    REPORTS,
                    n,
                    gettext("report"),
                    Field(f"report_{n}_date"),
                    Field.textarea(f"report_{n}_summary"),
                    Field.text(f"report_{n}_reference", field_width=20),
                )
            )
        self.helper = gds_helper(
            # Enter saves a draft where drafts are kept: never sends the return by accident.
            blocks.default_submit(DRAFT, gettext("Save as draft"))
            if drafts
            else blocks.default_submit("submit", gettext("Send your information")),
            Field.checkbox("holds_no_information"),
            Fieldset(
                *rows,
                blocks.add_button(REPORTS, gettext("report")),
                legend=gettext("Reports you hold about this behaviour"),
                legend_size=Size.MEDIUM,
                css_class="app-add-another",
                **{"data-add-another": REPORTS},
            ),
            Field.textarea("actions_taken"),
            Field.textarea("risk_and_vulnerability"),
            Field.textarea("proposals"),
            Field("documents"),
            Button("submit", gettext("Send your information")),
            *([Button.secondary(DRAFT, gettext("Save as draft"))] if drafts else []),
        )

    def clean(self):
        cleaned = super().clean()
        for n in range(1, self.reports + 1):
            has_date = cleaned.get(f"report_{n}_date")
            has_summary = (cleaned.get(f"report_{n}_summary") or "").strip()
            if has_date and not has_summary:
                self.add_error(
                    f"report_{n}_summary",
                    gettext("Enter what was reported in report %(n)s") % {"n": n},
                )
            if has_summary and not has_date and f"report_{n}_date" not in self.errors:
                self.add_error(
                    f"report_{n}_date", gettext("Enter the date of report %(n)s") % {"n": n}
                )
        return cleaned

    def return_data(self) -> ReturnData:
        data = self.cleaned_data
        reports = [
            ReportData(
                reported_on=data[f"report_{n}_date"],
                summary=data[f"report_{n}_summary"].strip(),
                reference=data[f"report_{n}_reference"].strip(),
            )
            for n in range(1, self.reports + 1)
            if data.get(f"report_{n}_date") and (data.get(f"report_{n}_summary") or "").strip()
        ]
        return ReturnData(
            holds_no_information=data["holds_no_information"],
            actions_taken=data["actions_taken"],
            risk_and_vulnerability=data["risk_and_vulnerability"],
            proposals=data["proposals"],
            reports=reports,
        )

    def typed_answers(self) -> dict[str, list[str]]:
        """What was typed, unjudged, for a draft: only this form's own boxes."""
        names = set()
        for name, field in self.fields.items():
            if isinstance(field, forms.MultiValueField):
                names |= {f"{name}_{i}" for i in range(len(field.fields))}
            elif not isinstance(field, MultipleFileField):
                names.add(name)
        return {name: self.data.getlist(name) for name in sorted(names) if name in self.data}

    @staticmethod
    def initial_for(info) -> dict:
        """The return as sent, for correcting it; `reports` is the number of blocks."""
        initial = {
            "holds_no_information": info.holds_no_information,
            "actions_taken": info.actions_taken,
            "risk_and_vulnerability": info.risk_and_vulnerability,
            "proposals": info.proposals,
        }
        reports = list(info.reports.all())
        for n, report in enumerate(reports, start=1):
            initial |= {
                f"report_{n}_date": report.reported_on,
                f"report_{n}_summary": report.summary,
                f"report_{n}_reference": report.reference,
            }
        return initial | {"reports": max(1, len(reports))}
