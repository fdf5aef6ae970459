"""Saved filters of the case list (issue #17): per user, saved and opened again, and another
user's is not found."""

import pytest
from django.urls import reverse

from triggers.cases import services
from triggers.models import SavedFilter

pytestmark = pytest.mark.django_db


def test_save_a_filter_and_open_it_again(client, north):
    client.force_login(north.officer)
    new = client.get(
        reverse("saved_filter_new"),
        {"q": "Applicant", "status": "submitted", "sort": "applicant", "dir": "desc", "x": "1"},
    )
    page = new.content.decode()
    query = "q=Applicant&amp;status=submitted&amp;sort=applicant&amp;dir=desc"
    assert f'value="{query}"' in page  # unknown parameters dropped
    response = client.post(
        reverse("saved_filter_new"),
        {"name": "My submitted", "query": query.replace("&amp;", "&")},
    )
    assert response.status_code == 302
    saved = SavedFilter.objects.get(user=north.officer)
    assert saved.name == "My submitted"
    assert saved.query == "q=Applicant&status=submitted&sort=applicant&dir=desc"
    home = client.get(response.url).content.decode()
    assert "Your saved filters" in home and "My submitted" in home
    assert reverse("saved_filter", args=[saved.pk]) in home
    opened = client.get(reverse("saved_filter", args=[saved.pk]))
    assert opened.status_code == 302
    assert opened.url == f"{reverse('home')}?{saved.query}"
    listed = client.get(opened.url).content.decode()
    assert 'aria-sort="descending"><a class="govuk-link app-sort-link" href="?q=Applicant' in listed
    assert north.case.reference in listed


def test_a_saved_query_is_cleaned_before_it_is_kept(client, north):
    client.force_login(north.officer)
    client.post(
        reverse("saved_filter_new"),
        {"name": "Odd", "query": "status=nonsense&sort=applicant_email&evil=1&q=Smith"},
    )
    assert SavedFilter.objects.get(user=north.officer).query == "q=Smith"


def test_saving_again_under_the_same_name_replaces_it(client, north):
    client.force_login(north.officer)
    for query in ("status=submitted", "overdue=on"):
        client.post(reverse("saved_filter_new"), {"name": "Mine", "query": query})
    assert list(SavedFilter.objects.values_list("name", "query")) == [("Mine", "overdue=on")]


def test_a_filter_needs_a_name(client, north):
    client.force_login(north.officer)
    response = client.post(reverse("saved_filter_new"), {"name": " ", "query": "overdue=on"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "Enter a name for the filter" in page
    assert not SavedFilter.objects.exists()


def test_another_users_saved_filter_is_not_found(client, north):
    saved = services.save_filter(north.officer, "Officer's", "overdue=on")
    for other in (north.admin, north.responder):
        client.force_login(other)
        assert client.get(reverse("saved_filter", args=[saved.pk])).status_code == 404
        assert client.post(reverse("saved_filter_delete", args=[saved.pk])).status_code == 404
        assert "Officer&#x27;s" not in client.get(reverse("home")).content.decode()
    assert SavedFilter.objects.filter(pk=saved.pk).exists()


def test_delete_a_saved_filter(client, north):
    saved = services.save_filter(north.officer, "Old", "overdue=on")
    client.force_login(north.officer)
    assert client.get(reverse("saved_filter_delete", args=[saved.pk])).status_code == 405
    response = client.post(reverse("saved_filter_delete", args=[saved.pk]))
    assert response.status_code == 302 and not SavedFilter.objects.exists()
