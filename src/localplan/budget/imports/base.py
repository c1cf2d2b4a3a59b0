"""What every import shares: the result of checking a file row by row, and the lookups that
turn what officers type ("1.2", "แผนงานการศึกษา", "กองช่าง ", "หมู่ที่ ๓") into rows."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from localplan.budget.sheets import CellError, Column, RowReader, Table, cell_text, normalize_header
from localplan.core import thai_calendar as cal
from localplan.core.audit import record_bulk
from localplan.core.models import Agency, AuditAction, Unit, Village
from localplan.strategy.models import Guideline, Strategy, WorkPlan

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$")
CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
NEW = "+"  # the key shown for a new row before it has a code


@dataclass
class RowAction:
    """What one data row will do: create a row, update one (with the changes), or nothing."""

    row: int
    action: str
    key: str
    label: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    payload: Any = None
    # the row's money as the file gives it, (column header, amount or None), for the preview
    amounts: list[tuple[str, Decimal | None]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "row": self.row,
            "action": self.action,
            "key": self.key,
            "label": self.label,
            "changes": [list(change) for change in self.changes],
        }


def money_of(columns: Sequence[Column], values: dict) -> list[tuple[str, Decimal | None]]:
    """The amounts of a row, one per money column of the sheet."""
    return [(column.header, values.get(column.key)) for column in columns if column.money]


def _plain_amount(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


@dataclass
class Validation:
    """The answer to "what would this file do?": row actions, or errors (then nothing is done)."""

    actions: list[RowAction] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.actions if row.action == action)

    @property
    def changes_anything(self) -> bool:
        return any(row.action != UNCHANGED for row in self.actions)

    def preview(self) -> dict:
        errors = sorted(self.errors, key=lambda error: (error.row, error.column))
        headers = list(dict.fromkeys(header for row in self.actions for header, _a in row.amounts))

        def amounts(row: RowAction) -> list[Decimal | None]:
            given = dict(row.amounts)
            return [given.get(header) for header in headers]

        def totals(rows: list[RowAction]) -> list[str]:
            sums = [Decimal("0.00")] * len(headers)
            for row in rows:
                sums = [
                    total + (amount or 0) for total, amount in zip(sums, amounts(row), strict=True)
                ]
            return [_plain_amount(total) for total in sums]

        changed = [row for row in self.actions if row.action != UNCHANGED]
        return {
            "counts": {name: self.count(name) for name in (CREATE, UPDATE, UNCHANGED)},
            "rows": [
                row.as_dict() | {"amounts": [_plain_amount(a) for a in amounts(row)]}
                for row in self.actions
            ],
            "errors": [error.as_dict() for error in errors],
            "notes": list(self.notes),
            "amount_headers": headers,
            "totals": {"changed": totals(changed), "all": totals(self.actions)},
        }

    def digest(self) -> str:
        text = json.dumps(self.preview(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def show(value: object) -> str:
    """A value as the preview prints it."""
    if value is None or value == "":
        return "-"
    if isinstance(value, Decimal):
        return cal.format_money(value, dash_for_none=False)
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(item) for item in value) or "-"
    return str(value)


def diff(pairs: Sequence[tuple[str, object, object]]) -> list[tuple[str, str, str]]:
    """(label, old, new) for each pair that differs, printed."""
    return [(label, show(old), show(new)) for label, old, new in pairs if old != new]


def _keys(*texts: object) -> list[str]:
    return [normalize_header(text) for text in texts if str(text or "").strip()]


class Lookups:
    """The organization's rows that a sheet may name, each reachable by every spelling an
    officer uses; built with one query per table."""

    def __init__(self, organization):
        self.organization = organization
        self.strategies: dict[str, Strategy] = {}
        for strategy in Strategy.objects.filter(organization=organization):
            for key in _keys(strategy.number, f"{strategy.number}.", str(strategy), strategy.name):
                self.strategies.setdefault(key, strategy)
        self.guidelines: dict[tuple[int, str], Guideline] = {}
        guidelines = Guideline.objects.filter(organization=organization).select_related("strategy")
        for guideline in guidelines:
            spellings = (
                guideline.number,
                guideline.printed_number,
                str(guideline),
                guideline.name,
            )
            for key in _keys(*spellings):
                self.guidelines.setdefault((guideline.strategy_id, key), guideline)
        self.work_plans: dict[str, WorkPlan] = {}
        for work_plan in WorkPlan.objects.select_related("side"):
            short = work_plan.name.removeprefix("แผนงาน")
            spellings = (work_plan.code, work_plan.code.lstrip("0"), work_plan.name, short)
            for key in _keys(*spellings):
                self.work_plans.setdefault(key, work_plan)
        self.units = {
            normalize_header(u.name): u for u in Unit.objects.filter(organization=organization)
        }
        self.villages = {v.number: v for v in Village.objects.filter(organization=organization)}
        self.agencies = {
            normalize_header(a.name): a for a in Agency.objects.filter(organization=organization)
        }

    def name_of(self, field_name: str, pk: int | None) -> str:
        """The printed name of a row this organization has, by its id (for the preview)."""
        if pk is None:
            return "-"
        if not hasattr(self, "_names"):
            self._names = {}
            for name, rows in (
                ("strategy", self.strategies.values()),
                ("guideline", self.guidelines.values()),
                ("work_plan", self.work_plans.values()),
                ("unit", self.units.values()),
                ("agency", self.agencies.values()),
            ):
                for row in rows:
                    self._names[(name, row.pk)] = str(row)
        return self._names.get((field_name, pk), "-")

    # -- what an error says is expected, naming the choices where they are few

    def strategy_hint(self) -> str:
        numbers = sorted({s.number for s in self.strategies.values()})
        return _("เลขที่ยุทธศาสตร์ขององค์กร (มี %(numbers)s)") % {
            "numbers": ", ".join(map(str, numbers)) or _("ยังไม่มี กรุณาเพิ่มยุทธศาสตร์ก่อน")
        }

    def guideline_hint(self, strategy: Strategy) -> str:
        numbers = sorted(
            {g.printed_number for (sid, _key), g in self.guidelines.items() if sid == strategy.pk}
        )
        return _("เลขที่ภายใต้ยุทธศาสตร์ที่ %(strategy)s (มี %(numbers)s)") % {
            "strategy": strategy.number,
            "numbers": ", ".join(numbers) or _("ยังไม่มี"),
        }

    @staticmethod
    def work_plan_hint() -> str:
        return _("ชื่อหรือรหัสแผนงาน เช่น แผนงานอุตสาหกรรมและการโยธา หรือ 00310")

    def unit_hint(self) -> str:
        names = sorted(unit.name for unit in self.units.values())
        return _("ชื่อหน่วยงานภายในขององค์กร (มี %(names)s) เพิ่มได้ที่หน้าข้อมูลองค์กร") % {
            "names": ", ".join(names) or _("ยังไม่มี")
        }

    # -- reading one cell

    def strategy(self, reader: RowReader, key: str, *, required: bool = True) -> Strategy | None:
        return reader.lookup(key, self.strategies, self.strategy_hint, required=required)

    def guideline(
        self, reader: RowReader, key: str, strategy: Strategy | None, *, required: bool = True
    ) -> Guideline | None:
        raw = reader.raw(key)
        text = cell_text(raw)
        if not text:
            if required:
                reader.error(key, raw, _("ต้องกรอกเลขที่ เช่น 1.1"))
            return None
        if strategy is None:
            return None
        found = self.guidelines.get((strategy.pk, normalize_header(text)))
        if found is None:
            reader.error(key, raw, self.guideline_hint(strategy))
        return found

    def work_plan(self, reader: RowReader, key: str, *, required: bool = True) -> WorkPlan | None:
        return reader.lookup(key, self.work_plans, self.work_plan_hint, required=required)

    def unit(self, reader: RowReader, key: str) -> Unit | None:
        return reader.lookup(key, self.units, self.unit_hint)

    def village_list(self, reader: RowReader, key: str) -> list[Village]:
        raw = reader.raw(key)
        text = cal.to_arabic_digits(cell_text(raw))
        if not text:
            return []
        numbers = [int(n) for n in re.findall(r"\d+", text)]
        unknown = [n for n in numbers if n not in self.villages]
        if not numbers or unknown:
            known = ", ".join(str(n) for n in sorted(self.villages)) or _("ยังไม่มี")
            reader.error(
                key,
                raw,
                _("หมายเลขหมู่ที่ขององค์กร คั่นด้วยจุลภาค เช่น 1, 3 (มีหมู่ที่ %(known)s)") % {"known": known},
            )
            return []
        return [self.villages[n] for n in sorted(set(numbers))]


def code_cell(reader: RowReader, key: str) -> str:
    code = reader.text(key, max_length=32)
    if code and not CODE_PATTERN.match(code):
        reader.error(key, code, _("รหัสเป็นตัวอักษรอังกฤษหรือตัวเลข ไม่มีช่องว่าง เช่น P0001"))
        return ""
    return code.upper()


def expected_year(reader: RowReader, key: str, fiscal_year: int) -> None:
    """An optional ปีงบประมาณ column must name the year the file is imported into."""
    year = reader.year(key)
    if year is not None and year != fiscal_year:
        reader.error(
            key,
            reader.raw(key),
            _("ไฟล์นี้นำเข้าปีงบประมาณ %(year)s ทุกแถวต้องเป็นปี %(year)s หรือเว้นว่าง")
            % {"year": fiscal_year},
        )


class Importer:
    """One kind of sheet: its columns, how a row is checked, how checked rows are written,
    and the rows of an export in the same layout."""

    kind: str
    year_columns = False

    def __init__(self, *, organization, target):
        self.organization = organization
        self.target = target
        # columns() and read_columns() are called for every row: build them once
        columns, read_columns = type(self).columns, type(self).read_columns
        self.columns = functools.cache(lambda: columns(self))
        self.read_columns = functools.cache(lambda: read_columns(self))

    # described by each kind
    def columns(self) -> list[Column]:  # the columns as a template/export writes them
        raise NotImplementedError

    def read_columns(self) -> list[Column]:  # the fixed columns a file is read by
        return self.columns()

    def check_allowed(self, membership) -> None:
        raise NotImplementedError

    def validate(self, table: Table) -> Validation:
        raise NotImplementedError

    def apply(self, validation: Validation) -> None:
        raise NotImplementedError

    def export_rows(self) -> list[list[object]]:
        raise NotImplementedError

    def example_rows(self) -> list[list[object]]:
        return [[column.example for column in self.columns()]]

    @property
    def title(self) -> str:
        raise NotImplementedError

    @property
    def file_stem(self) -> str:
        raise NotImplementedError

    def target_url(self) -> str:
        raise NotImplementedError

    def notes(self) -> list[str]:
        return [
            _("แถวหัวตารางต้องอยู่ภายใน 15 แถวแรก แถวชื่อเรื่องด้านบนและแถวว่างจะถูกข้าม"),
            _("ตัวเลขพิมพ์เป็นข้อความได้ มีจุลภาคคั่นหลักพันหรือเลขไทยได้ ปีเป็น พ.ศ."),
            _("การนำเข้าจะเพิ่มหรือแก้ไขเท่านั้น ไม่ลบรายการที่ไม่มีในไฟล์ หากมีแถวผิดแม้แถวเดียวจะไม่นำเข้าเลย"),
        ]


def update_rows(model, rows: Sequence, fields: Sequence[str], clean: Callable) -> None:
    """Write checked values onto the existing rows they match (`row.existing`,
    `row.values`), in bulk, with one audit row each."""
    changed = []
    for row in rows:
        instance = row.existing
        for name, value in row.values.items():
            setattr(instance, name, value)
        clean(instance)
        changed.append(instance)
    model.objects.bulk_update(changed, list(fields), batch_size=500)
    record_bulk(changed, AuditAction.UPDATE)


def match_without_code(
    reader: RowReader,
    candidates: list,
    seen_codes: dict,
    number: int,
    name: str,
    *,
    ambiguous: str,
    repeated: str,
):
    """The existing row that a row without a code matches by its other columns, or None.
    Errors on the name cell when several match (`ambiguous`) or an earlier row of the file
    already matched it (`repeated`, with %(row)s)."""
    if len(candidates) > 1:
        reader.error("name", name, ambiguous)
        return None
    if not candidates:
        return None
    match = candidates[0]
    if match.code in seen_codes:
        reader.error("name", name, repeated % {"row": seen_codes[match.code]})
    seen_codes.setdefault(match.code, number)
    return match


def duplicate_check(reader: RowReader, seen: dict, key: object, column: str, what) -> bool:
    """True (and an error) if another row of the file already named this key; `what` names
    the key in the message (a function, called only then)."""
    if key in seen:
        reader.error(
            column,
            reader.raw(column),
            _("%(what)s ซ้ำกับแถวที่ %(row)s ในไฟล์เดียวกัน")
            % {"what": what() if callable(what) else what, "row": seen[key]},
        )
        return True
    seen[key] = reader.number
    return False
