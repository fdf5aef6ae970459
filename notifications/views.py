"""Area admins see messages that could not be sent, and send them again."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from agencies import access

from . import services
from .models import Message


def _messages_for(user):
    return Message.objects.filter(area__in=access.administered_areas_for(user))


@login_required
def failed(request):
    failed_messages = _messages_for(request.user).filter(status=Message.Status.FAILED)
    page = Paginator(failed_messages.select_related("area"), 50).get_page(request.GET.get("page"))
    return render(request, "notifications/failed.html", {"page": page})


@login_required
@require_POST
def resend(request, message_id):
    message = get_object_or_404(_messages_for(request.user), pk=message_id)
    services.resend(message)
    flash.success(request, f"The message to {message.to_address} will be sent again.")
    return redirect("messages_failed")
