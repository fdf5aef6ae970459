"""Rebuild every stored count of the case list from the rows themselves (issue #18).

The services keep the counts right as they go; this is for after a bulk load (the bench's
data), a restore, or to check them: `--check` only reports what a recount would change.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from triggers import counts


class Command(BaseCommand):
    help = "Recount the cases' stored complaint counts, open return dates and status counts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Only report counts that are wrong."
        )

    def handle(self, *args, check=False, **options):
        wrong = counts.differences()
        if check:
            for line in wrong:
                self.stdout.write(line)
            if wrong:
                raise CommandError(f"{len(wrong)} stored counts differ from a recount.")
            self.stdout.write("Every stored count is right.")
            return
        with transaction.atomic():
            counts.recount()
        self.stdout.write(f"Recounted ({len(wrong)} were wrong).")
