"""API tokens at the door: who a request with `Authorization: Token …` is, and what it may do.

DRF authenticates inside the view, so without the middleware below everything that runs
around the view (the second-factor check, simple-history, the access audit) saw an anonymous
request, or a session user, instead of the token's owner. The middleware resolves the token
once, before any of them; DRF's authentication class then takes the same answer, and refuses
(401) a token the middleware could not accept.

A token is made by its owner on a page behind their second factor (agencies/token_views.py),
so a request carrying it is not asked for one again; tokens reach the API only, never a page.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission

from . import tokens
from .models import ApiToken

API_PREFIX = "/api/"


class ApiTokenMiddleware:
    """Sets `request.user` to a valid API token's owner and `request.api_token` to the token."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.api_token = None
        if request.path_info.startswith(API_PREFIX) and "HTTP_AUTHORIZATION" in request.META:
            try:
                resolved = TokenAuthentication().authenticate(request)
            except exceptions.AuthenticationFailed:
                resolved = None  # DRF's class refuses it again, with a 401, in the view
            if resolved is not None:
                request.user, request.api_token = resolved
                tokens.note_use(request.api_token)
        return self.get_response(request)


class ApiTokenAuthentication(TokenAuthentication):
    """django-rest-knox's hashed tokens, resolved once by ApiTokenMiddleware."""

    def authenticate(self, request):
        token = getattr(request._request, "api_token", None)
        if token is not None:
            return token.user, token
        # No header: None (the session class is next). A bad or expired token: 401.
        return super().authenticate(request)


class TokenScope(BasePermission):
    """A read-only token may read, never change: 403 on every unsafe method."""

    message = "This API token is read-only: make a read and write token to change anything."

    def has_permission(self, request, view):
        token = request.auth
        if isinstance(token, ApiToken) and token.read_only:
            return request.method in SAFE_METHODS
        return True


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """The token in the OpenAPI schema, under the name clients already use."""

    target_class = ApiTokenAuthentication
    name = "tokenAuth"
    priority = 1

    def get_security_definition(self, auto_schema):
        scheme = build_bearer_security_scheme_object(
            header_name="Authorization",
            # The header word, not a secret.
            token_prefix="Token",  # noqa: S106  # nosec B106
        )
        scheme["description"] = (
            "A token you made at /account/api-tokens/: `Token asb_…`. It expires, and a "
            "read-only token gets 403 on any change."
        )
        return scheme
