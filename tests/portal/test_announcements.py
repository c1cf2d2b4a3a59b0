"""The announced PDF beside each public edition, "check your copy", and the deadlines an
organization met or missed."""

import datetime
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from localplan.core.models import AmendmentKind, EditionState
from localplan.portal import forms as portal_forms
from localplan.workflow.models import Announcement
from tests.factories import OpsEditionFactory
from tests.helpers import visible_text
from tests.portal.factories import announce, set_state

pytestmark = pytest.mark.django_db


def url(name, edition, **kwargs):
    return reverse(f"portal:{name}", kwargs={"org": "phairin", "edition_id": edition.pk, **kwargs})


def stored(edition) -> Announcement:
    return Announcement.objects.get(ops_edition=edition)


def superseded_by_correction(announced, *, announced_on=datetime.date(2009, 1, 10)):
    correction = OpsEditionFactory(
        plan=announced.plan, kind=AmendmentKind.CORRECTION, sequence=1, sequence_year=2552,
        state=EditionState.ANNOUNCED, based_on=announced,
    )  # fmt: skip
    announce(correction, number="3/2552", announced_on=announced_on)
    set_state(announced, EditionState.SUPERSEDED)
    return correction


def test_the_edition_page_shows_the_announcement_and_the_hash_of_its_pdf(client, announced):
    announcement = stored(announced)
    response = client.get(url("ops_edition", announced))
    text = visible_text(response)
    assert "ประกาศเลขที่ 15/2551" in text
    assert "ประกาศ ณ วันที่ 15 ตุลาคม 2551" in text
    assert f'id="announced-sha256" class="sha">{announcement.sha256}<' in response.content.decode()
    assert url("ops_pdf", announced) in response.content.decode()


def test_the_announced_pdf_is_the_stored_bytes_with_their_hash_as_etag(client, announced):
    announcement = stored(announced)
    response = client.get(url("ops_pdf", announced))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert hashlib.sha256(response.content).hexdigest() == announcement.sha256
    assert response["ETag"] == f'"{announcement.sha256}"'
    assert "immutable" in response["Cache-Control"]
    again = client.get(url("ops_pdf", announced), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_the_development_plans_pdf_is_its_own(client, announced, dev_edition):
    response = client.get(url("dev_pdf", dev_edition))
    expected = Announcement.objects.get(dev_edition=dev_edition).sha256
    assert hashlib.sha256(response.content).hexdigest() == expected


def test_an_edition_without_a_stored_announcement_has_no_pdf(client, announced):
    """Editions entered before the workflow kept announcements: public, without a PDF."""
    Announcement.objects.filter(ops_edition=announced).delete()
    assert client.get(url("ops_pdf", announced)).status_code == 404
    page = client.get(url("ops_edition", announced)).content.decode()
    assert 'id="announced-pdf"' not in page


def test_the_api_and_the_index_give_the_hash_and_the_pdf_address(client, announced):
    sha = stored(announced).sha256
    record = client.get(f"/api/v1/editions/ops/{announced.pk}").json()
    assert record["announcement"]["sha256"] == sha
    assert record["announcement"]["number"] == "15/2551"
    assert record["announcement"]["pdf"] == url("ops_pdf", announced)
    listed = client.get("/api/v1/editions", {"kind": "ops"}).json()["items"]
    assert [item["announcement"]["sha256"] for item in listed] == [sha]
    index = client.get(reverse("portal:editions_index")).json()
    by_id = {(e["kind"], e["id"]): e for e in index["editions"]}
    assert by_id[("ops", announced.pk)]["announcement"]["sha256"] == sha


# ---------------------------------------------------------------- check your copy


def check(client, **data):
    return client.post(reverse("portal:verify"), data)


def test_an_uploaded_copy_of_the_announced_pdf_is_recognised_as_in_force(client, announced):
    pdf = bytes(stored(announced).pdf)
    response = check(client, document=SimpleUploadedFile("plan.pdf", pdf, "application/pdf"))
    text = visible_text(response)
    assert response.status_code == 200
    assert "ตรงกับเอกสารที่ประกาศแล้ว" in text
    assert "องค์การบริหารส่วนตำบลผไทรินทร์" in text
    assert "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2552" in text
    assert "15/2551" in text
    assert "เป็นฉบับที่ใช้อยู่ในปัจจุบัน" in text


def test_a_copy_changed_by_one_byte_is_not_recognised(client, announced):
    pdf = bytes(stored(announced).pdf) + b" "
    response = check(client, document=SimpleUploadedFile("plan.pdf", pdf, "application/pdf"))
    text = visible_text(response)
    assert "ไม่ตรงกับเอกสารที่ประกาศใดๆ" in text
    assert hashlib.sha256(pdf).hexdigest() in text
    assert "ตรงกับเอกสารที่ประกาศแล้ว" not in text.replace("ไม่ตรงกับ", "")


def test_a_pasted_hash_in_capitals_with_spaces_is_recognised(client, announced):
    sha = stored(announced).sha256
    pasted = " ".join(sha[i : i + 8] for i in range(0, 64, 8)).upper()
    assert "ตรงกับเอกสารที่ประกาศแล้ว" in visible_text(check(client, sha256=pasted))


def test_a_hash_in_the_address_can_be_shared(client, announced):
    sha = stored(announced).sha256
    response = client.get(reverse("portal:verify"), {"sha256": sha})
    assert "เป็นฉบับที่ใช้อยู่ในปัจจุบัน" in visible_text(response)


def test_a_superseded_copy_says_so_and_links_to_the_edition_in_force(client, announced):
    sha = stored(announced).sha256
    correction = superseded_by_correction(announced)
    response = check(client, sha256=sha)
    assert "ฉบับนี้ถูกแทนที่ด้วยฉบับใหม่แล้ว" in visible_text(response)
    assert url("ops_edition", correction) in response.content.decode()
    assert "เป็นฉบับที่ใช้อยู่ในปัจจุบัน" not in visible_text(response)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "เลือกไฟล์ PDF หรือวางค่า SHA-256 อย่างใดอย่างหนึ่ง"),
        ({"sha256": "abc"}, "หรือค่า SHA-256 ของไฟล์: ค่า SHA-256 ต้องเป็นตัวเลขฐานสิบหก"),
        ({"sha256": "g" * 64}, "ค่า SHA-256 ต้องเป็นตัวเลขฐานสิบหก"),
        ({"sha256": "\x00" * 64}, "หรือค่า SHA-256 ของไฟล์:"),
    ],
)
def test_bad_input_gets_a_message_naming_the_field(client, announced, data, message):
    response = check(client, **data)
    assert response.status_code == 400
    assert message in visible_text(response)
    assert 'id="check-result"' not in response.content.decode()


def test_a_file_over_the_limit_is_refused(client, announced, monkeypatch):
    monkeypatch.setattr(portal_forms, "CHECK_MAX_BYTES", 1024 * 1024)
    big = SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * (1024 * 1024), "application/pdf")
    response = check(client, document=big)
    assert response.status_code == 400
    assert "ไฟล์ PDF ที่ท่านถืออยู่: ไฟล์ใหญ่เกิน 1 MB" in visible_text(response)
    assert "ไฟล์ใหญ่เกิน 1 MB" in visible_text(response)


def test_the_check_page_speaks_english_too(client, announced):
    response = client.post(reverse("portal:verify"), {"sha256": "abc"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "SHA-256" in visible_text(response)
    assert "ค่า SHA-256 ต้องเป็น" not in visible_text(response)


# ---------------------------------------------------------------- deadlines


def test_the_organization_page_shows_a_deadline_met(client, announced):
    text = visible_text(client.get("/p/phairin/"))
    # Ordinance 20 Sep 2008 → due 20 Oct 2008; announced 15 Oct; posted the next day.
    assert "ทันกำหนด ประกาศใช้แผนการดำเนินงาน ปีงบประมาณ พ.ศ. 2552" in text
    assert "กำหนด 20 ตุลาคม 2551 · ดำเนินการเมื่อ 15 ตุลาคม 2551" in text
    assert "เกินกำหนด" not in text


def test_the_organization_page_shows_deadlines_missed(client, org):
    from tests.portal.factories import announced_operational_plan

    edition = announced_operational_plan(org, state=EditionState.SUPERSEDED)
    Announcement.objects.filter(ops_edition=edition).delete()
    announce(
        edition,
        announced_on=datetime.date(2008, 11, 30),
        posting_starts_on=datetime.date(2008, 12, 31),
    )
    text = visible_text(client.get("/p/phairin/"))
    assert "เกินกำหนด ประกาศใช้แผนการดำเนินงาน ปีงบประมาณ พ.ศ. 2552" in text
    assert "ดำเนินการเมื่อ 30 พฤศจิกายน 2551" in text
    assert "เกินกำหนด ปิดประกาศ" in text
    assert "ดำเนินการเมื่อ 31 ธันวาคม 2551" in text


def test_deadlines_read_in_english_too(client, announced):
    text = visible_text(client.get("/p/phairin/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "On time" in text
    assert "Due 20 October B.E. 2551 (2008) · done 15 October B.E. 2551 (2008)" in text
