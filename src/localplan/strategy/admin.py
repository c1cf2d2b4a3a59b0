from django.contrib import admin

from localplan.core.admin import SuperuserAdmin
from localplan.strategy import models

admin.site.register(
    [
        models.NationalStrategy,
        models.SustainableDevelopmentGoal,
        models.BudgetSide,
        models.WorkPlan,
    ],
    SuperuserAdmin,
)


@admin.register(
    models.Vision,
    models.Mission,
    models.Goal,
    models.Strategy,
    models.Guideline,
    models.ProvincialStrategy,
)
class OrganizationStrategyAdmin(SuperuserAdmin):
    list_filter = ["organization"]
