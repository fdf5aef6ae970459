"""System checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def refuse_development_key(app_configs, **kwargs):
    """The shipped default key is public: a deployment that still uses it is not secure."""
    if settings.SECRET_KEY == settings.INSECURE_DEFAULT_KEY:
        return [
            Error(
                "SECRET_KEY is the public development default.",
                hint="Set SECRET_KEY in the environment to a long random value.",
                id="portal.E001",
            )
        ]
    return []
