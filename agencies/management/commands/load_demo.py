"""Load the Merseyside demo, then print the demo sign-ins.

Each installed app may have a `demo` module with a `load()` function; they run in the order
of INSTALLED_APPS (agencies first), so this command needs no import of the apps above it.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from agencies.demo import demo_users
from agencies.site import site_url


class Command(BaseCommand):
    help = "Load the Merseyside and South Wales demo (safe to run again); print the sign-ins."

    def handle(self, *args, **options):
        # The demo's applicants are fictional: their messages go to an in-memory mailbox,
        # not to the console or a real server.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is not None:
                    import_module(module_name).load()
        self.print_sign_ins()

    def print_sign_ins(self):
        out = self.stdout
        out.write(
            self.style.SUCCESS(
                "\nMerseyside and South Wales demo loaded. "
                f"Sign in at {site_url()}/sign-in/ as any of:\n"
            )
        )
        for user in demo_users():
            where = f" ({user.area_slug})" if user.area_slug else ""
            out.write(f"  {user.email:<48} {user.role.label}{where}")
        out.write(
            f"\nPassword for all of them: {settings.DEMO_PASSWORD} "
            "(set DEMO_PASSWORD to change it)\n"
        )
