"""The operational plan drafted automatically from the announced plan and the budget."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from localplan.budget.models import DraftMark
from localplan.budget.services.draft import apply_draft, preview_draft
from localplan.core.models import AuditLog, EditionState
from localplan.devplan.models import PlanProject
from localplan.opsplan.models import BudgetSource, OperationalPlan, OpsEntry
from localplan.opsplan.services import save_entry
from tests.budget.conftest import build_world
from tests.budget.factories import AgencyProjectFactory, BudgetItemFactory
from tests.budget.helpers import snapshot
from tests.factories import OpsEntryFactory
from tests.helpers import visible_text


def draft(world, planner, **choices):
    return apply_draft(organization=world.org, fiscal_year=2552, by=planner, **choices)


@pytest.fixture
def highway(world):
    return AgencyProjectFactory(
        organization=world.org,
        name="ซ่อมสร้างถนนลาดยาง สาย บร.3011",
        strategy=world.strategies[0],
        guideline=world.guidelines["1.1"],
        work_plan=world.items[0].work_plan,
        months=0b111000,
    )


def test_the_draft_holds_exactly_the_budgeted_projects_with_their_amounts(world, planner, highway):
    world.document.announced_on = "2008-09-15"
    world.document.save()
    result = draft(world, planner)
    plan = OperationalPlan.objects.get(organization=world.org, fiscal_year=2552)
    assert str(plan.budget_announced_on) == "2008-09-15"
    entries = OpsEntry.objects.filter(edition=result.edition)
    own = {entry.plan_project.code: entry for entry in entries if entry.plan_project_id}
    assert set(own) == {"P0001", "P0002", "P0003"}, "budgeted projects only; P0004 has no item"
    for item in world.items[:3]:
        entry = own[item.plan_project_code]
        project = item.plan_project
        assert entry.budget == item.amount
        assert entry.budget_source == BudgetSource.ORDINANCE
        assert (entry.strategy, entry.guideline, entry.work_plan) == (
            project.strategy,
            project.guideline,
            project.work_plan,
        )
        assert entry.unit == project.unit and entry.name == project.name
        assert list(entry.villages.all()) == list(project.villages.all())
        assert entry.location == f"หมู่ที่ {project.villages.get().number}"
        assert entry.months == 0, "months are the planner's to fill in"
    (other,) = [entry for entry in entries if entry.agency_id]
    assert (other.agency, other.budget, other.months) == (
        highway.agency,
        highway.budget,
        highway.months,
    )
    assert other.budget_source == BudgetSource.OTHER_AGENCY
    assert entries.count() == 4
    assert (
        AuditLog.objects.filter(
            model="opsplan.opsentry", action="create", user=planner.user
        ).count()
        == 4
    )


def test_a_second_run_changes_nothing(world, planner, highway):
    draft(world, planner)
    preview = preview_draft(organization=world.org, fiscal_year=2552)
    assert not preview.changes_anything and preview.counts["unchanged"] == 4
    before = snapshot(world.org)
    draft(world, planner)
    assert snapshot(world.org) == before


def test_a_budget_change_reaches_an_entry_the_planner_did_not_touch(world, planner):
    draft(world, planner)
    item = world.items[0]
    item.amount = Decimal("260000.00")
    item.save()
    preview = preview_draft(organization=world.org, fiscal_year=2552)
    (change,) = preview.of("update")
    assert [(f.field, f.current, f.proposed, f.edited) for f in change.changes] == [
        ("budget", "250,000.00", "260,000.00", False)
    ]
    draft(world, planner)
    assert OpsEntry.objects.get(plan_project__code="P0001").budget == Decimal("260000.00")


def test_a_hand_edit_is_kept_and_shown_when_its_source_changes(world, planner):
    result = draft(world, planner)
    entry = OpsEntry.objects.get(edition=result.edition, plan_project__code="P0001")
    entry.budget = Decimal("95000.00")
    entry.location = "ริมหนองน้ำ หมู่ที่ 1"
    entry.months = 0b11
    save_entry(entry=entry, by=planner)
    assert not preview_draft(organization=world.org, fiscal_year=2552).changes_anything, (
        "the sources did not change: the planner's edits stand without asking"
    )
    item = world.items[0]
    item.amount = Decimal("260000.00")
    item.save()
    preview = preview_draft(organization=world.org, fiscal_year=2552)
    (conflict,) = preview.of("conflict")
    assert [(f.field, f.current, f.proposed, f.edited) for f in conflict.changes] == [
        ("budget", "95,000.00", "260,000.00", True)
    ]
    draft(world, planner)
    entry.refresh_from_db()
    assert entry.budget == Decimal("95000.00"), "not overwritten unless ticked"
    assert not preview_draft(organization=world.org, fiscal_year=2552).changes_anything
    item.amount = Decimal("270000.00")
    item.save()
    draft(world, planner, take={f"{conflict.source_key}|budget"})
    entry.refresh_from_db()
    assert entry.budget == Decimal("270000.00")
    assert entry.location == "ริมหนองน้ำ หมู่ที่ 1" and entry.months == 0b11


def test_an_entry_whose_budget_item_is_gone_is_removed_only_when_chosen(world, planner):
    draft(world, planner)
    world.items[1].delete()
    preview = preview_draft(organization=world.org, fiscal_year=2552)
    (removal,) = preview.of("remove")
    assert removal.source_key == "project:P0002:ordinance" and not removal.edited
    draft(world, planner)
    assert OpsEntry.objects.filter(plan_project__code="P0002").exists()
    draft(world, planner, remove={removal.source_key})
    assert not OpsEntry.objects.filter(plan_project__code="P0002").exists()


def test_entries_made_by_hand_are_adopted_not_duplicated(world, planner, ops_edition):
    hand = OpsEntryFactory(
        edition=ops_edition,
        plan_project=world.projects[0],
        name=world.projects[0].name,
        budget=Decimal("250000.00"),
        unit=world.units["กองช่าง"],
        location="บ้านหนองบัว",
    )
    preview = preview_draft(organization=world.org, fiscal_year=2552)
    adopted = [c for c in preview.entries if c.entry is not None and c.entry.pk == hand.pk]
    assert len(adopted) == 1 and adopted[0].action == "conflict"
    assert {f.field for f in adopted[0].changes} == {"location", "villages"}
    draft(world, planner)
    assert OpsEntry.objects.filter(edition=ops_edition, plan_project__code="P0001").count() == 1
    hand.refresh_from_db()
    assert hand.location == "บ้านหนองบัว" and DraftMark.objects.filter(entry=hand).exists()


def test_budget_lines_of_projects_outside_the_announced_plan_are_listed_not_drafted(world, planner):
    BudgetItemFactory(document=world.document, name="โครงการนอกแผน", plan_project_code="P0099")
    preview = preview_draft(organization=world.org, fiscal_year=2552)
    (skipped,) = preview.skipped
    assert "โครงการนอกแผน" in skipped.label and "P0099" in skipped.reason
    assert len(preview.of("create")) == 3


def test_without_an_announced_plan_there_is_nothing_to_draft_from(org, planner):
    world = build_world(org, announced=False)
    with pytest.raises(ValidationError, match="ยังไม่มีแผนพัฒนาที่ประกาศใช้"):
        draft(world, planner)
    assert not OperationalPlan.objects.exists()


def test_an_edition_under_review_is_not_touched(world, planner, ops_edition):
    ops_edition.state = EditionState.IN_REVIEW
    ops_edition.save()
    with pytest.raises(PermissionDenied, match="อยู่ระหว่างการพิจารณา"):
        draft(world, planner)
    assert not OpsEntry.objects.exists()


def test_the_page_previews_then_applies_with_the_ticked_choices(client, world, planner, executive):
    url = reverse("budget:draft", kwargs={"org": world.org.slug, "fiscal_year": 2552})
    client.force_login(executive.user)
    page = visible_text(client.get(url))
    assert world.projects[0].name in page and "ยืนยันสร้างร่าง" not in page
    response = client.post(url)
    assert response.status_code == 403 and not OpsEntry.objects.exists()
    client.force_login(planner.user)
    assert "ยืนยันสร้างร่างแผนการดำเนินงาน" in client.get(url).content.decode()
    response = client.post(url)
    edition = OperationalPlan.objects.get(organization=world.org).editions.get()
    assert response.status_code == 302 and response["Location"] == edition.get_absolute_url()
    assert edition.entries.count() == 3


def test_the_page_explains_why_it_cannot_draft(client, org, planner):
    build_world(org, announced=False)
    client.force_login(planner.user)
    response = client.get(reverse("budget:draft", kwargs={"org": org.slug, "fiscal_year": 2552}))
    assert response.status_code == 200
    assert "ยังไม่มีแผนพัฒนาที่ประกาศใช้แล้วซึ่งครอบคลุมปีงบประมาณ 2552" in response.content.decode()


def test_drafted_entries_carry_the_activity_details_of_their_plan_project(org, planner):
    world = build_world(org, announced=False)
    PlanProject.objects.filter(pk=world.projects[1].pk).update(target="", objective="")
    world.edition.state = EditionState.ANNOUNCED
    world.edition.save()
    result = draft(world, planner)
    entries = {e.plan_project.code: e for e in OpsEntry.objects.filter(edition=result.edition)}
    first = entries["P0001"]
    assert first.details == world.projects[0].target != ""
    # a project without output or objective: the budget item says what is bought or built
    assert entries["P0002"].details == world.items[1].name


def test_details_fill_entries_drafted_before_and_never_replace_the_planners_text(world, planner):
    result = draft(world, planner)
    entries = OpsEntry.objects.filter(edition=result.edition).order_by("plan_project__code")
    written_before, by_hand = entries[0], entries[1]
    # as the draft left entries before it wrote details
    OpsEntry.objects.filter(pk__in=[written_before.pk, by_hand.pk]).update(details="")
    for mark in DraftMark.objects.filter(entry__in=[written_before, by_hand]):
        mark.written.pop("details")
        mark.save()
    by_hand.details = "ขยายผิวจราจรช่วงหน้าโรงเรียน"
    save_entry(entry=by_hand, by=planner)
    preview = preview_draft(organization=world.org, fiscal_year=2552)
    (update,) = preview.of("update")
    assert update.entry.pk == written_before.pk
    assert [(f.field, f.current, f.edited) for f in update.changes] == [("details", "-", False)]
    assert not preview.of("conflict")
    draft(world, planner)
    written_before.refresh_from_db()
    by_hand.refresh_from_db()
    assert written_before.details == world.projects[0].target
    assert by_hand.details == "ขยายผิวจราจรช่วงหน้าโรงเรียน"
