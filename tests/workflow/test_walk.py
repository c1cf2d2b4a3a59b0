"""An operational plan built like the demo's FY2552 plan walks from drafting to announced
through the web pages, each step taken by the member whose role names it."""

import hashlib

import pytest
from django.urls import reverse

from localplan.core.models import AuditAction, AuditLog, EditionState, Role
from localplan.opsplan.models import OpsEntry
from localplan.workflow.models import Announcement, Resolution, Step, Transition
from localplan.workflow.queries import announcement_by_sha256, announcement_for
from tests.helpers import visible_text

MEETING = {
    "meeting_number": "3/2551",
    "meeting_date": "10/12/2551",
    "text": "ที่ประชุมมีมติเห็นชอบร่างแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2552",
}


def url(name, edition, **kwargs):
    return reverse(
        f"workflow:{name}",
        kwargs={"org": edition.organization.slug, "document": "ops", "edition_id": edition.pk},
    )


def step(client, name, edition, data):
    response = client.post(url(name, edition), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == edition.get_absolute_url()
    edition.refresh_from_db()
    return edition


def announce_through_pages(edition, as_role, *, returned_once=False):
    planner = as_role(Role.PLANNER)
    page = planner.get(edition.get_absolute_url())
    assert "เสนอร่างเพื่อพิจารณา" in page.content.decode()
    step(planner, "submit", edition, {"submitted_on": "01/12/2551", "confirmed": "on"})
    assert edition.state == EditionState.IN_REVIEW
    committee = as_role(Role.DEVELOPMENT_COMMITTEE)
    if returned_once:
        entry = edition.entries.order_by("code").first()
        step(
            committee,
            "committee",
            edition,
            {
                **MEETING,
                "outcome": "return",
                "meeting_number": "2/2551",
                "meeting_date": "05/12/2551",
                "text": "ที่ประชุมมีมติให้ปรับปรุงร่าง",
                "comments": "ให้ระบุเดือนที่ดำเนินการให้ครบ",
                "row_0": entry.code,
                "row_0_comment": "ควรดำเนินการช่วงต้นปีงบประมาณ",
            },
        )
        assert edition.state == EditionState.RETURNED
        planner = as_role(Role.PLANNER)
        page = visible_text(planner.get(edition.get_absolute_url()))
        assert "ให้ระบุเดือนที่ดำเนินการให้ครบ" in page
        assert "ควรดำเนินการช่วงต้นปีงบประมาณ" in page
        edit = reverse(
            "opsplan:entry_edit", kwargs={"org": edition.organization.slug, "entry_id": entry.pk}
        )
        assert planner.get(edit).status_code == 200  # a returned draft is editable again
        OpsEntry.objects.filter(pk=entry.pk).update(months=0b1111)
        step(planner, "submit", edition, {"submitted_on": "06/12/2551", "confirmed": "on"})
        committee = as_role(Role.DEVELOPMENT_COMMITTEE)
    step(committee, "committee", edition, {**MEETING, "outcome": "endorse"})
    assert edition.state == EditionState.ENDORSED
    executive = as_role(Role.EXECUTIVE)
    step(executive, "decide", edition, {"outcome": "endorse", "decided_on": "20/12/2551"})
    assert edition.state == EditionState.APPROVED
    step(
        executive,
        "announce",
        edition,
        {
            "number": "45/2551",
            "announced_on": "25/12/2551",
            "posting_starts_on": "26/12/2551",
            "signer_name": "นายสมศักดิ์ ใจดี",
            "signer_title": "นายกองค์การบริหารส่วนตำบลผไทรินทร์",
            "confirmed": "1",
        },
    )
    assert edition.state == EditionState.ANNOUNCED
    return edition


def write_attempts(edition):
    """Every staff URL that could change the edition, with the data it would take."""
    org = edition.organization.slug
    entry = edition.entries.first()
    attempts = [
        (reverse("opsplan:entry_new", kwargs={"org": org, "edition_id": edition.pk}), {}),
        (reverse("opsplan:entry_edit", kwargs={"org": org, "entry_id": entry.pk}), {}),
        (reverse("opsplan:entry_delete", kwargs={"org": org, "entry_id": entry.pk}), {}),
    ]
    for name in ("submit", "committee", "council", "decide", "announce"):
        attempts.append((url(name, edition), {"submitted_on": "01/01/2552"}))
    return attempts


def test_the_planner_committee_and_executive_announce_the_plan_through_the_pages(
    ops_edition, as_role, members
):
    announce_through_pages(ops_edition, as_role)
    steps = Transition.objects.filter(ops_edition=ops_edition)
    assert [(s.step, s.user_id) for s in steps] == [
        (Step.SUBMITTED, members[Role.PLANNER].user_id),
        (Step.ENDORSED, members[Role.DEVELOPMENT_COMMITTEE].user_id),
        (Step.APPROVED, members[Role.EXECUTIVE].user_id),
        (Step.ANNOUNCED, members[Role.EXECUTIVE].user_id),
    ]
    announcement = announcement_for(ops_edition)
    assert announcement.number == "45/2551"
    assert announcement.announced_on.isoformat() == "2008-12-25"
    page = as_role(Role.PLANNER).get(ops_edition.get_absolute_url()).content.decode()
    assert announcement.sha256[:8] in page
    assert "25 ธันวาคม 2551" in page
    resolution = Resolution.objects.get()
    assert resolution.meeting_date.isoformat() == "2008-12-10"


def test_after_the_announcement_every_write_path_refuses(ops_edition, as_role):
    announce_through_pages(ops_edition, as_role)
    before = list(OpsEntry.objects.filter(edition=ops_edition).order_by("pk").values())
    steps_before = Transition.objects.count()
    for role in Role:
        client = as_role(role)
        for target, data in write_attempts(ops_edition):
            response = client.post(target, data)
            assert response.status_code in {400, 403}, (role, target, response.status_code)
            body = response.content.decode()
            assert (
                "ประกาศใช้แล้ว" in body
                or "ทำรายการนี้ไม่ได้" in body
                or "ไม่ได้รอ" in body
                or "ยังทำขั้นตอน" in body
            )
    assert list(OpsEntry.objects.filter(edition=ops_edition).order_by("pk").values()) == before
    assert Transition.objects.count() == steps_before
    ops_edition.refresh_from_db()
    assert ops_edition.state == EditionState.ANNOUNCED


def test_a_second_walk_returns_the_draft_once_with_comments_before_endorsing(ops_edition, as_role):
    announce_through_pages(ops_edition, as_role, returned_once=True)
    steps = list(Transition.objects.filter(ops_edition=ops_edition).values_list("step", flat=True))
    assert steps == [
        Step.SUBMITTED,
        Step.RETURNED,
        Step.SUBMITTED,
        Step.ENDORSED,
        Step.APPROVED,
        Step.ANNOUNCED,
    ]
    returned = Transition.objects.get(step=Step.RETURNED)
    assert returned.comments == "ให้ระบุเดือนที่ดำเนินการให้ครบ"
    assert returned.resolution.row_comments[0]["comment"] == "ควรดำเนินการช่วงต้นปีงบประมาณ"
    submissions = Transition.objects.filter(step=Step.SUBMITTED).order_by("at", "id")
    assert submissions[0].content_version != submissions[1].content_version
    assert (
        Transition.objects.get(step=Step.ANNOUNCED).content_version
        == submissions[1].content_version
    )
    trail = AuditLog.objects.filter(action=AuditAction.TRANSITION, object_id=str(ops_edition.pk))
    assert trail.count() == 6
    # The step history says in words whether the content changed since the step before.
    text = visible_text(as_role(Role.PLANNER).get(ops_edition.get_absolute_url()))
    history = text[text.index("ขั้นตอนที่ผ่านมา") :]
    assert history.count("แก้ไขเนื้อหาหลังขั้นตอนก่อนหน้า") == 1
    assert history.count("เนื้อหาเดียวกับขั้นตอนก่อนหน้า") == 4
    assert submissions[1].content_version[:12] not in history


def test_the_downloaded_pdf_is_the_announced_one_and_a_rerender_says_the_same(ops_edition, as_role):
    from localplan.workflow import rendering
    from tests.workflow.pdf import pdf_text, squeeze

    announce_through_pages(ops_edition, as_role)
    announcement = Announcement.objects.get()
    response = as_role(Role.PLANNER).get(url("announced_pdf", ops_edition))
    assert response.status_code == 200
    downloaded = response.content
    assert hashlib.sha256(downloaded).hexdigest() == announcement.sha256
    assert response["X-Content-SHA256"] == announcement.sha256
    assert announcement_by_sha256(announcement.sha256.upper()) == announcement

    again = rendering.official_pdf(ops_edition)
    assert pdf_text(again) == pdf_text(downloaded)
    assert again == downloaded  # the documents app renders the same bytes every time
    assert squeeze(ops_edition.entries.first().name) in pdf_text(downloaded)


@pytest.mark.parametrize("value", ["", "abc", "0" * 63, "g" * 64])
def test_a_malformed_hash_finds_nothing(db, value):
    assert announcement_by_sha256(value) is None
