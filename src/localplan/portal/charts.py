"""Figures for the charts of an edition page, drawn as SVG by the template: budget by
strategy, budget by village, and the number of projects running in each month."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from localplan.core.grouping import Group
from localplan.core.templatetags.thai import month_abbr, month_title
from localplan.core.thai_calendar import fiscal_months, format_money


@dataclass
class Bar:
    label: str
    value: Decimal | int
    display: str
    percent: float  # of the largest bar, for drawing only
    year: str = ""  # month columns: the year under the month
    title: str = ""


def _bars(pairs: list[tuple[str, Decimal | int]], money: bool = True) -> list[Bar]:
    largest = max((value for _, value in pairs), default=0) or 1
    return [
        Bar(
            label=label,
            value=value,
            display=format_money(value) if money else str(value),
            percent=round(float(value) / float(largest) * 100, 1),
        )
        for label, value in pairs
    ]


def budget_by_strategy(tree: Group) -> list[Bar]:
    return _bars([(f"{group.key.number}. {group.key.name}", group.total) for group in tree])


def budget_by_village(entries) -> list[Bar]:
    """The budget of the entries carried out in one village only, village by village; then
    the entries covering several villages and those naming none, each as one bar. No budget
    counts twice (the plan does not say how much of a road through three villages falls in
    each), so the bars add up to the total of the entries."""
    totals: dict[object, Decimal] = {}
    several = unnamed = Decimal("0.00")
    for entry in entries:
        villages = getattr(entry, "public_villages", [])
        if not villages:
            unnamed += entry.budget
        elif len(villages) > 1:
            several += entry.budget
        else:
            totals[villages[0]] = totals.get(villages[0], Decimal("0.00")) + entry.budget
    pairs = [(str(v), total) for v, total in sorted(totals.items(), key=lambda kv: kv[0].number)]
    if several:
        pairs.append((_("หลายหมู่บ้าน"), several))
    if unnamed:
        pairs.append((_("ไม่ระบุหมู่บ้าน"), unnamed))
    return _bars(pairs)


def running_by_month(entries, fiscal_year: int) -> list[Bar]:
    months = fiscal_months(fiscal_year)
    counts = [sum(1 for entry in entries if entry.months & month.bit) for month in months]
    bars = _bars([(month_abbr(m), n) for m, n in zip(months, counts, strict=True)], money=False)
    for bar, month in zip(bars, months, strict=True):
        bar.year = str(month.be_year)[-2:]
        bar.title = month_title(month)
    return bars
