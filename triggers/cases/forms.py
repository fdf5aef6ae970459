from crispy_forms_gds.layout import Button, Field, Size
from django import forms

from agencies.forms import gds_helper
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
        layout = [
            Field.select(name) for name in ("status", "officer", "sort") if name in self.fields
        ]
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
