from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevPlanConfig(AppConfig):
    name = "localplan.devplan"
    label = "devplan"
    verbose_name = _("แผนพัฒนา")

    def ready(self):
        from localplan.devplan import panels  # noqa: F401  (registers the home panel)
