"""Email the first platform admin a set-up link for their second factor.

Everyone else gets theirs from an admin in the portal (agencies/enrolment.py); the first
platform admin has nobody to ask, so whoever runs the server sends it.
"""

from django.core.management.base import BaseCommand, CommandError

from agencies import enrolment
from agencies.models import User


class Command(BaseCommand):
    help = "Email a platform admin a one-time link to set up their authenticator app."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The platform admin's email address.")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user has the email address {email}.")
        if not enrolment.is_platform_admin(user):
            raise CommandError(
                f"{email} is not a platform admin: their area admin (or, for an area admin, a "
                "platform admin) sends their link from the portal."
            )
        link, _token = enrolment.issue_link(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"A set-up link was queued for {user.email}; it works once, until "
                f"{link.expires_at:%Y-%m-%d %H:%M %Z}."
            )
        )
