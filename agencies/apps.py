from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "agencies"
    verbose_name = "Areas, agencies and staff"

    def ready(self):
        from config import checks  # noqa: F401  (registers the deploy checks)
