from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "localplan.workflow"
    label = "workflow"
    verbose_name = _("การพิจารณา อนุมัติ และประกาศใช้แผน")

    def ready(self):
        from localplan.workflow import freeze, panels  # noqa: F401  (guards and slots)

        freeze.connect()
