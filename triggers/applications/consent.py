"""The victim's consent after it was recorded (DOMAIN.md §5.9): staff correct or update what
it covers, how and when it was given, and who the case writes to, with a reason. One service,
in one transaction, with the case's history saying what changed, who changed it and why.

The victim's agreement to the application itself is not changed here: an application made
for someone cannot go on without it (the case's constraint); if they withdraw it, the case is
withdrawn (triggers.closing).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from crispy_forms_gds.layout import Button, Field, Fieldset, Size
from django import forms
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from agencies.wording import Term, Wording
from triggers.applications.services import ApplicationRefused
from triggers.applications.victim import SEND_TO_WORDS
from triggers.fields import DateField
from triggers.history import record_event
from triggers.models import Case, ConsentHow, SendTo
from triggers.people import consent_covers, consent_words
from triggers.recipients import Role, emailed
from triggers.tracking.services import reissue_tracking_link


class ConsentRefused(ApplicationRefused):
    """A consent record that cannot be kept; `field` is the form's field it is about."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ConsentRecord:
    """What the victim agreed to, how and when, and who the case writes to."""

    share: bool
    contact: bool
    how: str
    on: date
    send_to: str
    reason: str = ""

    @classmethod
    def of(cls, case: Case) -> ConsentRecord:
        return cls(
            share=case.victim_consent_share,
            contact=case.victim_consent_contact,
            how=case.victim_consent_how,
            on=case.victim_consent_on,
            send_to=case.send_to,
        )

    # For the session between the form and the check page.
    def to_session(self) -> dict:
        return {**asdict(self), "on": self.on.isoformat()}

    @classmethod
    def from_session(cls, stored: dict) -> ConsentRecord:
        return cls(**{**stored, "on": date.fromisoformat(stored["on"])})

    # In words: in English for the history (`rows`), in the page's language for the check
    # page (`shown_rows`, `send_to_text`).
    @property
    def covers_text(self) -> str:
        covers = [gettext("applying")]
        if self.share:
            covers.append(gettext("sharing their information with the bodies"))
        if self.contact:
            covers.append(gettext("being contacted"))
        return ", ".join(covers)

    @property
    def how_text(self) -> str:
        return str(ConsentHow(self.how).label) if self.how else gettext("Not recorded")

    @property
    def send_to_text(self) -> str:
        return str(dict(SEND_TO_WORDS)[self.send_to])

    def row_words(self) -> dict[str, Wording | Term | date]:
        """The same rows for the case's history, said in its reader's language."""
        return {
            "What they agreed to": consent_words(self.share, self.contact),
            "How they gave it": Term(ConsentHow(self.how).label if self.how else "Not recorded"),
            "When they gave it": self.on or Term("Not recorded"),
            "Who we write to": Term(SendTo(self.send_to).label),
        }

    def shown_rows(self) -> dict[str, str]:
        """The record in the page's language, row name to value."""
        return {
            gettext("What they agreed to"): self.covers_text,
            gettext("How they gave it"): self.how_text,
            gettext("When they gave it"): (
                date_format(self.on, "j F Y") if self.on else gettext("Not recorded")
            ),
            gettext("Who we write to"): self.send_to_text,
        }

    def rows(self) -> dict[str, str]:
        """The record in English, as the case's history keeps it, whatever the page's language."""
        with translation.override("en"):
            return {
                "What they agreed to": consent_covers(self.share, self.contact),
                "How they gave it": self.how_text,
                "When they gave it": f"{self.on:%-d %B %Y}" if self.on else "Not recorded",
                "Who we write to": str(SendTo(self.send_to).label),
            }


def check_consent(case: Case, record: ConsentRecord) -> None:
    """Why `record` cannot be kept on `case` (raises), as the form and the service both ask."""
    if not case.on_behalf:
        raise ConsentRefused(gettext("Nobody applied for someone else on this case."))
    if not record.share:
        raise ConsentRefused(
            gettext(
                "Every application goes to all the relevant bodies. If the person no longer "
                "agrees to their information being shared, the case cannot go on: withdraw it."
            ),
            "victim_consent_share",
        )
    if record.how not in ConsentHow.values:
        raise ConsentRefused(gettext("Select how they gave their agreement."), "victim_consent_how")
    if record.on is None or record.on > timezone.localdate():
        raise ConsentRefused(
            gettext("The date they gave their agreement must be today or earlier."),
            "victim_consent_on",
        )
    if record.send_to not in SendTo.values:
        raise ConsentRefused(gettext("Select who we write to."), "send_to")
    if record.send_to != SendTo.APPLICANT and not record.contact:
        raise ConsentRefused(
            gettext("They have not agreed to being contacted: we can write only to the applicant."),
            "send_to",
        )
    writable = case.victim_email or case.victim_address.strip()
    if record.send_to != SendTo.APPLICANT and not writable:
        raise ConsentRefused(
            gettext(
                "We have no email or postal address for them: add one on their details page "
                "first, or write only to the applicant."
            ),
            "send_to",
        )


@transaction.atomic
def change_consent(case: Case, record: ConsentRecord, *, by) -> Case:
    """Keep the changed consent record and who the case writes to; the history says what
    changed, who changed it and why. A victim newly written to by email gets their own link."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    check_consent(case, record)
    if not record.reason.strip():
        raise ConsentRefused(gettext("Give the reason for the change."), "reason")
    before = ConsentRecord.of(case)
    changed = [name for name, value in before.rows().items() if record.rows()[name] != value]
    if not changed:
        return case
    case.victim_consent_share, case.victim_consent_contact = record.share, record.contact
    case.victim_consent_how, case.victim_consent_on = record.how, record.on
    case.victim_consent_recorded_by = by
    case.send_to = record.send_to
    case.save(
        update_fields=[
            "victim_consent_share",
            "victim_consent_contact",
            "victim_consent_how",
            "victim_consent_on",
            "victim_consent_recorded_by",
            "send_to",
            "updated_at",
        ]
    )
    was = before.row_words()
    was = Wording.joined(
        *(Wording("%(row)s: %(value)s", row=Term(name), value=was[name]) for name in changed),
        sep="; ",
    )
    record_event(
        case,
        Wording("The victim's consent record changed"),
        by=by,
        reasons=Wording.joined(record.reason.strip(), Wording("Before: %(was)s.", was=was)),
    )
    newly_emailed = any(person.role == Role.VICTIM for person in emailed(case))
    if newly_emailed and not case.victim_tracking_token_hash:
        reissue_tracking_link(case, by=by, party=Role.VICTIM)
    return case


class ConsentForm(forms.Form):
    """The consent record as staff change it, with the reason for the change."""

    victim_consent_share = forms.BooleanField(
        label=_("Sharing their information with the agencies that take part in case reviews"),
        help_text=_(
            "Every application goes to all of them, by law. If they no longer agree, "
            "the case cannot go on: withdraw it instead."
        ),
        error_messages={
            "required": _(
                "Confirm that they agree to their information being shared with the "
                "agencies, or withdraw the case"
            )
        },
    )
    victim_consent_contact = forms.BooleanField(
        label=_("Being contacted by us about the case review"),
        help_text=_("If they have not, we write only to the applicant."),
        required=False,
    )
    victim_consent_how = forms.ChoiceField(
        label=_("How did they give their agreement?"),
        widget=forms.RadioSelect,
        choices=ConsentHow.choices,
        error_messages={
            "required": _("Select how they gave their agreement"),
            "invalid_choice": _("Select how they gave their agreement"),
        },
    )
    victim_consent_on = DateField(
        what=_("the date they gave their agreement"),
        label=_("When did they give it?"),
        help_text=_("For example, 27 3 2026"),
    )
    send_to = forms.ChoiceField(
        label=_("Who should we write to about the case review?"),
        help_text=_("Letters, the invitation to the review meeting and the draft action plan."),
        widget=forms.RadioSelect,
        choices=SEND_TO_WORDS,
        error_messages={
            "required": _("Select who we should write to"),
            "invalid_choice": _("Select who we should write to"),
        },
    )
    reason = forms.CharField(
        label=_("Why is the record changing?"),
        help_text=_(
            "For example, they called to say they now want letters themselves. The "
            "case's history keeps it."
        ),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Enter why the record is changing"),
            "max_length": _("The reason must be %(limit_value)d characters or fewer"),
        },
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.helper = gds_helper(
            Fieldset(
                Field.checkbox("victim_consent_share"),
                Field.checkbox("victim_consent_contact"),
                legend=_("What they have agreed to"),
                legend_size=Size.MEDIUM,
            ),
            Field.radios("victim_consent_how", legend_size=Size.SMALL),
            Field("victim_consent_on"),
            Field.radios("send_to", legend_size=Size.MEDIUM),
            Field.textarea("reason", rows=3),
            Button("continue", _("Continue")),
        )

    @classmethod
    def initial_for(cls, case: Case) -> dict:
        return {
            "victim_consent_share": case.victim_consent_share,
            "victim_consent_contact": case.victim_consent_contact,
            "victim_consent_how": case.victim_consent_how,
            "victim_consent_on": case.victim_consent_on,
            "send_to": case.send_to,
        }

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        record = self.record()
        if record.rows() == ConsentRecord.of(self.case).rows():
            self.add_error(
                None, gettext("Nothing has changed: change the record, or go back to the case")
            )
            return data
        try:
            check_consent(self.case, record)
        except ConsentRefused as refused:
            self.add_error(refused.field, str(refused))
        return data

    def record(self) -> ConsentRecord:
        data = self.cleaned_data
        return ConsentRecord(
            share=data["victim_consent_share"],
            contact=data["victim_consent_contact"],
            how=data["victim_consent_how"],
            on=data["victim_consent_on"],
            send_to=data["send_to"],
            reason=data["reason"].strip(),
        )
