"""The planner's main pages in a real browser, with screenshots for a person to look at."""

import pytest

from localplan.core.models import Role
from tests.factories import MembershipFactory, OpsEntryFactory


@pytest.fixture
def entry(transactional_db):
    return OpsEntryFactory(name="โครงการก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองกระทิง–บ้านโคกเพชร")


def test_the_planner_signs_in_and_sees_the_operational_plan(
    entry, live_server, page, login, screenshot
):
    planner = MembershipFactory(organization=entry.organization, role=Role.PLANNER)
    login(page, planner.user.username)
    assert page.url.endswith(f"/o/{entry.organization.slug}/")
    screenshot(page, "smoke-home")
    page.goto(f"{live_server.url}{entry.edition.get_absolute_url()}")
    assert page.locator("text=โครงการก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองกระทิง").count() == 1
    assert page.locator("#grand-total").inner_text() == "100,000.00"
    assert page.locator("td.month-cell.on").count() == 3
    screenshot(page, "smoke-opsplan")
