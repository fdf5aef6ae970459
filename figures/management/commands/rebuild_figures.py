"""manage.py rebuild_figures [--area SLUG ...] [--all]: recount the figures' summary rows from
the case history (figures/summary.py).

Safe to run at any time and again: each area's rows are replaced in one transaction. The years
that had ended when they were first stored are left alone unless --all is given, so running it
after every deployment costs the open years only.
"""

from django.core.management.base import BaseCommand, CommandError

from agencies.models import Area
from figures.summary import rebuild


class Command(BaseCommand):
    help = "Recount the figures' summary rows (per area, day and stage) from the case history."

    def add_arguments(self, parser):
        parser.add_argument("--area", action="append", default=[], help="an area's slug")
        parser.add_argument(
            "--all",
            action="store_true",
            help="recount the years already stored once they had ended, too",
        )

    def handle(self, *args, area, all, **options):
        areas = None
        if area:
            areas = list(Area.objects.filter(slug__in=area))
            missing = set(area) - {a.slug for a in areas}
            if missing:
                raise CommandError(f"No area called {', '.join(sorted(missing))}.")
        written = rebuild(areas, everything=all)
        self.stdout.write(f"Figures rebuilt: {written} summary rows written.")
