"""Messages come from a real address of the service, never no-reply@localhost (issue #17)."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from config.checks import refuse_local_sender
from config.senders import default_sender, is_local_sender


def test_the_default_sender_is_on_the_sites_own_domain():
    assert (
        default_sender("https://asb.wirral.gov.uk")
        == "ASB Case Review <no-reply@asb.wirral.gov.uk>"
    )


@pytest.mark.parametrize(
    "sender",
    ["ASB Case Review <no-reply@localhost>", "no-reply@127.0.0.1", "x@box.local", "x@intranet"],
)
def test_local_senders_are_recognised(sender):
    assert is_local_sender(sender)


def test_a_councils_address_is_not_local():
    assert not is_local_sender("ASB Case Review <asb@wirral.gov.uk>")


def test_deploy_check_refuses_a_local_sender(settings):
    settings.DEFAULT_FROM_EMAIL = "ASB Case Review <no-reply@localhost>"
    with pytest.raises(SystemCheckError, match=r"portal\.E003"):
        call_command("check", deploy=True, tags=["security"])
    settings.DEFAULT_FROM_EMAIL = "ASB Case Review <no-reply@asb.wirral.gov.uk>"
    assert refuse_local_sender(None) == []


@pytest.mark.django_db
def test_the_outbox_sends_from_the_configured_sender(settings, mailoutbox):
    from notifications import delivery
    from tests.notifications.helpers import queue

    settings.DEFAULT_FROM_EMAIL = "ASB Case Review <no-reply@asb.wirral.gov.uk>"
    delivery.deliver(queue().pk)
    assert mailoutbox[0].from_email == "ASB Case Review <no-reply@asb.wirral.gov.uk>"
