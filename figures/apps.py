from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "figures"
    verbose_name = "Published figures and oversight"

    def ready(self):
        # The services say when a stage completes; the summary rows of that day are written
        # in the same transaction (triggers cannot import figures: see figures/summary.py).
        from triggers.history import stage_completed

        from .summary import stage_completed as write_summary

        stage_completed.connect(write_summary, dispatch_uid="figures.summary")
