"""The address every message comes from (issue #17): the site's own domain, never localhost.
Pure: settings and the deploy check both use it."""

import ipaddress
from email.utils import parseaddr
from urllib.parse import urlsplit

SENDER_NAME = "ASB Case Review"
LOCAL_DOMAINS = {"localhost", "localhost.localdomain"}


def default_sender(site_url: str) -> str:
    """ "ASB Case Review <no-reply@cases.example-council.gov.uk>" for that SITE_URL."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"{SENDER_NAME} <no-reply@{host}>"


def is_local_sender(sender: str) -> bool:
    """A sender no one can reply to or that mail servers will reject: a local name or an IP."""
    domain = parseaddr(sender)[1].rpartition("@")[2].lower()
    if not domain or domain in LOCAL_DOMAINS or domain.endswith((".localhost", ".local")):
        return True
    try:
        ipaddress.ip_address(domain)
    except ValueError:
        return "." not in domain
    return True
