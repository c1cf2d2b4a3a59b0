from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "localplan.budget"
    label = "budget"
    verbose_name = _("งบประมาณ")

    def ready(self):
        from localplan.budget import panels  # noqa: F401  (registers the slots)
