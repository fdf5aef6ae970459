from django.apps import AppConfig

# The stages that have Celery tasks. Celery's autodiscovery looks for `<app>.tasks` only, so
# the stages' task modules are imported here, once the apps are ready.
STAGE_TASKS = (
    "triggers.information.tasks",
    "triggers.reviews.tasks",
    "triggers.threshold.tasks",
    "triggers.closing.tasks",
    "triggers.proactive.tasks",
)


class TriggersConfig(AppConfig):
    name = "triggers"
    verbose_name = "Case reviews"

    def ready(self):
        from importlib import import_module

        for module in STAGE_TASKS:
            import_module(module)
        # The bodies' records sit below the case (incidents never imports triggers): it says
        # when an import is done, and possible case reviews are looked for then.
        # And when records are deleted past their retention, the possible case reviews made
        # from them go too, in the same transaction.
        from incidents.signals import records_expired, records_imported
        from triggers.proactive.retention import after_records_expired
        from triggers.proactive.tasks import after_import

        records_imported.connect(after_import, dispatch_uid="possible_reviews_after_import")
        records_expired.connect(after_records_expired, dispatch_uid="possible_reviews_retention")
