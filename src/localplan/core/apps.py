from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "localplan.core"
    label = "core"
    verbose_name = _("องค์กรและผู้ใช้")

    def ready(self):
        from localplan.core import audit

        audit.connect_all()
        post_migrate.connect(_geography_after_migrate, sender=self)


def _geography_after_migrate(sender, apps=global_apps, using="default", **kwargs):
    """`migrate` (and a test's flush, which sends no `apps`) leaves every area of the
    installed geothai in place."""
    try:
        apps.get_model("core", "Subdistrict")
    except LookupError:
        return  # migrated back before the geography tables
    from localplan.core.geography import ensure_geography

    ensure_geography(apps, using=using)
