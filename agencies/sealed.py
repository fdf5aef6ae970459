"""Secrets kept at rest sealed (Fernet: AES-128-CBC with HMAC-SHA256), such as an area's
GOV.UK Notify API key.

The sealing key comes from NOTIFY_KEY_SECRET when it is set, else from SECRET_KEY, through a
key derivation with its own purpose label, so neither is ever used directly as a cipher key.
Rotating the secret makes the sealed keys unreadable: the area admin enters theirs again.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

PURPOSE = b"asb-case-review/sealed-secret/v1"


class Unreadable(Exception):
    """A sealed value that this secret cannot open (tampered, or the secret has changed)."""


def _fernet() -> Fernet:
    return _fernet_for(getattr(settings, "NOTIFY_KEY_SECRET", "") or settings.SECRET_KEY)


@lru_cache(maxsize=4)
def _fernet_for(secret: str) -> Fernet:
    # Derived once per secret: the derivation is slow on purpose.
    key = hashlib.pbkdf2_hmac("sha256", secret.encode(), PURPOSE, 100_000)
    return Fernet(base64.urlsafe_b64encode(key))


def seal(plain: str) -> str:
    return _fernet().encrypt(plain.encode()).decode()


def unseal(sealed: str) -> str:
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except InvalidToken as error:
        raise Unreadable("The sealed secret cannot be opened with this key.") from error


def token_hash(token: str) -> str:
    """A bearer token is kept like a password's digest: compared, never read back."""
    return hashlib.sha256(token.encode()).hexdigest()
