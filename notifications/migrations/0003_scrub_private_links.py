"""Take private links out of bodies stored before they were kept apart (issue #15 finding 3).

A message still waiting keeps its link beside the body (put back in at delivery); one that
was sent or failed loses it: a stored /track/<token>/ link opens the applicant's case.
"""

import re

from django.db import migrations

from agencies.log_filters import TRACKING_LINK, redact

PLACEHOLDER = "[private link]"  # notifications.models.PRIVATE_LINK_PLACEHOLDER, as of now
FULL_LINK = re.compile(r"(?:https?://[^\s/]+)?" + TRACKING_LINK.pattern)


def scrub(apps, schema_editor):
    Message = apps.get_model("notifications", "Message")
    for message in Message.objects.filter(body__contains="/track/").iterator():
        found = FULL_LINK.search(message.body)
        if found is None:
            continue
        if message.status == "pending":
            message.private_link = found.group(0)
            message.body = message.body.replace(found.group(0), PLACEHOLDER)
        message.body = redact(message.body)
        message.save(update_fields=["body", "private_link"])


class Migration(migrations.Migration):
    dependencies = [("notifications", "0002_delivery_schedule_and_private_link")]

    operations = [migrations.RunPython(scrub, migrations.RunPython.noop)]
