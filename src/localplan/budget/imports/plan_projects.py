"""Plan projects of one multi-year plan edition, one row each, one budget column per year."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
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
)
from localplan.budget.models import ImportKind
from localplan.budget.sheets import (
    YEAR_IN_HEADER,
    CellError,
    Column,
    RowReader,
    Table,
    normalize_header,
)
from localplan.core import thai_calendar as cal
from localplan.core.access import require_editable, require_plan_editor
from localplan.core.audit import record_bulk
from localplan.core.bulk import insert_rows
from localplan.core.codes import next_codes
from localplan.core.models import AuditAction
from localplan.devplan.models import (
    EQUIPMENT_TYPES,
    PlanProject,
    PlanProjectVillage,
    ProjectBudget,
    ProjectKind,
)
from localplan.devplan.services import PROJECT_CODE_PREFIX

TEXT_FIELDS = ("name", "objective", "target", "kpi", "expected_result", "location",
               "equipment_category", "equipment_type", "reason")  # fmt: skip
FK_FIELDS = ("unit", "strategy", "guideline", "work_plan", "agency")
CLEAN_EXCLUDE = ["organization", "edition", *FK_FIELDS, "villages"]


def budget_header(fiscal_year: int) -> str:
    return f"งบประมาณ ปี {fiscal_year} (บาท)"


@dataclass
class ProjectRow:
    """A checked row, ready to write."""

    code: str
    number: int | None
    values: dict
    budgets: dict[int, Decimal | None]
    villages: list = field(default_factory=list)
    existing_id: int | None = None


class PlanProjectImporter(Importer):
    kind = ImportKind.PLAN_PROJECTS
    year_columns = True

    def __init__(self, *, organization, target):
        super().__init__(organization=organization, target=target)
        self.edition = target
        self.plan = target.plan

    @property
    def title(self) -> str:
        return _("โครงการใน%(plan)s %(edition)s %(org)s") % {
            "plan": self.plan.title,
            "edition": self.edition.label,
            "org": self.organization.full_name,
        }

    @property
    def file_stem(self) -> str:
        return f"plan-projects-{self.plan.first_fiscal_year}-{self.plan.last_fiscal_year}-{self.edition.pk}"

    def target_url(self) -> str:
        return self.edition.get_absolute_url()

    def check_allowed(self, membership) -> None:
        require_plan_editor(membership)
        require_editable(self.edition)

    def read_columns(self) -> list[Column]:
        label = self.plan.guideline_label
        kinds = tuple(str(label) for label in ProjectKind.labels)
        return [
            Column("code", "รหัสโครงการ", _("รหัสถาวรของโครงการ เช่น P0001 เว้นว่างสำหรับโครงการใหม่ ระบบจะกำหนดให้"),
                   aliases=("รหัส",), width=11),
            Column("number", "ลำดับ", _("ลำดับที่ในแผน เว้นว่างได้"), aliases=("ที่", "ลำดับที่"), example="1", width=7),
            Column("kind", "ประเภทโครงการ", _("โครงการพัฒนา ครุภัณฑ์ โครงการจากแผนชุมชน หรือโครงการประสานหน่วยงานอื่น (ว่าง = โครงการพัฒนา)"),
                   aliases=("ประเภท",), example=str(ProjectKind.DEVELOPMENT.label), choices=kinds, width=16),
            Column("strategy", "ยุทธศาสตร์ที่", _("เลขที่ยุทธศาสตร์ขององค์กร เช่น 1"), aliases=("ยุทธศาสตร์",),
                   required=True, example="1", width=10),
            Column("guideline", f"{label}ที่", _("เลขที่ภายใต้ยุทธศาสตร์ เช่น 1.1"),
                   aliases=("แนวทางการพัฒนาที่", "กลยุทธ์ที่", "แนวทางการพัฒนา", "กลยุทธ์", "แนวทาง"),
                   required=True, example="1.1", width=10),
            Column("work_plan", "แผนงาน", Lookups.work_plan_hint(), required=True,
                   example="แผนงานอุตสาหกรรมและการโยธา", width=26),
            Column("name", "ชื่อโครงการ", _("ชื่อโครงการ"), aliases=("โครงการ", "โครงการ/กิจกรรม"), required=True,
                   example="โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 1", width=40),
            Column("objective", "วัตถุประสงค์", _("ข้อความ"), example="เพื่อให้ประชาชนสัญจรได้สะดวก", width=30),
            Column("target", "เป้าหมาย (ผลผลิตของโครงการ)", _("ข้อความ"), aliases=("เป้าหมาย",),
                   example="ถนน คสล. กว้าง 4 เมตร ยาว 200 เมตร", width=30),
            Column("kpi", "ตัวชี้วัด (KPI)", _("ข้อความ"), aliases=("ตัวชี้วัด", "KPI"),
                   example="ประชาชนพึงพอใจร้อยละ 80", width=24),
            Column("expected_result", "ผลที่คาดว่าจะได้รับ", _("ข้อความ"), example="ประชาชนสัญจรสะดวก ปลอดภัย", width=24),
            Column("unit", "หน่วยงานรับผิดชอบหลัก", _("ชื่อหน่วยงานภายในขององค์กร เช่น กองช่าง"),
                   aliases=("หน่วยงานรับผิดชอบ", "หน่วยงาน"), example="กองช่าง", width=18),
            Column("villages", "หมู่ที่", _("หมายเลขหมู่บ้าน คั่นด้วยจุลภาค เช่น 1, 3"), aliases=("หมู่บ้าน",),
                   example="1", width=9),
            Column("location", "สถานที่ดำเนินการ", _("ข้อความ"), aliases=("สถานที่",), example="บ้านหนองบัว หมู่ที่ 1",
                   width=22),
            Column("equipment_category", "หมวด", _("สำหรับครุภัณฑ์ เช่น ค่าครุภัณฑ์"), width=14),
            Column("equipment_type", "ประเภทครุภัณฑ์", _("สำหรับครุภัณฑ์ เช่น ครุภัณฑ์สำนักงาน"),
                   choices=tuple(EQUIPMENT_TYPES), width=20),
            Column("agency", "หน่วยงานที่ขอประสาน", _("สำหรับโครงการประสานหน่วยงานอื่น: ชื่อหน่วยงานอื่นในรายชื่อขององค์กร"),
                   width=20),
            Column("reason", "เหตุผลความจำเป็น", _("จำเป็นในฉบับแก้ไข/เพิ่มเติม/เปลี่ยนแปลง"), width=26),
        ]  # fmt: skip

    def columns(self) -> list[Column]:
        """The fixed columns with one budget column per year of the plan after เป้าหมาย."""
        fixed = self.read_columns()
        position = next(i for i, c in enumerate(fixed) if c.key == "target") + 1
        years = [
            Column(
                f"year:{year}",
                budget_header(year),
                _("งบประมาณปี %(year)s (บาท) ว่าง = ไม่มีงบประมาณปีนั้น") % {"year": year},
                example="100,000.00" if year == self.plan.first_fiscal_year else "",
                money=True,
                width=15,
            )
            for year in self.plan.fiscal_years
        ]
        return fixed[:position] + years + fixed[position:]

    # -------------------------------------------------------------- reading a file

    def _year_columns(self, table: Table, errors: list[CellError]) -> dict[int, int]:
        """column index → fiscal year, from the budget headers; errors name a bad header."""
        horizon = self.plan.fiscal_years
        years: dict[int, int] = {}
        for position, header in table.year_columns.items():
            match = YEAR_IN_HEADER.search(cal.to_arabic_digits(header))
            try:
                year = cal.parse_be_year(match.group(1))
            except ValidationError as refusal:
                errors.append(
                    CellError(table.header_row, header, header, " ".join(refusal.messages))
                )
                continue
            if year not in horizon:
                errors.append(
                    CellError(
                        table.header_row,
                        header,
                        header,
                        _("ปี %(year)s ไม่อยู่ในช่วงของแผน (%(first)s–%(last)s)")
                        % {"year": year, "first": horizon[0], "last": horizon[-1]},
                    )
                )
                continue
            if year in years.values():
                errors.append(CellError(table.header_row, header, header, _("มีคอลัมน์งบประมาณปีนี้ซ้ำ")))
                continue
            years[position] = year
        if not years and not errors:
            errors.append(
                CellError(
                    table.header_row,
                    budget_header(horizon[0]),
                    "",
                    _("ไฟล์ต้องมีคอลัมน์งบประมาณรายปี เช่น “%(header)s”")
                    % {"header": budget_header(horizon[0])},
                )
            )
        return years

    def validate(self, table: Table) -> Validation:
        validation = Validation()
        errors = validation.errors
        years = self._year_columns(table, errors)
        if errors:
            return validation
        lookups = Lookups(self.organization)
        columns = {column.key: column for column in self.read_columns()}
        for position in years:
            columns[f"year@{position}"] = Column(f"year@{position}", table.year_columns[position])
        existing = self._existing()
        by_name: dict[str, list[dict]] = {}
        for project in existing.values():
            by_name.setdefault(normalize_header(project["name"]), []).append(project)
        kinds = {}
        for value, label in ProjectKind.choices:
            kinds[normalize_header(value)] = value
            kinds[normalize_header(label)] = value
        seen_codes: dict[str, int] = {}
        seen_names: dict[str, int] = {}
        for number, cells in table.rows:
            reader = RowReader(number, cells, columns)
            code = code_cell(reader, "code")
            row_number = None
            typed_number = cal.to_arabic_digits(reader.text("number")).rstrip(".")
            if typed_number:
                if typed_number.isdigit() and 0 < int(typed_number) < 100000:
                    row_number = int(typed_number)
                else:
                    reader.error("number", reader.raw("number"), _("ลำดับเป็นจำนวนเต็มบวก เช่น 1"))
            kind = ProjectKind.DEVELOPMENT
            if reader.text("kind"):
                kind = reader.lookup(
                    "kind",
                    kinds,
                    lambda: (
                        _("ประเภทโครงการ: %(names)s")
                        % {"names": ", ".join(map(str, ProjectKind.labels))}
                    ),
                )
            strategy = lookups.strategy(reader, "strategy")
            guideline = lookups.guideline(reader, "guideline", strategy)
            work_plan = lookups.work_plan(reader, "work_plan")
            name = reader.text("name", required=True)
            values = {
                "kind": kind,
                "name": name,
                "objective": reader.text("objective", max_length=5000),
                "target": reader.text("target", max_length=5000),
                "kpi": reader.text("kpi", max_length=5000),
                "expected_result": reader.text("expected_result", max_length=5000),
                "location": reader.text("location", max_length=300),
                "equipment_category": reader.text("equipment_category", max_length=120),
                "equipment_type": reader.text("equipment_type", max_length=120),
                "reason": reader.text("reason", max_length=5000),
                "unit": lookups.unit(reader, "unit"),
                "strategy": strategy,
                "guideline": guideline,
                "work_plan": work_plan,
                "agency": reader.lookup(
                    "agency",
                    lookups.agencies,
                    lambda: _("ชื่อหน่วยงานอื่นในรายชื่อขององค์กร (เพิ่มได้ที่หน้าข้อมูลองค์กร)"),
                ),
            }
            villages = lookups.village_list(reader, "villages")
            budgets = {year: reader.money(f"year@{position}") for position, year in years.items()}
            if all(amount is None for amount in budgets.values()) and not any(
                error.row == number and error.column in [columns[f"year@{p}"].header for p in years]
                for error in reader.errors
            ):
                first = next(iter(years))
                reader.error(f"year@{first}", "", _("กรอกงบประมาณอย่างน้อยหนึ่งปี"))
            if kind == ProjectKind.EQUIPMENT and not values["equipment_type"]:
                reader.error("equipment_type", "", _("ครุภัณฑ์ต้องระบุประเภทครุภัณฑ์ เช่น ครุภัณฑ์สำนักงาน"))
            if (
                kind == ProjectKind.COORDINATION
                and not values["agency"]
                and not reader.text("agency")
            ):
                reader.error("agency", "", _("โครงการประสานหน่วยงานอื่นต้องระบุหน่วยงานที่ขอประสาน"))
            if self.edition.is_amendment and not values["reason"]:
                reader.error(
                    "reason", "", _("ฉบับแก้ไข/เพิ่มเติม/เปลี่ยนแปลง ต้องระบุเหตุผลความจำเป็นของโครงการ")
                )
            match = None
            if code:
                duplicate_check(
                    reader,
                    seen_codes,
                    code,
                    "code",
                    lambda code=code: _("รหัสโครงการ %(code)s") % {"code": code},
                )
                match = existing.get(code)
            elif name:
                duplicate_check(
                    reader, seen_names, normalize_header(name), "name", lambda: _("ชื่อโครงการ")
                )
                candidates = by_name.get(normalize_header(name), [])
                if len(candidates) > 1:
                    reader.error("name", name, _("มีโครงการชื่อนี้หลายโครงการในฉบับนี้ กรุณาระบุรหัสโครงการ"))
                elif candidates:
                    match = candidates[0]
                    if match["code"] in seen_codes:
                        reader.error(
                            "name",
                            name,
                            _("โครงการนี้ถูกระบุแล้วในแถวที่ %(row)s")
                            % {"row": seen_codes[match["code"]]},
                        )
                    seen_codes.setdefault(match["code"], number)
            validation.errors.extend(reader.errors)
            if reader.errors:
                continue
            row = ProjectRow(code=code or (match["code"] if match else ""), number=row_number,
                             values=values, budgets=budgets, villages=villages)  # fmt: skip
            validation.actions.append(self._action(number, row, match, lookups))
        return validation

    def _existing(self) -> dict[str, dict]:
        """The edition's projects by code, as plain values, with budgets and villages."""
        fields = ["id", "code", "number", "kind", *TEXT_FIELDS, *(f"{f}_id" for f in FK_FIELDS)]
        projects = {
            row["code"]: {**row, "budgets": {}, "villages": []}
            for row in PlanProject.objects.filter(
                organization=self.organization, edition=self.edition
            ).values(*fields)
        }
        by_id = {row["id"]: row for row in projects.values()}
        budgets = ProjectBudget.objects.filter(
            organization=self.organization, project__edition=self.edition
        ).values_list("project_id", "fiscal_year", "amount")
        for project_id, fiscal_year, amount in budgets:
            by_id[project_id]["budgets"][fiscal_year] = amount
        links = PlanProjectVillage.objects.filter(
            organization=self.organization, planproject__edition=self.edition
        ).values_list("planproject_id", "village_id")
        for project_id, village_id in links:
            by_id[project_id]["villages"].append(village_id)
        return projects

    def _action(
        self, number: int, row: ProjectRow, match: dict | None, lookups: Lookups
    ) -> RowAction:
        label = row.values["name"]
        amounts = [(budget_header(year), amount) for year, amount in row.budgets.items()]
        if match is None:
            return RowAction(number, CREATE, row.code or NEW, label, payload=row, amounts=amounts)
        row.existing_id = match["id"]
        labels = {column.key: column.header for column in self.read_columns()}
        changes = []
        for name in ("kind", *TEXT_FIELDS):
            old, new = match[name], row.values[name]
            if old != new:
                if name == "kind":
                    old, new = ProjectKind(old).label, ProjectKind(new).label
                changes.append((labels[name], str(old or "-"), str(new or "-")))
        for name in FK_FIELDS:
            new = row.values[name]
            old_id, new_id = match[f"{name}_id"], (new.pk if new else None)
            if old_id != new_id:
                changes.append((labels[name], lookups.name_of(name, old_id), str(new or "-")))
        if row.number is not None and row.number != match["number"]:
            changes.append((labels["number"], str(match["number"]), str(row.number)))
        for year, amount in row.budgets.items():
            old = match["budgets"].get(year)
            if old != amount:
                changes += diff([(budget_header(year), old, amount)])
        new_villages = sorted(v.pk for v in row.villages)
        if sorted(match["villages"]) != new_villages:
            changes.append((labels["villages"], _("เดิม %(n)s หมู่") % {"n": len(match["villages"])},
                            ", ".join(str(v.number) for v in row.villages) or "-"))  # fmt: skip
        action = UPDATE if changes else UNCHANGED
        return RowAction(
            number, action, match["code"], label, changes, payload=row, amounts=amounts
        )

    # -------------------------------------------------------------- writing

    def apply(self, validation: Validation) -> None:
        """Write the checked rows in bulk. Each project's audit row carries its yearly
        budgets and villages, so the log tells the whole project in one entry."""
        org, edition = self.organization, self.edition
        creates = [a.payload for a in validation.actions if a.action == CREATE]
        updates = {
            a.payload.existing_id: a.payload for a in validation.actions if a.action == UPDATE
        }
        self._create(creates, org, edition)
        if updates:
            self._update(updates, org)

    def _create(self, rows: list[ProjectRow], org, edition) -> None:
        if not rows:
            return
        new_codes = sum(1 for row in rows if not row.code)
        codes = iter(next_codes(PlanProject, org, PROJECT_CODE_PREFIX, new_codes))
        highest = PlanProject.objects.filter(edition=edition).aggregate(n=Max("number"))["n"] or 0
        projects = []
        for row in rows:
            if row.number is None:
                highest += 1
            project = PlanProject(
                organization_id=org.pk,
                edition_id=edition.pk,
                code=row.code or next(codes),
                number=row.number if row.number is not None else highest,
                **_by_id(row.values),
            )
            _clean_fields(project)
            projects.append(project)
        PlanProject.objects.bulk_create(projects, batch_size=500)
        insert_rows(
            ProjectBudget,
            ("organization_id", "project_id", "fiscal_year", "amount"),
            (
                (org.pk, project.pk, year, amount)
                for project, row in zip(projects, rows, strict=True)
                for year, amount in row.budgets.items()
                if amount is not None
            ),
        )
        insert_rows(
            PlanProjectVillage,
            ("organization_id", "planproject_id", "village_id"),
            (
                (org.pk, project.pk, village.pk)
                for project, row in zip(projects, rows, strict=True)
                for village in row.villages
            ),
        )
        by_project = dict(zip((p.pk for p in projects), rows, strict=True))

        def budgets_and_villages(project):
            row = by_project[project.pk]
            return {
                "budgets": {
                    str(year): [None, f"{amount:.2f}"]
                    for year, amount in row.budgets.items()
                    if amount is not None
                },
                "villages": {"added": [str(village) for village in row.villages]},
            }

        record_bulk(projects, AuditAction.CREATE, extra=budgets_and_villages)

    def _update(self, rows: dict[int, ProjectRow], org) -> None:
        projects = list(PlanProject.objects.filter(organization=org, pk__in=rows))
        for project in projects:
            row = rows[project.pk]
            for name, value in row.values.items():
                setattr(project, name, value)
            if row.number is not None:
                project.number = row.number
            _clean(project)
        fields = ["number", "kind", *TEXT_FIELDS, *FK_FIELDS]
        PlanProject.objects.bulk_update(projects, fields, batch_size=500)
        by_id = {project.pk: project for project in projects}
        stored = {
            (budget.project_id, budget.fiscal_year): budget
            for budget in ProjectBudget.objects.filter(organization=org, project_id__in=rows)
        }
        created, changed, removed = [], [], []
        budget_changes: dict[int, dict] = {}
        for project_id, row in rows.items():
            for year, amount in row.budgets.items():
                budget = stored.get((project_id, year))
                old = budget.amount if budget is not None else None
                if old == amount:
                    continue
                budget_changes.setdefault(project_id, {})[str(year)] = [
                    None if old is None else f"{old:.2f}",
                    None if amount is None else f"{amount:.2f}",
                ]
                if budget is None:
                    created.append(ProjectBudget(organization=org, project=by_id[project_id],
                                                 fiscal_year=year, amount=amount))  # fmt: skip
                elif amount is None:
                    removed.append(budget.pk)
                else:
                    budget.amount = amount
                    changed.append(budget)
        ProjectBudget.objects.filter(pk__in=removed).delete()
        ProjectBudget.objects.bulk_create(created, batch_size=1000)
        ProjectBudget.objects.bulk_update(changed, ["amount"], batch_size=1000)
        links = PlanProjectVillage.objects.filter(organization=org, planproject_id__in=rows)
        current: dict[int, set[int]] = {}
        for project_id, village_id in links.values_list("planproject_id", "village_id"):
            current.setdefault(project_id, set()).add(village_id)
        moved = [
            pid
            for pid, row in rows.items()
            if current.get(pid, set()) != {v.pk for v in row.villages}
        ]
        if moved:
            links.filter(planproject_id__in=moved).delete()
            PlanProjectVillage.objects.bulk_create(
                [
                    PlanProjectVillage(organization=org, planproject_id=pid, village=village)
                    for pid in moved
                    for village in rows[pid].villages
                ]
            )

        def budgets_and_villages(project):
            extra = {}
            if project.pk in budget_changes:
                extra["budgets"] = budget_changes[project.pk]
            if project.pk in moved:
                extra["villages"] = {"set": [str(v) for v in rows[project.pk].villages]}
            return extra

        record_bulk(projects, AuditAction.UPDATE, extra=budgets_and_villages)

    # -------------------------------------------------------------- export

    def export_rows(self) -> list[list[object]]:
        from localplan.devplan.queries import budgets_by_year, projects_of

        rows = []
        for project in projects_of(self.edition):
            budgets = budgets_by_year(project)
            values = {
                "code": project.code,
                "number": str(project.number),
                "kind": str(project.get_kind_display()),
                "strategy": str(project.strategy.number),
                "guideline": project.guideline.printed_number,
                "work_plan": project.work_plan.name,
                "unit": project.unit.name if project.unit_id else "",
                "villages": ", ".join(
                    str(v.number) for v in sorted(project.villages.all(), key=lambda v: v.number)
                ),
                "agency": project.agency.name if project.agency_id else "",
                **{name: getattr(project, name) for name in TEXT_FIELDS},
            }
            for year in self.plan.fiscal_years:
                values[f"year:{year}"] = budgets.get(year)
            rows.append([values.get(column.key, "") for column in self.columns()])
        return rows


def _by_id(values: dict) -> dict:
    """Foreign keys by id: setting 5,000 rows' related objects costs more than writing them."""
    return {
        (f"{name}_id" if name in FK_FIELDS else name): (
            (value.pk if value is not None else None) if name in FK_FIELDS else value
        )
        for name, value in values.items()
    }


def _clean_fields(project: PlanProject) -> None:
    """The field checks of a new project. Its row checks (guideline under its strategy,
    equipment type, agency of a coordination project) were made by `validate`, which found
    each related row within the organization; `clean()` would fetch them one query each."""
    project.clean_fields(exclude=CLEAN_EXCLUDE)


def _clean(project: PlanProject) -> None:
    """The model's own checks, without one query per foreign key (the import checked them)."""
    project.full_clean(exclude=CLEAN_EXCLUDE, validate_unique=False, validate_constraints=False)
