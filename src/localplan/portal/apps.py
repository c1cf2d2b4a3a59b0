from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "localplan.portal"
    label = "portal"
    verbose_name = _("เว็บไซต์สาธารณะ")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from localplan.portal import queries

        def forget(sender, instance, **kwargs):
            kind = queries.OPS if sender is queries.OpsEdition else queries.DEV
            queries.forget_stamp(kind, instance.pk)

        for model in queries.EDITION_MODELS.values():
            uid = f"portal-stamp-{model.__name__}"
            post_save.connect(forget, sender=model, weak=False, dispatch_uid=uid)
            post_delete.connect(forget, sender=model, weak=False, dispatch_uid=uid + "-delete")
