"""Multi-year plans in the admin: an announced edition and its projects are read-only and
cannot be deleted; an edition's state changes only through the workflow's steps."""

from django.contrib import admin

from localplan.core.admin import FrozenAdmin, FrozenInline
from localplan.core.models import PUBLIC_STATES
from localplan.devplan.models import DevPlan, DevPlanEdition, PlanProject, ProjectBudget


@admin.register(DevPlan)
class DevPlanAdmin(FrozenAdmin):
    list_display = ["title", "organization", "regime"]
    list_filter = ["organization"]

    def is_frozen(self, obj) -> bool:
        return obj.editions.filter(state__in=PUBLIC_STATES).exists()


@admin.register(DevPlanEdition)
class DevPlanEditionAdmin(FrozenAdmin):
    list_display = ["plan", "label", "state", "organization"]
    list_filter = ["organization", "state", "kind"]
    readonly_fields = ["state"]

    def is_frozen(self, obj) -> bool:
        return obj.is_frozen


class ProjectBudgetInline(FrozenInline):
    model = ProjectBudget
    fields = ["organization", "fiscal_year", "amount"]

    def parent_frozen(self, parent) -> bool:
        return parent.edition.is_frozen


@admin.register(PlanProject)
class PlanProjectAdmin(FrozenAdmin):
    list_display = ["code", "name", "edition", "organization"]
    list_filter = ["organization", "edition__state"]
    search_fields = ["code", "name"]
    list_select_related = ["edition__plan"]
    inlines = [ProjectBudgetInline]

    def is_frozen(self, obj) -> bool:
        return obj.edition.is_frozen
