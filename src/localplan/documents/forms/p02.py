"""ผ.02 รายละเอียดโครงการพัฒนา (and, with other kinds of project, ผ.02/1 and ผ.02/2): one section
per ยุทธศาสตร์, opened by what it aligns with (ก. ยุทธศาสตร์ชาติ …), then "1.1" แนวทาง/กลยุทธ์,
"(1)" แผนงาน and the projects with their budget in each year of the plan; a line per แผนงาน
with the number of projects and the budget per year. An amendment edition adds the column
เหตุผลความจำเป็น."""

from __future__ import annotations

from localplan.core.grouping import Group
from localplan.devplan.models import DevPlanEdition, PlanProject, ProjectKind
from localplan.devplan.queries import budgets_by_year, group_projects
from localplan.documents import queries
from localplan.documents.forms.common import base, dev_plan_name, organization_line

THAI_LETTERS = "กขคงจฉชซ"


def responsible_of(project: PlanProject) -> str:
    if project.kind == ProjectKind.COORDINATION and project.agency_id:
        return str(project.agency)
    return str(project.unit) if project.unit_id else "-"


def build(
    edition: DevPlanEdition,
    projects: list[PlanProject] | None = None,
    *,
    kind: str = ProjectKind.DEVELOPMENT,
    form: str = "p02",
) -> dict:
    projects = queries.plan_projects(edition) if projects is None else projects
    chosen = [project for project in projects if project.kind == kind]
    plan = edition.plan
    fiscal_years = plan.fiscal_years
    data = base(edition, form)
    w = data["words"]
    tree = group_projects(chosen)
    strategies = queries.strategies_with_alignment(
        edition.organization, [group.key.pk for group in tree]
    )
    sections = []
    for strategy in tree:
        sections.append(
            {
                "preamble": _preamble(strategies[strategy.key.pk], w),
                "blocks": list(_blocks(strategy, plan, fiscal_years, edition.is_amendment, w)),
            }
        )
    data.update(
        title=[w["title"], dev_plan_name(edition), organization_line(edition.organization)],
        years=[f"{w['year']} {year}" for year in fiscal_years],
        amendment=edition.is_amendment,
        sections=sections,
        total=_subtotal(w["total"], tree, fiscal_years, w),
        empty=w["empty"],
    )
    return data


def _preamble(strategy, w: dict) -> list[str]:
    """ก. ยุทธศาสตร์ชาติ …, ข. SDGs …, ค. ยุทธศาสตร์จังหวัด …, ง. ยุทธศาสตร์ของ อปท. ในเขตจังหวัด"""
    provincial = list(strategy.provincial_strategies.all())
    links = [
        (w["national"], [str(item) for item in strategy.national_strategies.all()]),
        (w["sdgs"], [str(item) for item in strategy.sdgs.all()]),
        (w["province"], [str(item) for item in provincial if item.kind == "province"]),
        (w["local"], [str(item) for item in provincial if item.kind == "local"]),
    ]
    shown = [(label, names) for label, names in links if names]
    return [
        f"{letter}. {label} {' '.join(names)}"
        for letter, (label, names) in zip(THAI_LETTERS, shown, strict=False)
    ]


def _subtotal(text: str, group: Group, fiscal_years: list[int], w: dict) -> dict:
    return {
        "type": "subtotal",
        "text": f"{text} {group.count} {w['projects']}",
        "count": group.count,
        "years": [group.year_totals.get(year) for year in fiscal_years],
    }


def _blocks(strategy: Group, plan, fiscal_years, amendment: bool, w: dict):
    label = plan.guideline_label
    name = strategy.key.name
    heading = name if name.startswith(w["strategy"]) else f"{w['strategy']}{name}"
    yield {"type": "heading", "level": 1, "text": f"{strategy.key.number}. {heading}"}
    for guideline in strategy:
        g = guideline.key
        text = g.name if g.name.startswith(label) else f"{label} {g.name}"
        yield {"type": "heading", "level": 2, "text": f"{g.printed_number} {text}"}
        for index, work_plan in enumerate(guideline, start=1):
            yield {"type": "heading", "level": 3, "text": f"({index}) {work_plan.key.name}"}
            for number, project in enumerate(work_plan.rows, start=1):
                amounts = budgets_by_year(project)
                row = {
                    "type": "row",
                    "number": number,
                    "name": project.name,
                    "objective": project.objective or "-",
                    "target": project.target or "-",
                    "years": [amounts.get(year) for year in fiscal_years],
                    "kpi": project.kpi or "-",
                    "expected_result": project.expected_result or "-",
                    "responsible": responsible_of(project),
                }
                if amendment:
                    row["reason"] = project.reason or "-"
                yield row
            yield _subtotal(w["subtotal"], work_plan, fiscal_years, w)
