from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from agencies import enrolment_views, return_address, token_views
from agencies import views as agency_views
from figures import attention as attention_views
from notifications import mailbox
from notifications import views as notification_views
from triggers.tracking import language as language_views

from . import views

urlpatterns = [
    path("", TemplateView.as_view(template_name="pages/start.html"), name="start"),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    path("healthz", views.healthz, name="healthz"),
    # The header's "English | Cymraeg" (issue #19): a link, remembered, recorded on the case.
    path("language/<str:code>/", language_views.switch, name="switch_language"),
    path("sign-in/", agency_views.SignInView.as_view(), name="signin"),
    path("sign-out/", agency_views.SignOutView.as_view(), name="signout"),
    path("sign-in/code/", agency_views.verify, name="signin_verify"),
    path("sign-in/set-up/", agency_views.setup, name="signin_setup"),
    path("sign-in/backup-codes/", agency_views.backup_codes, name="signin_backup_codes"),
    path("sign-in/set-up/<str:token>/", enrolment_views.open_link, name="signin_enrol"),
    path("account/api-tokens/", token_views.api_tokens, name="api_tokens"),
    path("account/api-tokens/<int:pk>/revoke/", token_views.revoke, name="api_token_revoke"),
    path("account/set-up-links/", enrolment_views.staff, name="enrolment_staff"),
    path(
        "account/set-up-links/<int:user_id>/",
        enrolment_views.send_link,
        name="enrolment_send",
    ),
    # The case, stage by stage (triggers/urls.py).
    path("", include("triggers.urls")),
    # The relevant bodies' incident records (issue #20).
    path("", include("incidents.urls")),
    path("appeals/", include("appeals.urls")),
    path("figures/", include("figures.urls")),
    path("pledge/", include("pledge.urls")),
    path("audit/", include("audit.urls")),
    # The area admin's start page (issue #17).
    path("attention/", attention_views.attention, name="attention"),
    path("messages/failed/", notification_views.failed, name="messages_failed"),
    # DEBUG only, for the platform admin: what the portal sent (a 404 in production).
    path("demo/mailbox/", mailbox.mailbox, name="demo_mailbox"),
    path(
        "demo/mailbox/attachments/<int:attachment_id>/",
        mailbox.attachment,
        name="demo_mailbox_attachment",
    ),
    path("messages/<int:message_id>/resend/", notification_views.resend, name="message_resend"),
    path("areas/<slug:area>/notify/", notification_views.area_notify, name="area_notify"),
    path(
        "areas/<slug:area>/return-address/",
        return_address.return_address,
        name="area_return_address",
    ),
    # GOV.UK Notify's delivery receipts: public, each area's own bearer token (issue #16).
    path("notify/<slug:area>/receipts/", notification_views.notify_receipt, name="notify_receipt"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # The split view serves Swagger UI's start-up script as a file: the CSP allows no inline JS.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("admin/", admin.site.urls),
]

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
