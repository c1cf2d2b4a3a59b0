"""The demo organization's main staff pages in Chromium, screenshots for a person to look at."""

import hashlib
import re

import pytest
from django.core.management import call_command

from localplan.core.models import Organization
from localplan.devplan.services import create_dev_plan
from localplan.opsplan.models import OperationalPlan


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)
    return Organization.objects.get(slug="phairin")


def test_the_demo_planner_walks_the_main_pages(demo, live_server, page, login, screenshot):
    login(page, "planner", "demo1234")
    assert page.url.endswith("/o/phairin/")
    assert page.locator("h1").inner_text() == "องค์การบริหารส่วนตำบลผไทรินทร์"
    screenshot(page, "demo-home")

    plan = OperationalPlan.objects.get(organization=demo, fiscal_year=2552)
    page.goto(f"{live_server.url}/o/phairin/opsplans/2552/")
    assert re.search(r"/opsplans/editions/\d+/$", page.url)
    assert page.locator("#grand-total").inner_text() != "-"
    screenshot(page, "demo-opsplan-2552")
    page.set_viewport_size({"width": 1366, "height": 768})
    screenshot(page, "demo-opsplan-2552-top", full_page=False)

    draft = create_dev_plan(
        organization=demo, regime="2548", first_fiscal_year=2555, last_fiscal_year=2557
    )
    page.goto(
        f"{live_server.url}/o/phairin/devplans/editions/{draft.editions.get().pk}/projects/new/"
    )
    assert page.locator("#id_budget_2557").count() == 1
    screenshot(page, "demo-project-form")

    edition = plan.editions.get()
    entry = edition.entries.filter(agency__isnull=True).first()
    page.goto(f"{live_server.url}/o/phairin/opsplans/entries/{entry.pk}/edit/")
    screenshot(page, "demo-entry-form-announced")  # refused: the plan is announced


def test_a_citizen_reads_the_demo_plan_on_a_phone_and_checks_its_pdf(
    demo, live_server, browser, screenshot
):
    from decimal import Decimal

    from localplan.core.thai_calendar import format_money
    from localplan.workflow.models import Announcement

    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="th-TH")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    page.fill("#id_q", "ผไทรินทร์")
    page.click("button[type=submit]")
    page.click("text=องค์การบริหารส่วนตำบลผไทรินทร์")
    screenshot(page, "demo-portal-phone-organization")
    page.locator(".plan-card", has_text="2552").locator("text=อ่านฉบับที่ใช้อยู่").first.click()
    edition = OperationalPlan.objects.get(organization=demo, fiscal_year=2552).editions.get()
    total = sum((entry.budget for entry in edition.entries.all()), Decimal("0"))
    assert page.locator("#grand-total").inner_text() == format_money(total)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "demo-portal-phone-edition")

    shown_hash = page.locator("#announced-sha256").inner_text()
    assert shown_hash == Announcement.objects.get(ops_edition=edition).sha256
    pdf = page.request.get(live_server.url + page.locator("#announced-pdf").get_attribute("href"))
    assert pdf.body().startswith(b"%PDF")
    assert hashlib.sha256(pdf.body()).hexdigest() == shown_hash

    page.fill("#id_q", "ถนน")
    page.click("form[role=search] button[type=submit]")
    names = page.locator("tr.entry-row td.col-name a").all_inner_texts()
    assert names and all("ถนน" in name for name in names)
    screenshot(page, "demo-portal-phone-search")
    context.close()
