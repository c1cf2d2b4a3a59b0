"""Items of one budget document: ด้าน → แผนงาน → งาน → งบ → หมวด/ประเภท → รายการ, amount, and
the plan project an item pays for."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import gettext as _

from localplan.budget.imports.base import (
    CREATE,
    NEW,
    UNCHANGED,
    UPDATE,
    Importer,
    Lookups,
    RowAction,
    Validation,
    code_cell,
    diff,
    duplicate_check,
    expected_year,
    match_without_code,
    money_of,
    update_rows,
)
from localplan.budget.models import BudgetCategory, BudgetItem, ImportKind
from localplan.budget.queries import plan_projects_by_code
from localplan.budget.sheets import Column, RowReader, Table, normalize_header
from localplan.core.access import require_plan_editor
from localplan.core.audit import record_bulk
from localplan.core.codes import next_codes
from localplan.core.models import AuditAction

ITEM_CODE_PREFIX = "B"
TEXT_FIELDS = ("task", "expense_group", "expense_type", "name")
FIELDS = ("work_plan", "category", *TEXT_FIELDS, "amount", "plan_project_code", "plan_project")


def natural_key(values: dict) -> tuple:
    """An item without a code is the same item if it sits in the same place with the same name."""
    return (
        values["work_plan"].pk,
        values["category"],
        *(normalize_header(values[name]) for name in TEXT_FIELDS),
    )


@dataclass
class ItemRow:
    code: str
    values: dict
    existing: BudgetItem | None = None


class BudgetItemImporter(Importer):
    kind = ImportKind.BUDGET_ITEMS

    def __init__(self, *, organization, target):
        super().__init__(organization=organization, target=target)
        self.document = target

    @property
    def title(self) -> str:
        return _("รายการ%(document)s %(org)s") % {
            "document": self.document.title,
            "org": self.organization.full_name,
        }

    @property
    def file_stem(self) -> str:
        return f"budget-{self.document.fiscal_year}-{self.document.kind}-{self.document.sequence}"

    def target_url(self) -> str:
        return self.document.get_absolute_url()

    def check_allowed(self, membership) -> None:
        require_plan_editor(membership)

    def columns(self) -> list[Column]:
        categories = tuple(str(label) for label in BudgetCategory.labels)
        return [
            Column("code", "รหัสรายการ", _("รหัสถาวรของรายการ เช่น B0001 เว้นว่างสำหรับรายการใหม่"), width=11),
            Column("fiscal_year", "ปีงบประมาณ", _("ปี พ.ศ. ต้องเป็นปีของงบประมาณนี้ หรือเว้นว่าง"),
                   aliases=("ปีงบประมาณพ.ศ.", "ปี"), example=str(self.document.fiscal_year), width=10),
            Column("side", "ด้าน", _("ชื่อด้าน เช่น ด้านการเศรษฐกิจ เว้นว่างได้ (ตามแผนงาน)"),
                   example="ด้านการเศรษฐกิจ", width=20),
            Column("work_plan", "แผนงาน", Lookups.work_plan_hint(), required=True,
                   example="แผนงานอุตสาหกรรมและการโยธา", width=26),
            Column("task", "งาน", _("ชื่องาน เช่น งานก่อสร้างโครงสร้างพื้นฐาน"),
                   example="งานก่อสร้างโครงสร้างพื้นฐาน", width=24),
            Column("category", "งบ", _("งบบุคลากร งบดำเนินงาน งบลงทุน งบรายจ่ายอื่น งบเงินอุดหนุน หรืองบกลาง"),
                   required=True, example=str(BudgetCategory.INVESTMENT.label), choices=categories, width=14),
            Column("expense_group", "หมวด", _("เช่น ค่าครุภัณฑ์ ค่าที่ดินและสิ่งก่อสร้าง ค่าใช้สอย"),
                   example="ค่าที่ดินและสิ่งก่อสร้าง", width=20),
            Column("expense_type", "ประเภท", _("เช่น ค่าก่อสร้างสิ่งสาธารณูปโภค"),
                   example="ค่าก่อสร้างสิ่งสาธารณูปโภค", width=22),
            Column("name", "รายการ", _("ชื่อรายการ/โครงการตามข้อบัญญัติ"),
                   aliases=("รายการ/โครงการ", "โครงการ", "ชื่อรายการ"), required=True,
                   example="โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 1", width=40),
            Column("amount", "จำนวนเงิน (บาท)", _("จำนวนเงิน (บาท) ไม่ติดลบ เช่น 150,000.00"),
                   aliases=("จำนวนเงิน", "งบประมาณ (บาท)", "งบประมาณ", "งบประมาณที่ตั้งไว้"), required=True,
                   example="150,000.00", money=True, width=16),
            Column("plan_project_code", "รหัสโครงการในแผนพัฒนา",
                   _("รหัสโครงการในแผนพัฒนา เช่น P0001 (ดูได้จากหน้าแผนพัฒนาหรือไฟล์ส่งออก) เว้นว่างถ้าไม่ใช่โครงการ"),
                   aliases=("รหัสโครงการ",), example="P0001", width=14),
        ]  # fmt: skip

    def validate(self, table: Table) -> Validation:
        validation = Validation()
        lookups = Lookups(self.organization)
        columns = {column.key: column for column in self.columns()}
        sides = {}
        for work_plan in lookups.work_plans.values():
            for spelling in (
                work_plan.side.name,
                work_plan.side.code,
                work_plan.side.name.removeprefix("ด้าน"),
            ):
                sides[normalize_header(spelling)] = work_plan.side
        categories = {}
        for value, label in BudgetCategory.choices:
            for spelling in (value, label, str(label).removeprefix("งบ")):
                categories[normalize_header(spelling)] = value
        projects = plan_projects_by_code(self.organization, self.document.fiscal_year)
        existing = self._existing()
        by_key: dict[tuple, list[BudgetItem]] = {}
        for item in existing.values():
            by_key.setdefault(natural_key(_item_values(item)), []).append(item)
        seen_codes: dict[str, int] = {}
        seen_keys: dict[tuple, int] = {}
        for number, cells in table.rows:
            reader = RowReader(number, cells, columns)
            code = code_cell(reader, "code")
            expected_year(reader, "fiscal_year", self.document.fiscal_year)
            side = reader.lookup("side", sides, lambda: _("ชื่อด้าน เช่น ด้านการเศรษฐกิจ"))
            work_plan = lookups.work_plan(reader, "work_plan")
            if side and work_plan and work_plan.side_id != side.pk:
                reader.error(
                    "side",
                    reader.raw("side"),
                    _("%(work_plan)s อยู่ใน%(side)s")
                    % {"work_plan": work_plan, "side": work_plan.side},
                )
            category = reader.lookup(
                "category", categories, columns["category"].expected, required=True
            )
            project_code = code_cell(reader, "plan_project_code")
            project = None
            if project_code:
                project = projects.get(project_code)
                if project is None:
                    reader.error(
                        "plan_project_code",
                        reader.raw("plan_project_code"),
                        _("ไม่พบโครงการรหัสนี้ในแผนพัฒนาขององค์กร ตรวจรหัสจากหน้าแผนพัฒนา"),
                    )
            values = {
                "work_plan": work_plan,
                "category": category,
                "task": reader.text("task", max_length=200),
                "expense_group": reader.text("expense_group", max_length=200),
                "expense_type": reader.text("expense_type", max_length=200),
                "name": reader.text("name", required=True),
                "amount": reader.money("amount", required=True),
                "plan_project_code": project_code,
                "plan_project": project,
            }
            match = None
            if not reader.errors:
                if code:
                    duplicate_check(
                        reader,
                        seen_codes,
                        code,
                        "code",
                        lambda code=code: _("รหัสรายการ %(code)s") % {"code": code},
                    )
                    match = existing.get(code)
                else:
                    key = natural_key(values)
                    duplicate_check(
                        reader,
                        seen_keys,
                        key,
                        "name",
                        lambda: _("รายการเดียวกัน (แผนงาน งาน งบ หมวด ประเภท และชื่อ)"),
                    )
                    match = match_without_code(
                        reader, by_key.get(key, []), seen_codes, number, values["name"],
                        ambiguous=_("มีรายการแบบนี้หลายรายการ กรุณาระบุรหัสรายการ"),
                        repeated=_("รายการนี้ถูกระบุแล้วในแถวที่ %(row)s"),
                    )  # fmt: skip
            validation.errors.extend(reader.errors)
            if reader.errors:
                continue
            row = ItemRow(code=code or (match.code if match else ""), values=values, existing=match)
            validation.actions.append(self._action(number, row))
        return validation

    def _existing(self) -> dict[str, BudgetItem]:
        items = BudgetItem.objects.filter(organization=self.organization, document=self.document)
        return {item.code: item for item in items.select_related("work_plan")}

    def _action(self, number: int, row: ItemRow) -> RowAction:
        label = row.values["name"]
        item = row.existing
        amounts = money_of(self.columns(), row.values)
        if item is None:
            return RowAction(number, CREATE, row.code or NEW, label, payload=row, amounts=amounts)
        labels = {column.key: column.header for column in self.columns()}
        labels["plan_project"] = labels["plan_project_code"]
        old = _item_values(item)
        pairs = [
            (labels[name], old[name], row.values[name])
            for name in ("work_plan", *TEXT_FIELDS, "amount", "plan_project_code")
        ]
        pairs.append(
            (
                labels["category"],
                BudgetCategory(old["category"]).label,
                BudgetCategory(row.values["category"]).label,
            )
        )
        changes = diff(pairs)
        if not changes and item.plan_project_id != (row.values["plan_project"] or _none).pk:
            changes.append(
                (
                    _("โครงการที่เชื่อม"),
                    str(item.plan_project_id or "-"),
                    str(row.values["plan_project"]),
                )
            )
        action = UPDATE if changes else UNCHANGED
        return RowAction(number, action, item.code, label, changes, payload=row, amounts=amounts)

    def apply(self, validation: Validation) -> None:
        org, document = self.organization, self.document
        creates = [a.payload for a in validation.actions if a.action == CREATE]
        updates = [a.payload for a in validation.actions if a.action == UPDATE]
        if creates:
            codes = iter(
                next_codes(BudgetItem, org, ITEM_CODE_PREFIX, sum(1 for r in creates if not r.code))
            )
            highest = (
                BudgetItem.objects.filter(document=document).aggregate(n=Max("number"))["n"] or 0
            )
            items = []
            for offset, row in enumerate(creates, start=1):
                item = BudgetItem(
                    organization=org,
                    document=document,
                    code=row.code or next(codes),
                    number=highest + offset,
                    **row.values,
                )
                _clean(item)
                items.append(item)
            BudgetItem.objects.bulk_create(items, batch_size=500)
            record_bulk(items, AuditAction.CREATE)
        if updates:
            update_rows(BudgetItem, updates, FIELDS, _clean)

    def export_rows(self) -> list[list[object]]:
        from localplan.budget.queries import items_of

        rows = []
        for item in items_of(self.document):
            values = {
                "code": item.code,
                "fiscal_year": str(self.document.fiscal_year),
                "side": item.work_plan.side.name,
                "work_plan": item.work_plan.name,
                "task": item.task,
                "category": str(item.get_category_display()),
                "expense_group": item.expense_group,
                "expense_type": item.expense_type,
                "name": item.name,
                "amount": item.amount,
                "plan_project_code": item.plan_project_code,
            }
            rows.append([values[column.key] for column in self.columns()])
        return rows


class _None:
    pk = None


_none = _None()


def _item_values(item: BudgetItem) -> dict:
    return {
        "work_plan": item.work_plan,
        "category": item.category,
        **{name: getattr(item, name) for name in TEXT_FIELDS},
        "amount": item.amount,
        "plan_project_code": item.plan_project_code,
    }


def _clean(item: BudgetItem) -> None:
    item.full_clean(
        exclude=["organization", "document", "work_plan", "plan_project"],
        validate_unique=False,
        validate_constraints=False,
    )
