"""Projects other agencies will run in the area in one fiscal year (seed step 1)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
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
from localplan.budget.models import AgencyProject, AgencyProjectStatus, ImportKind
from localplan.budget.sheets import (
    Column,
    RowReader,
    Table,
    first_message,
    format_months_text,
    normalize_header,
    parse_months_text,
)
from localplan.core.access import require_plan_editor
from localplan.core.audit import record_bulk
from localplan.core.codes import next_codes
from localplan.core.models import Agency, AuditAction
from localplan.opsplan.models import BudgetSource

AGENCY_PROJECT_CODE_PREFIX = "A"
FIELDS = (
    "agency",
    "name",
    "details",
    "budget",
    "budget_source",
    "location",
    "months",
    "strategy",
    "guideline",
    "work_plan",
)
SOURCES = {
    normalize_header(spelling): value
    for value, label in AgencyProject._meta.get_field("budget_source").choices
    for spelling in (value, label)
}


@dataclass
class AgencyRow:
    code: str
    values: dict
    agency_name: str
    existing: AgencyProject | None = None


class AgencyProjectImporter(Importer):
    """The target is a fiscal year (an int): the collected list of that year."""

    kind = ImportKind.AGENCY_PROJECTS

    def __init__(self, *, organization, target):
        super().__init__(organization=organization, target=target)
        self.fiscal_year = int(target)

    @property
    def title(self) -> str:
        return _("โครงการของหน่วยงานอื่นที่ดำเนินการในพื้นที่ ปีงบประมาณ พ.ศ. %(year)s %(org)s") % {
            "year": self.fiscal_year,
            "org": self.organization.full_name,
        }

    @property
    def file_stem(self) -> str:
        return f"agency-projects-{self.fiscal_year}"

    def target_url(self) -> str:
        from django.urls import reverse

        return reverse(
            "budget:agency_projects",
            kwargs={"org": self.organization.slug, "fiscal_year": self.fiscal_year},
        )

    def check_allowed(self, membership) -> None:
        require_plan_editor(membership)

    def columns(self) -> list[Column]:
        return [
            Column("code", "รหัส", _("รหัสถาวร เช่น A0001 เว้นว่างสำหรับโครงการใหม่"), width=10),
            Column("fiscal_year", "ปีงบประมาณ", _("ปี พ.ศ. ต้องเป็นปีที่นำเข้า หรือเว้นว่าง"), aliases=("ปี",),
                   example=str(self.fiscal_year), width=10),
            Column("agency", "หน่วยงาน", _("ชื่อหน่วยงานที่ดำเนินการ ถ้ายังไม่มีในรายชื่อจะเพิ่มให้"),
                   aliases=("หน่วยงานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก", "หน่วยงานรับผิดชอบ", "ชื่อหน่วยงาน"),
                   required=True, example="แขวงทางหลวงชนบทบุรีรัมย์", width=26),
            Column("name", "โครงการ/กิจกรรม", _("ชื่อโครงการ"), aliases=("โครงการ", "ชื่อโครงการ"), required=True,
                   example="โครงการซ่อมสร้างถนนลาดยาง สาย บร.3011", width=40),
            Column("details", "รายละเอียดของกิจกรรม", _("ข้อความ"),
                   aliases=("รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "รายละเอียด"),
                   example="ซ่อมผิวจราจรแอสฟัลท์ติก ยาว 2 กิโลเมตร", width=34),
            Column("budget", "งบประมาณ (บาท)", _("จำนวนเงิน (บาท) ไม่ติดลบ เช่น 150,000.00"),
                   aliases=("งบประมาณ", "จำนวนเงิน"), required=True, example="2,500,000.00", money=True, width=16),
            Column("budget_source", "แหล่งงบประมาณ",
                   _("งบประมาณของหน่วยงานอื่น หรือ เงินอุดหนุนจาก อบจ. (ว่าง = งบประมาณของหน่วยงานอื่น)"),
                   example="งบประมาณของหน่วยงานอื่น", choices=("งบประมาณของหน่วยงานอื่น", "เงินอุดหนุนจาก อบจ."),
                   width=20),
            Column("location", "สถานที่ดำเนินการ", _("ข้อความ"), aliases=("สถานที่",), example="หมู่ที่ 2, 5",
                   width=20),
            Column("months", "เดือนที่ดำเนินการ", _("เช่น ต.ค.–ธ.ค., ก.พ. หรือ ทั้งปี"), aliases=("เดือน", "ระยะเวลา"),
                   example="ม.ค.–มี.ค.", width=18),
            Column("strategy", "ยุทธศาสตร์ที่", _("เลขที่ยุทธศาสตร์ขององค์กรที่โครงการสอดคล้อง เช่น 1"),
                   aliases=("ยุทธศาสตร์",), required=True, example="1", width=10),
            Column("guideline", "แนวทางการพัฒนา/กลยุทธ์ที่", _("เลขที่ เช่น 1.1 เว้นว่างได้"),
                   aliases=("แนวทางการพัฒนาที่", "กลยุทธ์ที่", "แนวทางการพัฒนา", "กลยุทธ์", "แนวทาง"),
                   example="1.1", width=12),
            Column("work_plan", "แผนงาน", Lookups.work_plan_hint(), required=True,
                   example="แผนงานอุตสาหกรรมและการโยธา", width=26),
        ]  # fmt: skip

    def validate(self, table: Table) -> Validation:
        validation = Validation()
        lookups = Lookups(self.organization)
        columns = {column.key: column for column in self.columns()}
        existing = {
            project.code: project
            for project in AgencyProject.objects.filter(
                organization=self.organization, fiscal_year=self.fiscal_year
            ).select_related("agency")
        }
        by_key: dict[tuple, list[AgencyProject]] = {}
        for project in existing.values():
            by_key.setdefault(_key(project.agency.name, project.name), []).append(project)
        seen_codes: dict[str, int] = {}
        seen_keys: dict[tuple, int] = {}
        new_agencies: set[str] = set()
        for number, cells in table.rows:
            reader = RowReader(number, cells, columns)
            code = code_cell(reader, "code")
            expected_year(reader, "fiscal_year", self.fiscal_year)
            agency_name = reader.text("agency", required=True, max_length=200)
            agency = lookups.agencies.get(normalize_header(agency_name)) if agency_name else None
            strategy = lookups.strategy(reader, "strategy")
            months = 0
            try:
                months = parse_months_text(reader.raw("months"))
            except ValidationError as refusal:
                reader.error("months", reader.raw("months"), first_message(refusal))
            values = {
                "agency": agency,
                "name": reader.text("name", required=True),
                "details": reader.text("details", max_length=5000),
                "budget": reader.money("budget", required=True),
                "budget_source": reader.lookup(
                    "budget_source", SOURCES, lambda: columns["budget_source"].expected
                )
                or BudgetSource.OTHER_AGENCY,
                "location": reader.text("location", max_length=300),
                "months": months,
                "strategy": strategy,
                "guideline": lookups.guideline(reader, "guideline", strategy, required=False),
                "work_plan": lookups.work_plan(reader, "work_plan"),
            }
            match = None
            if not reader.errors:
                if code:
                    duplicate_check(
                        reader,
                        seen_codes,
                        code,
                        "code",
                        lambda code=code: _("รหัส %(code)s") % {"code": code},
                    )
                    match = existing.get(code)
                else:
                    key = _key(agency_name, values["name"])
                    duplicate_check(
                        reader, seen_keys, key, "name", lambda: _("โครงการเดียวกันของหน่วยงานเดียวกัน")
                    )
                    match = match_without_code(
                        reader, by_key.get(key, []), seen_codes, number, values["name"],
                        ambiguous=_("มีโครงการชื่อนี้ของหน่วยงานนี้หลายรายการ กรุณาระบุรหัส"),
                        repeated=_("โครงการนี้ถูกระบุแล้วในแถวที่ %(row)s"),
                    )  # fmt: skip
            validation.errors.extend(reader.errors)
            if reader.errors:
                continue
            if agency is None:
                new_agencies.add(agency_name)
            row = AgencyRow(code=code or (match.code if match else ""), values=values,
                            agency_name=agency_name, existing=match)  # fmt: skip
            validation.actions.append(self._action(number, row, columns))
        if new_agencies:
            validation.notes.append(
                _("หน่วยงานที่จะเพิ่มในรายชื่อหน่วยงานอื่น: %(names)s")
                % {"names": ", ".join(sorted(new_agencies))}
            )
        return validation

    def _action(self, number: int, row: AgencyRow, columns: dict[str, Column]) -> RowAction:
        project = row.existing
        amounts = money_of(columns.values(), row.values)
        if project is None:
            name = row.values["name"]
            return RowAction(number, CREATE, row.code or NEW, name, payload=row, amounts=amounts)
        new = row.values
        pairs = [
            (columns["agency"].header, project.agency.name, row.agency_name),
            *[(columns[name].header, getattr(project, name), new[name])
              for name in ("name", "details", "budget", "location")],
            (columns["budget_source"].header, project.get_budget_source_display(),
             dict(AgencyProject._meta.get_field("budget_source").choices)[new["budget_source"]]),
            (columns["months"].header, format_months_text(project.months), format_months_text(new["months"])),
        ]  # fmt: skip
        changes = diff(pairs)
        for name in ("strategy", "guideline", "work_plan"):
            if getattr(project, f"{name}_id") != (new[name].pk if new[name] else None):
                old_value, new_value = str(getattr(project, name) or "-"), str(new[name] or "-")
                changes.append((columns[name].header, old_value, new_value))
        action = UPDATE if changes else UNCHANGED
        return RowAction(
            number, action, project.code, project.name, changes, payload=row, amounts=amounts
        )

    def apply(self, validation: Validation) -> None:
        org = self.organization
        rows = [a.payload for a in validation.actions if a.action in {CREATE, UPDATE}]
        missing = sorted({row.agency_name for row in rows if row.values["agency"] is None})
        if missing:
            created = Agency.objects.bulk_create(
                [Agency(organization=org, name=name) for name in missing]
            )
            by_name = {normalize_header(agency.name): agency for agency in created}
            for row in rows:
                if row.values["agency"] is None:
                    row.values["agency"] = by_name[normalize_header(row.agency_name)]
        creates = [a.payload for a in validation.actions if a.action == CREATE]
        updates = [a.payload for a in validation.actions if a.action == UPDATE]
        if creates:
            count = sum(1 for row in creates if not row.code)
            codes = iter(next_codes(AgencyProject, org, AGENCY_PROJECT_CODE_PREFIX, count))
            projects = []
            for row in creates:
                project = AgencyProject(
                    organization=org,
                    fiscal_year=self.fiscal_year,
                    code=row.code or next(codes),
                    status=AgencyProjectStatus.ACCEPTED,
                    **row.values,
                )
                _clean(project)
                projects.append(project)
            AgencyProject.objects.bulk_create(projects, batch_size=500)
            record_bulk(projects, AuditAction.CREATE)
        if updates:
            update_rows(AgencyProject, updates, FIELDS, _clean)

    def export_rows(self) -> list[list[object]]:
        from localplan.budget.queries import agency_projects_of

        rows = []
        for project in agency_projects_of(
            self.organization, self.fiscal_year, AgencyProjectStatus.ACCEPTED
        ):
            values = {
                "code": project.code,
                "fiscal_year": str(project.fiscal_year),
                "agency": project.agency.name,
                "name": project.name,
                "details": project.details,
                "budget": project.budget,
                "budget_source": str(project.get_budget_source_display()),
                "location": project.location,
                "months": format_months_text(project.months),
                "strategy": str(project.strategy.number) if project.strategy_id else "",
                "guideline": project.guideline.printed_number if project.guideline_id else "",
                "work_plan": project.work_plan.name if project.work_plan_id else "",
            }
            rows.append([values[column.key] for column in self.columns()])
        return rows


def _key(agency_name: str, name: str) -> tuple[str, str]:
    return normalize_header(agency_name), normalize_header(name)


def _clean(project: AgencyProject) -> None:
    project.full_clean(
        exclude=["organization", "agency", "strategy", "guideline", "work_plan", "invitation"],
        validate_unique=False,
        validate_constraints=False,
    )
