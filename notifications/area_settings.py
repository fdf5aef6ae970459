"""An area admin's GOV.UK Notify settings: whether to use it, the area's own API key (write
only: never shown again once saved), template ids and the delivery receipts' token."""

from __future__ import annotations

import re

from crispy_forms_gds.layout import Button, Field, Fieldset, Fluid, Size
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from agencies.models import NotifySettings, NotifySettingsChange
from agencies.sealed import seal, token_hash

# Notify's key: "<key name>-<service id>-<secret>", both ids UUIDs (36 characters).
API_KEY = re.compile(r"^(?P<name>.+)-[0-9a-f-]{36}-[0-9a-f-]{36}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def settings_of(area) -> NotifySettings:
    found, _ = NotifySettings.objects.get_or_create(area=area)
    return found


def key_hint(api_key: str) -> str:
    """What the page may show of a key: its name and last four characters."""
    return f"{API_KEY.match(api_key)['name']} (ending {api_key[-4:]})"


class NotifySettingsForm(forms.Form):
    use_for_email = forms.BooleanField(label=_("Send emails through GOV.UK Notify"), required=False)
    use_for_text = forms.BooleanField(
        label=_("Send text messages through GOV.UK Notify"), required=False
    )
    use_for_letters = forms.BooleanField(
        label=_("Post letters through GOV.UK Notify"), required=False
    )
    api_key = forms.CharField(
        label=_("API key"),
        help_text=_(
            "A live key from your Notify service's API integration page. Once saved it "
            "is never shown again; leave this empty to keep the saved key."
        ),
        required=False,
        max_length=200,
        strip=True,
        # A password field is never filled in again, not even when the form has errors.
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    remove_key = forms.BooleanField(label=_("Remove the saved API key"), required=False)
    email_template_id = forms.CharField(
        label=_("Email template ID"),
        help_text=_(
            "The template's subject is ((subject)); its message is ((body)) and may show "
            "((reference)) and ((file)), the link to a letter."
        ),
        required=False,
        max_length=36,
    )
    text_template_id = forms.CharField(
        label=_("Text message template ID"),
        help_text=_("The template's message is ((body)); it may show ((reference))."),
        required=False,
        max_length=36,
    )
    callback_token = forms.CharField(
        label=_("Delivery receipts bearer token"),
        help_text=_(
            "The bearer token you give Notify with the callback URL below (at least 10 "
            "characters). Never shown again; leave empty to keep the saved one."
        ),
        required=False,
        min_length=10,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"min_length": _("The bearer token must be 10 characters or more")},
    )

    def __init__(self, *args, saved: NotifySettings, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved = saved
        self.helper = gds_helper(
            Fieldset(
                Field.checkbox("use_for_email"),
                Field.checkbox("use_for_text"),
                Field.checkbox("use_for_letters"),
                legend=_("What goes through GOV.UK Notify"),
                legend_size=Size.MEDIUM,
            ),
            Field.text("api_key", field_width=Fluid.TWO_THIRDS),
            *([Field.checkbox("remove_key")] if saved.has_key else []),
            Field.text("email_template_id", field_width=Fluid.TWO_THIRDS),
            Field.text("text_template_id", field_width=Fluid.TWO_THIRDS),
            Field.text("callback_token", field_width=Fluid.TWO_THIRDS),
            Button("save", _("Save settings")),
        )
        if not saved.has_key:
            del self.fields["remove_key"]

    def clean_api_key(self):
        key = self.cleaned_data["api_key"]
        if key and not API_KEY.match(key):
            raise forms.ValidationError(
                _("Enter the whole API key, as Notify shows it: its name, then two long codes")
            )
        return key

    def _template_id(self, name):
        value = self.cleaned_data[name].strip().lower()
        if value and not UUID.match(value):
            raise forms.ValidationError(_("Enter the template ID as Notify shows it"))
        return value

    def clean_email_template_id(self):
        return self._template_id("email_template_id")

    def clean_text_template_id(self):
        return self._template_id("text_template_id")

    def clean(self):
        data = super().clean()
        keeps_key = self.saved.has_key and not data.get("remove_key")
        if not (data.get("api_key") or keeps_key) and self._uses_notify(data):
            self.add_error("api_key", _("Enter the API key to send through GOV.UK Notify"))
        if data.get("use_for_email") and not data.get("email_template_id"):
            self.add_error("email_template_id", _("Enter the email template ID"))
        if data.get("use_for_text") and not data.get("text_template_id"):
            self.add_error("text_template_id", _("Enter the text message template ID"))
        return data

    @staticmethod
    def _uses_notify(data) -> bool:
        return any(data.get(f"use_for_{kind}") for kind in ("email", "text", "letters"))


KINDS = (("email", "Emails"), ("text", "Text messages"), ("letters", "Letters"))


@transaction.atomic
def save_settings(saved: NotifySettings, data: dict, *, by=None) -> NotifySettings:
    """Save the area's Notify settings and record what changed, by whom (never a key or a
    token: a key is named by its hint, as the page shows it)."""
    changes = _changes(saved, data)
    saved.use_for_email = data["use_for_email"]
    saved.use_for_text = data["use_for_text"]
    saved.use_for_letters = data["use_for_letters"]
    saved.email_template_id = data["email_template_id"]
    saved.text_template_id = data["text_template_id"]
    if data.get("remove_key"):
        saved.sealed_api_key = saved.api_key_hint = ""
    if data["api_key"]:
        saved.sealed_api_key = seal(data["api_key"])
        saved.api_key_hint = key_hint(data["api_key"])
    if data["callback_token"]:
        saved.callback_token_hash = token_hash(data["callback_token"])
    saved.save()
    if changes:
        NotifySettingsChange.objects.create(area_id=saved.area_id, changed_by=by, changes=changes)
    return saved


def _changes(saved: NotifySettings, data: dict) -> list[str]:
    """What saving `data` changes, one sentence each, in the order of the form."""
    changes = []
    for kind, words in KINDS:
        was, now = getattr(saved, f"use_for_{kind}"), bool(data[f"use_for_{kind}"])
        if was != now:
            changes.append(f"{words} through GOV.UK Notify turned {'on' if now else 'off'}")
    if data["api_key"]:
        hint = key_hint(data["api_key"])
        if saved.has_key:
            changes.append(f"API key replaced: {saved.api_key_hint} by {hint}")
        else:
            changes.append(f"API key saved: {hint}")
    elif data.get("remove_key") and saved.has_key:
        changes.append(f"API key removed: {saved.api_key_hint}")
    for name, words in (("email_template_id", "Email"), ("text_template_id", "Text message")):
        was, now = getattr(saved, name), data[name]
        if was != now:
            changes.append(f"{words} template ID changed from {was or 'none'} to {now or 'none'}")
    if data["callback_token"]:
        replaced = "replaced" if saved.callback_token_hash else "saved"
        changes.append(f"Delivery receipts bearer token {replaced}")
    return changes


def history_of(area, limit: int = 20):
    """The area's latest changes to its Notify settings, newest first."""
    return NotifySettingsChange.objects.filter(area=area).select_related("changed_by")[:limit]
