"""System checks of the incident records' settings."""

from django.conf import settings
from django.core.checks import Error, register

from incidents.linking.backends import BACKENDS


@register()
def linking_backend_is_known(app_configs, **kwargs):
    backend = getattr(settings, "INCIDENT_LINKING_BACKEND", "duckdb")
    if backend in BACKENDS:
        return []
    return [
        Error(
            f"INCIDENT_LINKING_BACKEND is {backend!r}: choose one of {', '.join(BACKENDS)}.",
            id="incidents.E001",
        )
    ]
