"""gunicorn's settings file, read from the working directory by every `gunicorn` command here
(docker-compose.yml, the Dockerfile, the benchmark). Command-line options still win."""

import logging


def post_worker_init(worker):
    """Each worker renders a tiny letter once the portal is loaded, before it takes requests:
    WeasyPrint loads its fonts then (0.6-0.8 s), not during someone's first letter."""
    try:
        from triggers.letters import warm_up

        seconds = warm_up()
    except Exception:  # a worker that cannot warm up still serves; the letter will be slower
        logging.getLogger("gunicorn.error").exception("Letter fonts could not be warmed up.")
        return
    worker.log.info("Letter fonts loaded in %.2f s.", seconds)
