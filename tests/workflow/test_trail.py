"""The audit trail of an edition and of a project across editions: who, when, old → new;
read-only pages."""

import re
from decimal import Decimal

from django.urls import reverse

from localplan.core.models import AmendmentKind, EditionState, Role
from localplan.devplan.services import save_plan_project
from localplan.workflow import services
from localplan.workflow.models import Announcement
from tests.helpers import visible_text
from tests.workflow.factories import bring_to


def test_the_edition_trail_lists_every_step_with_who_and_the_states(ops_edition, members, as_role):
    bring_to(ops_edition, EditionState.ANNOUNCED, members)
    url = reverse(
        "workflow:edition_trail",
        kwargs={
            "org": ops_edition.organization.slug,
            "document": "ops",
            "edition_id": ops_edition.pk,
        },
    )
    response = as_role(Role.UNIT_STAFF).get(url)
    page, text = response.content.decode(), visible_text(response)
    assert page.count('class="trail-transition"') == 4
    assert "ร่าง → เสนอคณะกรรมการพัฒนา" in text
    assert "ผู้บริหารอนุมัติ → ประกาศใช้แล้ว" in text
    assert members[Role.EXECUTIVE].user.last_name in text
    assert "45/2551" in text  # the announcement's number, among the step's inputs
    entry = ops_edition.entries.first()
    assert entry.name in text  # the rows' creation is in the edition's trail too
    # no hex hashes for a person to read: the announced file by a short fingerprint only
    assert not re.search(r"[0-9a-f]{12,}", text)
    sha256 = Announcement.objects.get().sha256
    assert f"รหัสตรวจสอบไฟล์ที่ประกาศ: {sha256[:8]}" in text


def test_the_project_trail_follows_its_code_across_editions(dev_edition, members, as_role):
    bring_to(dev_edition, EditionState.ANNOUNCED, members)
    amendment = services.start_amendment(
        edition=dev_edition,
        by=members[Role.PLANNER],
        kind=AmendmentKind.CHANGE,
        sequence_year=2552,
        reason="ปรับงบประมาณ",
    )
    project = amendment.projects.order_by("code").first()
    project.reason = "ราคาวัสดุสูงขึ้น"
    save_plan_project(
        project=project,
        by=members[Role.PLANNER],
        budgets={2552: Decimal("100000"), 2553: Decimal("120000"), 2554: Decimal("100000")},
    )
    url = reverse(
        "workflow:project_trail",
        kwargs={"org": dev_edition.organization.slug, "code": project.code},
    )
    response = as_role(Role.EXECUTIVE).get(url)
    page, text = response.content.decode(), visible_text(response)
    assert dev_edition.get_absolute_url() in page and amendment.get_absolute_url() in page
    assert "100000.00 → 120000.00" in text  # the budget of 2553, old → new
    assert "เหตุผลความจำเป็น" in text and "ราคาวัสดุสูงขึ้น" in text
    assert page.count('class="trail-create"') >= 2  # in the original and in the amendment
    assert f"คัดลอกจากฉบับ: {dev_edition}" in text


def test_the_trail_pages_change_nothing(ops_edition, as_role):
    org = ops_edition.organization.slug
    code = ops_edition.entries.first().plan_project.code
    client = as_role(Role.ORG_ADMIN)
    for url in (
        reverse(
            "workflow:edition_trail",
            kwargs={"org": org, "document": "ops", "edition_id": ops_edition.pk},
        ),
        reverse("workflow:project_trail", kwargs={"org": org, "code": code}),
    ):
        assert client.post(url, {"delete": "1"}).status_code == 405
        page = client.get(url).content.decode()
        content = page[page.index("<main") : page.index("</main>")]
        assert "<form" not in content


def test_an_unknown_project_code_is_404(ops_edition, as_role):
    url = reverse(
        "workflow:project_trail", kwargs={"org": ops_edition.organization.slug, "code": "P9999"}
    )
    assert as_role(Role.PLANNER).get(url).status_code == 404


def test_a_long_trail_is_paginated(ops_edition, as_role):
    from localplan.core.audit import record

    for index in range(120):
        record(ops_edition, "update", {"note": [index, index + 1]})
    url = reverse(
        "workflow:edition_trail",
        kwargs={
            "org": ops_edition.organization.slug,
            "document": "ops",
            "edition_id": ops_edition.pk,
        },
    )
    client = as_role(Role.PLANNER)
    first = client.get(url).content.decode()
    assert first.count('<tr class="trail-') == 100
    second = client.get(url + "?page=2").content.decode()
    assert second.count('<tr class="trail-') > 20


def test_the_trail_dates_an_early_morning_change_by_the_bangkok_day(ops_edition, as_role):
    """A change at 06:30 in Bangkok (23:30 UTC the day before) is listed under its Bangkok day."""
    import datetime
    from unittest import mock

    from localplan.core.audit import record

    moment = datetime.datetime(2026, 12, 2, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        record(ops_edition, "update", {"note": [1, 2]})
    url = reverse(
        "workflow:edition_trail",
        kwargs={
            "org": ops_edition.organization.slug,
            "document": "ops",
            "edition_id": ops_edition.pk,
        },
    )
    text = visible_text(as_role(Role.PLANNER).get(url))
    assert "3 ธ.ค. 2569 06:30" in text
    assert "2 ธ.ค. 2569" not in text
