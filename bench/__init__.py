"""The measuring tool of issue #18: `make bench` (or `python -m bench`).

Not an installed app and never imported by the portal: it builds a named PostgreSQL database
of N cases once (`build`), serves it with gunicorn under `bench.settings` (the production
settings plus a bare view and a query-count header), drives each page with a small threaded
client (`load`), and prints p50, p95, queries and the throughput ratio against the bare view
beside the goals of the issue (`goals`), with the engine and outbox rates.
"""
