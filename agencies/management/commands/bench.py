"""Run the portal's benchmarks and print what they measured.

Speed and memory targets live here, never in timed tests. Each installed app may have a
`benchmarks` module with a `BENCHMARKS` dict of name -> function(stdout) returning a dict of
measurements; they run in the order of INSTALLED_APPS, so this command imports no app above
`agencies`. `manage.py bench NAME…` runs only those; `--list` names them all.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings


def discover() -> dict:
    """Every app's benchmarks, by name."""
    found = {}
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.benchmarks"
        if find_spec(module_name) is not None:
            found.update(import_module(module_name).BENCHMARKS)
    return found


class Command(BaseCommand):
    help = "Run the benchmarks (all, or those named) and print their measurements."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
        parser.add_argument("--list", action="store_true", help="name the benchmarks and stop")

    def handle(self, *args, names, list, **options):
        benchmarks = discover()
        if list:
            for name in benchmarks:
                self.stdout.write(name)
            return
        unknown = sorted(set(names) - set(benchmarks))
        if unknown:
            raise CommandError(f"No benchmark called {', '.join(unknown)}.")
        # Benchmarks drive pages with Django's in-process test client and force_login, which
        # the production settings would turn away (its host name, the redirect to HTTPS, the
        # second factor); none of those is what a benchmark measures.
        with override_settings(
            ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
            SECURE_SSL_REDIRECT=False,
            REQUIRE_2FA=False,
        ):
            for name in names or benchmarks:
                self.stdout.write(self.style.MIGRATE_HEADING(f"{name}"))
                for key, value in benchmarks[name](self.stdout).items():
                    self.stdout.write(f"  {key}: {value}")
