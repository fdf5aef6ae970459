"""The Celery application. Tasks are thin: they call services (see ARCHITECTURE.md)."""

import logging
import os

from celery import Celery
from celery.signals import worker_init, worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("asb_case_review")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@worker_process_init.connect
def warm_up_letters(**kwargs):
    """A worker writes letters (outcome, threshold, closure…): it loads WeasyPrint's fonts
    when it starts (the main process, and each process of the prefork pool), so no letter
    waits for them. Only worker start-up sends these signals: tests and web requests never."""
    try:
        from triggers.letters import warm_up

        seconds = warm_up()
    except Exception:  # a worker that cannot warm up still works; the letter will be slower
        logging.getLogger(__name__).exception("Letter fonts could not be warmed up.")
        return
    logging.getLogger(__name__).info("Letter fonts loaded in %.2f s.", seconds)
