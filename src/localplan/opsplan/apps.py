from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsPlanConfig(AppConfig):
    name = "localplan.opsplan"
    label = "opsplan"
    verbose_name = _("แผนการดำเนินงาน")

    def ready(self):
        from localplan.devplan.models import DevPlanEdition
        from localplan.devplan.signals import edition_in_force
        from localplan.opsplan import panels  # noqa: F401  (registers the home panel)
        from localplan.opsplan.services import follow_plan_edition

        edition_in_force.connect(
            follow_plan_edition, sender=DevPlanEdition, dispatch_uid="opsplan-follow-plan-edition"
        )
