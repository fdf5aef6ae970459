"""The address a request came from, for lockouts, rate limits and the access audit.

Behind a proxy every request seems to come from the proxy; the proxy appends the real
address to X-Forwarded-For. Only the entries our own proxies appended can be trusted (a
client may send the header itself with any value), so we count `TRUSTED_PROXY_COUNT` entries
from the right, and with no proxy configured we ignore the header altogether.
"""

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [part for part in chain if part]
    if len(chain) < proxies:
        return remote
    return chain[-proxies]
