"""Test data made the way the app makes it: plans through their services' shapes."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from localplan.core.models import (
    Agency,
    AmendmentKind,
    Membership,
    Organization,
    OrganizationKind,
    Role,
    Unit,
    Village,
)
from localplan.devplan.models import DevPlan, DevPlanEdition, PlanProject, ProjectBudget
from localplan.opsplan.models import OperationalPlan, OpsEdition, OpsEntry
from localplan.strategy.models import Guideline, Regime, Strategy, WorkPlan


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    kind = OrganizationKind.SAO
    name = factory.Sequence(lambda n: f"ทดสอบ{n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    province = "บุรีรัมย์"
    district = "ลำปลายมาศ"
    subdistrict = factory.SelfAttribute("name")
    # บุรีรัมย์ and ลำปลายมาศ in the list of Thailand's areas (loaded by core's migration).
    province_area_id = "31"
    district_area_id = "3110"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "สมชาย"
    last_name = factory.Sequence(lambda n: f"ทดสอบ{n}")
    password = factory.django.Password("pass-1234")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"กองช่าง {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.PLANNER
    unit = factory.LazyAttribute(
        lambda m: UnitFactory(organization=m.organization) if m.role == Role.UNIT_STAFF else None
    )


class VillageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Village

    organization = factory.SubFactory(OrganizationFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"หนองบัว{n}")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"แขวงทางหลวงชนบทบุรีรัมย์ {n}")


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน {n}")


class GuidelineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guideline

    strategy = factory.SubFactory(StrategyFactory)
    organization = factory.SelfAttribute("strategy.organization")
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"ก่อสร้างและปรับปรุงถนน {n}")


def work_plan(code: str = "00310") -> WorkPlan:
    """A แผนงาน from the reference list (00310 = แผนงานอุตสาหกรรมและการโยธา)."""
    return WorkPlan.objects.get(code=code)


class DevPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevPlan

    organization = factory.SubFactory(OrganizationFactory)
    regime = Regime.SEED_2548
    first_fiscal_year = 2552
    last_fiscal_year = 2554


class DevPlanEditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevPlanEdition

    plan = factory.SubFactory(DevPlanFactory)
    organization = factory.SelfAttribute("plan.organization")
    kind = AmendmentKind.ORIGINAL


class PlanProjectFactory(factory.django.DjangoModelFactory):
    """A plan project with a budget in each year of its plan (100,000.00 by default)."""

    class Meta:
        model = PlanProject
        skip_postgeneration_save = True

    edition = factory.SubFactory(DevPlanEditionFactory)
    organization = factory.SelfAttribute("edition.organization")
    code = factory.Sequence(lambda n: f"P{n + 1:04d}")
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ {n}")
    objective = "เพื่อให้ประชาชนสัญจรไปมาได้สะดวก"
    target = "ถนนกว้าง 4 เมตร ยาว 200 เมตร"
    kpi = "ความพึงพอใจของประชาชนร้อยละ 80"
    expected_result = "ประชาชนสัญจรสะดวก ปลอดภัย"
    guideline = factory.SubFactory(
        GuidelineFactory,
        strategy__organization=factory.SelfAttribute("...organization"),
    )
    strategy = factory.SelfAttribute("guideline.strategy")
    work_plan = factory.LazyFunction(work_plan)

    @factory.post_generation
    def budgets(project, create, amounts, **kwargs):
        if not create:
            return
        if amounts is None:
            amounts = {year: Decimal("100000.00") for year in project.edition.plan.fiscal_years}
        for fiscal_year, amount in amounts.items():
            ProjectBudget.objects.create(
                organization=project.organization,
                project=project,
                fiscal_year=fiscal_year,
                amount=Decimal(amount),
            )


class OperationalPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OperationalPlan

    organization = factory.SubFactory(OrganizationFactory)
    fiscal_year = 2552


class OpsEditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpsEdition

    plan = factory.SubFactory(OperationalPlanFactory)
    organization = factory.SelfAttribute("plan.organization")
    kind = AmendmentKind.ORIGINAL


class OpsEntryFactory(factory.django.DjangoModelFactory):
    """An own entry, linked to a plan project of the same organization, running ต.ค.–ธ.ค."""

    class Meta:
        model = OpsEntry

    edition = factory.SubFactory(OpsEditionFactory)
    organization = factory.SelfAttribute("edition.organization")
    code = factory.Sequence(lambda n: f"E{n + 1:04d}")
    number = factory.Sequence(lambda n: n + 1)
    plan_project = factory.SubFactory(
        PlanProjectFactory,
        edition__plan__organization=factory.SelfAttribute("....organization"),
    )
    name = factory.LazyAttribute(
        lambda e: e.plan_project.name if e.plan_project else "โครงการของหน่วยงานอื่น"
    )
    details = "ก่อสร้างถนน คสล. กว้าง 4 เมตร ยาว 200 เมตร หนา 0.15 เมตร"
    budget = Decimal("100000.00")
    location = "หมู่ที่ 1"
    unit = factory.SubFactory(UnitFactory, organization=factory.SelfAttribute("..organization"))
    months = 0b111
    strategy = factory.LazyAttribute(
        lambda e: (
            e.plan_project.strategy
            if e.plan_project
            else StrategyFactory(organization=e.organization)
        )
    )
    guideline = factory.LazyAttribute(
        lambda e: e.plan_project.guideline if e.plan_project else None
    )
    work_plan = factory.LazyAttribute(
        lambda e: e.plan_project.work_plan if e.plan_project else work_plan()
    )
