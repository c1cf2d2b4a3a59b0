"""Less typing, in a real browser: the entry form fills itself from the chosen plan project and
lists the chosen strategy's guidelines (htmx); months are set for many entries at once."""

from decimal import Decimal

import pytest

from localplan.core.models import Role
from localplan.opsplan.models import OpsEntry
from localplan.strategy.models import Guideline
from tests.factories import (
    DevPlanEditionFactory,
    GuidelineFactory,
    MembershipFactory,
    OpsEditionFactory,
    OpsEntryFactory,
    OrganizationFactory,
    PlanProjectFactory,
    StrategyFactory,
    UnitFactory,
    VillageFactory,
)


@pytest.fixture
def world(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    org = OrganizationFactory(name="ผไทรินทร์", slug="phairin")
    world = type("World", (), {})()
    world.org = org
    world.unit = UnitFactory(organization=org, name="กองช่าง")
    UnitFactory(organization=org, name="สำนักปลัด")
    world.villages = [
        VillageFactory(organization=org, number=n, name=name)
        for n, name in ((1, "บ้านหนองบัว"), (2, "บ้านโคกเพชร"), (3, "บ้านนาดี"))
    ]
    s1 = StrategyFactory(organization=org, number=1, name="ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน")
    s2 = StrategyFactory(organization=org, number=2, name="ยุทธศาสตร์การพัฒนาด้านการศึกษา")
    world.strategies = (s1, s2)
    world.guidelines = {
        "1.1": GuidelineFactory(strategy=s1, number=1, name="ก่อสร้างและปรับปรุงถนน"),
        "1.2": GuidelineFactory(strategy=s1, number=2, name="ก่อสร้างระบบระบายน้ำ"),
        "2.1": GuidelineFactory(strategy=s2, number=1, name="ส่งเสริมการศึกษาปฐมวัย"),
    }
    dev_edition = DevPlanEditionFactory(plan__organization=org)
    world.project = PlanProjectFactory(
        edition=dev_edition,
        name="โครงการก่อสร้างรางระบายน้ำ คสล. สายบ้านโคกเพชร–บ้านนาดี",
        guideline=world.guidelines["1.2"],
        strategy=s1,
        unit=world.unit,
        location="สายบ้านโคกเพชร–บ้านนาดี",
        target="รางระบายน้ำ คสล. กว้าง 0.5 ม. ยาว 300 ม.",
        budgets={2552: "880000.50", 2553: "100000", 2554: "100000"},
    )
    world.project.villages.set(world.villages[1:], through_defaults={"organization": org})
    world.edition = OpsEditionFactory(plan__organization=org, plan__fiscal_year=2552)
    world.entries = [
        OpsEntryFactory(edition=world.edition, plan_project__edition=dev_edition, months=0)
        for _ in range(3)
    ]
    world.planner = MembershipFactory(organization=org, role=Role.PLANNER)
    return world


def test_choosing_a_plan_project_fills_the_entry_which_stays_editable(
    world, live_server, page, login, screenshot
):
    login(page, world.planner.user.username)
    new_url = f"/o/{world.org.slug}/opsplans/editions/{world.edition.pk}/entries/new/"
    page.goto(f"{live_server.url}{new_url}")
    page.fill("#id_details", "")
    page.select_option("#id_plan_project", str(world.project.pk))
    page.wait_for_function("document.querySelector('#id_name').value !== ''")
    assert page.input_value("#id_name") == world.project.name
    assert page.input_value("#id_unit") == str(world.unit.pk)
    assert page.input_value("#id_location") == "สายบ้านโคกเพชร–บ้านนาดี"
    assert page.input_value("#id_budget") == "880,000.50"
    assert page.input_value("#id_details") == "รางระบายน้ำ คสล. กว้าง 0.5 ม. ยาว 300 ม."
    checked = page.locator("input[name=villages]:checked")
    assert sorted(checked.evaluate_all("boxes => boxes.map(b => b.value)")) == sorted(
        str(v.pk) for v in world.villages[1:]
    )
    assert page.input_value("#id_guideline") == str(world.guidelines["1.2"].pk)
    # own entries take their classification from the project: those fields stay hidden
    assert not page.locator("#id_strategy").is_visible()
    assert page.locator("#id_plan_project").is_visible()
    screenshot(page, "entry-form-filled")
    page.set_viewport_size({"width": 360, "height": 740})
    screenshot(page, "entry-form-filled-360")
    page.set_viewport_size({"width": 1366, "height": 768})
    # still editable: the officer's changes are what is saved
    page.fill("#id_name", "ก่อสร้างรางระบายน้ำ คสล. ช่วงที่ 1")
    page.fill("#id_budget", "450,000")
    page.click("label[for=months_4]")
    page.click("button[type=submit]")
    page.wait_for_selector("#grand-total")
    entry = OpsEntry.objects.get(edition=world.edition, name="ก่อสร้างรางระบายน้ำ คสล. ช่วงที่ 1")
    assert entry.budget == Decimal("450000.00") and entry.plan_project == world.project
    assert sorted(entry.villages.values_list("number", flat=True)) == [2, 3]


def test_the_guideline_list_follows_the_chosen_strategy(world, live_server, page, login):
    login(page, world.planner.user.username)
    new_url = f"/o/{world.org.slug}/opsplans/editions/{world.edition.pk}/entries/new/"
    page.goto(f"{live_server.url}{new_url}")
    # (a click event, not a pointer: the radio list's layout is fixed on another branch)
    page.dispatch_event("input[name=carried_out_by][value=other]", "click")
    options = page.locator("#id_guideline option")
    everything = Guideline.objects.filter(organization=world.org).count()
    assert options.count() == 1 + everything  # no strategy yet: every guideline
    page.select_option("#id_strategy", str(world.strategies[1].pk))
    page.wait_for_function("document.querySelectorAll('#id_guideline option').length === 2")
    assert options.nth(1).inner_text() == str(world.guidelines["2.1"])
    page.select_option("#id_strategy", str(world.strategies[0].pk))
    page.wait_for_function("document.querySelectorAll('#id_guideline option').length === 3")
    # the plan-project form: its own guideline first, the second strategy's after the change
    page.goto(f"{live_server.url}{world.project.get_absolute_url()}")
    assert options.count() == 3 and page.input_value("#id_guideline") == str(
        world.guidelines["1.2"].pk
    )
    page.select_option("#id_strategy", str(world.strategies[1].pk))
    page.wait_for_function("document.querySelectorAll('#id_guideline option').length === 2")
    assert page.input_value("#id_guideline") == ""


def test_months_for_many_entries_at_once(world, live_server, page, login, screenshot):
    login(page, world.planner.user.username)
    page.goto(f"{live_server.url}{world.edition.get_absolute_url()}")
    page.click("#bulk-months-card summary")
    first, _second, third = world.entries
    page.check(f"input[name=entries][value='{first.pk}']")
    page.check(f"input[name=entries][value='{third.pk}']")
    for month in ("4", "5", "6"):  # ม.ค.–มี.ค.
        page.click(f"label[for=months_{month}]")
    screenshot(page, "opsplan-bulk-months")
    page.set_viewport_size({"width": 360, "height": 740})
    screenshot(page, "opsplan-bulk-months-360")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.click("#bulk-months button[type=submit]")
    page.wait_for_selector(".alert-success")
    assert "ให้ 2 รายการแล้ว" in page.locator(".alert-success").inner_text()
    months = {e.pk: e.months for e in OpsEntry.objects.filter(edition=world.edition)}
    assert months == {first.pk: 0b111000, _second.pk: 0, third.pk: 0b111000}
    assert page.locator("td.month-cell.on").count() == 6
