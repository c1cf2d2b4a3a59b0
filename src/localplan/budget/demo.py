"""The budget of a demo organization, added by the demo loader after its plans.

For every operational plan the demo has, the budget acts that paid for it: the annual
ordinance (and the spending of accumulated funds, where entries say เงินสะสม) with one item
per own entry — same project, same amount — plus the lines every ordinance has (salaries,
materials, งบกลาง), which name no project; and the other agencies' entries as the year's
collected list of other agencies' projects. The demo is therefore consistent: the checks
raise no problem, only the notices of the plan projects the demo data leaves unbudgeted.
Everything is written through the services the pages use.
"""

from __future__ import annotations

from decimal import Decimal

from localplan.budget.models import (
    AgencyProject,
    BudgetCategory,
    BudgetDocument,
    BudgetDocumentKind,
    BudgetItem,
)
from localplan.budget.services.agency import save_agency_project
from localplan.budget.services.documents import save_budget_document, save_budget_item
from localplan.core.models import Membership
from localplan.devplan.models import ProjectKind
from localplan.opsplan.models import BudgetSource, OperationalPlan, OpsEntry
from localplan.strategy.models import WorkPlan

KIND_OF_SOURCE = {
    BudgetSource.ORDINANCE: BudgetDocumentKind.ANNUAL,
    BudgetSource.ADDITIONAL: BudgetDocumentKind.ADDITIONAL,
    BudgetSource.ACCUMULATED_FUNDS: BudgetDocumentKind.ACCUMULATED_FUNDS,
}
# งาน of each แผนงาน, as ordinances of the time name them
TASKS = {
    "00110": "งานบริหารทั่วไป",
    "00120": "งานป้องกันภัยฝ่ายพลเรือนและระงับอัคคีภัย",
    "00210": "งานระดับก่อนวัยเรียนและประถมศึกษา",
    "00220": "งานบริการสาธารณสุขและงานสาธารณสุขอื่น",
    "00230": "งานสวัสดิการสังคมและสังคมสงเคราะห์",
    "00240": "งานไฟฟ้าถนน",
    "00250": "งานส่งเสริมและสนับสนุนความเข้มแข็งชุมชน",
    "00260": "งานกีฬาและนันทนาการ",
    "00310": "งานก่อสร้างโครงสร้างพื้นฐาน",
    "00320": "งานส่งเสริมการเกษตร",
    "00330": "งานกิจการประปา",
    "00410": "งบกลาง",
}
CONSTRUCTION = ("ก่อสร้าง", "ปรับปรุง", "ขุด", "เจาะ", "วางท่อ", "ขยายเขต", "ซ่อมแซม", "ติดตั้ง")
# Lines of every ordinance that pay for no project: (แผนงาน, งบ, หมวด, ประเภท, รายการ, baht)
STANDING_LINES = [
    ("00110", BudgetCategory.PERSONNEL, "เงินเดือน (ฝ่ายการเมือง)", "เงินเดือนนายก/รองนายก",
     "เงินเดือนนายก อบต. และรองนายก อบต.", "514080.00"),
    ("00110", BudgetCategory.PERSONNEL, "เงินเดือน (ฝ่ายการเมือง)", "ค่าตอบแทนสมาชิกสภา",
     "ค่าตอบแทนประธานสภา รองประธานสภา สมาชิกสภา และเลขานุการสภา", "1123200.00"),
    ("00110", BudgetCategory.PERSONNEL, "เงินเดือน (ฝ่ายประจำ)", "เงินเดือนพนักงาน",
     "เงินเดือนพนักงานส่วนตำบล", "1864320.00"),
    ("00110", BudgetCategory.OPERATING, "ค่าวัสดุ", "ค่าวัสดุสำนักงาน",
     "ค่าวัสดุสำนักงาน เช่น กระดาษ แฟ้ม หมึก", "80000.00"),
    ("00110", BudgetCategory.OPERATING, "ค่าสาธารณูปโภค", "ค่าไฟฟ้า",
     "ค่าไฟฟ้าที่ทำการ อบต. และอาคารในความดูแล", "120000.00"),
    ("00410", BudgetCategory.CENTRAL, "งบกลาง", "เงินสมทบกองทุนประกันสังคม",
     "เงินสมทบกองทุนประกันสังคมของพนักงานจ้าง", "48600.00"),
    ("00410", BudgetCategory.CENTRAL, "งบกลาง", "สำรองจ่าย",
     "สำรองจ่ายกรณีฉุกเฉินหรือสาธารณภัย", "150000.00"),
]  # fmt: skip


def load_budget(organization, *, by: Membership) -> None:
    """Add the budget of every operational plan of a freshly loaded demo organization."""
    plans = OperationalPlan.objects.filter(organization=organization).order_by("fiscal_year")
    work_plans = {row.code: row for row in WorkPlan.objects.all()}
    for plan in plans:
        entries = (
            OpsEntry.objects.filter(organization=organization, edition__plan=plan)
            .select_related("plan_project", "work_plan", "agency", "strategy", "guideline")
            .order_by("strategy__number", "number", "id")
        )
        documents: dict[str, BudgetDocument] = {}
        for entry in entries:
            if entry.agency_id:
                _agency_project(entry, plan.fiscal_year, by)
            elif entry.plan_project_id and entry.budget_source in KIND_OF_SOURCE:
                document = _document(documents, plan, KIND_OF_SOURCE[entry.budget_source], by)
                _project_item(document, entry, by)
        annual = _document(documents, plan, BudgetDocumentKind.ANNUAL, by)
        for code, category, group, kind, name, amount in STANDING_LINES:
            item = BudgetItem(
                organization=organization,
                document=annual,
                work_plan=work_plans[code],
                task=TASKS[code],
                category=category,
                expense_group=group,
                expense_type=kind,
                name=name,
                amount=Decimal(amount),
            )
            save_budget_item(item=item, by=by)


def _document(documents: dict, plan: OperationalPlan, kind: str, by) -> BudgetDocument:
    if kind not in documents:
        documents[kind] = save_budget_document(
            document=BudgetDocument(
                organization=plan.organization,
                fiscal_year=plan.fiscal_year,
                kind=kind,
                sequence=1,
                announced_on=plan.budget_announced_on,
            ),
            by=by,
        )
    return documents[kind]


def _project_item(document: BudgetDocument, entry: OpsEntry, by) -> BudgetItem:
    project = entry.plan_project
    category, group, kind = _classify(project)
    item = BudgetItem(
        organization=document.organization,
        document=document,
        work_plan=entry.work_plan,
        task=TASKS.get(entry.work_plan.code, ""),
        category=category,
        expense_group=group,
        expense_type=kind,
        name=project.name,
        amount=entry.budget,
        plan_project_code=project.code,
    )
    return save_budget_item(item=item, by=by)


def _classify(project) -> tuple[str, str, str]:
    """งบ, หมวด and ประเภท of a project's item, as an ordinance would print them."""
    if project.kind == ProjectKind.EQUIPMENT:
        return BudgetCategory.INVESTMENT, "ค่าครุภัณฑ์", project.equipment_type
    if project.name.startswith(CONSTRUCTION):
        return BudgetCategory.INVESTMENT, "ค่าที่ดินและสิ่งก่อสร้าง", "ค่าก่อสร้างสิ่งสาธารณูปโภค"
    if "อุดหนุน" in project.name:
        return BudgetCategory.SUBSIDY, "เงินอุดหนุน", "เงินอุดหนุนส่วนราชการ"
    return BudgetCategory.OPERATING, "ค่าใช้สอย", "รายจ่ายเกี่ยวเนื่องกับการปฏิบัติราชการ"


def _agency_project(entry: OpsEntry, fiscal_year: int, by) -> AgencyProject:
    if entry.budget_source not in {BudgetSource.OTHER_AGENCY, BudgetSource.PAO_SUBSIDY}:
        entry.budget_source = BudgetSource.OTHER_AGENCY
    project = AgencyProject(
        organization=entry.organization,
        fiscal_year=fiscal_year,
        agency=entry.agency,
        name=entry.name,
        details=entry.details,
        budget=entry.budget,
        budget_source=entry.budget_source,
        location=entry.location,
        months=entry.months,
        strategy=entry.strategy,
        guideline=entry.guideline,
        work_plan=entry.work_plan,
    )
    return save_agency_project(project=project, by=by)
