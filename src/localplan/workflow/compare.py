"""Compare two editions of a plan: rows added, removed and changed field by field (old → new,
with the reason), and the total budget per fiscal year before and after (domain.md §4).

Rows are matched by their stable code. A project's reason (เหตุผลความจำเป็น) explains the
change and is not itself compared; an operational-plan entry has no reason of its own, so
the amendment's reason stands for its rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from localplan.core.templatetags.thai import months_text
from localplan.core.thai_calendar import format_money
from localplan.devplan.models import DevPlanEdition, PlanProject, ProjectBudget
from localplan.opsplan.models import OpsEntry
from localplan.workflow.models import Amendment, edition_lookup

ZERO = Decimal("0.00")

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
ROW_CHANGE = "การเปลี่ยนแปลงของรายการ"  # context: "added", not the edition kind "addition"
STATUS_LABELS = {
    ADDED: pgettext_lazy(ROW_CHANGE, "เพิ่มใหม่"),
    REMOVED: pgettext_lazy(ROW_CHANGE, "ตัดออก"),
    CHANGED: pgettext_lazy(ROW_CHANGE, "เปลี่ยนแปลง"),
}

PROJECT_FIELDS = (
    "kind",
    "name",
    "objective",
    "target",
    "kpi",
    "expected_result",
    "unit",
    "strategy",
    "guideline",
    "work_plan",
    "location",
    "equipment_category",
    "equipment_type",
    "agency",
)
ENTRY_FIELDS = (
    "kind",
    "name",
    "details",
    "budget",
    "budget_source",
    "location",
    "unit",
    "agency",
    "months",
    "plan_project",
    "strategy",
    "guideline",
    "work_plan",
)


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class RowChange:
    code: str
    name: str
    status: str
    changes: list[FieldChange] = field(default_factory=list)
    reason: str = ""

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass
class Comparison:
    old: object
    new: object
    fiscal_years: list[int]
    rows: list[RowChange]
    totals_before: dict[int, Decimal]
    totals_after: dict[int, Decimal]
    count_before: int
    count_after: int

    def of(self, status: str) -> list[RowChange]:
        return [row for row in self.rows if row.status == status]

    @property
    def added(self) -> list[RowChange]:
        return self.of(ADDED)

    @property
    def removed(self) -> list[RowChange]:
        return self.of(REMOVED)

    @property
    def changed(self) -> list[RowChange]:
        return self.of(CHANGED)

    @property
    def year_rows(self) -> list[tuple[int, Decimal, Decimal, Decimal]]:
        """(fiscal year, before, after, difference) for the totals table."""
        return [
            (
                year,
                self.totals_before.get(year, ZERO),
                self.totals_after.get(year, ZERO),
                self.totals_after.get(year, ZERO) - self.totals_before.get(year, ZERO),
            )
            for year in self.fiscal_years
        ]

    @property
    def total_before(self) -> Decimal:
        return sum(self.totals_before.values(), ZERO)

    @property
    def total_after(self) -> Decimal:
        return sum(self.totals_after.values(), ZERO)

    @property
    def total_difference(self) -> Decimal:
        return self.total_after - self.total_before


def _display(row, name: str) -> str:
    value = getattr(row, name)
    if value is None or value == "":
        return "-"
    if name == "months":
        return months_text(value) or "-"
    if name == "plan_project":
        return f"{value.code} {value.name}"
    if isinstance(value, Decimal):
        return format_money(value)
    model_field = row._meta.get_field(name)
    if model_field.choices:
        return str(getattr(row, f"get_{name}_display")())
    return str(value)


def _villages(row) -> str:
    villages = sorted(row.villages.all(), key=lambda v: v.number)
    return ", ".join(str(_("หมู่ที่ %(number)s") % {"number": v.number}) for v in villages)


def _budgets(project) -> dict[int, Decimal]:
    return {budget.fiscal_year: budget.amount for budget in project.budgets.all()}


def _projects(edition) -> dict[str, PlanProject]:
    projects = (
        PlanProject.objects.filter(organization_id=edition.organization_id, edition=edition)
        .select_related("strategy", "guideline__strategy", "work_plan", "unit", "agency")
        .prefetch_related(
            Prefetch("budgets", queryset=ProjectBudget.objects.order_by("fiscal_year")),
            "villages",
        )
        .order_by("strategy__number", "guideline__number", "work_plan__order", "number", "id")
    )
    return {project.code: project for project in projects}


def _entries(edition) -> dict[str, OpsEntry]:
    entries = (
        OpsEntry.objects.filter(organization_id=edition.organization_id, edition=edition)
        .select_related("strategy", "guideline__strategy", "work_plan", "unit", "agency")
        .select_related("plan_project")
        .prefetch_related("villages")
        .order_by("strategy__number", "guideline__number", "work_plan__order", "number", "id")
    )
    return {entry.code: entry for entry in entries}


def _field_changes(old, new, names) -> list[FieldChange]:
    changes = []
    for name in names:
        before, after = _display(old, name), _display(new, name)
        if before != after:
            label = str(old._meta.get_field(name).verbose_name)
            changes.append(FieldChange(label, before, after))
    before, after = _villages(old), _villages(new)
    if before != after:
        changes.append(FieldChange(str(_("หมู่บ้านที่ดำเนินการ")), before or "-", after or "-"))
    return changes


def _budget_changes(old, new, fiscal_years) -> list[FieldChange]:
    before, after = _budgets(old), _budgets(new)
    return [
        FieldChange(
            str(_("งบประมาณปี %(year)s (บาท)") % {"year": year}),
            format_money(before.get(year)),
            format_money(after.get(year)),
        )
        for year in fiscal_years
        if before.get(year) != after.get(year)
    ]


def compare_editions(old, new) -> Comparison:
    """Everything that differs between two editions of the same kind of document."""
    is_devplan = isinstance(new, DevPlanEdition)
    if is_devplan:
        before, after = _projects(old), _projects(new)
        years = sorted(set(old.plan.fiscal_years) | set(new.plan.fiscal_years))
        names = PROJECT_FIELDS
    else:
        before, after = _entries(old), _entries(new)
        years = sorted({old.plan.fiscal_year, new.plan.fiscal_year})
        names = ENTRY_FIELDS
    amendment = Amendment.objects.filter(**edition_lookup(new)).first()
    general_reason = amendment.reason if amendment else ""

    def reason_of(row) -> str:
        return row.reason if is_devplan else general_reason

    rows: list[RowChange] = []
    for code, row in after.items():
        previous = before.get(code)
        if previous is None:
            rows.append(RowChange(code, row.name, ADDED, reason=reason_of(row)))
            continue
        changes = _field_changes(previous, row, names)
        if is_devplan:
            changes += _budget_changes(previous, row, years)
        if changes:
            rows.append(RowChange(code, row.name, CHANGED, changes, reason_of(row)))
    for code, row in before.items():
        if code not in after:
            rows.append(RowChange(code, row.name, REMOVED, reason=general_reason))
    return Comparison(
        old=old,
        new=new,
        fiscal_years=years,
        rows=rows,
        totals_before=_totals(before.values(), is_devplan, old),
        totals_after=_totals(after.values(), is_devplan, new),
        count_before=len(before),
        count_after=len(after),
    )


def _totals(rows, is_devplan: bool, edition) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = {}
    for row in rows:
        if is_devplan:
            for year, amount in _budgets(row).items():
                totals[year] = totals.get(year, ZERO) + amount
        else:
            year = edition.plan.fiscal_year
            totals[year] = totals.get(year, ZERO) + row.budget
    return totals
