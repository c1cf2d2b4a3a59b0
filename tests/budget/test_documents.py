"""Budget documents and items entered one at a time."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from localplan.budget.models import BudgetDocument, BudgetItem
from localplan.budget.services.documents import save_budget_document, save_budget_item
from tests.factories import OperationalPlanFactory, work_plan


def test_the_title_follows_the_kind_of_organization_and_document(world):
    assert world.document.title == "ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2552"
    extra = BudgetDocument(organization=world.org, fiscal_year=2552, kind="additional", sequence=2)
    assert extra.title == "ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม (ฉบับที่ 2) ประจำปีงบประมาณ พ.ศ. 2552"
    world.org.kind = "tambon_municipality"
    assert world.document.title.startswith("เทศบัญญัติงบประมาณรายจ่ายประจำปี")


def test_the_announcement_date_starts_the_operational_plans_thirty_days(world, planner):
    plan = OperationalPlanFactory(organization=world.org, fiscal_year=2552)
    world.document.announced_on = datetime.date(2008, 9, 20)
    save_budget_document(document=world.document, by=planner)
    plan.refresh_from_db()
    assert plan.due_on == datetime.date(2008, 10, 20)


def test_a_second_annual_ordinance_of_a_year_is_refused(world, planner):
    with pytest.raises(ValidationError):
        save_budget_document(
            document=BudgetDocument(organization=world.org, fiscal_year=2552, kind="annual"),
            by=planner,
        )
    assert BudgetDocument.objects.filter(organization=world.org).count() == 1


def test_additional_budgets_are_numbered_in_turn(world, planner):
    for _ in range(2):
        doc = BudgetDocument(
            organization=world.org, fiscal_year=2552, kind="additional", sequence=None
        )
        save_budget_document(document=doc, by=planner)
    assert sorted(
        BudgetDocument.objects.filter(kind="additional").values_list("sequence", flat=True)
    ) == [1, 2]


def test_an_item_links_to_its_plan_project_by_code(world, planner):
    item = BudgetItem(organization=world.org, document=world.document, work_plan=work_plan(), category="investment",
                      name="ถนน", amount=Decimal("1"), plan_project_code=" p0004 ")  # fmt: skip
    save_budget_item(item=item, by=planner)
    assert item.plan_project == world.projects[3] and item.plan_project_code == "P0004"
    assert item.code.startswith("B") and item.code not in {i.code for i in world.items}
    item.plan_project_code = "P0099"
    with pytest.raises(ValidationError, match="ไม่พบโครงการรหัส P0099"):
        save_budget_item(item=item, by=planner)


def test_the_item_form_offers_the_projects_of_the_plan_and_saves(client, world, planner):
    client.force_login(planner.user)
    url = reverse(
        "budget:item_new", kwargs={"org": world.org.slug, "document_id": world.document.pk}
    )
    page = client.get(url).content.decode()
    assert "P0004 โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5" in page
    data = {"work_plan": work_plan().pk, "task": "งานก่อสร้าง", "category": "investment", "name": "รางระบายน้ำ",
            "amount": "90,000", "plan_project_code": "P0004"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert BudgetItem.objects.get(name="รางระบายน้ำ").plan_project == world.projects[3]
    response = client.post(url, {**data, "amount": "-1", "plan_project_code": "P9999"})
    text = response.content.decode()
    assert response.status_code == 400 and "ต้องไม่ติดลบ" in text and "ไม่พบโครงการรหัสนี้" in text


def test_the_document_form_takes_a_buddhist_year_and_a_thai_date(client, world, planner):
    client.force_login(planner.user)
    url = reverse("budget:document_new", kwargs={"org": world.org.slug})
    response = client.post(
        url, {"fiscal_year": "๒๕๕๓", "kind": "annual", "announced_on": "15/09/2552"}
    )
    assert response.status_code == 302
    doc = BudgetDocument.objects.get(fiscal_year=2553)
    assert doc.announced_on == datetime.date(2009, 9, 15)
    response = client.post(url, {"fiscal_year": "2010", "kind": "annual"})
    assert response.status_code == 400 and "ค.ศ." in response.content.decode()
