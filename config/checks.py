"""System checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from .senders import is_local_sender


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


@register(Tags.security, deploy=True)
def refuse_proxy_without_forwarded_count(app_configs, **kwargs):
    """Behind a proxy with TRUSTED_PROXY_COUNT=0 every visitor has the proxy's address: one
    person's wrong passwords lock an account for everyone, and each rate limit becomes one
    limit for the whole site."""
    if getattr(settings, "BEHIND_TLS_PROXY", False) and settings.TRUSTED_PROXY_COUNT <= 0:
        return [
            Error(
                "BEHIND_TLS_PROXY is on but TRUSTED_PROXY_COUNT is 0.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies that append to "
                "X-Forwarded-For (1 for the proxy of docker-compose.yml).",
                id="portal.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def refuse_local_sender(app_configs, **kwargs):
    """Mail from no-reply@localhost (or an IP address) is rejected or lands in spam, and
    people cannot tell who wrote to them."""
    if is_local_sender(settings.DEFAULT_FROM_EMAIL):
        return [
            Error(
                f"DEFAULT_FROM_EMAIL ({settings.DEFAULT_FROM_EMAIL}) is not a real address.",
                hint="Set SITE_URL to the service's address, or DEFAULT_FROM_EMAIL to the "
                "council's sending address, e.g. ASB Case Review <no-reply@council.gov.uk>.",
                id="portal.E003",
            )
        ]
    return []
