"""ผด.01 บัญชีสรุปจำนวนโครงการและงบประมาณ: per ยุทธศาสตร์ and แนวทาง, how many entries and
how much budget, each as a share of the whole plan, and who carries them out."""

from __future__ import annotations

from localplan.core.grouping import Group, group_rows
from localplan.documents import queries
from localplan.documents.forms.common import (
    base,
    guideline_heading,
    ops_plan_name,
    organization_line,
    percent,
    strategy_heading,
)
from localplan.opsplan.models import OpsEdition, OpsEntry

LEVELS = (lambda entry: entry.strategy, lambda entry: entry.guideline)


def build(edition: OpsEdition, entries: list[OpsEntry] | None = None) -> dict:
    entries = queries.ops_entries(edition) if entries is None else entries
    data = base(edition, "pd01")
    w = data["words"]
    tree = group_rows(entries, LEVELS, amount=lambda entry: entry.budget)

    def line(kind: str, text: str, group: Group) -> dict:
        return {
            "type": kind,
            "text": text,
            "count": group.count,
            "count_share": percent(group.count, tree.count),
            "budget": group.total,
            "budget_share": percent(group.total, tree.total),
            "units": _units(group),
        }

    blocks = []
    for strategy in tree:
        blocks.append({"type": "heading", "text": strategy_heading(strategy.key)})
        for guideline in strategy:
            text = guideline_heading(guideline.key, w["no_guideline"])
            blocks.append(line("row", text, guideline))
        blocks.append(line("subtotal", w["subtotal"], strategy))
    total = line("total", w["total"], tree)
    total["units"] = ""
    data.update(
        title=[w["title"], ops_plan_name(edition), organization_line(edition.organization)],
        blocks=blocks,
        total=total,
        empty=w["empty"],
    )
    return data


def _units(group: Group) -> str:
    """Who carries out the entries of a group, each named once, in the order they appear."""
    names = dict.fromkeys(entry.responsible for entry in _rows(group) if entry.responsible)
    return ", ".join(names)


def _rows(group: Group):
    yield from group.rows
    for child in group.children:
        yield from _rows(child)
