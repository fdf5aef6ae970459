from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"

    def ready(self):
        # Register the tasks in every process, not only in workers: services.py queues them
        # by name, and with no broker (CELERY_TASK_ALWAYS_EAGER) a registered task runs here.
        from . import (
            receivers,  # noqa: F401  (connects the emails lower apps ask for)
            tasks,  # noqa: F401
        )
