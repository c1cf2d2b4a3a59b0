"""Reads of multi-year plans that pages, forms and documents share."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from localplan.core.grouping import PLAN_LEVELS, Group, group_rows
from localplan.core.models import EditionState
from localplan.core.thai_calendar import format_money
from localplan.devplan.models import DevPlan, DevPlanEdition, PlanProject, ProjectBudget


def plans_with_editions(organization) -> QuerySet[DevPlan]:
    return DevPlan.objects.filter(organization=organization).prefetch_related(
        Prefetch("editions", queryset=DevPlanEdition.objects.order_by("created_at", "id"))
    )


def current_edition(plan: DevPlan) -> DevPlanEdition | None:
    """The edition in force: the latest announced one, else the latest draft."""
    editions = plan.editions.order_by("-created_at", "-id")
    return editions.filter(state=EditionState.ANNOUNCED).first() or editions.first()


def projects_of(edition: DevPlanEdition, filters: dict | None = None) -> list[PlanProject]:
    """The edition's projects in form order with everything a list or a form prints."""
    projects = (
        PlanProject.objects.filter(organization_id=edition.organization_id, edition=edition)
        .select_related("strategy", "guideline__strategy", "work_plan", "unit", "agency")
        .prefetch_related(
            Prefetch("budgets", queryset=ProjectBudget.objects.order_by("fiscal_year")),
            "villages",
        )
    )
    return list(filter_projects(projects, filters or {}))


def filter_projects(projects: QuerySet, filters: dict) -> QuerySet:
    lookups = {
        "strategy": "strategy",
        "guideline": "guideline",
        "work_plan": "work_plan",
        "unit": "unit",
        "village": "villages",
        "kind": "kind",
    }
    for name, lookup in lookups.items():
        if filters.get(name):
            projects = projects.filter(**{lookup: filters[name]})
    if filters.get("q"):
        text = filters["q"]
        projects = projects.filter(Q(name__icontains=text) | Q(code__iexact=text))
    return projects.distinct() if filters.get("village") else projects


def budgets_by_year(project: PlanProject) -> dict[int, Decimal]:
    return {budget.fiscal_year: budget.amount for budget in project.budgets.all()}


def group_projects(projects: list[PlanProject]) -> Group:
    return group_rows(
        projects,
        PLAN_LEVELS,
        amount=lambda project: sum(budgets_by_year(project).values(), Decimal("0.00")),
        year_amounts=budgets_by_year,
    )


def linkable_plan_projects(organization, fiscal_year: int) -> QuerySet[PlanProject]:
    """Projects an operational-plan entry of this fiscal year may link to: those of the
    edition in force of every plan whose horizon covers the year."""
    plans = DevPlan.objects.filter(
        organization=organization,
        first_fiscal_year__lte=fiscal_year,
        last_fiscal_year__gte=fiscal_year,
    )
    edition_ids = [edition.pk for plan in plans if (edition := current_edition(plan))]
    return (
        PlanProject.objects.filter(organization=organization, edition_id__in=edition_ids)
        .select_related("strategy", "guideline", "work_plan", "unit")
        .order_by("strategy__number", "guideline__number", "number", "id")
    )


def _label(name: str) -> str:
    return str(PlanProject._meta.get_field(name).verbose_name)


def project_deletion(project: PlanProject) -> tuple[list[tuple[str, str]], list[str]]:
    """What the confirmation before deleting a project shows: the project (label, value)
    and what else its deletion changes."""
    budgets = sorted(project.budgets.all(), key=lambda budget: budget.fiscal_year)
    years = "; ".join(
        _("ปี %(year)s: %(amount)s บาท")
        % {"year": b.fiscal_year, "amount": format_money(b.amount, dash_for_none=False)}
        for b in budgets
    )
    summary = [
        (_label("code"), project.code),
        (_label("name"), project.name),
        (_label("edition"), str(project.edition)),
        (_label("strategy"), f"{project.strategy.number}. {project.strategy.name}"),
        (_label("unit"), str(project.unit or "")),
        (_("งบประมาณ (บาท)"), years),
        (_label("villages"), ", ".join(str(v) for v in project.villages.order_by("number"))),
    ]
    effects = []
    if budgets:
        effects.append(_("งบประมาณรายปีของโครงการนี้ถูกลบไปด้วย"))
    entries = list(project.ops_entries.select_related("edition__plan"))
    if entries:
        editions = sorted({str(entry.edition) for entry in entries})
        effects.append(
            _(
                "รายการในแผนการดำเนินงาน %(count)s รายการที่อ้างถึงโครงการนี้ (%(editions)s)"
                " ยังอยู่ แต่จะไม่ผูกกับโครงการในแผนพัฒนาอีก"
            )
            % {"count": len(entries), "editions": ", ".join(editions)}
        )
    items = project.budget_items.count()
    if items:
        effects.append(
            _("รายการในข้อบัญญัติงบประมาณ %(count)s รายการที่ผูกกับโครงการนี้ ยังอยู่ แต่จะไม่ผูกกับโครงการใดอีก")
            % {"count": items}
        )
    return summary, effects
