from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "localplan.api"
    label = "api"
    verbose_name = "API"
