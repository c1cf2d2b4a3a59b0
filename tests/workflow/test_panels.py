"""What the workflow shows on shared pages: step buttons and history on an edition page,
what waits for each member and the deadlines on the home page; one query at most each."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from localplan.core.models import EditionState, Role
from localplan.core.slots import _registry
from localplan.opsplan.models import OpsEdition
from localplan.workflow import panels
from localplan.workflow.models import Announcement
from tests.factories import OpsEntryFactory
from tests.helpers import visible_text
from tests.workflow.factories import bring_to, dev_plan_edition, operational_plan_like_fy2552


def edition_as_the_page_loads_it(edition):
    return OpsEdition.objects.select_related("plan").get(pk=edition.pk)


@pytest.mark.parametrize(
    "state",
    [EditionState.DRAFTING, EditionState.IN_REVIEW, EditionState.RETURNED, EditionState.ANNOUNCED],
)
@pytest.mark.parametrize("role", [Role.PLANNER, Role.DEVELOPMENT_COMMITTEE, Role.EXECUTIVE])
def test_the_edition_slots_share_one_query_at_most(
    ops_edition, members, django_assert_max_num_queries, state, role
):
    bring_to(ops_edition, state, members)
    edition = edition_as_the_page_loads_it(ops_edition)
    with django_assert_max_num_queries(0 if state == EditionState.DRAFTING else 1):
        panels.step_buttons(members[role], edition)
        panels.step_history(members[role], edition)


@pytest.mark.parametrize("entries", [3, 30])
@pytest.mark.parametrize(
    "state", [EditionState.DRAFTING, EditionState.RETURNED, EditionState.ANNOUNCED]
)
@pytest.mark.parametrize("role", [Role.PLANNER, Role.EXECUTIVE])
def test_the_operational_plan_page_stays_within_ten_queries_in_every_state(
    org, members, as_role, django_assert_max_num_queries, entries, state, role
):
    edition = operational_plan_like_fy2552(org, entries=3)
    for _ in range(entries - 3):
        OpsEntryFactory(edition=edition, plan_project=edition.entries.first().plan_project)
    bring_to(edition, state, members)
    client = as_role(role)
    url = edition.get_absolute_url()
    client.get(url)  # the process's reference lists (แผนงาน) are read once, then cached
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_the_planner_sees_the_submit_button_and_the_executive_does_not(ops_edition, as_role):
    page = as_role(Role.PLANNER).get(ops_edition.get_absolute_url()).content.decode()
    assert 'id="workflow-step"' in page and "เสนอร่างเพื่อพิจารณา" in page
    page = as_role(Role.EXECUTIVE).get(ops_edition.get_absolute_url()).content.decode()
    assert 'id="workflow-step"' not in page


def test_each_reviewer_sees_the_button_for_their_step_only(ops_edition, members, as_role):
    bring_to(ops_edition, EditionState.IN_REVIEW, members)
    for role, shown in [
        (Role.DEVELOPMENT_COMMITTEE, True),
        (Role.COUNCIL_SECRETARY, False),
        (Role.EXECUTIVE, False),
    ]:
        page = as_role(role).get(ops_edition.get_absolute_url()).content.decode()
        assert ('id="workflow-step"' in page) is shown, role


def test_an_announced_edition_shows_its_announcement_and_the_amend_button(
    ops_edition, members, as_role
):
    bring_to(ops_edition, EditionState.ANNOUNCED, members)
    announcement = Announcement.objects.get()
    response = as_role(Role.PLANNER).get(ops_edition.get_absolute_url())
    page, text = response.content.decode(), visible_text(response)
    assert "ประกาศ ที่ 45/2551" in page
    assert "จัดทำฉบับแก้ไข" in page
    # An officer reads the announced PDF's link and a short fingerprint, not hex hashes.
    pdf_url = reverse(
        "workflow:announced_pdf",
        kwargs={
            "org": ops_edition.organization.slug,
            "document": "ops",
            "edition_id": ops_edition.pk,
        },
    )
    assert f'id="announced-pdf" href="{pdf_url}"' in page
    assert f"รหัสตรวจสอบไฟล์ {announcement.sha256[:8]}" in text
    assert not re.search(r"[0-9a-f]{12,}", text)
    assert "เนื้อหาเดียวกับขั้นตอนก่อนหน้า" in text


def test_what_waits_for_each_role_is_counted_on_the_home_page(org, members, as_role):
    draft = operational_plan_like_fy2552(org, entries=3)
    endorsed = dev_plan_edition(org, projects=2)
    bring_to(endorsed, EditionState.ENDORSED, members)  # an อบต.: the council is next
    home = reverse("home", kwargs={"org": org.slug})
    expected = {
        Role.PLANNER: [draft],
        Role.SUPPORT_COMMITTEE: [draft],
        Role.UNIT_STAFF: [draft],
        Role.COUNCIL_SECRETARY: [endorsed],
        Role.EXECUTIVE: [],
        Role.DEVELOPMENT_COMMITTEE: [],
        Role.ME_COMMITTEE: [],
        Role.ORG_ADMIN: [],
    }
    for role, editions in expected.items():
        page = as_role(role).get(home).content.decode()
        assert f'id="waiting-count">{len(editions)}<' in page, role
    bring_to(endorsed, EditionState.COUNCIL_APPROVED, members)
    page = as_role(Role.EXECUTIVE).get(home).content.decode()
    assert 'id="waiting-count">1<' in page
    assert "ผู้บริหารพิจารณาอนุมัติ: <strong>1</strong>" in page


def test_each_home_slot_makes_one_query_at_most(
    ops_edition, members, django_assert_max_num_queries
):
    bring_to(ops_edition, EditionState.ANNOUNCED, members)
    for function in _registry["home"]:
        if function.__module__ != panels.__name__:
            continue
        with django_assert_max_num_queries(1):
            function(members[Role.EXECUTIVE])


def test_a_near_operational_plan_deadline_is_shown_on_the_home_page(org, members, as_role):
    edition = operational_plan_like_fy2552(org, entries=3)
    plan = edition.plan
    plan.budget_announced_on = timezone.localdate() - datetime.timedelta(days=25)
    plan.fiscal_year = 2552
    plan.save()
    home = reverse("home", kwargs={"org": org.slug})
    page = visible_text(as_role(Role.PLANNER).get(home))
    assert "ประกาศใช้แผนการดำเนินงาน ปีงบประมาณ พ.ศ. 2552" not in page  # an old fiscal year
    plan.fiscal_year = panels.fiscal_year_of(timezone.localdate())
    plan.save()
    page = visible_text(as_role(Role.PLANNER).get(home))
    assert f"ประกาศใช้แผนการดำเนินงาน ปีงบประมาณ พ.ศ. {plan.fiscal_year}" in page
    assert "ใกล้ถึงกำหนด" in page and "อีก 5 วัน" in page


def test_posting_deadlines_follow_the_announcement(ops_edition, members, as_role, monkeypatch):
    bring_to(ops_edition, EditionState.ANNOUNCED, members)
    announcement = Announcement.objects.get()
    # The day after the announcement: posting has started, it must stay up 30 days.
    day = announcement.posting_starts_on + datetime.timedelta(days=20)
    monkeypatch.setattr(panels.timezone, "localdate", lambda: day)
    page = as_role(Role.PLANNER).get(reverse("home", kwargs={"org": ops_edition.organization.slug}))
    text = visible_text(page)
    assert "ไว้ไม่น้อยกว่า 30 วัน" in text
    assert "25 มกราคม 2552" in text  # posted 26 ธ.ค. 2551 + 30 days
