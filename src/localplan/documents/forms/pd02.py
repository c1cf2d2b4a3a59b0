"""ผด.02 บัญชีโครงการ/กิจกรรม/งบประมาณ: the entries of an operational plan edition by
ยุทธศาสตร์ → แนวทาง → แผนงาน, with the months each runs drawn as a bar."""

from __future__ import annotations

from localplan.core.grouping import Group
from localplan.devplan.models import ProjectKind
from localplan.documents import queries
from localplan.documents.forms.common import (
    base,
    guideline_heading,
    month_marks,
    ops_plan_name,
    organization_line,
    strategy_heading,
)
from localplan.opsplan.models import OpsEdition, OpsEntry
from localplan.opsplan.queries import group_entries, month_header


def location_of(entry: OpsEntry) -> str:
    if entry.location:
        return entry.location
    villages = [f"หมู่ที่ {village.number}" for village in entry.villages.all()]
    return ", ".join(villages) or "-"


def build(
    edition: OpsEdition,
    entries: list[OpsEntry] | None = None,
    *,
    equipment: bool = False,
    form: str = "pd02",
) -> dict:
    entries = queries.ops_entries(edition) if entries is None else entries
    chosen = [entry for entry in entries if (entry.kind == ProjectKind.EQUIPMENT) == equipment]
    data = base(edition, form)
    w = data["words"]
    tree = group_entries(chosen)
    data.update(
        title=[w["title"], ops_plan_name(edition), organization_line(edition.organization)],
        month_years=[
            {"year": f"{w['year']} {year}", "months": [m.abbreviation for m in months]}
            for year, months in month_header(edition.plan.fiscal_year)
        ],
        blocks=list(_blocks(tree, w)),
        total={
            "text": f"{w['total']} ({tree.count} {w['projects']})",
            "count": tree.count,
            "budget": tree.total,
        },
        empty=w["empty"],
    )
    return data


def _subtotal(text: str, group: Group, w: dict) -> dict:
    return {
        "type": "subtotal",
        "text": f"{text} ({group.count} {w['projects']})",
        "count": group.count,
        "budget": group.total,
    }


def _blocks(tree: Group, w: dict):
    for strategy in tree:
        yield {"type": "heading", "level": 1, "text": strategy_heading(strategy.key)}
        for guideline in strategy:
            if guideline.key is not None:
                yield {"type": "heading", "level": 2, "text": guideline_heading(guideline.key, "")}
            for work_plan in guideline:
                yield {"type": "heading", "level": 3, "text": work_plan.key.name}
                for number, entry in enumerate(work_plan.rows, start=1):
                    yield {
                        "type": "row",
                        "number": number,
                        "name": entry.name,
                        "details": entry.details or "-",
                        "budget": entry.budget,
                        "location": location_of(entry),
                        "responsible": entry.responsible or "-",
                        "other_agency": not entry.is_own,
                        "months": month_marks(entry.month_cells),
                    }
                yield _subtotal(f"{w['subtotal']} {work_plan.key.name}", work_plan, w)
        yield _subtotal(f"{w['subtotal']}ยุทธศาสตร์ที่ {strategy.key.number}", strategy, w)
