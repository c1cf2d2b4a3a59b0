"""Months for many entries at once, from the operational plan page."""

import pytest
from django.urls import reverse

from localplan.core.models import AuditLog, EditionState, Role
from localplan.opsplan.models import OpsEntry
from tests.factories import (
    DevPlanEditionFactory,
    MembershipFactory,
    OpsEditionFactory,
    OpsEntryFactory,
    UnitFactory,
)
from tests.helpers import visible_text

OCT_NOV_DEC = 0b111  # the factory's months
JAN_FEB_MAR = 0b111000


@pytest.fixture
def edition(org):
    return OpsEditionFactory(plan__organization=org, plan__fiscal_year=2552)


@pytest.fixture
def dev_edition(org):
    return DevPlanEditionFactory(plan__organization=org)


@pytest.fixture
def entries(edition, dev_edition):
    return [OpsEntryFactory(edition=edition, plan_project__edition=dev_edition) for _ in range(3)]


def months_url(edition):
    return reverse(
        "opsplan:entry_months_edit",
        kwargs={"org": edition.organization.slug, "edition_id": edition.pk},
    )


def months_of(entries):
    return [OpsEntry.objects.get(pk=entry.pk).months for entry in entries]


def test_the_planner_sets_the_months_of_the_ticked_entries_in_one_step(
    edition, entries, planner_client
):
    response = planner_client.post(
        months_url(edition),
        {"entries": [entries[0].pk, entries[2].pk], "months": ["4", "5", "6"]},
        follow=True,
    )
    assert response.status_code == 200
    assert months_of(entries) == [JAN_FEB_MAR, OCT_NOV_DEC, JAN_FEB_MAR]
    assert "กำหนดเดือนที่ดำเนินการ (ม.ค., ก.พ., มี.ค.) ให้ 2 รายการแล้ว" in visible_text(response)
    # audited like a single edit: one update row per entry, months by name
    logged = AuditLog.objects.filter(model="opsplan.opsentry", action="update")
    assert sorted(int(row.object_id) for row in logged) == sorted([entries[0].pk, entries[2].pk])
    assert all(
        row.changes == {"months": ["ต.ค., พ.ย., ธ.ค.", "ม.ค., ก.พ., มี.ค."]} for row in logged
    )


def test_the_plan_page_offers_the_control_and_a_box_per_entry(edition, entries, planner_client):
    url = edition.get_absolute_url()
    html = planner_client.get(url).content.decode()
    assert f'action="{months_url(edition)}"' in html
    assert html.count('name="entries"') == 3
    assert 'id="bulk-months-picker"' in html


def test_nothing_ticked_or_no_month_is_refused_in_thai_and_changes_nothing(
    edition, entries, planner_client
):
    response = planner_client.post(months_url(edition), {"months": ["4"]}, follow=True)
    assert "เลือกรายการอย่างน้อยหนึ่งรายการ" in visible_text(response)
    response = planner_client.post(months_url(edition), {"entries": [entries[0].pk]}, follow=True)
    assert "เดือนที่ดำเนินการ (ต.ค. 2551 – ก.ย. 2552): เลือกอย่างน้อยหนึ่งเดือน" in visible_text(response)
    response = planner_client.post(
        months_url(edition), {"entries": [entries[0].pk], "months": ["13"]}, follow=True
    )
    assert "ไม่อยู่ในปีงบประมาณ" in visible_text(response)
    assert months_of(entries) == [OCT_NOV_DEC] * 3
    assert not AuditLog.objects.filter(action="update").exists()


def test_an_entry_of_another_edition_or_organization_refuses_the_whole_step(
    edition, entries, org, other_org, dev_edition, planner_client
):
    other_edition_entry = OpsEntryFactory(
        edition__plan__organization=org,
        edition__plan__fiscal_year=2553,
        plan_project__edition=dev_edition,
    )
    theirs = OpsEntryFactory(edition__plan__organization=other_org)
    for stranger in (other_edition_entry, theirs):
        response = planner_client.post(
            months_url(edition),
            {"entries": [entries[0].pk, stranger.pk], "months": ["4"]},
            follow=True,
        )
        assert "รายการที่เลือกไม่อยู่ในแผนฉบับนี้" in visible_text(response)
    assert months_of([*entries, other_edition_entry, theirs]) == [OCT_NOV_DEC] * 5


@pytest.mark.parametrize("state", [EditionState.ANNOUNCED, EditionState.IN_REVIEW])
def test_a_frozen_or_reviewed_edition_refuses(state, edition, entries, planner_client):
    edition.state = state
    edition.save()
    response = planner_client.post(
        months_url(edition), {"entries": [entries[0].pk], "months": ["4"]}
    )
    assert response.status_code == 403
    assert "แก้ไขไม่ได้" in response.content.decode()
    assert months_of(entries) == [OCT_NOV_DEC] * 3
    assert 'name="entries"' not in planner_client.get(edition.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", [Role.EXECUTIVE, Role.DEVELOPMENT_COMMITTEE, Role.ME_COMMITTEE])
def test_roles_that_may_not_edit_are_refused(role, edition, entries, member_client):
    client = member_client(MembershipFactory(organization=edition.organization, role=role))
    response = client.post(months_url(edition), {"entries": [entries[0].pk], "months": ["4"]})
    assert response.status_code == 403
    assert months_of(entries) == [OCT_NOV_DEC] * 3
    assert 'name="entries"' not in client.get(edition.get_absolute_url()).content.decode()


def test_unit_staff_set_their_units_entries_only_and_all_or_nothing(
    org, edition, entries, dev_edition, member_client
):
    unit = UnitFactory(organization=org, name="กองช่าง")
    mine = OpsEntryFactory(edition=edition, unit=unit, plan_project__edition=dev_edition)
    staff = MembershipFactory(organization=org, role=Role.UNIT_STAFF, unit=unit)
    client = member_client(staff)
    html = client.get(edition.get_absolute_url()).content.decode()
    assert html.count('name="entries"') == 1 and f'value="{mine.pk}"' in html
    response = client.post(
        months_url(edition), {"entries": [mine.pk, entries[0].pk], "months": ["4"]}
    )
    assert response.status_code == 403
    assert months_of([mine, entries[0]]) == [OCT_NOV_DEC, OCT_NOV_DEC], "all or nothing"
    response = client.post(months_url(edition), {"entries": [mine.pk], "months": ["4"]})
    assert response.status_code == 302
    assert months_of([mine]) == [0b1000]


def test_a_get_goes_back_to_the_plan_page(edition, planner_client):
    response = planner_client.get(months_url(edition))
    assert response.status_code == 302 and response["Location"] == edition.get_absolute_url()
