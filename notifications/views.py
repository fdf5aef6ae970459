"""Area admins see messages that could not be sent, send them again, and set up GOV.UK Notify;
Notify calls back with delivery receipts."""

import json

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from agencies import access
from agencies.models import NotifySettings
from agencies.site import site_url

from . import area_settings, receipts, services
from .models import Message


def _messages_for(user):
    return Message.objects.filter(area__in=access.administered_areas_for(user))


@login_required
def failed(request):
    failed_messages = _messages_for(request.user).filter(status=Message.Status.FAILED)
    page = Paginator(failed_messages.select_related("area"), 50).get_page(request.GET.get("page"))
    areas = access.administered_areas_for(request.user).order_by("name")
    return render(request, "notifications/failed.html", {"page": page, "areas": areas})


@login_required
@require_POST
def resend(request, message_id):
    message = get_object_or_404(_messages_for(request.user), pk=message_id)
    services.resend(message)
    flash.success(
        request,
        gettext("The message to %(to)s will be sent again.") % {"to": message.to_address},
    )
    return redirect("messages_failed")


@login_required
def area_notify(request, area):
    """The area admin's GOV.UK Notify settings. The saved key is never put on the page."""
    area = get_object_or_404(access.administered_areas_for(request.user), slug=area)
    saved = area_settings.settings_of(area)
    form = area_settings.NotifySettingsForm(
        request.POST or None,
        saved=saved,
        initial={
            "use_for_email": saved.use_for_email,
            "use_for_text": saved.use_for_text,
            "use_for_letters": saved.use_for_letters,
            "email_template_id": saved.email_template_id,
            "text_template_id": saved.text_template_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        area_settings.save_settings(saved, form.cleaned_data, by=request.user)
        flash.success(
            request, gettext("%(area)s's GOV.UK Notify settings are saved.") % {"area": area.name}
        )
        return redirect("area_notify", area=area.slug)
    callback_url = site_url() + reverse("notify_receipt", args=[area.slug])
    return render(
        request,
        "notifications/area_notify.html",
        {
            "area": area,
            "form": form,
            "saved": saved,
            "callback_url": callback_url,
            "changes": area_settings.history_of(area),
        },
    )


@csrf_exempt
@require_POST
def notify_receipt(request, area):
    """GOV.UK Notify's delivery receipt for one of the area's messages (public, token-bound)."""
    found = NotifySettings.objects.filter(area__slug=area).select_related("area").first()
    if found is None or not found.callback_token_hash:
        raise Http404("No delivery receipts are taken for this area.")
    if not receipts.token_is_right(found, request.headers.get("Authorization", "")):
        response = JsonResponse({"error": "Unauthorised"}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="notify-receipts"'
        return response
    try:
        receipt = receipts.parse(json.loads(request.body))
    except (ValueError, receipts.BadReceipt) as error:
        return JsonResponse({"error": str(error)[:200]}, status=400)
    if receipts.record_receipt(found.area, *receipt) is None:
        return JsonResponse({"error": "No such message"}, status=404)
    return JsonResponse({"ok": True})
