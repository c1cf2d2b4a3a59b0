"""ผ.01 บัญชีสรุปโครงการพัฒนา: per ยุทธศาสตร์ and แผนงาน, for each fiscal year of the plan the
number of projects that have a budget that year and the budget, then the sums over the years.
It summarises the projects of ผ.02, ผ.02/1 and ผ.02/2 (equipment has ผ.03)."""

from __future__ import annotations

from decimal import Decimal

from localplan.core.grouping import Group, group_rows
from localplan.devplan.models import DevPlanEdition, PlanProject, ProjectKind
from localplan.devplan.queries import budgets_by_year
from localplan.documents import queries
from localplan.documents.forms.common import base, dev_plan_name, organization_line

LEVELS = (lambda project: project.strategy, lambda project: project.work_plan)


def summarised(projects: list[PlanProject]) -> list[PlanProject]:
    return [project for project in projects if project.kind != ProjectKind.EQUIPMENT]


def year_counts(group: Group, fiscal_years: list[int]) -> dict[int, int]:
    """How many of the group's projects have a budget in each year."""
    counts = dict.fromkeys(fiscal_years, 0)
    for project in _rows(group):
        for fiscal_year in budgets_by_year(project):
            if fiscal_year in counts:
                counts[fiscal_year] += 1
    return counts


def build(edition: DevPlanEdition, projects: list[PlanProject] | None = None) -> dict:
    projects = queries.plan_projects(edition) if projects is None else projects
    fiscal_years = edition.plan.fiscal_years
    data = base(edition, "p01")
    w = data["words"]
    tree = group_rows(
        summarised(projects),
        LEVELS,
        amount=lambda project: sum(budgets_by_year(project).values(), Decimal("0.00")),
        year_amounts=budgets_by_year,
    )

    def line(kind: str, text: str, group: Group) -> dict:
        counts = year_counts(group, fiscal_years)
        return {
            "type": kind,
            "text": text,
            "years": [
                {"count": counts[year] or None, "budget": group.year_totals.get(year)}
                for year in fiscal_years
            ],
            "count": sum(counts.values()),
            "budget": group.total,
        }

    blocks = []
    for strategy in tree:
        blocks.append({"type": "heading", "text": f"{strategy.key.number}. {strategy.key.name}"})
        for work_plan in strategy:
            blocks.append(line("row", work_plan.key.name, work_plan))
        blocks.append(line("subtotal", w["subtotal"], strategy))
    data.update(
        title=[w["title"], dev_plan_name(edition), organization_line(edition.organization)],
        years=[f"{w['year']} {year}" for year in fiscal_years],
        all_years=f"{w['all_years']} {len(fiscal_years)} {w['years_unit']}",
        blocks=blocks,
        total=line("total", w["total"], tree),
        empty=w["empty"],
    )
    return data


def _rows(group: Group):
    yield from group.rows
    for child in group.children:
        yield from _rows(child)
