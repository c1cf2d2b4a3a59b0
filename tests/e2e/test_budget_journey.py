"""The planner's budget journey in a real browser: import a budget item from the template,
draft the operational plan from the budget, read the consistency checks and the home badge."""

import pytest

from localplan.budget.models import BudgetItem
from localplan.opsplan.models import OpsEntry
from tests.budget.conftest import build_world
from tests.budget.helpers import template_rows
from tests.factories import OrganizationFactory


@pytest.fixture
def world(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from localplan.core.models import Role
    from tests.factories import MembershipFactory

    world = build_world(OrganizationFactory(name="ผไทรินทร์", slug="phairin"))
    world.planner = MembershipFactory(organization=world.org, role=Role.PLANNER)
    return world


def test_the_planner_imports_drafts_and_checks(
    world, live_server, page, login, screenshot, tmp_path
):
    org, p4 = world.org, world.projects[3]
    login(page, world.planner.user.username)

    # import the missing item from a file made with the template
    sheet = tmp_path / "budget.xlsx"
    row = {"work_plan": p4.work_plan.name, "task": "งานก่อสร้างโครงสร้างพื้นฐาน", "category": "งบลงทุน",
           "expense_group": "ค่าที่ดินและสิ่งก่อสร้าง", "name": p4.name, "amount": "90,000.00",
           "plan_project_code": p4.code}  # fmt: skip
    sheet.write_bytes(template_rows("budget-items", org, world.document.pk, [row]))
    page.goto(f"{live_server.url}{world.document.get_absolute_url()}")
    page.click("text=นำเข้าจาก Excel")
    page.set_input_files("input[type=file]", str(sheet))
    page.click("text=อัปโหลดและตรวจ")
    page.wait_for_selector("#import-rows")
    assert p4.name in page.locator("#import-rows").inner_text()
    screenshot(page, "budget-import-preview")
    page.click("text=ยืนยันนำเข้า")
    page.wait_for_selector("#document-total")
    assert BudgetItem.objects.filter(document=world.document, plan_project_code=p4.code).exists()
    screenshot(page, "budget-document")

    # draft the operational plan from the budget
    page.goto(f"{live_server.url}/o/{org.slug}/budget/2552/draft/")
    assert page.locator("tr.draft-create").count() == 4
    screenshot(page, "budget-draft-preview")
    page.click("text=ยืนยันสร้างร่างแผนการดำเนินงาน")
    page.wait_for_selector("#grand-total")
    assert page.locator("#grand-total").inner_text() == "940,000.00"
    assert OpsEntry.objects.filter(organization=org).count() == 4
    screenshot(page, "budget-drafted-opsplan")

    # the checks: months are still to be filled in
    page.click("text=ตรวจความสอดคล้อง")
    assert "4 ปัญหา" in page.locator("#problem-count").inner_text()
    assert page.locator("#rule-entry_without_months li").count() == 4
    screenshot(page, "budget-checks")

    # the home page's badge arrives after the page
    page.goto(f"{live_server.url}/o/{org.slug}/")
    page.wait_for_selector("#consistency-badge")
    assert "4 ปัญหา" in page.locator("#home-budget").locator("..").locator("..").inner_text()
    screenshot(page, "budget-home-badge")
