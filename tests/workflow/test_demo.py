"""The demo after `localplan load_demo`: its plans went through the workflow as the seed's
organization would have taken them (workflow/demo.py). Loaded once for the module inside a
transaction rolled back at the end."""

import datetime
import hashlib

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from localplan.core.demo import load_demo
from localplan.core.models import AmendmentKind, EditionState, Organization, Role
from localplan.core.thai_calendar import fiscal_year_of
from localplan.devplan.models import DevPlan
from localplan.devplan.queries import current_edition
from localplan.opsplan.models import OperationalPlan
from localplan.workflow.compare import compare_editions
from localplan.workflow.demo import PHAIRIN_ADDITION
from localplan.workflow.models import Announcement, Step, Transition
from tests.helpers import visible_text
from tests.workflow.pdf import pdf_text, squeeze

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]

STEP_ROLES = {
    Step.AMENDMENT_STARTED: {Role.PLANNER, Role.SUPPORT_COMMITTEE},
    Step.SUBMITTED: {Role.PLANNER, Role.SUPPORT_COMMITTEE},
    Step.ENDORSED: {Role.DEVELOPMENT_COMMITTEE},
    Step.RETURNED: {Role.DEVELOPMENT_COMMITTEE, Role.COUNCIL_SECRETARY, Role.EXECUTIVE},
    Step.COUNCIL_APPROVED: {Role.COUNCIL_SECRETARY},
    Step.APPROVED: {Role.EXECUTIVE},
    Step.ANNOUNCED: {Role.EXECUTIVE},
    Step.SUPERSEDED: {Role.EXECUTIVE},
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    hasher = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=hasher):
        with transaction.atomic():
            load_demo()
            yield
            transaction.set_rollback(True)


@pytest.fixture
def phairin(demo, db):
    return Organization.objects.get(slug="phairin")


def steps(edition):
    field = "dev_edition" if isinstance(edition.plan, DevPlan) else "ops_edition"
    return list(Transition.objects.filter(**{field: edition}).values_list("step", flat=True))


def ops_edition(org, fiscal_year):
    return OperationalPlan.objects.get(organization=org, fiscal_year=fiscal_year).editions.get()


def test_the_three_year_plan_and_its_addition_went_through_committee_and_council(phairin):
    plan = DevPlan.objects.get(organization=phairin)
    original, addition = plan.editions.order_by("created_at", "id")
    assert original.state == EditionState.SUPERSEDED
    assert (addition.state, addition.label) == (EditionState.ANNOUNCED, "เพิ่มเติม ครั้งที่ 1/2552")
    assert current_edition(plan) == addition
    assert steps(original) == [
        Step.SUBMITTED,
        Step.ENDORSED,
        Step.COUNCIL_APPROVED,
        Step.APPROVED,
        Step.ANNOUNCED,
        Step.SUPERSEDED,
    ]
    assert steps(addition)[0] == Step.AMENDMENT_STARTED
    assert Step.COUNCIL_APPROVED in steps(addition)


def test_the_addition_adds_three_projects_and_changes_one_with_reasons(phairin):
    plan = DevPlan.objects.get(organization=phairin)
    original, addition = plan.editions.order_by("created_at", "id")
    comparison = compare_editions(original, addition)
    added = {(row.name, row.reason) for row in comparison.added}
    assert added == {(spec["name"], spec["reason"]) for spec in PHAIRIN_ADDITION.added}
    [changed] = comparison.changed
    assert changed.name == PHAIRIN_ADDITION.changed["name"]
    assert changed.reason == PHAIRIN_ADDITION.changed["reason"]
    assert not comparison.removed


def test_the_fy2552_operational_plan_was_announced_on_25_december_2551(phairin):
    edition = ops_edition(phairin, 2552)
    assert edition.state == EditionState.ANNOUNCED
    assert steps(edition) == [Step.SUBMITTED, Step.ENDORSED, Step.APPROVED, Step.ANNOUNCED]
    announcement = Announcement.objects.get(ops_edition=edition)
    assert (announcement.number, announcement.announced_on.isoformat()) == ("45/2551", "2008-12-25")
    assert announcement.signer_title == "นายกองค์การบริหารส่วนตำบลผไทรินทร์"
    pdf = bytes(announcement.pdf)
    assert hashlib.sha256(pdf).hexdigest() == announcement.sha256
    text = pdf_text(pdf)
    assert "ผด.02" in text and squeeze("ขุดลอกหนองสิ บ้านผไท หมู่ที่ 1") in text


def test_the_fy2553_operational_plan_was_returned_with_comments(phairin):
    edition = ops_edition(phairin, 2553)
    assert edition.state == EditionState.RETURNED and edition.is_editable
    assert steps(edition) == [Step.SUBMITTED, Step.RETURNED]
    returned = Transition.objects.get(ops_edition=edition, step=Step.RETURNED)
    assert "ร่างยังขาดโครงการ" in returned.comments
    [row_comment] = returned.resolution.row_comments
    assert row_comment["code"] == edition.entries.get(number=1).code


def test_the_municipality_announced_its_five_year_plan_without_the_council(demo, db):
    nongbua = Organization.objects.get(slug="nongbua")
    edition = DevPlan.objects.get(organization=nongbua).editions.get()
    assert steps(edition) == [Step.SUBMITTED, Step.ENDORSED, Step.APPROVED, Step.ANNOUNCED]
    assert Announcement.objects.filter(dev_edition=edition).exists()
    draft = ops_edition(nongbua, fiscal_year_of(timezone.localdate()))
    assert draft.state == EditionState.DRAFTING and steps(draft) == []


def test_every_step_was_taken_by_the_role_named_for_it(demo, db):
    taken = Transition.objects.values_list("step", "actor_role")
    assert taken
    for step, role in taken:
        assert role in STEP_ROLES[step], (step, role)


def test_every_announced_edition_has_its_stored_pdf(demo, db):
    announcements = Announcement.objects.all()
    assert announcements.count() == 4
    for announcement in announcements:
        assert hashlib.sha256(bytes(announcement.pdf)).hexdigest() == announcement.sha256
        assert announcement.edition.state in {EditionState.ANNOUNCED, EditionState.SUPERSEDED}


def test_the_demo_pages_show_the_workflow(phairin, client):
    client.login(username="planner", password="demo1234")
    home = visible_text(client.get(reverse("home", kwargs={"org": "phairin"})))
    assert "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2553" in home  # returned: the planner's turn
    page = client.get(ops_edition(phairin, 2553).get_absolute_url()).content.decode()
    assert 'id="workflow-returned"' in page
    announced = client.get(ops_edition(phairin, 2552).get_absolute_url()).content.decode()
    assert Announcement.objects.get(ops_edition__plan__fiscal_year=2552).sha256 in announced
    addition = current_edition(DevPlan.objects.get(organization=phairin))
    assert addition.kind == AmendmentKind.ADDITION
    compare = reverse(
        "workflow:compare",
        kwargs={
            "org": "phairin",
            "document": "dev",
            "old_id": addition.based_on_id,
            "new_id": addition.pk,
        },
    )
    assert client.get(compare).content.decode().count('class="compare-added"') == 3


def test_the_municipalitys_plan_of_this_fiscal_year_has_a_live_deadline(demo, db, client):
    """Its operational plan is the current fiscal year's (FY2570 on 3 December 2026) and
    its budget ordinance was announced days ago: the 30 days run now."""
    today = timezone.localdate()
    nongbua = Organization.objects.get(slug="nongbua")
    plan = OperationalPlan.objects.get(organization=nongbua)
    assert plan.fiscal_year == fiscal_year_of(today)
    assert today < plan.due_on <= today + datetime.timedelta(days=30)
    dev_plan = DevPlan.objects.get(organization=nongbua)
    assert dev_plan.first_fiscal_year <= plan.fiscal_year <= dev_plan.last_fiscal_year
    announced = Announcement.objects.get(dev_edition__plan=dev_plan).announced_on
    assert announced < datetime.date(dev_plan.first_fiscal_year - 543 - 1, 10, 1)
    client.login(username="tb-planner", password="demo1234")
    home = visible_text(client.get(reverse("home", kwargs={"org": "nongbua"})))
    assert f"ประกาศใช้แผนการดำเนินงาน ปีงบประมาณ พ.ศ. {plan.fiscal_year}" in home
    assert "ใกล้ถึงกำหนด" in home and "เลยกำหนดแล้ว" not in home


def test_the_seeds_deadlines_read_as_history_not_as_overdue_today(phairin, client):
    client.login(username="planner", password="demo1234")
    announced = visible_text(client.get(ops_edition(phairin, 2552).get_absolute_url()))
    assert "ทันกำหนด ดำเนินการเมื่อ 25 ธันวาคม 2551" in announced
    returned = visible_text(client.get(ops_edition(phairin, 2553).get_absolute_url()))
    assert "ไม่ได้ดำเนินการภายในกำหนด" in returned
    assert "เลยกำหนด" not in returned
