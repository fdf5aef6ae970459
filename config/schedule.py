"""What beat runs when: the outbox's requeue, the daily reminders and escalations, closing
and retention. Read by config/settings.py as CELERY_BEAT_SCHEDULE; django-celery-beat keeps it
in the database (DatabaseScheduler), where an operator may see or pause a task."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Sends what is due: first tries whose dispatch was lost, and retries past their backoff.
    "requeue-pending-messages": {
        "task": "notifications.tasks.requeue_pending",
        "schedule": 60.0,
    },
    "failed-message-digest": {
        "task": "notifications.tasks.send_failure_digests",
        "schedule": crontab(hour=7, minute=0),
    },
    "information-reminders": {
        "task": "triggers.tasks.send_information_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    "threshold-check-reminders": {
        "task": "triggers.tasks.send_threshold_check_reminders",
        "schedule": crontab(hour=7, minute=35),
    },
    "action-reminders": {
        "task": "triggers.tasks.send_action_reminders",
        "schedule": crontab(hour=7, minute=40),
    },
    # Every day, not only working days: a case closes on the day after its time to appeal.
    "close-cases-due": {
        "task": "triggers.tasks.close_cases_due",
        "schedule": crontab(hour=6, minute=30),
    },
    # DOMAIN.md §5.11: a recipient that has not answered a recommendation in 20 working days.
    "recommendation-reminders": {
        "task": "triggers.tasks.send_recommendation_reminders",
        "schedule": crontab(hour=7, minute=45),
    },
    "appeal-reminders": {
        "task": "appeals.tasks.send_appeal_reminders",
        "schedule": crontab(hour=7, minute=50),
    },
    # s104(10): a month before an area's yearly publication falls due, remind its admins.
    "figures-publication-due": {
        "task": "figures.tasks.remind_publication_due",
        "schedule": crontab(hour=7, minute=55),
    },
    # Retention of closed cases (issue #8): personal data removed past the area's period.
    "anonymise-expired-cases": {
        "task": "agencies.tasks.anonymise_expired_cases",
        "schedule": crontab(hour=2, minute=15),
    },
    # The bodies' incident records (issue #20): deleted past the area's retention.
    "delete-expired-incident-records": {
        "task": "incidents.tasks.delete_expired_records",
        "schedule": crontab(hour=2, minute=30),
    },
}
