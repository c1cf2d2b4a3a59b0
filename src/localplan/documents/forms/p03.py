"""ผ.03 บัญชีครุภัณฑ์: the equipment of a development plan edition, แผนงาน by แผนงาน, with its
budget in each year of the plan and a total."""

from __future__ import annotations

from localplan.core.grouping import group_rows
from localplan.devplan.models import DevPlanEdition, PlanProject, ProjectKind
from localplan.devplan.queries import budgets_by_year
from localplan.documents import queries
from localplan.documents.forms.common import base, dev_plan_name, organization_line
from localplan.documents.forms.p02 import responsible_of


def build(edition: DevPlanEdition, projects: list[PlanProject] | None = None) -> dict:
    projects = queries.plan_projects(edition) if projects is None else projects
    equipment = sorted(
        (project for project in projects if project.kind == ProjectKind.EQUIPMENT),
        key=lambda project: project.work_plan.order,
    )
    fiscal_years = edition.plan.fiscal_years
    data = base(edition, "p03")
    w = data["words"]
    tree = group_rows(equipment, (lambda project: None,), year_amounts=budgets_by_year)
    rows = []
    for number, project in enumerate(equipment, start=1):
        amounts = budgets_by_year(project)
        target = project.name + (f"\n{project.target}" if project.target else "")
        rows.append(
            {
                "number": number,
                "work_plan": project.work_plan.name,
                "category": project.equipment_category or w["default_category"],
                "equipment_type": project.equipment_type or "-",
                "target": target,
                "years": [amounts.get(year) for year in fiscal_years],
                "responsible": responsible_of(project),
            }
        )
    data.update(
        title=[w["title"], dev_plan_name(edition), organization_line(edition.organization)],
        years=[f"{w['year']} {year}" for year in fiscal_years],
        rows=rows,
        total={
            "text": f"{w['total']} {tree.count} {w['items']}",
            "count": tree.count,
            "years": [tree.year_totals.get(year) for year in fiscal_years],
        },
        empty=w["empty"],
    )
    return data
