"""Announcing freezes the edition for good: the page first shows the number, the dates, the
posting rules and what freezing means, and nothing is written until the executive confirms."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from localplan.core.models import EditionState, Role
from localplan.workflow.models import Announcement, Transition
from tests.helpers import visible_text
from tests.workflow.factories import bring_to

ANNOUNCE = {
    "number": "45/2551",
    "announced_on": "25/12/2551",
    "posting_starts_on": "26/12/2551",
    "signer_name": "นายสมศักดิ์ ใจดี",
    "signer_title": "นายกองค์การบริหารส่วนตำบลผไทรินทร์",
}


@pytest.fixture
def approved(ops_edition, members):
    return bring_to(ops_edition, EditionState.APPROVED, members)


def announce_url(edition):
    return reverse(
        "workflow:announce",
        kwargs={"org": edition.organization.slug, "document": "ops", "edition_id": edition.pk},
    )


def test_the_first_post_shows_what_will_be_frozen_and_writes_nothing(approved, as_role):
    steps = Transition.objects.count()
    response = as_role(Role.EXECUTIVE).post(announce_url(approved), ANNOUNCE)
    assert response.status_code == 200
    text = visible_text(response)
    assert "ตรวจสอบก่อนประกาศใช้" in text
    assert "45/2551" in text and "25 ธันวาคม 2551" in text and "26 ธันวาคม 2551" in text
    assert "ภายใน 15 วันนับจากวันประกาศ คือภายในวันที่ 9 มกราคม 2552" in text
    assert "ไม่น้อยกว่า 30 วัน คือจนถึงวันที่ 25 มกราคม 2552" in text
    assert "แก้ไข เพิ่ม หรือลบโครงการ/รายการในฉบับนี้ไม่ได้อีก" in text
    assert "ต้องทำเป็นฉบับแก้ไข" in text
    assert 'name="confirmed"' in response.content.decode()
    approved.refresh_from_db()
    assert approved.state == EditionState.APPROVED
    assert Transition.objects.count() == steps and not Announcement.objects.exists()


def test_confirming_announces(approved, as_role):
    response = as_role(Role.EXECUTIVE).post(announce_url(approved), {**ANNOUNCE, "confirmed": "1"})
    assert response.status_code == 302
    approved.refresh_from_db()
    assert approved.state == EditionState.ANNOUNCED
    assert Announcement.objects.get().number == "45/2551"


def test_going_back_to_edit_keeps_what_was_typed_and_writes_nothing(approved, as_role):
    response = as_role(Role.EXECUTIVE).post(announce_url(approved), {**ANNOUNCE, "edit": "1"})
    page = response.content.decode()
    assert 'name="confirmed"' not in page and 'value="45/2551"' in page
    approved.refresh_from_db()
    assert approved.state == EditionState.APPROVED


def test_a_late_posting_is_shown_as_late_before_it_is_recorded(approved, as_role):
    """domain.md §7: the 15 days are shown, not enforced: the confirmation names the field
    and the days late; confirmed, the posting is recorded as late."""
    late = {**ANNOUNCE, "posting_starts_on": "12/01/2552"}
    text = visible_text(as_role(Role.EXECUTIVE).post(announce_url(approved), late))
    assert "วันที่เริ่มปิดประกาศ (12 มกราคม 2552) เกินกำหนด 15 วันนับจากวันประกาศ" in text
    assert "ไป 3 วัน" in text
    assert not Announcement.objects.exists()
    as_role(Role.EXECUTIVE).post(announce_url(approved), {**late, "confirmed": "1"})
    assert Announcement.objects.get().posted_late


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"posting_starts_on": "24/12/2551"}, "posting_starts_on", "ต้องไม่ก่อนวันที่ประกาศ"),
        ({"announced_on": "NEXT_YEAR"}, "announced_on", "ต้องไม่เป็นวันในอนาคต"),
        ({"announced_on": "15/12/2551", "posting_starts_on": "16/12/2551"}, "announced_on",
         "ต้องไม่ก่อนขั้นตอนก่อนหน้า"),
        ({"number": "  "}, "number", ""),
    ],
)  # fmt: skip
def test_impossible_dates_are_refused_on_the_form_before_any_confirmation(
    approved, as_role, change, field, message
):
    if change.get("announced_on") == "NEXT_YEAR":
        next_year = timezone.localdate() + datetime.timedelta(days=365)
        day = f"{next_year:%d/%m}/{next_year.year + 543}"
        change = {"announced_on": day, "posting_starts_on": day}
    for extra in ({}, {"confirmed": "1"}):
        response = as_role(Role.EXECUTIVE).post(
            announce_url(approved), {**ANNOUNCE, **change, **extra}
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert 'name="confirmed"' not in page
        assert message in visible_text(response)
        assert f'id="id_{field}_errors"' in page
    approved.refresh_from_db()
    assert approved.state == EditionState.APPROVED and not Announcement.objects.exists()
