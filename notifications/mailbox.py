"""The demo mailbox: every message in the outbox, newest first, with its attachments.

`make run` sends email to the console, where nobody following a demo looks. This page lets
the platform admin read what the portal sent (the victim's private link included) and follow
it in the browser. It exists only with DEBUG on: with DEBUG off every address here is a 404,
whoever asks, because in production messages hold people's details and live links.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from agencies.enrolment import is_platform_admin

from .models import PRIVATE_LINK_PLACEHOLDER, Attachment, Message

# The outbox's channels, as the mailbox lists them. Letters an area prints itself are not in
# the outbox: they wait in its print queue.
CHANNELS = dict(Message.Channel.choices)
PER_PAGE = 20


def demo_enabled(user) -> bool:
    """Whether this user gets the mailbox: DEBUG on, and the platform admin only."""
    return settings.DEBUG and user.is_authenticated and is_platform_admin(user)


def _refuse_unless_allowed(request):
    if not settings.DEBUG:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_platform_admin(request.user):
        raise Http404
    return None


def shown_body(message: Message) -> str:
    """The body as it was sent: with its private link, which DEBUG keeps for the demo."""
    link = message.private_link or "(the private link was not kept)"
    return message.body.replace(PRIVATE_LINK_PLACEHOLDER, link)


@never_cache
def mailbox(request):
    refused = _refuse_unless_allowed(request)
    if refused:
        return refused
    channel = request.GET.get("channel", "email")
    if channel not in CHANNELS:
        raise Http404
    messages = (
        Message.objects.filter(channel=channel)
        .order_by("-created_at", "-pk")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.defer("content").order_by("pk"))
        )
    )
    page = Paginator(messages, PER_PAGE).get_page(request.GET.get("page"))
    for message in page:
        message.shown_body = shown_body(message)
    return render(
        request,
        "notifications/mailbox.html",
        {"page": page, "channel": channel, "channels": CHANNELS},
    )


@never_cache
def attachment(request, attachment_id):
    refused = _refuse_unless_allowed(request)
    if refused:
        return refused
    found = get_object_or_404(Attachment, pk=attachment_id)
    response = HttpResponse(bytes(found.content), content_type=found.mimetype)
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return response
