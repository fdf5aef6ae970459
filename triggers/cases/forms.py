from urllib.parse import urlencode

from crispy_forms_gds.layout import Button, Field, Size
from django import forms
from django.http import QueryDict
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers.cases.notes import ContactData
from triggers.fields import DateField, text_input
from triggers.models import CaseNote
from triggers.search import MAX_WORDS
from triggers.selectors import SORT_FIELDS, CaseFilters
from triggers.workflow import OPEN_STATUSES, Status

SORT_LABELS = {
    "deadline": _("Next deadline"),
    "received": _("Date received"),
    "reference": _("Reference"),
    "applicant": _("Applicant"),
    "place": _("Postcode"),
    "status": _("Status"),
    "officer": _("Officer"),
    "area": _("Area"),
}
# The list's own parameters, in the order a saved filter and the CSV link write them.
FILTER_PARAMS = ("q", "status", "officer", "overdue", "area", "sort", "dir")


def _status_choices():
    """The statuses, each label in the page's language (the catalogue holds them; the
    workflow keeps its English, which the history records)."""
    return [(value, _(label)) for value, label in Status.choices]


def _options_html(options) -> SafeString:
    """A select's <option>s, as the template's loop wrote them (a loop over a status list of
    fifteen was a twentieth of the case list's Python, issue #18); values and labels escaped
    as the template escaped them."""
    return mark_safe(  # noqa: S308  # nosec B308 B703 -- every value and label escaped
        "".join(
            f'<option value="{conditional_escape(value)}"{" selected" if chosen else ""}>'
            f"{conditional_escape(label)}</option>"
            for value, label, chosen in options
        )
    )


class CaseFilterForm(forms.Form):
    """The case list's search, filters and sort. A GET form: bad values fall back to the
    defaults."""

    # Typed in the search box above the list; carried here so that filtering keeps it.
    q = forms.CharField(required=False, widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All open cases")), *_status_choices()]
    )
    officer = forms.ChoiceField(
        label=_("Officer"),
        required=False,
        choices=[("", _("Anyone")), ("me", _("Assigned to me")), ("none", _("Not assigned"))],
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        # The list's default (next deadline) first: an unbound form shows it selected.
        choices=[(key, label) for key, label in SORT_LABELS.items() if key in SORT_FIELDS],
    )
    dir = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Usual order")), ("asc", _("Ascending")), ("desc", _("Descending"))],
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
                ("", gettext("All open cases (%(n)s)") % {"n": open_cases}),
                *(
                    (value, f"{gettext(label)} ({counts.get(value, 0)})")
                    for value, label in Status.choices
                ),
            ]
        if not areas:
            # "Assigned to me" means nothing to those who are assigned no cases: responders,
            # chairs, the PCC's officers (issue #17).
            del self.fields["officer"]
        if len(areas) > 1:
            self.fields["area"] = forms.ChoiceField(
                label=_("Area"),
                required=False,
                choices=[("", _("All my areas")), *((a.slug, a.name) for a in areas)],
            )

    def selects(self) -> list[dict]:
        """Each select the list offers, with its options and which one is chosen (a bad value
        chooses none, so the browser shows the first: the default the list falls back to)."""
        chosen = self.data if self.is_bound else {}
        selects = []
        for name in self.SELECTS:
            if name not in self.fields:
                continue
            options = [
                (value, label, chosen.get(name) == value)
                for value, label in self.fields[name].choices
            ]
            label = self.fields[name].label
            selects.append({"name": name, "label": label, "options": options})
            selects[-1]["options_html"] = _options_html(options)
        return selects

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
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={
            "required": _("Enter the note"),
            "max_length": _("The note must be 5,000 characters or fewer"),
        },
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it?"),
        widget=forms.RadioSelect,
        choices=CaseNote.Visibility.choices,
        error_messages={
            "required": _("Choose who may read the note"),
            "invalid_choice": _("Choose who may read the note"),
        },
    )

    def __init__(self, *args, contact: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.contact = contact
        layout = [Field.textarea("text"), Field.radios("visibility", legend_size=Size.SMALL)]
        if contact:
            self.fields["text"].label = _("What was said or done")
            self.fields.update(contact_fields())
            layout = [
                Field("contact_on"),
                Field.text("contact_with"),
                Field.radios("channel", legend_size=Size.SMALL, small=True),
                Field.radios("direction", legend_size=Size.SMALL, small=True),
                *layout,
            ]
        label = gettext("Record the contact") if contact else gettext("Add the note")
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
        "contact_on": DateField(what=_("the date of the contact"), label=_("Date of the contact")),
        "contact_with": forms.CharField(
            label=_("Who was it with?"),
            help_text=_("For example, the applicant, or a named officer of an agency."),
            max_length=120,
            widget=text_input(),
            error_messages={
                "required": _("Enter who the contact was with"),
                "max_length": _("Who the contact was with must be 120 characters or fewer"),
            },
        ),
        "channel": forms.ChoiceField(
            label=_("How?"),
            widget=forms.RadioSelect,
            choices=CaseNote.Channel.choices,
            error_messages={
                "required": _("Choose how the contact was made"),
                "invalid_choice": _("Choose how the contact was made"),
            },
        ),
        "direction": forms.ChoiceField(
            label=_("Which way?"),
            widget=forms.RadioSelect,
            choices=CaseNote.Direction.choices,
            error_messages={
                "required": _("Choose whether they contacted us or we contacted them"),
                "invalid_choice": _("Choose whether they contacted us or we contacted them"),
            },
        ),
    }


class HandoverForm(forms.Form):
    """Hand the case to another officer of the area, and the review to another chair."""

    officer = forms.ModelChoiceField(
        label=_("Case officer"),
        queryset=None,
        empty_label=_("Choose the officer"),
        error_messages={
            "required": _("Choose the officer who takes the case"),
            "invalid_choice": _("Choose an officer from the list"),
        },
    )
    reason = forms.CharField(
        label=_("Why is it handed over? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
        error_messages={"max_length": _("The reason must be 1,000 characters or fewer")},
    )

    def __init__(self, *args, officers, chairs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers
        self.fields["officer"].label_from_instance = _person
        layout = [Field.select("officer")]
        if chairs is not None:
            self.fields["chair"] = forms.ModelChoiceField(
                label=_("Chair of the review meeting"),
                help_text=_("The area's own staff and its named independent chairs."),
                queryset=chairs,
                empty_label=_("Choose the chair"),
                error_messages={
                    "required": _("Choose who chairs the review meeting"),
                    "invalid_choice": _("Choose a chair from the list"),
                },
            )
            self.fields["chair"].label_from_instance = _person
            layout.append(Field.select("chair"))
        self.helper = gds_helper(
            *layout, Field.textarea("reason"), Button("submit", gettext("Hand over"))
        )


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
        label=_("Name this filter"),
        max_length=60,
        help_text=_(
            "For example, 'Overdue in Northtown'. A filter with the same name is replaced."
        ),
        error_messages={
            "required": _("Enter a name for the filter"),
            "max_length": _("Name must be 60 characters or fewer"),
        },
    )
    query = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("name", "query", Button.primary("save", gettext("Save filter")))
