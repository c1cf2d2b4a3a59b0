from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "localplan.documents"
    verbose_name = _("เอกสารและแบบฟอร์มทางราชการ")

    def ready(self):
        from localplan.documents import panels  # noqa: F401  (registers the download buttons)
