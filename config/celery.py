"""The Celery application. Tasks are thin: they call services (see ARCHITECTURE.md)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("asb_case_review")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
