"""What a user keeps of the case list: their saved filters (issue #17).

A saved filter is the list's query string (search words, filters and sort), cleaned by the
filter form before it is stored, under a name its owner chose. Only its owner sees it.
"""

from django.conf import settings
from django.db import models


class SavedFilter(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters"
    )
    name = models.CharField(max_length=60)
    query = models.CharField(
        max_length=500, blank=True, help_text="The case list's query string, as the form keeps it."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="saved_filter_name_unique"),
        ]

    def __str__(self):
        return self.name
