"""The project's overrides of crispy-forms-gds templates (templates/gds/) give GOV.UK Frontend 5.14
markup: ids the error summary can link to, the right base and error classes for each widget.

Small forms are rendered bound with errors, and the markup is read back with the standard
library's HTML parser, so that each test names the element and its exact classes.
"""

from __future__ import annotations

from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import ConditionalQuestion, ConditionalRadios, Field, Size
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse

from agencies.forms import gds_helper
from tests.factories import TEST_PASSWORD

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.parts: list[str | Node] = []  # text and children, in order

    @property
    def id(self) -> str | None:
        return self.attrs.get("id")

    @property
    def classes(self) -> list[str]:
        return sorted((self.attrs.get("class") or "").split())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()

    def content(self) -> str:
        text = (part if isinstance(part, str) else part.content() for part in self.parts)
        return " ".join(" ".join(text).split())


class Page(HTMLParser):
    """A tree of the elements of some HTML: enough to find them by id, class or name."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root
        self.nodes: list[Node] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        self.current.parts.append(node)
        self.nodes.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        self.current.parts.append(node)
        self.nodes.append(node)

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.parts.append(data)

    def all(self, tag: str | None = None, **attrs) -> list[Node]:
        return [
            node
            for node in self.nodes
            if (tag is None or node.tag == tag)
            and all(node.attrs.get(name) == value for name, value in attrs.items())
        ]

    def with_id(self, element_id: str) -> Node:
        found = [node for node in self.nodes if node.id == element_id]
        assert len(found) == 1, f"{len(found)} elements have id {element_id!r}"
        return found[0]

    def with_class(self, css_class: str) -> list[Node]:
        return [node for node in self.nodes if css_class in node.classes]

    def error_summary_links(self) -> list[str]:
        [summary] = self.with_class("govuk-error-summary")
        return [a.attrs["href"] for a in summary.descendants() if a.tag == "a"]


def render(form) -> Page:
    template = Template(
        "{% load crispy_forms_tags crispy_forms_gds %}{% error_summary form %}{% crispy form %}"
    )
    return Page(template.render(Context({"form": form})))


def assert_links_land(page: Page) -> None:
    """Every link of the error summary points to exactly one element of the page."""
    links = page.error_summary_links()
    assert links
    for href in links:
        assert href.startswith("#") and len(href) > 1, href
        page.with_id(href[1:])


# --- Radios and checkboxes ---------------------------------------------------------------

CHOICES = (("north", "North"), ("south", "South"), ("east", "East"))


class RadiosForm(forms.Form):
    area = forms.ChoiceField(label="Which area?", widget=forms.RadioSelect, choices=CHOICES)
    answer = forms.ChoiceField(
        label="Is it?",
        help_text="Say yes or no",
        widget=forms.RadioSelect,
        choices=(Choice("yes", "Yes", hint="It is"), ("no", "No")),
    )

    def __init__(self, *args, inline=False, small=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("area", legend_size=Size.MEDIUM, inline=inline, small=small),
            Field.radios("answer", inline=inline, small=small),
        )


class ConditionalForm(forms.Form):
    how = forms.ChoiceField(
        label="How should we contact you?",
        widget=forms.RadioSelect,
        choices=(("email", "Email"), ("phone", "Phone")),
    )
    address = forms.CharField(label="Email address", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            ConditionalRadios("how", ConditionalQuestion("Email", "address"), "Phone")
        )


def test_conditional_radios_first_input_takes_the_fields_id_too():
    page = render(ConditionalForm(data={}))
    inputs = inputs_named(page, "how")
    assert [i.id for i in inputs] == ["id_how", "id_how_1"]  # conditional items count from 0
    # Only the choice that reveals something controls it (the JavaScript sets aria-controls).
    assert [i.attrs.get("data-aria-controls") for i in inputs] == ["conditional_how_0", None]
    assert not any("aria-controls" in i.attrs for i in inputs)
    assert [page.all("label", **{"for": i.id})[0].content() for i in inputs] == ["Email", "Phone"]
    page.with_id("conditional_how_0")
    assert page.error_summary_links() == ["#id_how"]
    assert_links_land(page)


class CheckboxesForm(forms.Form):
    areas = forms.MultipleChoiceField(
        label="Which areas?", widget=forms.CheckboxSelectMultiple, choices=CHOICES
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.checkboxes("areas", small=True))


def inputs_named(page: Page, name: str) -> list[Node]:
    return page.all("input", name=name)


def test_the_first_radio_takes_the_fields_id_and_the_others_keep_suffixed_ids():
    page = render(RadiosForm(data={}))
    inputs = inputs_named(page, "area")
    assert [i.id for i in inputs] == ["id_area", "id_area_2", "id_area_3"]
    assert [i.attrs["value"] for i in inputs] == ["north", "south", "east"]
    for radio in inputs:
        [label] = page.all("label", **{"for": radio.id})
        assert label.classes == ["govuk-label", "govuk-radios__label"]
        assert label.parent is radio.parent
    # An item's hint keeps its own id, apart from the field's hint.
    first_answer = page.with_id("id_answer")
    assert first_answer.attrs["aria-describedby"] == "id_answer_1_hint"
    assert page.with_id("id_answer_1_hint").content() == "It is"
    assert page.with_id("id_answer_hint").content() == "Say yes or no"


def test_radios_with_errors_link_from_the_error_summary_to_the_first_radio():
    page = render(RadiosForm(data={}))
    assert page.error_summary_links() == ["#id_area", "#id_answer"]
    assert_links_land(page)
    assert page.with_id("id_area").tag == "input"
    group = page.with_id("div_id_area")
    assert group.classes == ["govuk-form-group", "govuk-form-group--error"]
    [fieldset] = [n for n in group.descendants() if n.tag == "fieldset"]
    assert fieldset.attrs["aria-describedby"].split() == ["id_area_1_error"]
    error = page.with_id("id_area_1_error")
    assert (error.tag, error.classes) == ("p", ["govuk-error-message"])
    assert error.content() == "Error: This field is required."


def test_stacked_radios_have_the_base_class_and_module():
    page = render(RadiosForm(data={}))
    containers = page.all("div", **{"data-module": "govuk-radios"})
    assert [c.classes for c in containers] == [["govuk-radios"], ["govuk-radios"]]


def test_inline_radios_keep_the_base_class_and_module():
    page = render(RadiosForm(data={}, inline=True))
    containers = page.all("div", **{"data-module": "govuk-radios"})
    assert [c.classes for c in containers] == [["govuk-radios", "govuk-radios--inline"]] * 2
    assert not page.with_class("govuk-radios--inline--small")
    assert [i.id for i in inputs_named(page, "area")] == ["id_area", "id_area_2", "id_area_3"]


def test_small_inline_radios():
    page = render(RadiosForm(data={}, inline=True, small=True))
    [container, _] = page.all("div", **{"data-module": "govuk-radios"})
    assert container.classes == ["govuk-radios", "govuk-radios--inline", "govuk-radios--small"]


def test_a_chosen_radio_stays_checked():
    page = render(RadiosForm(data={"area": "south"}))
    assert [("checked" in i.attrs) for i in inputs_named(page, "area")] == [False, True, False]


def test_checkboxes_first_input_takes_the_fields_id():
    page = render(CheckboxesForm(data={}))
    inputs = inputs_named(page, "areas")
    assert [i.id for i in inputs] == ["id_areas", "id_areas_2", "id_areas_3"]
    for box in inputs:
        [label] = page.all("label", **{"for": box.id})
        assert label.classes == ["govuk-checkboxes__label", "govuk-label"]
    [container] = page.all("div", **{"data-module": "govuk-checkboxes"})
    assert container.classes == ["govuk-checkboxes", "govuk-checkboxes--small"]
    assert page.error_summary_links() == ["#id_areas"]
    assert_links_land(page)
    assert page.with_id("div_id_areas").classes == ["govuk-form-group", "govuk-form-group--error"]


def test_checked_checkboxes_stay_checked():
    page = render(CheckboxesForm(data={"areas": ["north", "east"]}))
    assert [("checked" in i.attrs) for i in inputs_named(page, "areas")] == [True, False, True]


class ConsentForm(forms.Form):
    agreed = forms.BooleanField(label="I agree")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.checkbox("agreed"))


def test_a_single_checkbox_is_a_checkboxes_module():
    page = render(ConsentForm(data={}))
    box = page.with_id("id_agreed")
    assert box.classes == ["govuk-checkboxes__input"]
    assert box.parent.parent.attrs.get("data-module") == "govuk-checkboxes"
    assert page.error_summary_links() == ["#id_agreed"]


# --- Select, textarea, text inputs -------------------------------------------------------


class QuestionsForm(forms.Form):
    pick = forms.ChoiceField(label="Pick one", choices=(("", "Choose"), *CHOICES))
    story = forms.CharField(label="What happened?", widget=forms.Textarea)
    counted = forms.CharField(
        label="Tell us more", help_text="Briefly", widget=forms.Textarea, max_length=100
    )
    email = forms.EmailField(label="Email address")
    password = forms.CharField(label="Password", widget=forms.PasswordInput)
    age = forms.IntegerField(label="Age")
    name = forms.CharField(label="Name")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.select("pick"),
            Field.textarea("story", rows=3),
            Field.textarea("counted", max_characters=100, threshold=75),
            Field.text("email"),
            Field.text("password"),
            Field.text("age", field_width=5),
            Field.text("name"),
        )


FIELDS = ("pick", "story", "counted", "email", "password", "age", "name")
WITH_ERRORS = {
    "pick": "",
    "story": "",
    "counted": "x" * 101,
    "email": "not-an-email",
    "password": "",
    "age": "old",
    "name": "",
}


@pytest.mark.parametrize(
    ("name", "tag", "valid", "invalid"),
    [
        ("pick", "select", ["govuk-select"], ["govuk-select", "govuk-select--error"]),
        ("story", "textarea", ["govuk-textarea"], ["govuk-textarea", "govuk-textarea--error"]),
        (
            "counted",
            "textarea",
            ["govuk-js-character-count", "govuk-textarea"],
            ["govuk-js-character-count", "govuk-textarea", "govuk-textarea--error"],
        ),
        ("email", "input", ["govuk-input"], ["govuk-input", "govuk-input--error"]),
        ("password", "input", ["govuk-input"], ["govuk-input", "govuk-input--error"]),
        (
            "age",
            "input",
            ["govuk-input", "govuk-input--width-5"],
            ["govuk-input", "govuk-input--error", "govuk-input--width-5"],
        ),
        ("name", "input", ["govuk-input"], ["govuk-input", "govuk-input--error"]),
    ],
)
def test_each_widget_gets_its_own_base_and_error_class(name, tag, valid, invalid):
    valid_data = {**WITH_ERRORS, "pick": "north", "story": "s", "counted": "c"}
    valid_data |= {"email": "a@example.com", "password": "p", "age": "3", "name": "n"}
    clean = render(QuestionsForm(data=valid_data)).with_id(f"id_{name}")
    assert (clean.tag, clean.classes) == (tag, valid)
    assert "aria-invalid" not in clean.attrs

    page = render(QuestionsForm(data=WITH_ERRORS))
    widget = page.with_id(f"id_{name}")
    assert (widget.tag, widget.classes) == (tag, invalid)
    assert f"id_{name}_1_error" in widget.attrs["aria-describedby"].split()
    assert page.with_id(f"div_id_{name}").classes == ["govuk-form-group", "govuk-form-group--error"]
    assert f"#id_{name}" in page.error_summary_links()


def test_every_error_summary_link_of_the_questions_lands():
    page = render(QuestionsForm(data=WITH_ERRORS))
    assert page.error_summary_links() == [f"#id_{name}" for name in FIELDS]
    assert_links_land(page)


def test_cutting_the_wrong_class_keeps_what_was_typed():
    """The wrong error class is cut from the rendered widget: the answer itself is kept."""
    typed = "Loud music <b>&amp; shouting</b> at night " + "z" * 100
    page = render(QuestionsForm(data={**WITH_ERRORS, "counted": typed}))
    assert page.with_id("id_counted").content() == typed


def test_a_character_count_describes_its_textarea():
    page = render(QuestionsForm(data=WITH_ERRORS))
    textarea = page.with_id("id_counted")
    assert textarea.attrs["aria-describedby"].split() == [
        "id_counted_hint",
        "id_counted-info",
        "id_counted_1_error",
    ]
    count = [n for n in page.nodes if n.attrs.get("data-module") == "govuk-character-count"]
    assert [c.attrs["data-maxlength"] for c in count] == ["100"]
    assert page.with_id("id_counted-info").classes == [
        "govuk-character-count__message",
        "govuk-hint",
    ]


# --- File uploads ------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    document = forms.FileField(label="Upload a file", help_text="A PDF")
    plain = forms.FileField(label="Another file", widget=forms.FileInput)
    several = forms.FileField(label="Several files", widget=MultipleFileInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field("document"), Field("plain"), Field("several"))


@pytest.mark.parametrize("name", ["document", "plain", "several"])
def test_file_upload_errors_follow_govuk_frontend_5_14(name):
    """5.14's file upload template: the error message inside a govuk-form-group--error, and
    govuk-file-upload--error on the input (5.14's CSS styles the group, not that class)."""
    page = render(UploadForm(data={}))
    upload = page.with_id(f"id_{name}")
    assert upload.attrs["type"] == "file"
    assert upload.classes == ["govuk-file-upload", "govuk-file-upload--error"]
    group = page.with_id(f"div_id_{name}")
    assert group.classes == ["govuk-form-group", "govuk-form-group--error"]
    error = page.with_id(f"id_{name}_1_error")
    assert (error.tag, error.classes) == ("p", ["govuk-error-message"])
    assert group in list(error.ancestors()) and group in list(upload.ancestors())
    assert f"id_{name}_1_error" in upload.attrs["aria-describedby"].split()
    [label] = page.all("label", **{"for": f"id_{name}"})
    assert label.parent is group
    assert f"#id_{name}" in page.error_summary_links()


def test_file_uploads_without_errors_have_only_the_base_class():
    files = {
        name: SimpleUploadedFile(f"{name}.pdf", b"%PDF-1.4")
        for name in ("document", "plain", "several")
    }
    page = render(UploadForm(data={}, files=files))
    for name in files:
        assert page.with_id(f"id_{name}").classes == ["govuk-file-upload"]
        assert page.with_id(f"div_id_{name}").classes == ["govuk-form-group"]
    assert "multiple" in page.with_id("id_several").attrs


# --- Field.textarea(max_characters=...) without help text --------------------------------


class CountedWithoutHintForm(forms.Form):
    note = forms.CharField(label="Note", widget=forms.Textarea, required=False)

    def __init__(self, *args, workaround=False, **kwargs):
        super().__init__(*args, **kwargs)
        extra = {"aria_describedby": ""} if workaround else {}
        self.helper = gds_helper(Field.textarea("note", max_characters=50, **extra))


@pytest.mark.xfail(
    raises=KeyError,
    strict=True,
    reason="crispy-forms-gds 2.0.1 bug in Python, not in a template: its field tag reads "
    "widget.attrs['aria-describedby'] for a character count, which only help text sets. "
    "No template override can reach it; pass aria_describedby='' to Field.textarea.",
)
def test_a_character_count_without_help_text_renders():
    render(CountedWithoutHintForm())


def test_the_character_count_workaround_renders():
    page = render(CountedWithoutHintForm(workaround=True))
    textarea = page.with_id("id_note")
    assert textarea.classes == ["govuk-js-character-count", "govuk-textarea"]
    assert textarea.attrs["aria-describedby"] == "id_note-info"
    page.with_id("id_note-info")


# --- Real pages --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_area_pages_error_summary_links_land(client, north, south):
    response = client.post(reverse("apply:start"), {})
    assert response.status_code == 200
    page = Page(response.content.decode())
    assert page.error_summary_links() == ["#id_area"]
    assert_links_land(page)
    first = page.with_id("id_area")
    assert (first.tag, first.attrs["type"]) == ("input", "radio")
    assert [i.id for i in inputs_named(page, "area")] == ["id_area", "id_area_2"]


@pytest.mark.django_db
def test_the_who_pages_error_summary_links_land(client, north):
    assert client.post(reverse("apply:start"), {"area": north.area.slug}).status_code == 302
    response = client.post(reverse("apply:who"), {})
    assert response.status_code == 200
    page = Page(response.content.decode())
    assert page.error_summary_links() == ["#id_applying_for"]
    assert_links_land(page)
    first = page.with_id("id_applying_for")
    assert (first.tag, first.attrs["value"]) == ("input", "myself")
    assert page.with_id("id_applying_for_2").attrs["value"] == "someone_else"


def _date(name: str, day: date) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


_INCIDENT = date.today() - timedelta(days=20)
REPORT = {
    **_date("incident_date", _INCIDENT),
    **_date("reported_date", _INCIDENT + timedelta(days=1)),
    "description": "Loud music until 3am.",
    "reported_to": "north-police",
    "hate_related": "no",
}
IMPACT = {"impact": "I cannot sleep.", "desired_outcome": "The noise stops."}


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["complaint", "impact", "contact"])
def test_the_later_pages_error_summary_links_land(client, north, step):
    assert client.post(reverse("apply:start"), {"area": north.area.slug}).status_code == 302
    assert client.post(reverse("apply:who"), {"applying_for": "myself"}).status_code == 302
    if step != "complaint":
        assert client.post(reverse("apply:complaint"), REPORT).status_code == 302
        assert client.post(reverse("apply:complaints"), {}).status_code == 302
    if step == "contact":
        assert client.post(reverse("apply:impact"), IMPACT).status_code == 302
    response = client.post(reverse(f"apply:{step}"), {})
    assert response.status_code == 200, response.get("Location")
    page = Page(response.content.decode())
    assert_links_land(page)
    # Only text inputs carry the text input's error class.
    assert {node.tag for node in page.with_class("govuk-input--error")} <= {"input"}


@pytest.mark.django_db
def test_the_sign_in_pages_error_summary_links_land(client):
    page = Page(client.post(reverse("signin"), {}).content.decode())
    assert page.error_summary_links() == ["#id_username", "#id_password"]
    assert_links_land(page)
    for name in ("username", "password"):
        assert page.with_id(f"id_{name}").classes == [
            "govuk-!-width-two-thirds",
            "govuk-input",
            "govuk-input--error",
        ]


# --- One CSRF token per POST form, none in a GET form ------------------------------------


def csrf_tokens(form: Node) -> list[Node]:
    return [
        node
        for node in form.descendants()
        if node.tag == "input" and node.attrs.get("name") == "csrfmiddlewaretoken"
    ]


def _has_field(form: Node, name: str) -> bool:
    return any(node.attrs.get("name") == name for node in form.descendants())


def main_forms(page: Page) -> list[Node]:
    [main] = page.all("main")
    return [node for node in main.descendants() if node.tag == "form"]


@pytest.mark.django_db
def test_the_sign_in_form_has_one_csrf_token(client):
    [form] = main_forms(Page(client.get(reverse("signin")).content.decode()))
    assert len(csrf_tokens(form)) == 1


@pytest.mark.django_db
def test_the_threshold_form_has_one_csrf_token(client, north):
    client.force_login(north.officer)
    address = reverse("case_threshold", args=[north.area.slug, north.case.reference])
    [form] = main_forms(Page(client.get(address).content.decode()))
    assert form.attrs["method"] == "post"
    assert len(csrf_tokens(form)) == 1


@pytest.mark.django_db
def test_the_case_filter_form_sends_no_csrf_token_in_its_url(client, north):
    client.force_login(north.officer)
    response = client.get(reverse("home"), {"status": "", "apply": ""})
    # The list has a search box and saved filters too: this is the form that filters.
    [form] = [f for f in main_forms(Page(response.content.decode())) if _has_field(f, "status")]
    assert form.attrs["method"] == "get"
    assert csrf_tokens(form) == []
    assert "csrfmiddlewaretoken" not in response.context["query"]


@pytest.mark.django_db
def test_the_sign_in_still_works_with_crispys_token(north):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = Page(client.get(reverse("signin")).content.decode())
    [form] = main_forms(page)
    [token] = csrf_tokens(form)
    response = client.post(
        reverse("signin"),
        {
            "username": north.officer.email,
            "password": TEST_PASSWORD,
            "csrfmiddlewaretoken": token.attrs["value"],
        },
    )
    assert response.status_code == 302
