from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsPlanConfig(AppConfig):
    name = "localplan.opsplan"
    label = "opsplan"
    verbose_name = _("แผนการดำเนินงาน")

    def ready(self):
        from localplan.opsplan import panels  # noqa: F401  (registers the home panel)
