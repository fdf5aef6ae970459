from crispy_forms_gds.layout import Button, Field, Size
from django import forms

from agencies.forms import gds_helper
from triggers.cases.notes import ContactData
from triggers.fields import DateField, text_input
from triggers.models import CaseNote
from triggers.selectors import CaseFilters
from triggers.workflow import Status


class CaseFilterForm(forms.Form):
    """The case list's filters. A GET form: bad values fall back to the defaults."""

    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "All open cases"), *Status.choices]
    )
    officer = forms.ChoiceField(
        label="Officer",
        required=False,
        choices=[("", "Anyone"), ("me", "Assigned to me"), ("none", "Not assigned")],
    )
    overdue = forms.BooleanField(label="Only overdue", required=False)
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("deadline", "Next deadline"),
            ("newest", "Newest first"),
            ("oldest", "Oldest first"),
            ("reference", "Reference"),
        ],
    )

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        if len(areas) > 1:
            self.fields["area"] = forms.ChoiceField(
                label="Area",
                required=False,
                choices=[("", "All my areas"), *((a.slug, a.name) for a in areas)],
            )
        layout = [Field.select(name) for name in ("status", "officer", "sort")]
        if "area" in self.fields:
            layout.insert(0, Field.select("area"))
        self.helper = gds_helper(
            *layout,
            Field.checkbox("overdue", small=True),
            Button.secondary("apply", "Apply filters"),
            label_size=Size.SMALL,
        )
        # A GET form: crispy-forms-gds would otherwise write a CSRF token into it, and so into
        # the URL of every filtered list.
        self.helper.disable_csrf = True

    def filters(self) -> CaseFilters:
        if not self.is_valid():
            return CaseFilters()
        data = self.cleaned_data
        return CaseFilters(
            status=data.get("status") or "",
            overdue=bool(data.get("overdue")),
            officer=data.get("officer") or "",
            area=data.get("area") or "",
            sort=data.get("sort") or "deadline",
        )


class NoteForm(forms.Form):
    """A note on the case; with `contact=True`, a record of a contact with someone."""

    text = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={
            "required": "Enter the note",
            "max_length": "The note must be 5,000 characters or fewer",
        },
    )
    visibility = forms.ChoiceField(
        label="Who may read it?",
        widget=forms.RadioSelect,
        choices=CaseNote.Visibility.choices,
        error_messages={
            "required": "Choose who may read the note",
            "invalid_choice": "Choose who may read the note",
        },
    )

    def __init__(self, *args, contact: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.contact = contact
        layout = [Field.textarea("text"), Field.radios("visibility", legend_size=Size.SMALL)]
        if contact:
            self.fields["text"].label = "What was said or done"
            self.fields.update(contact_fields())
            layout = [
                Field("contact_on"),
                Field.text("contact_with"),
                Field.radios("channel", legend_size=Size.SMALL, small=True),
                Field.radios("direction", legend_size=Size.SMALL, small=True),
                *layout,
            ]
        label = "Record the contact" if contact else "Add the note"
        self.helper = gds_helper(*layout, Button("submit", label))

    def contact_data(self) -> ContactData | None:
        if not self.contact:
            return None
        data = self.cleaned_data
        return ContactData(
            on=data["contact_on"],
            with_whom=data["contact_with"],
            channel=data["channel"],
            direction=data["direction"],
        )


def contact_fields() -> dict[str, forms.Field]:
    """The contact log's own questions: when, with whom, how, and which way."""
    return {
        "contact_on": DateField(what="the date of the contact", label="Date of the contact"),
        "contact_with": forms.CharField(
            label="Who was it with?",
            help_text="For example, the applicant, or a named officer of an agency.",
            max_length=120,
            widget=text_input(),
            error_messages={
                "required": "Enter who the contact was with",
                "max_length": "Who the contact was with must be 120 characters or fewer",
            },
        ),
        "channel": forms.ChoiceField(
            label="How?",
            widget=forms.RadioSelect,
            choices=CaseNote.Channel.choices,
            error_messages={
                "required": "Choose how the contact was made",
                "invalid_choice": "Choose how the contact was made",
            },
        ),
        "direction": forms.ChoiceField(
            label="Which way?",
            widget=forms.RadioSelect,
            choices=CaseNote.Direction.choices,
            error_messages={
                "required": "Choose whether they contacted us or we contacted them",
                "invalid_choice": "Choose whether they contacted us or we contacted them",
            },
        ),
    }


class HandoverForm(forms.Form):
    """Hand the case to another officer of the area, and the review to another chair."""

    officer = forms.ModelChoiceField(
        label="Case officer",
        queryset=None,
        empty_label="Choose the officer",
        error_messages={
            "required": "Choose the officer who takes the case",
            "invalid_choice": "Choose an officer from the list",
        },
    )
    reason = forms.CharField(
        label="Why is it handed over? (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
        error_messages={"max_length": "The reason must be 1,000 characters or fewer"},
    )

    def __init__(self, *args, officers, chairs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers
        self.fields["officer"].label_from_instance = _person
        layout = [Field.select("officer")]
        if chairs is not None:
            self.fields["chair"] = forms.ModelChoiceField(
                label="Chair of the review meeting",
                help_text="The area's own staff and its named independent chairs.",
                queryset=chairs,
                empty_label="Choose the chair",
                error_messages={
                    "required": "Choose who chairs the review meeting",
                    "invalid_choice": "Choose a chair from the list",
                },
            )
            self.fields["chair"].label_from_instance = _person
            layout.append(Field.select("chair"))
        self.helper = gds_helper(*layout, Field.textarea("reason"), Button("submit", "Hand over"))


def _person(user) -> str:
    return f"{user.full_name} ({user.email})"
