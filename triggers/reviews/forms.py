"""Forms of the review: the victim's part, the review record, comments on the draft plan
(action updates and answers to recommendations: triggers/reviews/follow_up.py).

The review record's recommendations and actions are blocks that grow with "Add another"
(triggers/blocks.py), without JavaScript too; empty blocks are ignored and half-filled ones
are errors.
"""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field, Fieldset, Size
from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers import blocks
from triggers.fields import DateField
from triggers.meetings.forms import MeetingDateField
from triggers.models import VictimInvolvement
from triggers.reviews.involvement import InvolvementData
from triggers.reviews.services import ActionData, RecommendationData, ReviewData

RECOMMENDATIONS = "rec"  # the prefixes of the blocks (add another)
NAMED_BODY = "named"  # a recommendation "For" a body that is not a member of the area
ACTIONS = "action"
Way = VictimInvolvement.Way


def _textarea(label: str, *, required=False, max_length=5000, rows=4, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


class InvolvementForm(forms.Form):
    """How the victim takes part in the meeting, and what they want it to know."""

    way = forms.ChoiceField(
        label=_("How will the victim take part in the review meeting?"),
        choices=Way.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the victim will take part")},
    )
    advocate_name = forms.CharField(
        label=_("Advocate's name (if represented)"), required=False, max_length=120
    )
    advocate_contact = forms.CharField(
        label=_("How to contact the advocate"),
        help_text=_("Phone number or email address."),
        required=False,
        max_length=200,
    )
    statement = _textarea(
        _("Written statement for the meeting (if sending one)"),
        help_text=_("The meeting reads this out or reads it beforehand."),
    )
    impact = _textarea(_("The impact of the behaviour"), help_text=_("On the victim and others."))
    resolution = _textarea(_("What would a good resolution look like?"))

    def __init__(self, *args, applicant: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if applicant:
            self.fields["way"].label = _("How do you want to take part in the review meeting?")
            self.fields["way"].error_messages["required"] = _(
                "Choose how you want to take part in the review meeting"
            )
            self.fields["impact"].label = _("How has the behaviour affected you?")
            self.fields["impact"].help_text = _("Tell us about you and anyone else affected.")
        self.helper = gds_helper(
            Field.radios("way", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field.text("advocate_name"),
            Field.text("advocate_contact"),
            Field.textarea("statement"),
            Field.textarea("impact"),
            Field.textarea("resolution"),
            Button("submit", _("Save")),
        )

    def clean(self):
        cleaned = super().clean()
        way = cleaned.get("way")
        if way == Way.ADVOCATE:
            if not cleaned.get("advocate_name", "").strip():
                self.add_error("advocate_name", _("Enter the advocate's name"))
            if not cleaned.get("advocate_contact", "").strip():
                self.add_error("advocate_contact", _("Enter how to contact the advocate"))
        if way == Way.WRITTEN and not cleaned.get("statement", "").strip():
            self.add_error(
                "statement", _("Write the statement, or choose another way to take part")
            )
        return cleaned

    def involvement_data(self) -> InvolvementData:
        return InvolvementData(**{k: self.cleaned_data[k] for k in InvolvementData.__annotations__})

    @staticmethod
    def initial_for(involvement, case) -> dict:
        if involvement is None:
            return {"impact": case.impact, "resolution": case.desired_outcome}
        names = InvolvementData.__annotations__
        return {name: getattr(involvement, name) for name in names}


class ReviewRecordForm(forms.Form):
    attendance = _textarea(
        _("Who attended"),
        required=True,
        help_text=_("Names, agencies, and whether the victim or their advocate attended."),
        error_messages={"required": _("Enter who attended the meeting")},
    )
    findings = _textarea(
        _("What the review found"),
        required=True,
        max_length=10000,
        rows=6,
        help_text=_("The applicant reads this in the outcome letter: use plain words."),
        error_messages={"required": _("Enter what the review found")},
    )

    def __init__(
        self, *args, agencies, meeting_day=None, missing=(), recording=True, rows=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        shown = self.data if self.is_bound else self.initial
        rows = rows or {p: blocks.count(shown, p) for p in (RECOMMENDATIONS, ACTIONS)}
        self.recommendations, self.actions = rows[RECOMMENDATIONS], rows[ACTIONS]
        self.agencies = {str(a.pk): a for a in agencies}
        self.meeting_day, self.missing = meeting_day, list(missing)
        choices = [
            ("", gettext("Choose the agency")),
            *((k, a.name) for k, a in self.agencies.items()),
        ]
        layout = [Field.textarea("attendance"), Field.textarea("findings")]
        if recording:
            self.fields["held_on"] = DateField(
                what=gettext("the day the meeting was held"),
                label=gettext("When was the meeting held?"),
                help_text=gettext("Leave empty if it was held on %(day)s, as arranged.")
                % {"day": date_format(meeting_day, "j F Y")}
                if meeting_day
                else gettext("Leave empty if it was held today."),
                required=False,
            )
            layout.insert(0, Field("held_on"))
        if recording and self.missing:
            self.fields["confirm_missing"] = forms.BooleanField(
                label=gettext("Record the review without information from %(names)s")
                % {"names": _names(self.missing)},
                required=False,
            )
            layout.insert(1, Field.checkbox("confirm_missing", small=True))
        rows = []
        for n in range(1, self.recommendations + 1):
            self.fields[f"rec_{n}_agency"] = forms.ChoiceField(
                label=gettext("For"),
                choices=[
                    *choices,
                    (NAMED_BODY, gettext("A named body (give its name and email below)")),
                ],
                required=False,
            )
            self.fields[f"rec_{n}_name"] = forms.CharField(
                label=gettext("Named body (if not a member agency)"),
                help_text=gettext(
                    "Any person or body exercising public functions: a school, a GP "
                    "practice, a housing provider, the highways authority."
                ),
                required=False,
                max_length=160,
            )
            self.fields[f"rec_{n}_email"] = forms.EmailField(
                label=gettext("Named body's email address"),
                required=False,
                error_messages={
                    "invalid": gettext(
                        "Enter the named body's email address of recommendation %(n)s in the "
                        "correct format, like name@example.org"
                    )
                    % {"n": n}
                },
            )
            self.fields[f"rec_{n}_text"] = _textarea(
                gettext("Recommendation"), rows=2, max_length=2000
            )
            rows.append(
                blocks.block(
                    RECOMMENDATIONS,
                    n,
                    gettext("recommendation"),
                    Field.select(f"rec_{n}_agency"),
                    Field.text(f"rec_{n}_name"),
                    Field.text(f"rec_{n}_email", field_width=20),
                    Field.textarea(f"rec_{n}_text"),
                )
            )
        layout.append(
            _list(
                RECOMMENDATIONS,
                gettext("recommendation"),
                rows,
                gettext("Recommendations (leave empty if none)"),
            )
        )
        rows = []
        for n in range(1, self.actions + 1):
            self.fields[f"action_{n}_description"] = _textarea(
                gettext("Action"), rows=2, max_length=2000
            )
            self.fields[f"action_{n}_agency"] = forms.ChoiceField(
                label=gettext("Owner"), choices=choices, required=False
            )
            self.fields[f"action_{n}_due"] = MeetingDateField(
                what=gettext("the due date of action %(n)s") % {"n": n},
                label=gettext("Due date"),
                required=False,
            )
            rows.append(
                blocks.block(
                    ACTIONS,
                    n,
                    gettext("action"),
                    Field.textarea(f"action_{n}_description"),
                    Field.select(f"action_{n}_agency"),
                    Field(f"action_{n}_due"),
                )
            )
        layout.append(_list(ACTIONS, gettext("action"), rows, gettext("Draft action plan")))
        layout.append(Button("submit", gettext("Record the review")))
        self.helper = gds_helper(
            blocks.default_submit("submit", gettext("Record the review")), *layout
        )

    def clean(self):
        cleaned = super().clean()
        self._recommendations, self._actions = [], []
        for n in range(1, self.recommendations + 1):
            self._clean_recommendation(cleaned, n)
        for n in range(1, self.actions + 1):
            self._clean_action(cleaned, n)
        if self.missing and not cleaned.get("confirm_missing"):
            self.add_error("confirm_missing", missing_message(self.missing))
        held = cleaned.get("held_on")
        if held and self.meeting_day and held < self.meeting_day:
            self.add_error(
                "held_on",
                gettext(
                    "The day the meeting was held must be on or after %(day)s, the day it was "
                    "arranged for"
                )
                % {"day": date_format(self.meeting_day, "j F Y")},
            )
        return cleaned

    def _clean_recommendation(self, cleaned, n: int) -> None:
        """To a member agency, or to a named body with its name and email address."""
        agency, text = cleaned.get(f"rec_{n}_agency"), cleaned.get(f"rec_{n}_text", "").strip()
        name = cleaned.get(f"rec_{n}_name", "").strip()
        email = cleaned.get(f"rec_{n}_email", "")
        if f"rec_{n}_email" in self.errors or not (agency or text or name or email):
            return
        named = agency == NAMED_BODY or (not agency and (name or email))
        if not text:
            self.add_error(
                f"rec_{n}_text",
                gettext("Enter recommendation %(n)s, or clear who it is for") % {"n": n},
            )
        if not agency and not named:
            self.add_error(
                f"rec_{n}_agency", gettext("Choose who recommendation %(n)s is for") % {"n": n}
            )
        elif not named and (name or email):
            self.add_error(
                f"rec_{n}_name",
                gettext(
                    "Recommendation %(n)s is for a member agency: clear the named body, or "
                    "choose a named body"
                )
                % {"n": n},
            )
        elif named and not name:
            self.add_error(
                f"rec_{n}_name",
                gettext("Enter the name of the body recommendation %(n)s is for") % {"n": n},
            )
        elif named and not email:
            self.add_error(
                f"rec_{n}_email",
                gettext("Enter the email address of the body recommendation %(n)s is for")
                % {"n": n},
            )
        elif text:
            data = (None, text, name, email) if named else (self.agencies[agency], text)
            self._recommendations.append(RecommendationData(*data))

    def _clean_action(self, cleaned, n: int) -> None:
        description = cleaned.get(f"action_{n}_description", "").strip()
        agency, due = cleaned.get(f"action_{n}_agency"), cleaned.get(f"action_{n}_due")
        if f"action_{n}_due" in self.errors:
            return
        if not (description or agency or due):
            return
        if not description:
            self.add_error(f"action_{n}_description", gettext("Describe action %(n)s") % {"n": n})
        if not agency:
            self.add_error(
                f"action_{n}_agency", gettext("Choose which agency owns action %(n)s") % {"n": n}
            )
        if not due:
            self.add_error(
                f"action_{n}_due", gettext("Enter the due date of action %(n)s") % {"n": n}
            )
        if description and agency and due:
            self._actions.append(ActionData(self.agencies[agency], description, due))

    @staticmethod
    def initial_for(review) -> dict:
        """The recorded answers, for changing the draft plan."""
        if review is None:
            return {}
        initial = {"attendance": review.attendance, "findings": review.findings}
        for n, rec in enumerate(review.recommendations.all(), start=1):
            initial |= {
                f"rec_{n}_agency": str(rec.agency_id) if rec.agency_id else NAMED_BODY,
                f"rec_{n}_name": rec.recipient_name,
                f"rec_{n}_email": rec.recipient_email,
                f"rec_{n}_text": rec.text,
            }
        for n, action in enumerate(review.actions.order_by("position"), start=1):
            initial |= {
                f"action_{n}_description": action.description,
                f"action_{n}_agency": str(action.owner_agency_id),
                f"action_{n}_due": action.due_date,
            }
        return initial

    def review_data(self) -> ReviewData:
        return ReviewData(
            attendance=self.cleaned_data["attendance"],
            findings=self.cleaned_data["findings"],
            recommendations=self._recommendations,
            actions=self._actions,
            held_on=self.cleaned_data.get("held_on"),
            without_missing_returns=bool(self.cleaned_data.get("confirm_missing")),
        )


def _list(prefix: str, noun: str, rows, legend: str) -> Fieldset:
    return Fieldset(
        *rows,
        blocks.add_button(prefix, noun),
        legend=legend,
        legend_size=Size.MEDIUM,
        legend_tag="h2",
        css_class="app-add-another",
        **{"data-add-another": prefix},
    )


def missing_message(missing: list[str]) -> str:
    if len(missing) == 1:
        message = gettext(
            "%(names)s has not returned information: tick the box to confirm that you are "
            "recording the review without it"
        )
    else:
        message = gettext(
            "%(names)s have not returned information: tick the box to confirm that you are "
            "recording the review without it"
        )
    return message % {"names": _names(missing)}


def _names(names: list[str]) -> str:
    if len(names) < 2:
        return names[0]
    return f"{', '.join(names[:-1])}{gettext(' and ')}{names[-1]}"


class PlanCommentForm(forms.Form):
    text = _textarea(
        _("Your comments on the draft action plan"),
        required=True,
        help_text=_("Tell us what you think of the plan: what is missing, and what would help."),
        error_messages={"required": _("Write your comments on the draft action plan")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text"), Button("submit", _("Send my comments")))
