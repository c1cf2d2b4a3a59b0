"""Budget rows made the way the app makes them."""

from decimal import Decimal

import factory

from localplan.budget.models import (
    AgencyProject,
    AgencyProjectStatus,
    BudgetCategory,
    BudgetDocument,
    BudgetDocumentKind,
    BudgetItem,
)
from tests.factories import AgencyFactory, OrganizationFactory, work_plan


class BudgetDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetDocument

    organization = factory.SubFactory(OrganizationFactory)
    fiscal_year = 2552
    kind = BudgetDocumentKind.ANNUAL
    sequence = 1


class BudgetItemFactory(factory.django.DjangoModelFactory):
    """An investment item of แผนงานอุตสาหกรรมและการโยธา, 100,000.00 baht, linked to nothing."""

    class Meta:
        model = BudgetItem

    document = factory.SubFactory(BudgetDocumentFactory)
    organization = factory.SelfAttribute("document.organization")
    code = factory.Sequence(lambda n: f"B{n + 1:04d}")
    number = factory.Sequence(lambda n: n + 1)
    work_plan = factory.LazyFunction(work_plan)
    task = "งานก่อสร้างโครงสร้างพื้นฐาน"
    category = BudgetCategory.INVESTMENT
    expense_group = "ค่าที่ดินและสิ่งก่อสร้าง"
    expense_type = "ค่าก่อสร้างสิ่งสาธารณูปโภค"
    name = factory.Sequence(lambda n: f"โครงการก่อสร้างถนน สายที่ {n}")
    amount = Decimal("100000.00")


class AgencyProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyProject

    organization = factory.SubFactory(OrganizationFactory)
    fiscal_year = 2552
    code = factory.Sequence(lambda n: f"A{n + 1:04d}")
    agency = factory.SubFactory(AgencyFactory, organization=factory.SelfAttribute("..organization"))
    name = factory.Sequence(lambda n: f"โครงการซ่อมสร้างถนนลาดยาง สายที่ {n}")
    details = "ซ่อมผิวจราจร ยาว 2 กิโลเมตร"
    budget = Decimal("2500000.00")
    location = "หมู่ที่ 2"
    months = 0b111000
    status = AgencyProjectStatus.ACCEPTED
