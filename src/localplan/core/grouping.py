"""Group plan rows as the official forms do: ยุทธศาสตร์ → แนวทาง/กลยุทธ์ → แผนงาน, with counts
and totals at every level. Pages, forms (PDF/XLSX) and the portal all use this one tree."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

ZERO = Decimal("0.00")


@dataclass
class Group:
    key: Any  # the Strategy, Guideline or WorkPlan of this group (None for the root)
    level: int  # 0 root, 1 strategy, 2 guideline, 3 แผนงาน
    children: list[Group] = field(default_factory=list)
    rows: list[Any] = field(default_factory=list)  # rows of a leaf group
    count: int = 0
    total: Decimal = ZERO
    # totals per fiscal year, for multi-year plans
    year_totals: dict[int, Decimal] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.children)

    def walk(self):
        """Every group below this one, parents before children."""
        for child in self.children:
            yield child
            yield from child.walk()


def group_rows(
    rows: Iterable[Any],
    levels: Sequence[Callable[[Any], Any]],
    *,
    amount: Callable[[Any], Decimal] = lambda row: ZERO,
    year_amounts: Callable[[Any], dict[int, Decimal]] | None = None,
) -> Group:
    """Rows in display order → a tree; a level's key function returns the row's group there.
    Rows are kept in the order given, groups in the order they first appear."""
    root = Group(key=None, level=0)
    for row in rows:
        node = root
        path = [root]
        for depth, key_of in enumerate(levels, start=1):
            key = key_of(row)
            if not node.children or node.children[-1].key != key:
                existing = next((child for child in node.children if child.key == key), None)
                if existing is None:
                    existing = Group(key=key, level=depth)
                    node.children.append(existing)
                node = existing
            else:
                node = node.children[-1]
            path.append(node)
        node.rows.append(row)
        value = amount(row) or ZERO
        per_year = year_amounts(row) if year_amounts else {}
        for group in path:
            group.count += 1
            group.total += value
            for year, year_value in per_year.items():
                if year_value is not None:
                    group.year_totals[year] = group.year_totals.get(year, ZERO) + year_value
    return root


PLAN_LEVELS = (
    lambda row: row.strategy,
    lambda row: row.guideline,
    lambda row: row.work_plan,
)
