"""The print queue of an area's letters by post (DOMAIN.md §5.8)."""

from django.urls import path

from triggers.post import views

QUEUE = "print-queue/<slug:area>/"

urlpatterns = [
    path("print-queue/", views.queues, name="print_queue"),
    path(QUEUE, views.queue, name="print_queue_area"),
    path(f"{QUEUE}letters.pdf", views.queue_pdf, name="print_queue_pdf"),
    path(f"{QUEUE}posted/", views.posted, name="print_queue_posted"),
    path(f"{QUEUE}address/<int:delivery_id>/", views.address, name="letter_address"),
]
