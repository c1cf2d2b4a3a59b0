"""Every write to multi-year plans: a plan with its first edition, a project with its
yearly budgets, removing a project."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from localplan.core.access import require_editable, require_unit_row_editor
from localplan.core.codes import next_codes
from localplan.core.models import EDITABLE_STATES, AmendmentKind, Membership
from localplan.devplan.models import DevPlan, DevPlanEdition, PlanProject, ProjectBudget

PROJECT_CODE_PREFIX = "P"


@transaction.atomic
def create_dev_plan(
    *, organization, regime: str, first_fiscal_year: int, last_fiscal_year: int
) -> DevPlan:
    plan = DevPlan(
        organization=organization,
        regime=regime,
        first_fiscal_year=first_fiscal_year,
        last_fiscal_year=last_fiscal_year,
    )
    plan.full_clean()
    plan.save()
    DevPlanEdition.objects.create(organization=organization, plan=plan, kind=AmendmentKind.ORIGINAL)
    return plan


@transaction.atomic
def save_plan_project(
    *,
    project: PlanProject,
    by: Membership,
    budgets: dict[int, Decimal | None],
    villages=None,
) -> PlanProject:
    """Save a project and its budget for each fiscal year of the plan; an empty year has none."""
    edition = project.edition
    require_editable(edition)
    require_unit_row_editor(by, project.unit_id)
    if project.pk is not None:
        stored_unit = PlanProject.objects.filter(pk=project.pk).values_list("unit_id", flat=True)
        require_unit_row_editor(by, stored_unit.first())
    if not project.code:
        project.code = next_codes(PlanProject, project.organization, PROJECT_CODE_PREFIX)[0]
    if not project.number:
        project.number = PlanProject.objects.filter(edition=edition).count() + 1
    project.full_clean()
    project.save()
    if villages is not None:
        project.villages.set(villages, through_defaults={"organization": project.organization})
    horizon = set(edition.plan.fiscal_years)
    outside = set(budgets) - horizon
    if outside:
        raise ValueError(f"fiscal years outside the plan: {sorted(outside)}")
    existing = {budget.fiscal_year: budget for budget in project.budgets.all()}
    for fiscal_year in sorted(horizon):
        amount = budgets.get(fiscal_year)
        budget = existing.get(fiscal_year)
        if amount is None:
            if budget is not None:
                budget.delete()
        elif budget is None:
            ProjectBudget.objects.create(
                organization=project.organization,
                project=project,
                fiscal_year=fiscal_year,
                amount=amount,
            )
        elif budget.amount != amount:
            budget.amount = amount
            budget.save()
    return project


@transaction.atomic
def delete_plan_project(*, project: PlanProject, by: Membership) -> None:
    """Delete a draft's project; entries of draft operational plans that name it lose the
    link. Refused while an operational plan under review or announced names it: that plan
    was decided on with this project."""
    require_editable(project.edition)
    require_unit_row_editor(by, project.unit_id)
    decided = project.ops_entries.exclude(edition__state__in=EDITABLE_STATES).select_related(
        "edition__plan"
    )
    if decided:
        raise ValidationError(
            _("ลบโครงการนี้ไม่ได้ เพราะ%(edition)s ซึ่งอยู่ระหว่างพิจารณาหรือประกาศใช้แล้ว อ้างถึงโครงการนี้")
            % {"edition": decided[0].edition},
            code="project_in_decided_plan",
        )
    project.delete()
