from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "appeals"

    def ready(self):
        # A withdrawal closes the appeal waiting on the case (triggers cannot import appeals).
        from triggers.closing.signals import case_withdrawn

        from .withdrawal import close_waiting_appeal

        case_withdrawn.connect(close_waiting_appeal, dispatch_uid="appeals.close_waiting_appeal")
