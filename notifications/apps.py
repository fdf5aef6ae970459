from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the emails lower apps ask for)
