"""Queue a message the way the rest of the project does, with a small fixed context."""

from notifications import services

TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-"
LINK = f"https://asb.example.gov.uk/track/{TOKEN}/"


def queue(key="k1", to="victim@example.com", area=None, **kwargs):
    return services.queue_email(
        key=key,
        to=to,
        template="acknowledged",
        topic="Test",
        context={
            "case": {"reference": "T-1", "applicant_name": "Sam", "threshold_decision_due": None},
            "contact": {"name": "Officer", "team": "Team"},
            "area": {"spoc_name": "Team"},
        },
        area=area,
        reference="T-1",
        **kwargs,
    )


def queue_link(key="link", to="victim@example.com", area=None, link=LINK):
    """The applicant's new private link, passed apart from the body."""
    return services.queue_email(
        key=key,
        to=to,
        template="tracking_link",
        topic="New private link",
        context={
            "case": {"reference": "T-1", "applicant_name": "Sam"},
            "area": {"name": "North", "spoc_name": "Team", "spoc_email": "team@example.org"},
        },
        area=area,
        reference="T-1",
        private_link=link,
    )
