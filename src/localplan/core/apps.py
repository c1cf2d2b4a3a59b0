from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "localplan.core"
    label = "core"
    verbose_name = _("องค์กรและผู้ใช้")

    def ready(self):
        from localplan.core import audit

        audit.connect_all()
