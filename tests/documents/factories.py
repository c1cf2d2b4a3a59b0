"""A small but complete set of plans to print: every kind of project and entry, other
agencies, a plan whose words are hard to break (ค่าเฉลี่ย, กระทรวง), an amendment edition."""

from __future__ import annotations

from decimal import Decimal

from localplan.core.models import AmendmentKind, Organization
from localplan.devplan.models import ProjectKind
from localplan.strategy.models import WorkPlan
from tests.factories import (
    AgencyFactory,
    DevPlanEditionFactory,
    DevPlanFactory,
    GuidelineFactory,
    OpsEditionFactory,
    OpsEntryFactory,
    PlanProjectFactory,
    StrategyFactory,
    UnitFactory,
)

NAMES = [
    "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองบัวถึงบ้านโคกสูง",
    "โครงการฝึกอบรมเพิ่มประสิทธิภาพการปฏิบัติงานตามแนวทางของกระทรวงมหาดไทย",
    "โครงการจัดซื้ออาหารเสริม(นม)สำหรับโรงเรียนและศูนย์พัฒนาเด็กเล็ก",
    "โครงการส่งเสริมอาชีพทอผ้าไหมเพื่อเพิ่มรายได้เฉลี่ยของครัวเรือน",
    "โครงการแข่งขันกีฬาต้านยาเสพติดเชื่อมความสัมพันธ์ชุมชนทั่วไป",
]
DETAILS = [
    "ก่อสร้างถนน คสล. กว้าง 4 เมตร ยาว 200 เมตร หนา 0.15 เมตร หรือมีพื้นที่ไม่น้อยกว่า 800 ตารางเมตร",
    "จัดฝึกอบรมให้ความรู้แก่ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล และพนักงานจ้าง ค่าใช้จ่ายเฉลี่ยคนละ 500 บาท",
    "จัดซื้ออาหารเสริม(นม) ให้แก่เด็กนักเรียนในเขตตำบล จำนวน 260 วัน ตามหนังสือสั่งการของกระทรวงมหาดไทย",
]


def plan_world(org: Organization, *, entries: int = 24, projects: int = 16) -> dict:
    """Strategies, a three-year plan with projects of every kind and an operational plan of
    2552 whose entries cover all of them, some carried out by another agency."""
    units = [
        UnitFactory(organization=org, name=name)
        for name in ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม")
    ]
    agency = AgencyFactory(organization=org, name="แขวงทางหลวงชนบทบุรีรัมย์")
    guidelines = []
    for number, name in enumerate(
        ["การพัฒนาด้านโครงสร้างพื้นฐาน", "การพัฒนาด้านเศรษฐกิจ", "การพัฒนาคุณภาพชีวิต"], start=1
    ):
        strategy = StrategyFactory(organization=org, number=number, name=name)
        for g in (1, 2):
            guidelines.append(
                GuidelineFactory(
                    organization=org, strategy=strategy, number=g, name=f"แนวทางที่ {g} ของ{name}"
                )
            )
    work_plans = list(WorkPlan.objects.order_by("order")[:4])
    plan = DevPlanFactory(organization=org)
    edition = DevPlanEditionFactory(plan=plan, organization=org)
    kinds = [
        ProjectKind.DEVELOPMENT,
        ProjectKind.DEVELOPMENT,
        ProjectKind.EQUIPMENT,
        ProjectKind.COMMUNITY,
        ProjectKind.COORDINATION,
    ]
    made = []
    for i in range(projects):
        guideline = guidelines[i % len(guidelines)]
        kind = kinds[i % len(kinds)]
        years = plan.fiscal_years if i % 3 else plan.fiscal_years[:2]
        made.append(
            PlanProjectFactory(
                edition=edition,
                organization=org,
                guideline=guideline,
                strategy=guideline.strategy,
                work_plan=work_plans[i % len(work_plans)],
                name=f"{NAMES[i % len(NAMES)]} ที่ {i + 1}",
                kind=kind,
                unit=units[i % len(units)],
                equipment_type="ครุภัณฑ์สำนักงาน" if kind == ProjectKind.EQUIPMENT else "",
                agency=agency if kind == ProjectKind.COORDINATION else None,
                budgets={year: Decimal(10_000 * (i + 1) + 50 * j) for j, year in enumerate(years)},
            )
        )
    ops = OpsEditionFactory(organization=org, plan__organization=org)
    rows = []
    for i in range(entries):
        project = made[i % len(made)]
        other = i % 7 == 6
        rows.append(
            OpsEntryFactory(
                edition=ops,
                organization=org,
                plan_project=None if other else project,
                agency=agency if other else None,
                kind=project.kind,
                name=f"{project.name} รายการ {i + 1}",
                details=DETAILS[i % len(DETAILS)],
                budget=Decimal(f"{12_345 * (i + 1)}.{i % 100:02d}"),
                unit=None if other else project.unit,
                months=(0b111 << (i % 10)) & 0xFFF or 1,
                strategy=project.strategy,
                guideline=project.guideline,
                work_plan=project.work_plan,
            )
        )
    return {"dev_edition": edition, "ops_edition": ops, "projects": made, "entries": rows}


def amendment_of(world: dict) -> dict:
    """An addition to the plan with two new projects and their reasons."""
    base = world["dev_edition"]
    edition = DevPlanEditionFactory(
        plan=base.plan,
        organization=base.organization,
        kind=AmendmentKind.ADDITION,
        sequence=1,
        sequence_year=2552,
        based_on=base,
    )
    project = world["projects"][0]
    added = [
        PlanProjectFactory(
            edition=edition,
            organization=base.organization,
            guideline=project.guideline,
            strategy=project.strategy,
            work_plan=project.work_plan,
            name=f"โครงการขุดลอกคลองส่งน้ำเพื่อการเกษตร สายที่ {n}",
            reason=f"ประชาชนขาดแคลนน้ำเพื่อการเกษตรในฤดูแล้ง ต้องเร่งดำเนินการ ({n})",
        )
        for n in (1, 2)
    ]
    return {"edition": edition, "projects": added}
