"""A user's saved filters of the case list: save the current search, filter and sort under a
name, open it again, delete it. Each user sees only their own; another's is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from agencies import access
from triggers.cases import services
from triggers.cases.forms import SavedFilterForm, clean_query


def _list_url(query: str) -> str:
    return f"{reverse('home')}?{query}" if query else reverse("home")


@login_required
def new(request):
    """Name the list's current filter (GET carries it from the list; POST saves it)."""
    areas = list(access.areas_for(request.user))
    if request.method == "POST":
        form = SavedFilterForm(request.POST)
        if form.is_valid():
            query = clean_query(form.cleaned_data["query"], areas)
            saved = services.save_filter(request.user, form.cleaned_data["name"], query)
            messages.success(request, gettext("Filter '%(name)s' saved.") % {"name": saved.name})
            return redirect(_list_url(query))
    else:
        form = SavedFilterForm(initial={"query": clean_query(request.GET.urlencode(), areas)})
    return render(request, "triggers/cases/saved_filter.html", {"form": form})


@login_required
def open_filter(request, saved_filter_id):
    saved = get_object_or_404(services.saved_filters_for(request.user), pk=saved_filter_id)
    return redirect(_list_url(saved.query))


@login_required
@require_POST
def delete(request, saved_filter_id):
    saved = get_object_or_404(services.saved_filters_for(request.user), pk=saved_filter_id)
    services.delete_filter(saved)
    messages.success(request, gettext("Filter '%(name)s' deleted.") % {"name": saved.name})
    return redirect("home")
