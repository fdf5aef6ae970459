from urllib.parse import urlencode

from crispy_forms_gds.layout import Button, Field, Size
from django import forms
from django.http import QueryDict

from agencies.forms import gds_helper
from triggers.cases.notes import ContactData
from triggers.fields import DateField, text_input
from triggers.models import CaseNote
from triggers.search import MAX_WORDS
from triggers.selectors import SORT_FIELDS, CaseFilters
from triggers.workflow import OPEN_STATUSES, Status

SORT_LABELS = {
    "deadline": "Next deadline",
    "received": "Date received",
    "reference": "Reference",
    "applicant": "Applicant",
    "place": "Postcode",
    "status": "Status",
    "officer": "Officer",
    "area": "Area",
}
# The list's own parameters, in the order a saved filter and the CSV link write them.
FILTER_PARAMS = ("q", "status", "officer", "overdue", "area", "sort", "dir")


class CaseFilterForm(forms.Form):
    """The case list's search, filters and sort. A GET form: bad values fall back to the
    defaults."""

    # Typed in the search box above the list; carried here so that filtering keeps it.
    q = forms.CharField(required=False, widget=forms.HiddenInput)
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
        # The list's default (next deadline) first: an unbound form shows it selected.
        choices=[(key, label) for key, label in SORT_LABELS.items() if key in SORT_FIELDS],
    )
    dir = forms.ChoiceField(
        label="Order",
        required=False,
        choices=[("", "Usual order"), ("asc", "Ascending"), ("desc", "Descending")],
    )

    # The order the filter column shows its selects in; the template writes their GOV.UK
    # markup itself (crispy-forms took a fifth of the list's time, issue #18).
    SELECTS = ("area", "status", "officer", "sort", "dir")

    def __init__(self, *args, areas=(), counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if counts:
            # How many of the user's areas' cases each status holds, from the stored counters
            # (triggers/counts.py): no query over the cases.
            open_cases = sum(n for status, n in counts.items() if status in OPEN_STATUSES)
            self.fields["status"].choices = [
                ("", f"All open cases ({open_cases})"),
                *((value, f"{label} ({counts.get(value, 0)})") for value, label in Status.choices),
            ]
        if not areas:
            # "Assigned to me" means nothing to those who are assigned no cases: responders,
            # chairs, the PCC's officers (issue #17).
            del self.fields["officer"]
        if len(areas) > 1:
            self.fields["area"] = forms.ChoiceField(
                label="Area",
                required=False,
                choices=[("", "All my areas"), *((a.slug, a.name) for a in areas)],
            )

    def selects(self) -> list[dict]:
        """Each select the list offers, with its options and which one is chosen (a bad value
        chooses none, so the browser shows the first: the default the list falls back to)."""
        chosen = self.data if self.is_bound else {}
        return [
            {
                "name": name,
                "label": self.fields[name].label,
                "options": [
                    (value, label, chosen.get(name) == value)
                    for value, label in self.fields[name].choices
                ],
            }
            for name in self.SELECTS
            if name in self.fields
        ]

    def only_overdue(self) -> bool:
        # As Django's checkbox reads it ("false" unticks, any other value ticks).
        return bool(self["overdue"].value())

    def filters(self) -> CaseFilters:
        if not self.is_valid():
            # Bad filters fall back to the defaults, but the search words still count.
            return CaseFilters(q=_words(self.data.get("q", "")))
        data = self.cleaned_data
        return CaseFilters(
            status=data.get("status") or "",
            overdue=bool(data.get("overdue")),
            officer=data.get("officer") or "",
            area=data.get("area") or "",
            sort=data.get("sort") or "deadline",
            direction=data.get("dir") or "",
            q=_words(data.get("q") or ""),
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


def _words(text: str) -> str:
    return " ".join(str(text).replace("\x00", " ").split())[:MAX_WORDS]


def filters_from(data, user_areas) -> CaseFilters:
    """The filters a query string asks for (an empty one: the defaults)."""
    if not any(data.get(name) for name in FILTER_PARAMS):
        return CaseFilters()
    return CaseFilterForm(data, areas=user_areas).filters()


def query_for(filters: CaseFilters) -> str:
    """The query string that asks for these filters: only what differs from the defaults."""
    default = CaseFilters()
    values = {
        "q": filters.q,
        "status": filters.status,
        "officer": filters.officer,
        "overdue": "on" if filters.overdue else "",
        "area": filters.area,
        "sort": filters.sort if filters.sort != default.sort else "",
        "dir": filters.direction,
    }
    return urlencode({name: value for name, value in values.items() if value})


def clean_query(query: str, user_areas) -> str:
    """A query string as the list reads it: unknown parameters and bad values dropped."""
    return query_for(filters_from(QueryDict(query), user_areas))


class SavedFilterForm(forms.Form):
    """Saving the list's current filter and sort under a name."""

    name = forms.CharField(
        label="Name this filter",
        max_length=60,
        help_text="For example, 'Overdue in Northtown'. A filter with the same name is replaced.",
        error_messages={
            "required": "Enter a name for the filter",
            "max_length": "Name must be 60 characters or fewer",
        },
    )
    query = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("name", "query", Button.primary("save", "Save filter"))
