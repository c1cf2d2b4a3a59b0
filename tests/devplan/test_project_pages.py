"""Entering plan projects with their yearly budgets."""

from decimal import Decimal

import pytest
from django.urls import reverse

from localplan.core.models import AmendmentKind, AuditLog, Role
from localplan.devplan.models import PlanProject, ProjectBudget
from localplan.devplan.services import create_dev_plan
from tests.factories import (
    DevPlanEditionFactory,
    GuidelineFactory,
    MembershipFactory,
    PlanProjectFactory,
    StrategyFactory,
    UnitFactory,
    VillageFactory,
    work_plan,
)
from tests.helpers import visible_text


@pytest.fixture
def edition(org):
    return DevPlanEditionFactory(plan__organization=org)


@pytest.fixture
def guideline(org):
    return GuidelineFactory(strategy__organization=org)


def project_data(under, **changes):
    """The POST of a project under the guideline `under`."""
    data = {
        "kind": "development",
        "name": "โครงการขุดลอกหนองน้ำสาธารณะ หมู่ที่ 5",
        "strategy": under.strategy_id,
        "guideline": under.pk,
        "work_plan": work_plan("00320").pk,
        "objective": "เพื่อกักเก็บน้ำไว้ใช้ในการเกษตร",
        "target": "หนองน้ำ 1 แห่ง",
        "kpi": "ปริมาณน้ำเพิ่มขึ้น",
        "expected_result": "เกษตรกรมีน้ำใช้ตลอดปี",
        "budget_2552": "250,000",
        "budget_2553": "",
        "budget_2554": "๓๐๐,๐๐๐.๕๐",
    }
    data.update(changes)
    return data


def new_url(edition):
    return reverse(
        "devplan:project_new", kwargs={"org": edition.organization.slug, "edition_id": edition.pk}
    )


def test_a_project_is_saved_with_one_budget_per_year_it_runs(edition, guideline, planner_client):
    village = VillageFactory(organization=edition.organization)
    response = planner_client.post(new_url(edition), project_data(guideline, villages=[village.pk]))
    assert response.status_code == 302
    project = PlanProject.objects.get()
    assert project.code == "P0001"
    assert dict(project.budgets.values_list("fiscal_year", "amount")) == {
        2552: Decimal("250000.00"),
        2554: Decimal("300000.50"),
    }
    assert list(project.villages.all()) == [village]
    assert AuditLog.objects.filter(project_code="P0001", model="devplan.projectbudget").count() == 2


def test_editing_budgets_updates_adds_and_removes_years(edition, guideline, planner_client):
    project = PlanProjectFactory(edition=edition, guideline=guideline)
    url = reverse(
        "devplan:project_edit", kwargs={"org": edition.organization.slug, "project_id": project.pk}
    )
    form = planner_client.get(url).context["form"]
    assert form["budget_2552"].value() == "100,000.00"
    response = planner_client.post(
        url, project_data(guideline, budget_2552="", budget_2553="100000", budget_2554="1")
    )
    assert response.status_code == 302
    assert dict(project.budgets.values_list("fiscal_year", "amount")) == {
        2553: Decimal("100000.00"),
        2554: Decimal("1.00"),
    }
    change = AuditLog.objects.filter(model="devplan.projectbudget", action="update").get()
    assert change.changes["amount"] == ["100000.00", "1.00"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"budget_2552": "-1"}, "budget_2552", "ต้องไม่ติดลบ"),
        ({"budget_2553": "12,3x"}, "budget_2553", "ไม่ใช่จำนวนเงิน"),
        ({"budget_2552": "", "budget_2554": ""}, "__all__", "อย่างน้อยหนึ่งปี"),
        ({"name": ""}, "name", "กรุณากรอก"),
        ({"kind": "equipment"}, "equipment_type", "ประเภทครุภัณฑ์"),
        ({"kind": "coordination"}, "agency", "หน่วยงานที่ขอประสาน"),
    ],
)
def test_bad_input_is_refused_in_thai_and_nothing_is_saved(
    edition, guideline, planner_client, changes, field, message
):
    response = planner_client.post(new_url(edition), project_data(guideline, **changes))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not PlanProject.objects.exists() and not ProjectBudget.objects.exists()


def test_a_guideline_of_another_strategy_is_refused(edition, guideline, planner_client):
    other = StrategyFactory(organization=edition.organization)
    response = planner_client.post(new_url(edition), project_data(guideline, strategy=other.pk))
    assert response.status_code == 400
    assert "ไม่ได้อยู่ภายใต้ยุทธศาสตร์ที่" in " ".join(response.context["form"].errors["guideline"])
    assert not PlanProject.objects.exists()


def test_a_strategy_of_another_organization_is_refused(
    edition, guideline, other_org, planner_client
):
    foreign = GuidelineFactory(strategy__organization=other_org)
    response = planner_client.post(
        new_url(edition),
        project_data(guideline, strategy=foreign.strategy_id, guideline=foreign.pk),
    )
    assert response.status_code == 400
    assert {"strategy", "guideline"} <= set(response.context["form"].errors)
    assert not PlanProject.objects.exists()


def test_an_amendment_needs_the_reason_for_each_project(org, guideline, planner_client):
    amendment = DevPlanEditionFactory(
        plan__organization=org, kind=AmendmentKind.ADDITION, sequence=1, sequence_year=2552
    )
    response = planner_client.post(new_url(amendment), project_data(guideline))
    assert response.status_code == 400
    assert "เหตุผลความจำเป็น" in " ".join(response.context["form"].errors["reason"])
    ok = planner_client.post(new_url(amendment), project_data(guideline, reason="น้ำท่วมขังทุกปี"))
    assert ok.status_code == 302
    assert PlanProject.objects.get().reason == "น้ำท่วมขังทุกปี"


def test_unit_staff_propose_projects_for_their_own_unit_only(edition, guideline, member_client):
    staff = MembershipFactory(organization=edition.organization, role=Role.UNIT_STAFF)
    client = member_client(staff)
    other_unit = UnitFactory(organization=edition.organization)
    refused = client.post(new_url(edition), project_data(guideline, unit=other_unit.pk))
    assert refused.status_code == 400 and "unit" in refused.context["form"].errors
    accepted = client.post(new_url(edition), project_data(guideline, unit=staff.unit_id))
    assert accepted.status_code == 302
    assert PlanProject.objects.get().unit == staff.unit


def test_a_plan_covers_one_to_five_fiscal_years(org, planner_client):
    url = reverse("devplan:plan_new", kwargs={"org": org.slug})
    for first, last, status in [
        ("2566", "2571", 400),
        ("2555", "2554", 400),
        ("2009", "2011", 400),
    ]:
        response = planner_client.post(
            url, {"regime": "2561", "first_fiscal_year": first, "last_fiscal_year": last}
        )
        assert response.status_code == status
    response = planner_client.post(
        url, {"regime": "2561", "first_fiscal_year": "2566", "last_fiscal_year": "2570"}
    )
    assert response.status_code == 302
    plan = org_plan = __import__(
        "localplan.devplan.models", fromlist=["DevPlan"]
    ).DevPlan.objects.get()
    assert plan.fiscal_years == [2566, 2567, 2568, 2569, 2570] and org_plan.editions.count() == 1
    again = planner_client.post(
        url, {"regime": "2561", "first_fiscal_year": "2566", "last_fiscal_year": "2570"}
    )
    assert again.status_code == 400  # the same horizon twice


def test_the_edition_page_groups_projects_and_totals_each_year(org, planner_client):
    plan = create_dev_plan(
        organization=org, regime="2548", first_fiscal_year=2552, last_fiscal_year=2554
    )
    edition = plan.editions.get()
    guideline = GuidelineFactory(strategy__organization=org)
    PlanProjectFactory(edition=edition, guideline=guideline, budgets={2552: "10.50", 2553: "20"})
    PlanProjectFactory(edition=edition, guideline=guideline, budgets={2553: "5"})
    response = planner_client.get(edition.get_absolute_url())
    tree = response.context["tree"]
    assert tree.count == 2
    assert tree.year_totals == {2552: Decimal("10.50"), 2553: Decimal("25.00")}
    assert tree.total == Decimal("35.50")
    assert "25.00" in response.content.decode()


def test_the_edition_page_links_the_other_editions_without_a_stray_comma(edition, planner_client):
    later = DevPlanEditionFactory(
        plan=edition.plan, kind=AmendmentKind.ADDITION, sequence=1, sequence_year=2552
    )
    org = edition.organization.slug
    page = planner_client.get(
        reverse("devplan:edition", kwargs={"org": org, "edition_id": later.pk})
    ).content.decode()
    others = page.split("ฉบับอื่น")[1].split("</span>")[0]
    assert f'href="{edition.get_absolute_url()}">{edition.label}</a>' in others
    assert later.label not in others
    assert not others.rstrip().endswith(",")


def _delete_url(project):
    return reverse(
        "devplan:project_delete",
        kwargs={"org": project.organization.slug, "project_id": project.pk},
    )


def test_a_project_is_deleted_from_the_screens_after_a_confirmation_that_says_what_goes(
    org, edition, planner_client
):
    from tests.factories import OpsEditionFactory, OpsEntryFactory

    project = PlanProjectFactory(edition=edition, name="ก่อสร้างรางระบายน้ำ หมู่ที่ 2")
    ProjectBudget.objects.update_or_create(
        organization=org, project=project, fiscal_year=2552, defaults={"amount": Decimal("450000")}
    )
    ops = OpsEditionFactory(plan__organization=org, plan__fiscal_year=2552)
    linked = OpsEntryFactory(edition=ops, plan_project=project)
    delete_url = _delete_url(project)
    assert f'href="{delete_url}"' in planner_client.get(edition.get_absolute_url()).content.decode()
    edit_url = reverse("devplan:project_edit", kwargs={"org": org.slug, "project_id": project.pk})
    assert f'href="{delete_url}"' in planner_client.get(edit_url).content.decode()

    text = visible_text(planner_client.get(delete_url))
    for shown in ("ก่อสร้างรางระบายน้ำ หมู่ที่ 2", project.code, "450,000.00", str(edition)):
        assert shown in text, shown
    assert "รายการในแผนการดำเนินงาน 1 รายการ" in text  # what loses its link
    assert PlanProject.objects.filter(pk=project.pk).exists()

    done = planner_client.post(delete_url)
    assert done.status_code == 302
    assert not PlanProject.objects.filter(pk=project.pk).exists()
    linked.refresh_from_db()
    assert linked.plan_project is None
    assert AuditLog.objects.filter(action="delete", object_id=str(project.pk)).exists()


def test_a_project_of_a_plan_under_review_or_read_only_roles_get_no_delete_button(
    org, edition, member_client
):
    from localplan.core.models import EditionState

    project = PlanProjectFactory(edition=edition)
    executive = MembershipFactory(organization=org, role=Role.EXECUTIVE)
    client = member_client(executive)
    assert _delete_url(project) not in client.get(edition.get_absolute_url()).content.decode()
    assert client.post(_delete_url(project)).status_code == 403
    planner = MembershipFactory(organization=org, role=Role.PLANNER)
    edition.state = EditionState.IN_REVIEW
    edition.save()
    client = member_client(planner)
    assert _delete_url(project) not in client.get(edition.get_absolute_url()).content.decode()
    assert client.post(_delete_url(project)).status_code == 403
    assert PlanProject.objects.filter(pk=project.pk).exists()


def test_a_project_named_by_an_announced_operational_plan_is_kept_with_a_message(
    org, edition, planner_client
):
    from localplan.core.models import EditionState
    from tests.factories import OpsEditionFactory, OpsEntryFactory

    project = PlanProjectFactory(edition=edition)
    ops = OpsEditionFactory(plan__organization=org, plan__fiscal_year=2552)
    entry = OpsEntryFactory(edition=ops, plan_project=project)
    ops.state = EditionState.ANNOUNCED
    ops.save()
    response = planner_client.post(_delete_url(project))
    assert response.status_code == 409
    assert "ลบโครงการนี้ไม่ได้" in visible_text(response)
    assert PlanProject.objects.filter(pk=project.pk).exists()
    entry.refresh_from_db()
    assert entry.plan_project_id == project.pk
