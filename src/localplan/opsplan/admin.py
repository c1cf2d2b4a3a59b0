"""Operational plans in the admin: an announced edition and its entries are read-only and
cannot be deleted; an edition's state changes only through the workflow's steps."""

from django.contrib import admin

from localplan.core.admin import FrozenAdmin
from localplan.core.models import PUBLIC_STATES
from localplan.opsplan.models import OperationalPlan, OpsEdition, OpsEntry


@admin.register(OperationalPlan)
class OperationalPlanAdmin(FrozenAdmin):
    list_display = ["__str__", "organization", "budget_announced_on"]
    list_filter = ["organization"]

    def is_frozen(self, obj) -> bool:
        return obj.editions.filter(state__in=PUBLIC_STATES).exists()


@admin.register(OpsEdition)
class OpsEditionAdmin(FrozenAdmin):
    list_display = ["plan", "label", "state", "organization"]
    list_filter = ["organization", "state", "kind"]
    readonly_fields = ["state"]

    def is_frozen(self, obj) -> bool:
        return obj.is_frozen


@admin.register(OpsEntry)
class OpsEntryAdmin(FrozenAdmin):
    list_display = ["code", "name", "edition", "budget", "organization"]
    list_filter = ["organization", "edition__state"]
    search_fields = ["code", "name"]
    list_select_related = ["edition__plan"]

    def is_frozen(self, obj) -> bool:
        return obj.edition.is_frozen
