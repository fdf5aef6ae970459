from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """The relevant bodies' own ASB incident records, and their linking across bodies.

    Sits below `triggers`: a body's records are its own (they exist before and without any
    case); the case stages read them (the threshold check's suggestions, possible case
    reviews) through this app's selectors, never the other way round.
    """

    name = "incidents"
    verbose_name = "Incident records"

    def ready(self):
        from . import checks  # noqa: F401  -- registers the settings' system checks
