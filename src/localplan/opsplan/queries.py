"""Reads of operational plans that pages, forms, documents and the portal share."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from localplan.core.grouping import PLAN_LEVELS, Group, group_rows
from localplan.core.models import EditionState
from localplan.core.templatetags.thai import months_text
from localplan.core.thai_calendar import FiscalMonth, fiscal_months, format_money
from localplan.opsplan.models import OperationalPlan, OpsEdition, OpsEntry


def plans_with_editions(organization) -> QuerySet[OperationalPlan]:
    return OperationalPlan.objects.filter(organization=organization).prefetch_related(
        Prefetch("editions", queryset=OpsEdition.objects.order_by("created_at", "id"))
    )


def current_edition(plan: OperationalPlan) -> OpsEdition | None:
    """The edition in force: the latest announced one, else the latest draft."""
    editions = plan.editions.order_by("-created_at", "-id")
    return editions.filter(state=EditionState.ANNOUNCED).first() or editions.first()


# Form order; entries of other agencies may have no guideline: they come after the others.
ENTRY_ORDER = (
    "strategy__number",
    F("guideline__number").asc(nulls_last=True),
    "work_plan__order",
    "number",
    "id",
)


def entries_of(edition: OpsEdition, filters: dict | None = None) -> list[OpsEntry]:
    """The edition's entries in form order, each with its month cells ready to draw."""
    entries = OpsEntry.objects.filter(
        organization_id=edition.organization_id, edition=edition
    ).select_related("strategy", "guideline__strategy", "work_plan", "unit", "agency")
    entries = filter_entries(entries, filters or {}).order_by(*ENTRY_ORDER)
    entries = list(entries)
    for entry in entries:
        entry.month_cells = month_cells(entry.months)
    return entries


def filter_entries(entries: QuerySet, filters: dict) -> QuerySet:
    lookups = {
        "strategy": "strategy",
        "guideline": "guideline",
        "work_plan": "work_plan",
        "unit": "unit",
        "village": "villages",
        "budget_source": "budget_source",
        "agency": "agency",
    }
    for name, lookup in lookups.items():
        if filters.get(name):
            entries = entries.filter(**{lookup: filters[name]})
    carried_out_by = filters.get("carried_out_by")
    if carried_out_by == "own":
        entries = entries.filter(agency__isnull=True)
    elif carried_out_by == "other":
        entries = entries.filter(agency__isnull=False)
    if filters.get("month"):
        bit = 1 << (int(filters["month"]) - 1)
        entries = entries.annotate(month_bit=F("months").bitand(bit)).filter(month_bit__gt=0)
    if filters.get("q"):
        text = filters["q"]
        entries = entries.filter(
            Q(name__icontains=text) | Q(details__icontains=text) | Q(location__icontains=text)
        )
    return entries.distinct() if filters.get("village") else entries


@dataclass(frozen=True)
class MonthCell:
    on: bool
    start: bool  # first month of a bar
    end: bool  # last month of a bar
    css: str = field(init=False)  # "month-cell on start": the classes that draw it on screen

    def __post_init__(self):
        flags = [name for name in ("on", "start", "end") if getattr(self, name)]
        object.__setattr__(self, "css", " ".join(["month-cell", *flags]))


@cache
def month_cells(mask: int) -> tuple[MonthCell, ...]:
    """The twelve cells of the month columns of ผด.02, ต.ค. first, with the bars' ends."""
    on = [bool(mask & (1 << index)) for index in range(12)]
    return tuple(
        MonthCell(
            on=on[i],
            start=on[i] and (i == 0 or not on[i - 1]),
            end=on[i] and (i == 11 or not on[i + 1]),
        )
        for i in range(12)
    )


def group_entries(entries: list[OpsEntry]) -> Group:
    return group_rows(entries, PLAN_LEVELS, amount=lambda entry: entry.budget)


def month_header(fiscal_year: int) -> list[tuple[int, list[FiscalMonth]]]:
    """[(2551, [ต.ค., พ.ย., ธ.ค.]), (2552, [ม.ค. … ก.ย.])]: the two-level month header."""
    months = fiscal_months(fiscal_year)
    return [(fiscal_year - 1, months[:3]), (fiscal_year, months[3:])]


def _label(name: str) -> str:
    return str(OpsEntry._meta.get_field(name).verbose_name)


def entry_deletion(entry: OpsEntry) -> tuple[list[tuple[str, str]], list[str]]:
    """What the confirmation before deleting an entry shows: the entry (label, value) and
    what else its deletion changes."""
    summary = [
        (_label("code"), entry.code),
        (_label("name"), entry.name),
        (_label("edition"), str(entry.edition)),
        (_label("budget"), _("%(amount)s บาท") % {"amount": format_money(entry.budget, False)}),
        (_label("budget_source"), entry.get_budget_source_display()),
        (
            _label("agency") if entry.agency_id else _label("unit"),
            str(entry.agency if entry.agency_id else entry.unit or ""),
        ),
        (_label("location"), entry.location),
        (_label("months"), months_text(entry.months)),
    ]
    effects = []
    if entry.plan_project_id:
        project = entry.plan_project
        effects.append(
            _("โครงการ %(code)s %(name)s ในแผนพัฒนายังอยู่ ลบเฉพาะรายการนี้ในแผนการดำเนินงาน")
            % {"code": project.code, "name": project.name}
        )
    return summary, effects
