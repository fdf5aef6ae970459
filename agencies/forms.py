from crispy_forms.utils import TEMPLATE_PACK, render_field
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout, Size
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _


def gds_helper(*layout, label_size=Size.SMALL) -> FormHelper:
    """A crispy-forms-gds helper for a form whose <form> tag the template writes itself."""
    helper = FormHelper()
    helper.form_tag = False
    helper.label_size = label_size
    helper.legend_size = label_size
    helper.layout = Layout(*layout)
    return helper


class SignInForm(AuthenticationForm):
    """Staff sign in with their work email address and password."""

    username = forms.EmailField(
        label=_("Email address"),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.gov.uk"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages={"required": _("Enter your password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _(
            "Enter a correct email address and password. Both may be case-sensitive."
        ),
        "inactive": _("This account has been switched off. Ask your area admin to switch it on."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("username", field_width=Fluid.TWO_THIRDS),
            Field.text("password", field_width=Fluid.TWO_THIRDS),
            Button("submit", _("Sign in")),
        )

    def clean_username(self):
        return self.cleaned_data["username"].lower()


class SecondFactorForm(forms.Form):
    """The code from the authenticator app, or one of the backup codes."""

    WRONG_CODE = _("The code is not right or has expired. Enter the code your app shows now.")

    code = forms.CharField(
        label=_("Security code"),
        help_text=_("The 6-digit code from your authenticator app, or one of your backup codes."),
        max_length=20,
        error_messages={"required": _("Enter the security code")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("code", field_width=10),
            Button("submit", _("Continue")),
        )


class ApiTokenForm(forms.Form):
    """A new API token for the signed-in user: its name and what it may do."""

    name = forms.CharField(
        label=_("Name"),
        help_text=_(
            "Say what uses it, for example 'Housing system nightly import'. The access "
            "audit shows this name beside every call made with it."
        ),
        max_length=60,
        error_messages={"required": _("Enter a name for the token")},
    )
    scope = forms.ChoiceField(
        label=_("What may it do?"),
        choices=[
            ("read", _("Read only: list and open cases")),
            ("read_write", _("Read and write: also record applications")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what the token may do")},
    )

    def __init__(self, *args, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.helper = gds_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.radios("scope", legend_size=Size.SMALL),
            Button("submit", _("Create token")),
        )

    def clean_name(self):
        from .tokens import tokens_of

        name = self.cleaned_data["name"].strip()
        if self.owner is not None and tokens_of(self.owner).filter(name__iexact=name).exists():
            raise forms.ValidationError(_("You already have a token with this name"))
        return name


class RevealingCheckboxes(Field):
    """Checkboxes whose choices reveal further questions, the GOV.UK conditional reveal: the
    questions sit under their choice, hidden by GOV.UK Frontend's JavaScript until it is
    ticked, and all shown without JavaScript. `reveals` maps a choice's value to the layout
    objects (field names, Field…) it reveals."""

    def __init__(self, name: str, reveals: dict, *, legend_size=None, small=False):
        context = {"checkboxes_small": small}
        if legend_size:
            context["legend_size"] = Size.for_legend(legend_size)
        super().__init__(name, context=context)
        self.reveals = reveals

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        self.context["reveals"] = {
            str(value): SafeString(  # nosec B703
                "".join(render_field(f, form, context, template_pack=template_pack) for f in fields)
            )
            for value, fields in self.reveals.items()
        }
        return super().render(form, context, template_pack=template_pack, **kwargs)
