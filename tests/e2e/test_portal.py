"""A citizen reads the announced plan on a phone and on a desktop, with screenshots."""

import hashlib

import pytest
from django.core.cache import cache

from tests.portal.factories import announced_operational_plan, draft_amendment

VIEWPORTS = {"phone": (360, 800), "desktop": (1366, 768)}


@pytest.fixture
def plan(transactional_db, org):
    cache.clear()
    edition = announced_operational_plan(org)
    draft_amendment(edition)
    return edition


def test_a_citizen_finds_reads_searches_and_downloads_the_plan(
    plan, live_server, browser, screenshot
):
    # One test for both sizes: a live-server test empties the database after it, reference
    # lists from migrations included.
    for device, (width, height) in VIEWPORTS.items():
        read_on(device, width, height, live_server, browser, screenshot)


def read_on(device, width, height, live_server, browser, screenshot):
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="th-TH", accept_downloads=True
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    page.fill("#id_q", "ผไทรินทร์")
    page.click("button[type=submit]")
    screenshot(page, f"portal-{device}-index")
    page.click("text=องค์การบริหารส่วนตำบลผไทรินทร์")
    assert page.url.endswith("/p/phairin/")
    screenshot(page, f"portal-{device}-organization")
    page.click("text=อ่านฉบับที่ใช้อยู่")
    assert page.locator("h1").inner_text() == "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2552"
    assert page.locator("#grand-total").inner_text() == "2,170,000.50"
    # The page itself never scrolls sideways; the wide table scrolls inside its box.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"portal-{device}-edition")

    page.fill("#id_q", "ถนน")
    page.click("form[role=search] button[type=submit]")
    names = page.locator("tr.entry-row td.col-name a").all_inner_texts()
    assert names == [
        "ก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองบัว",
        "ซ่อมสร้างถนนลาดยางสายหนองบัว–โคกเพชร",
    ]
    assert page.locator("text=โครงการลับ").count() == 0
    screenshot(page, f"portal-{device}-search")

    with page.expect_download() as download_info:
        page.click("text=CSV")
    data = open(download_info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "ก่อสร้างถนนคอนกรีตเสริมเหล็ก".encode() in data

    # The announced PDF, fetched as the browser would, has the hash printed beside its link.
    shown_hash = page.locator("#announced-sha256").inner_text()
    pdf = page.request.get(live_server.url + page.locator("#announced-pdf").get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"
    assert hashlib.sha256(pdf.body()).hexdigest() == shown_hash

    # Anyone can check a copy: upload the file, learn which announcement it is.
    page.click("text=ตรวจสอบเอกสารที่ท่านถืออยู่")
    page.set_input_files(
        "#id_document",
        files=[{"name": "plan.pdf", "mimeType": "application/pdf", "buffer": pdf.body()}],
    )
    page.click("main button[type=submit]")
    assert "ตรงกับเอกสารที่ประกาศแล้ว" in page.locator("#check-result").inner_text()
    assert page.locator("#check-in-force").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"portal-{device}-check")
    context.close()
