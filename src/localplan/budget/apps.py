from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "localplan.budget"
    label = "budget"
    verbose_name = _("งบประมาณ")

    def ready(self):
        from localplan.budget import panels  # noqa: F401  (registers the slots)
        from localplan.budget.services.documents import follow_plan_edition
        from localplan.devplan.models import DevPlanEdition
        from localplan.devplan.signals import edition_in_force

        edition_in_force.connect(
            follow_plan_edition, sender=DevPlanEdition, dispatch_uid="budget-follow-plan-edition"
        )
