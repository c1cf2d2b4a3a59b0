"""The journey of an operational plan from drafting to announced in a real browser: the
planner submits, the development committee returns it once with comments, the planner
resubmits, the committee endorses, the executive approves and announces; the announced PDF
downloads with the SHA-256 the page shows, and nothing can be edited any more.
Screenshots of every step go to test-artifacts/screenshots/workflow-*.png."""

import hashlib

import pytest

from localplan.core.models import EditionState, Role
from localplan.workflow.models import Announcement
from tests.factories import MembershipFactory
from tests.workflow.factories import operational_plan_like_fy2552


@pytest.fixture
def journey(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from tests.factories import OrganizationFactory

    org = OrganizationFactory(
        name="ผไทรินทร์",
        slug="phairin",
        executive_name="นายสมศักดิ์ ใจดี",
        executive_title="นายกองค์การบริหารส่วนตำบลผไทรินทร์",
    )
    edition = operational_plan_like_fy2552(org)
    members = {
        role: MembershipFactory(organization=org, role=role, user__username=role.value)
        for role in (Role.PLANNER, Role.DEVELOPMENT_COMMITTEE, Role.EXECUTIVE)
    }
    return edition, members


def sign_out(page):
    page.click("nav form[action$='/logout/'] button")
    page.wait_for_load_state("networkidle")


def test_an_operational_plan_is_reviewed_returned_endorsed_approved_and_announced(
    journey, live_server, page, login, screenshot
):
    edition, members = journey
    edition_url = f"{live_server.url}{edition.get_absolute_url()}"

    # 1. The planner submits the draft.
    login(page, "planner")
    page.goto(edition_url)
    screenshot(page, "workflow-01-draft")
    page.click("#workflow-step")
    page.fill("#id_submitted_on", "01/12/2551")
    page.check("#id_confirmed")
    screenshot(page, "workflow-02-submit-form")
    page.click("main form button[type=submit]")
    assert page.locator(".badge-state").first.inner_text() == "เสนอคณะกรรมการพัฒนา"
    screenshot(page, "workflow-03-in-review")
    assert page.locator("#workflow-step").count() == 0  # not the planner's turn
    sign_out(page)

    # 2. The development committee finds it waiting on the home page and returns it.
    login(page, "development_committee")
    assert page.locator("#waiting-count").inner_text() == "1"
    screenshot(page, "workflow-04-committee-home")
    page.click("#home-waiting ~ * a, section[aria-labelledby=home-waiting] li a")
    page.check("input[name=outcome][value=return]")
    page.fill("#id_meeting_number", "2/2551")
    page.fill("#id_meeting_date", "05/12/2551")
    page.fill("#id_text", "ที่ประชุมมีมติให้ปรับปรุงร่างแผนการดำเนินงาน")
    page.fill("#id_comments", "ให้ระบุเดือนที่ดำเนินการให้ครบทุกโครงการ")
    first_row = page.locator("#id_row_0 option").nth(1).get_attribute("value")
    page.select_option("#id_row_0", first_row)
    page.fill("#id_row_0_comment", "ควรดำเนินการในไตรมาสแรก")
    screenshot(page, "workflow-05-committee-returns")
    page.click("main form button[type=submit]")
    assert page.locator("#workflow-returned").is_visible()
    sign_out(page)

    # 3. The planner reads the comments and submits again.
    login(page, "planner")
    page.goto(edition_url)
    returned = page.locator("#workflow-returned").inner_text()
    assert "ให้ระบุเดือนที่ดำเนินการให้ครบทุกโครงการ" in returned
    assert "ควรดำเนินการในไตรมาสแรก" in returned
    screenshot(page, "workflow-06-returned-to-planner")
    page.click("#workflow-step")
    submit_page = page.locator("#submit-returned").inner_text()
    assert "ให้ระบุเดือนที่ดำเนินการให้ครบทุกโครงการ" in submit_page
    assert "ควรดำเนินการในไตรมาสแรก" in submit_page
    screenshot(page, "workflow-06b-submit-after-return")
    page.fill("#id_submitted_on", "06/12/2551")
    page.check("#id_confirmed")
    page.click("main form button[type=submit]")
    sign_out(page)

    # 4. The committee endorses it.
    login(page, "development_committee")
    page.goto(edition_url)
    page.click("#workflow-step")
    page.check("input[name=outcome][value=endorse]")
    page.fill("#id_meeting_number", "3/2551")
    page.fill("#id_meeting_date", "10/12/2551")
    page.fill("#id_text", "ที่ประชุมมีมติเห็นชอบร่างแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2552")
    page.click("main form button[type=submit]")
    assert page.locator(".badge-state").first.inner_text() == "คณะกรรมการพัฒนาให้ความเห็นชอบ"
    screenshot(page, "workflow-07-endorsed")
    sign_out(page)

    # 5. The executive approves, then announces.
    login(page, "executive")
    screenshot(page, "workflow-08-executive-home")
    page.goto(edition_url)
    page.click("#workflow-step")
    page.check("input[name=outcome][value=endorse]")
    page.fill("#id_decided_on", "20/12/2551")
    screenshot(page, "workflow-09-approve-form")
    page.click("main form button[type=submit]")
    page.click("#workflow-step")
    page.fill("#id_number", "45/2551")
    page.fill("#id_announced_on", "25/12/2551")
    page.fill("#id_posting_starts_on", "26/12/2551")
    screenshot(page, "workflow-10-announce-form")
    page.click("main form button[type=submit]")
    assert "9 มกราคม 2552" in page.locator("#confirm-posting-rules").inner_text()
    assert page.locator("#confirm-freeze").is_visible()
    screenshot(page, "workflow-10b-announce-confirm")
    page.click("#confirm-button")
    assert page.locator(".badge-state").first.inner_text() == "ประกาศใช้แล้ว"
    shown = page.locator("#announced-fingerprint").inner_text()  # a short fingerprint
    screenshot(page, "workflow-11-announced")

    # 6. The PDF downloaded is the one announced.
    with page.expect_download() as download:
        page.click("#workflow-announcement a")
    content = open(download.value.path(), "rb").read()
    digest = hashlib.sha256(content).hexdigest()
    assert digest == Announcement.objects.get().sha256 and digest.startswith(shown)
    sign_out(page)

    # 7. Frozen: no edit links, and the edit page of an entry refuses the planner.
    login(page, "planner")
    page.goto(edition_url)
    assert page.get_by_role("link", name="แก้ไข", exact=True).count() == 0
    assert page.get_by_role("link", name="ลบ", exact=True).count() == 0
    assert page.get_by_role("link", name="เพิ่มรายการ").count() == 0
    entry = edition.entries.first()
    response = page.goto(
        f"{live_server.url}/o/{edition.organization.slug}/opsplans/entries/{entry.pk}/edit/"
    )
    assert response.status == 403
    assert "ประกาศใช้แล้ว แก้ไขไม่ได้" in page.content()
    screenshot(page, "workflow-12-frozen-refusal")
    edition.refresh_from_db()
    assert edition.state == EditionState.ANNOUNCED

    # 8. The history page lists every step.
    page.goto(edition_url)
    page.get_by_role("link", name="ประวัติการเปลี่ยนแปลง").click()
    assert page.locator("tr.trail-transition").count() == 6
    screenshot(page, "workflow-13-history")
