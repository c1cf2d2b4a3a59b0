"""A small organization with what the budget app reads: units, villages, two strategies with
guidelines, a three-year plan 2552–2554 whose original edition is announced with four
projects, the FY2552 ordinance with items for three of them, and an operational plan."""

from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from localplan.core.models import EditionState, Role
from localplan.devplan.models import DevPlanEdition, PlanProject
from localplan.opsplan.models import OpsEdition
from tests.budget.factories import BudgetDocumentFactory, BudgetItemFactory
from tests.factories import (
    DevPlanEditionFactory,
    GuidelineFactory,
    MembershipFactory,
    OperationalPlanFactory,
    OpsEditionFactory,
    PlanProjectFactory,
    StrategyFactory,
    UnitFactory,
    VillageFactory,
    work_plan,
)


@dataclass
class World:
    org: object
    units: dict = field(default_factory=dict)
    villages: list = field(default_factory=list)
    strategies: list = field(default_factory=list)
    guidelines: dict = field(default_factory=dict)
    edition: DevPlanEdition | None = None
    projects: list[PlanProject] = field(default_factory=list)
    document: object = None
    items: list = field(default_factory=list)


def build_world(org, *, announced: bool = True) -> World:
    world = World(org=org)
    world.units = {name: UnitFactory(organization=org, name=name) for name in ("กองช่าง", "สำนักปลัด")}
    world.villages = [
        VillageFactory(organization=org, number=n, name=f"บ้าน{n}") for n in range(1, 6)
    ]
    s1 = StrategyFactory(organization=org, number=1, name="ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน")
    s2 = StrategyFactory(organization=org, number=2, name="ยุทธศาสตร์การพัฒนาด้านการศึกษา")
    world.strategies = [s1, s2]
    world.guidelines = {
        "1.1": GuidelineFactory(organization=org, strategy=s1, number=1, name="ก่อสร้างถนน"),
        "1.2": GuidelineFactory(organization=org, strategy=s1, number=2, name="ระบบประปา"),
        "2.1": GuidelineFactory(organization=org, strategy=s2, number=1, name="ส่งเสริมการศึกษา"),
    }
    world.edition = DevPlanEditionFactory(
        plan__organization=org,
        state=EditionState.ANNOUNCED if announced else EditionState.DRAFTING,
    )
    specs = [
        ("P0001", "1.1", "00310", "กองช่าง", "โครงการก่อสร้างถนน คสล. หมู่ที่ 1", "250000.00"),
        ("P0002", "1.2", "00310", "กองช่าง", "โครงการขยายเขตประปา หมู่ที่ 3", "180000.00"),
        ("P0003", "2.1", "00210", "สำนักปลัด", "โครงการอาหารกลางวันเด็กเล็ก", "420000.00"),
        ("P0004", "1.1", "00310", "กองช่าง", "โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5", "90000.00"),
    ]
    for number, (code, guideline, plan_code, unit, name, amount) in enumerate(specs, start=1):
        g = world.guidelines[guideline]
        project = PlanProjectFactory(
            edition=world.edition,
            code=code,
            number=number,
            name=name,
            guideline=g,
            strategy=g.strategy,
            work_plan=work_plan(plan_code),
            unit=world.units[unit],
            location="",
            budgets={2552: Decimal(amount), 2553: Decimal(amount)},
        )
        project.villages.set([world.villages[number - 1]], through_defaults={"organization": org})
        world.projects.append(project)
    world.document = BudgetDocumentFactory(organization=org, fiscal_year=2552)
    for project in world.projects[:3]:
        world.items.append(
            BudgetItemFactory(
                document=world.document,
                work_plan=project.work_plan,
                name=project.name,
                amount=project.budgets.get(fiscal_year=2552).amount,
                plan_project_code=project.code,
                plan_project=project,
            )
        )
    world.items.append(
        BudgetItemFactory(
            document=world.document,
            work_plan=work_plan("00110"),
            task="งานบริหารทั่วไป",
            category="personnel",
            expense_group="เงินเดือน (ฝ่ายการเมือง)",
            expense_type="",
            name="เงินเดือนนายก/รองนายก",
            amount=Decimal("514080.00"),
        )
    )
    return world


@pytest.fixture
def world(org):
    return build_world(org)


@pytest.fixture
def ops_edition(world) -> OpsEdition:
    return OpsEditionFactory(plan=OperationalPlanFactory(organization=world.org, fiscal_year=2552))


@pytest.fixture
def unit_staff(org):
    return MembershipFactory(organization=org, role=Role.UNIT_STAFF)


@pytest.fixture
def executive(org):
    return MembershipFactory(organization=org, role=Role.EXECUTIVE)
