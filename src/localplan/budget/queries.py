"""Reads of budgets and other agencies' projects that pages, imports, the draft and the
checks share."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from localplan.budget.models import (
    CATEGORY_ORDER,
    AgencyProject,
    BudgetDocument,
    BudgetDocumentKind,
    BudgetItem,
)
from localplan.core.models import EditionState
from localplan.devplan.models import DevPlanEdition, PlanProject
from localplan.devplan.queries import linkable_plan_projects
from localplan.opsplan.models import OperationalPlan, OpsEdition

ZERO = Decimal("0.00")


KIND_ORDER = {kind: index for index, kind in enumerate(BudgetDocumentKind.values)}


def documents_of(organization, fiscal_year: int | None = None) -> list[BudgetDocument]:
    """The documents with their item count and total: newest year first, then the annual
    ordinance, additional budgets, accumulated funds, each by number."""
    documents = BudgetDocument.objects.filter(organization=organization).select_related(
        "organization"
    )
    if fiscal_year is not None:
        documents = documents.filter(fiscal_year=fiscal_year)
    documents = documents.annotate(item_count=Count("items"), total=Sum("items__amount"))
    return sorted(documents, key=lambda d: (-d.fiscal_year, KIND_ORDER[d.kind], d.sequence))


def budget_years(organization) -> list[int]:
    """Every fiscal year with a budget document, other agencies' projects or an operational
    plan, newest first."""
    years = set(
        BudgetDocument.objects.filter(organization=organization).values_list(
            "fiscal_year", flat=True
        )
    )
    years |= set(
        AgencyProject.objects.filter(organization=organization).values_list(
            "fiscal_year", flat=True
        )
    )
    years |= set(
        OperationalPlan.objects.filter(organization=organization).values_list(
            "fiscal_year", flat=True
        )
    )
    return sorted(years, reverse=True)


def items_of(document: BudgetDocument) -> list[BudgetItem]:
    """A document's items in the order of the ordinance: ด้าน, แผนงาน, งาน, งบ, then as entered."""
    items = BudgetItem.objects.filter(
        organization=document.organization, document=document
    ).select_related("work_plan__side")
    return sorted(
        items,
        key=lambda item: (
            item.work_plan.side.order,
            item.work_plan.order,
            item.task,
            CATEGORY_ORDER.get(item.category, 99),
            item.number,
            item.pk,
        ),
    )


@dataclass
class ItemGroup:
    """A level of the ordinance (ด้าน, แผนงาน, งาน or งบ) with its items and total."""

    label: str
    level: int
    children: list[ItemGroup] = field(default_factory=list)
    items: list[BudgetItem] = field(default_factory=list)
    total: Decimal = ZERO
    count: int = 0


def group_items(items: list[BudgetItem]) -> ItemGroup:
    """ด้าน → แผนงาน → งาน → งบ, each with its total; items in the order given."""
    levels = (
        lambda item: item.work_plan.side.name,
        lambda item: item.work_plan.name,
        lambda item: item.task or "-",
        lambda item: str(item.get_category_display()),
    )
    root = ItemGroup(label="", level=0)
    for item in items:
        node = root
        path = [root]
        for depth, label_of in enumerate(levels, start=1):
            label = label_of(item)
            if not node.children or node.children[-1].label != label:
                node.children.append(ItemGroup(label=label, level=depth))
            node = node.children[-1]
            path.append(node)
        node.items.append(item)
        for group in path:
            group.total += item.amount
            group.count += 1
    return root


def plan_projects_by_code(organization, fiscal_year: int) -> dict[str, PlanProject]:
    """The plan project a budget item of this year links to, by code: the row in the edition
    in force of a plan covering the year, else the newest row with that code."""
    projects = {
        project.code: project for project in linkable_plan_projects(organization, fiscal_year)
    }
    others = (
        PlanProject.objects.filter(organization=organization)
        .exclude(code__in=list(projects))
        .only("id", "code", "name", "edition_id", "organization_id")
        .order_by("code", "-id")
    )
    for project in others:
        projects.setdefault(project.code, project)
    return projects


def announced_editions(organization, fiscal_year: int) -> list[DevPlanEdition]:
    """The announced edition in force of every multi-year plan whose horizon covers the year."""
    editions = (
        DevPlanEdition.objects.filter(
            organization=organization,
            state=EditionState.ANNOUNCED,
            plan__first_fiscal_year__lte=fiscal_year,
            plan__last_fiscal_year__gte=fiscal_year,
        )
        .select_related("plan")
        .order_by("plan_id", "-created_at", "-id")
    )
    in_force: dict[int, DevPlanEdition] = {}
    for edition in editions:
        in_force.setdefault(edition.plan_id, edition)
    return list(in_force.values())


def agency_projects_of(organization, fiscal_year: int, status: str | None = None):
    projects = AgencyProject.objects.filter(
        organization=organization, fiscal_year=fiscal_year
    ).select_related("agency", "strategy", "guideline__strategy", "work_plan")
    if status:
        projects = projects.filter(status=status)
    return projects.order_by("agency__name", "code")


def operational_plan_of(organization, fiscal_year: int) -> OperationalPlan | None:
    return OperationalPlan.objects.filter(
        organization=organization, fiscal_year=fiscal_year
    ).first()


def working_edition(plan: OperationalPlan | None) -> OpsEdition | None:
    """The edition being worked on: the newest one, draft or not."""
    if plan is None:
        return None
    return plan.editions.select_related("plan").order_by("-created_at", "-id").first()


def year_totals(organization, fiscal_year: int) -> dict:
    """Totals of the year's documents for the year page."""
    totals = BudgetItem.objects.filter(
        organization=organization, document__fiscal_year=fiscal_year
    ).aggregate(
        total=Sum("amount"),
        linked=Sum("amount", filter=~Q(plan_project_code="")),
        count=Count("id"),
    )
    return {key: value if value is not None else ZERO for key, value in totals.items()}


def items_by_source(organization, fiscal_year: int) -> dict[tuple[str, str], list[dict]]:
    """Budget items of the year linked to plan projects, by (project code, budget source)."""
    from localplan.budget.models import BUDGET_SOURCE_OF_KIND

    found: dict[tuple[str, str], list[dict]] = defaultdict(list)
    items = (
        BudgetItem.objects.filter(organization=organization, document__fiscal_year=fiscal_year)
        .exclude(plan_project_code="")
        .values(
            "id", "code", "name", "amount", "plan_project_code", "work_plan_id", "document__kind"
        )
        .order_by("document__kind", "document__sequence", "number", "id")
    )
    for item in items:
        source = BUDGET_SOURCE_OF_KIND[item["document__kind"]]
        found[(item["plan_project_code"], source)].append(item)
    return found
