"""The demo organization's main staff pages in Chromium, screenshots for a person to look at."""

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
