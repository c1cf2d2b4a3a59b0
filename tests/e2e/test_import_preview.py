"""The import preview in a real browser: Thai values readable, new rows with amounts and totals."""

import pytest

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


def _upload(page, live_server, world, rows, tmp_path, name):
    sheet = tmp_path / f"{name}.xlsx"
    sheet.write_bytes(template_rows("budget-items", world.org, world.document.pk, rows))
    page.goto(f"{live_server.url}{world.document.get_absolute_url()}")
    page.click("text=นำเข้าจาก Excel")
    page.set_input_files("input[type=file]", str(sheet))
    page.click("text=อัปโหลดและตรวจ")


def test_a_thai_value_in_an_error_is_readable(
    world, live_server, page, login, screenshot, tmp_path
):
    p4 = world.projects[3]
    login(page, world.planner.user.username)
    row = {"work_plan": "แผนงานก่อสร้างถนนหมู่บ้าน", "task": "งานก่อสร้าง", "category": "งบลงทุน",
           "expense_group": "ค่าที่ดินและสิ่งก่อสร้าง", "name": p4.name, "amount": "90,000.00",
           "plan_project_code": p4.code}  # fmt: skip
    _upload(page, live_server, world, [row], tmp_path, "bad")
    page.wait_for_selector("#import-errors")
    screenshot(page, "budget-import-preview-errors")
    # the fonts Chromium drew the typed value with: one that has Thai letters, not boxes
    assert fonts_of(page, "#import-errors tbody tr td:nth-child(3) > *") == {"Sarabun"}


def fonts_of(page, selector: str) -> set[str]:
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts}


def test_new_rows_show_their_amounts_and_the_total(
    world, live_server, page, login, screenshot, tmp_path
):
    p4 = world.projects[3]
    login(page, world.planner.user.username)
    common = {"work_plan": p4.work_plan.name, "task": "งานก่อสร้างโครงสร้างพื้นฐาน", "category": "งบลงทุน",
              "expense_group": "ค่าที่ดินและสิ่งก่อสร้าง"}  # fmt: skip
    rows = [
        {**common, "name": p4.name, "amount": "90,000.00", "plan_project_code": p4.code},
        {**common, "name": "ค่าซ่อมแซมท่อระบายน้ำ หมู่ที่ 2", "amount": "12,500.50"},
    ]
    _upload(page, live_server, world, rows, tmp_path, "new")
    page.wait_for_selector("#import-rows")
    table = page.locator("#import-rows").inner_text()
    assert "90,000.00" in table and "12,500.50" in table
    assert "102,500.50" in page.locator("#import-total-changed").inner_text()
    assert fonts_of(page, "#import-rows tbody tr td:nth-child(4) .tw") == {"Sarabun"}
    screenshot(page, "budget-import-preview-amounts")
    page.set_viewport_size({"width": 360, "height": 740})
    screenshot(page, "budget-import-preview-amounts-360")
