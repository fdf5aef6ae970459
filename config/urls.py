from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from agencies import views as agency_views
from notifications import views as notification_views
from triggers import views as trigger_views

from . import views

urlpatterns = [
    path("", TemplateView.as_view(template_name="pages/start.html"), name="start"),
    path("accessibility/", TemplateView.as_view(template_name="pages/accessibility.html"),
         name="accessibility"),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    path("healthz", views.healthz, name="healthz"),
    path("sign-in/", agency_views.SignInView.as_view(), name="signin"),
    path("sign-out/", agency_views.SignOutView.as_view(), name="signout"),
    path("apply/", include("triggers.urls_apply")),
    path("track/", include("triggers.urls_track")),
    path("cases/", trigger_views.home, name="home"),
    path("cases/<slug:area>/<str:reference>/", trigger_views.case_detail, name="case_detail"),
    path("cases/<slug:area>/<str:reference>/acknowledge/", trigger_views.acknowledge,
         name="case_acknowledge"),
    path("cases/<slug:area>/<str:reference>/threshold/", trigger_views.decide_threshold,
         name="case_threshold"),
    path("cases/<slug:area>/<str:reference>/letters/<int:letter_id>/", trigger_views.letter,
         name="case_letter"),
    path("messages/failed/", notification_views.failed, name="messages_failed"),
    path("messages/<int:message_id>/resend/", notification_views.resend, name="message_resend"),
    path("admin/", admin.site.urls),
]

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
