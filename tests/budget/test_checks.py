"""Each consistency rule fires on data built to break it and stays quiet on consistent data."""

from decimal import Decimal

import pytest
from django.urls import reverse

from localplan.budget.checks import RULES, open_problems, run_checks
from localplan.budget.services.draft import apply_draft
from localplan.core.models import EditionState
from localplan.devplan.models import DevPlanEdition
from localplan.opsplan.models import OpsEntry
from tests.budget.conftest import build_world
from tests.budget.factories import BudgetItemFactory
from tests.factories import OpsEntryFactory, PlanProjectFactory, work_plan


@pytest.fixture
def clean(world, planner):
    return make_clean(world, planner)


def make_clean(world, planner):
    """Every plan project of 2552 budgeted, drafted, and given its months."""
    p4 = world.projects[3]
    world.items.append(
        BudgetItemFactory(
            document=world.document,
            name=p4.name,
            amount=Decimal("90000.00"),
            plan_project_code=p4.code,
            plan_project=p4,
        )  # fmt: skip
    )
    edition = apply_draft(organization=world.org, fiscal_year=2552, by=planner).edition
    OpsEntry.objects.filter(edition=edition).update(months=0b1110)
    world.ops_edition = edition
    return world


def rules_fired(world) -> set[str]:
    report = run_checks(world.org, 2552)
    return {problem.rule.code for problem in report.problems + report.notices}


def entry(world, code) -> OpsEntry:
    return OpsEntry.objects.get(edition=world.ops_edition, plan_project__code=code)


def test_consistent_data_raises_no_problem_and_every_ratio_is_whole(clean):
    report = run_checks(clean.org, 2552)
    assert report.problems == []
    assert [(r.part, r.whole, r.percent) for r in report.ratios] == [
        (4, 4, "100.00"),
        (4, 4, "100.00"),
    ]
    assert all(not row.differs for row in report.strategy_totals + report.work_plan_totals)
    assert open_problems(clean.ops_edition) == []


def test_a_budget_item_for_a_project_outside_the_announced_plan(clean):
    addition = DevPlanEdition.objects.create(
        organization=clean.org,
        plan=clean.edition.plan,
        kind="addition",
        sequence=1,
        sequence_year=2552,
    )
    g = clean.guidelines["1.1"]
    late = PlanProjectFactory(edition=addition, code="P0009", guideline=g, strategy=g.strategy)
    BudgetItemFactory(
        document=clean.document, plan_project_code="P0009", plan_project=late, name="ถนนสายใหม่"
    )
    report = run_checks(clean.org, 2552)
    (problem,) = [p for p in report.problems if p.rule.code == "budgeted_project_not_in_plan"]
    assert "ถนนสายใหม่" in problem.message and "P0009" in problem.message
    assert problem.links[0][1].endswith("/edit/")


def test_an_own_entry_without_a_plan_project(clean):
    p = clean.projects[0]
    OpsEntryFactory(edition=clean.ops_edition, code="E9001", plan_project=None, name="ขุดลอกคลอง", strategy=p.strategy,
                    guideline=p.guideline, work_plan=p.work_plan, budget=Decimal("0"))  # fmt: skip
    assert "own_entry_without_plan_project" in rules_fired(clean)


def test_an_entry_budget_that_differs_from_its_budget_item(clean):
    e = entry(clean, "P0002")
    e.budget = Decimal("170000.00")
    e.save()
    report = run_checks(clean.org, 2552)
    (problem,) = [p for p in report.problems if p.rule.code == "entry_budget_differs"]
    assert "170,000.00" in problem.message and "180,000.00" in problem.message
    urls = [url for _label, url in problem.links]
    assert reverse("opsplan:entry_edit", kwargs={"org": clean.org.slug, "entry_id": e.pk}) in urls
    assert (
        reverse("budget:item_edit", kwargs={"org": clean.org.slug, "item_id": clean.items[1].pk})
        in urls
    )


def test_a_budgeted_project_missing_from_the_operational_plan(clean):
    entry(clean, "P0003").delete()
    assert "budgeted_project_not_in_opsplan" in rules_fired(clean)


def test_a_plan_project_of_the_year_without_a_budget_item_is_a_notice(clean):
    clean.items[-1].delete()
    entry(clean, "P0004").delete()
    assert rules_fired(clean) == {"plan_project_not_budgeted"}
    report = run_checks(clean.org, 2552)
    assert report.problems == [] and open_problems(clean.ops_edition) == []
    (notice,) = report.notices
    assert "P0004" in notice.message and "90,000.00" in notice.message
    assert (report.ratios[0].part, report.ratios[0].whole) == (3, 4)


def test_projects_paid_by_a_subsidy_or_run_by_another_agency_are_not_unbudgeted(org, planner):
    world = build_world(org, announced=False)
    g = world.guidelines["1.1"]
    PlanProjectFactory(edition=world.edition, code="P0010", kind="coordination", guideline=g,
                       strategy=g.strategy, agency=None)  # fmt: skip
    world.edition.state = EditionState.ANNOUNCED
    world.edition.save()
    clean = make_clean(world, planner)
    clean.items[-1].delete()
    OpsEntry.objects.filter(pk=entry(clean, "P0004").pk).update(budget_source="specific_subsidy")
    assert rules_fired(clean) == set()


def test_totals_per_work_plan_that_differ_between_budget_and_operational_plan(clean):
    e = entry(clean, "P0001")
    OpsEntry.objects.filter(pk=e.pk).update(work_plan=work_plan("00240"))
    fired = rules_fired(clean)
    assert fired == {"totals_differ"}
    report = run_checks(clean.org, 2552)
    assert {row.label for row in report.work_plan_totals if row.differs} == {
        "แผนงานอุตสาหกรรมและการโยธา",
        "แผนงานเคหะและชุมชน",
    }


def test_entries_without_months_or_without_a_responsible_unit(clean):
    OpsEntry.objects.filter(pk=entry(clean, "P0001").pk).update(months=0)
    OpsEntry.objects.filter(pk=entry(clean, "P0002").pk).update(unit=None)
    assert rules_fired(clean) == {"entry_without_months", "entry_without_unit"}


def test_every_rule_has_a_fixture_that_breaks_it():
    tested = {
        "budgeted_project_not_in_plan", "own_entry_without_plan_project", "entry_budget_differs",
        "budgeted_project_not_in_opsplan", "plan_project_not_budgeted", "totals_differ",
        "entry_without_months", "entry_without_unit",
    }  # fmt: skip
    assert {rule.code for rule in RULES} == tested


def test_the_checks_cost_the_same_queries_at_any_size(clean, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as few:
        run_checks(clean.org, 2552)
    for n in range(20):
        BudgetItemFactory(document=clean.document, name=f"ค่าวัสดุ {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        run_checks(clean.org, 2552)


def test_the_page_lists_each_rule_with_its_problems_and_links(client, clean, planner):
    OpsEntry.objects.filter(pk=entry(clean, "P0001").pk).update(months=0)
    client.force_login(planner.user)
    page = client.get(
        reverse("budget:checks", kwargs={"org": clean.org.slug, "fiscal_year": 2552})
    ).content.decode()
    for rule in RULES:
        assert str(rule.title) in page
    assert "ยังไม่ระบุเดือนที่ดำเนินการ" in page and "1 ปัญหา" in page
    assert (
        reverse(
            "opsplan:entry_edit",
            kwargs={"org": clean.org.slug, "entry_id": entry(clean, "P0001").pk},
        )
        in page
    )
    assert "100.00%" in page


def test_the_workflow_can_show_the_open_problems_before_review(clean):
    from django.template.loader import render_to_string

    OpsEntry.objects.filter(pk=entry(clean, "P0003").pk).update(months=0)
    problems = open_problems(clean.ops_edition)
    html = render_to_string("budget/_open_problems.html", {"problems": problems})
    assert "ยังมีปัญหาความสอดคล้อง 1 ข้อ" in html and "ยังไม่ระบุเดือนที่ดำเนินการ" in html
    assert render_to_string("budget/_open_problems.html", {"problems": []}).strip() == ""


def test_the_page_shows_the_problems_before_the_notices_which_are_folded(client, clean, planner):
    """Problems to fix come first; the notices (many in a real year) are folded below them."""
    clean.items[-1].delete()
    entry(clean, "P0004").delete()
    OpsEntry.objects.filter(pk=entry(clean, "P0001").pk).update(months=0)
    client.force_login(planner.user)
    page = client.get(
        reverse("budget:checks", kwargs={"org": clean.org.slug, "fiscal_year": 2552})
    ).content.decode()
    problem = page.index('id="rule-entry_without_months"')
    notices = page.index('<details class="mt-3" id="notices">')
    notice = page.index('id="rule-plan_project_not_budgeted"')
    passed = page.index('id="passed-rules"')
    assert problem < passed < notices < notice
    assert page.index("</details>") > notice
    assert "ข้อสังเกต 1 ข้อ" in page
