from django.apps import AppConfig


class PledgeConfig(AppConfig):
    name = "pledge"
