"""The contact step of an application recorded by staff: the public journey's contact form
(triggers/applications/contact.py), worded for the member of staff who fills it in."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from triggers.applications.contact import ContactForm
from triggers.applications.language_choice import LanguageQuestion, language_field
from triggers.applications.staff_forms import _reword
from triggers.models import ContactMethod


class StaffContactForm(LanguageQuestion, ContactForm):
    applicant_language = language_field(_("Which language do they want us to write to them in?"))
    language_name = "applicant_language"
    asked_after = "contact_method"

    # Whole sentences, so that each can be translated (issue #19).
    NEEDED_FOR = {
        ContactMethod.EMAIL: (
            (
                "applicant_email",
                _("Enter their email address, or choose another way to contact them"),
            ),
        ),
        ContactMethod.PHONE: (
            (
                "applicant_phone",
                _("Enter their phone number, or choose another way to contact them"),
            ),
        ),
        ContactMethod.TEXT: (
            (
                "applicant_phone",
                _("Enter their mobile number, or choose another way to contact them"),
            ),
        ),
        ContactMethod.POST: (
            (
                "applicant_address",
                _("Enter their postal address, or choose another way to contact them"),
            ),
            (
                "applicant_postcode",
                _("Enter their postcode, or choose another way to contact them"),
            ),
        ),
    }
    LANGUAGE_NEEDED = _("Enter the language they need")
    OTHER_NEED_NEEDED = _("Enter what else they need")

    def __init__(self, *args, welsh: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.ask_language(welsh)
        _reword(
            self,
            {
                "applicant_name": {
                    "label": _("The applicant's full name"),
                    "errors": {
                        "required": _("Enter the applicant's full name"),
                        "max_length": _("The name must be %(limit_value)d characters or fewer"),
                    },
                },
                "applicant_email": {
                    "help_text": _(
                        "The receipt goes here, with the private link the applicant "
                        "can use to follow the application. Leave it empty if they have no email."
                    )
                },
                "applicant_phone": {
                    "help_text": _(
                        "Needed if they want to be phoned. For international numbers "
                        "include the country code"
                    )
                },
                "applicant_address": {"help_text": _("Needed if they want letters by post")},
                "contact_method": {
                    "label": _("How do they want to be contacted?"),
                    "errors": {
                        "required": _("Select how they want to be contacted"),
                        "invalid_choice": _("Select how they want to be contacted"),
                    },
                },
                "adjustments": {"label": _("Do they need any of these to take part? (optional)")},
                "adjustments_details": {
                    "label": _("More about what they need (optional)"),
                    "help_text": _(
                        "For example, which language they need, or anything else that would help"
                    ),
                    "errors": {
                        "max_length": _(
                            "What they need must be %(limit_value)d characters or fewer"
                        )
                    },
                },
            },
        )

    def application_fields(self) -> dict:
        return {**super().application_fields(), **self.chosen_language()}
