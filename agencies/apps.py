from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "agencies"
    verbose_name = "Areas, agencies and staff"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from config import checks  # noqa: F401  (registers the deploy checks)

        from .session_activity import stamp_at_sign_in

        user_logged_in.connect(stamp_at_sign_in, dispatch_uid="agencies.stamp_at_sign_in")
