"""Fonts are loaded when a worker starts, so no letter waits for them (issue #18)."""

import logging
import runpy
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from celery.signals import worker_init, worker_process_init

from triggers import letters

GUNICORN_CONF = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"


def test_the_warm_up_renders_a_letter_page_for_real():
    with mock.patch.object(letters, "html_to_pdf", wraps=letters.html_to_pdf) as rendered:
        seconds = letters.warm_up()
    assert rendered.call_count == 1
    assert letters.html_to_pdf(letters.WARM_UP_HTML).startswith(b"%PDF")
    assert seconds > 0


def test_each_gunicorn_worker_warms_up_once_loaded():
    hooks = runpy.run_path(str(GUNICORN_CONF))
    worker = SimpleNamespace(log=mock.Mock())
    with mock.patch("triggers.letters.warm_up", return_value=0.5) as warm_up:
        hooks["post_worker_init"](worker)
    warm_up.assert_called_once_with()
    worker.log.info.assert_called_once()


def test_a_worker_that_cannot_warm_up_still_starts(caplog):
    hooks = runpy.run_path(str(GUNICORN_CONF))
    worker = SimpleNamespace(log=mock.Mock())
    with (
        mock.patch("triggers.letters.warm_up", side_effect=OSError("no fonts")),
        caplog.at_level(logging.ERROR),
    ):
        hooks["post_worker_init"](worker)  # does not raise
    assert "could not be warmed up" in caplog.text


def test_celery_workers_warm_up_when_they_start():
    import config.celery  # noqa: F401  (connects the receivers, as `celery -A config` does)

    with mock.patch("triggers.letters.warm_up", return_value=0.5) as warm_up:
        worker_init.send(sender=None)
        worker_process_init.send(sender=None)
    assert warm_up.call_count == 2
