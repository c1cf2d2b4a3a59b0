"""The demo data (`localplan load_demo`): loaded once for the module, inside a transaction that
is rolled back at the end, so other test modules never see it."""

import re
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models, transaction
from django.db.models import F, Sum
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from localplan.core.demo import DEMO_SLUGS, ORGANIZATIONS, load_demo
from localplan.core.demo import nongbua as nongbua_data
from localplan.core.demo.loader import DemoDataError, months_mask
from localplan.core.models import (
    Agency,
    AmendmentKind,
    AuditAction,
    AuditLog,
    EditionState,
    Membership,
    Organization,
    OrganizationKind,
    OrganizationOwned,
    Role,
    Unit,
    Village,
)
from localplan.core.thai_calendar import ALL_MONTHS_MASK
from localplan.devplan.models import (
    EQUIPMENT_TYPES,
    DevPlan,
    DevPlanEdition,
    PlanProject,
    ProjectKind,
)
from localplan.opsplan.models import BudgetSource, OperationalPlan, OpsEntry
from localplan.opsplan.queries import entries_of, group_entries
from localplan.strategy.models import Guideline, Regime, Strategy
from localplan.strategy.queries import guideline_label
from tests.helpers import visible_text

# Every test uses the database, so pytest-django keeps the module together and loads it once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
USERNAMES = [
    "planner",
    "unitstaff",
    "support",
    "devcommittee",
    "executive",
    "council",
    "mecommittee",
    "orgadmin",
]


TB_YEAR = nongbua_data.FISCAL_YEAR  # the fiscal year today falls in


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once (with a fast password hasher: hashing is not under test), from
    an English page's thread: the demo is Thai data whatever the language."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHER):
        with transaction.atomic():
            with translation.override("en"):
                loaded = load_demo()
            yield {item.organization.slug: item for item in loaded}
            transaction.set_rollback(True)


@pytest.fixture
def phairin(demo, db):
    return Organization.objects.get(slug="phairin")


@pytest.fixture
def nongbua(demo, db):
    return Organization.objects.get(slug="nongbua")


def operational_plan(org, fiscal_year) -> OperationalPlan:
    return OperationalPlan.objects.get(organization=org, fiscal_year=fiscal_year)


def entries(org, fiscal_year):
    return OpsEntry.objects.filter(organization=org, edition__plan__fiscal_year=fiscal_year)


def table_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


# ------------------------------------------------------------------ what is loaded


def test_both_demo_organizations_are_loaded(demo):
    assert sorted(demo) == sorted(DEMO_SLUGS) == ["nongbua", "phairin"]


def test_the_demo_is_thai_data_though_loaded_from_an_english_thread(phairin):
    locations = PlanProject.objects.filter(organization=phairin).values_list("location", flat=True)
    assert any(location.startswith("หมู่ที่ ") for location in locations)
    english = r"Moo |Village|Subdistrict|Operational plan|development plan|edition"
    assert not PlanProject.objects.filter(organization=phairin, location__regex=english).exists()
    assert not OpsEntry.objects.filter(organization=phairin, location__regex=english).exists()
    assert not AuditLog.objects.filter(organization=phairin, object_repr__regex=english).exists()


def test_phairin_is_the_seeds_sao_in_buriram(phairin):
    assert phairin.kind == OrganizationKind.SAO
    assert phairin.full_name == "องค์การบริหารส่วนตำบลผไทรินทร์"
    assert (phairin.province, phairin.district, phairin.subdistrict) == (
        "บุรีรัมย์",
        "ลำปลายมาศ",
        "ผไทรินทร์",
    )
    assert phairin.executive_title == "นายกองค์การบริหารส่วนตำบลผไทรินทร์"
    assert phairin.executive_name


def test_phairin_has_its_units_villages_and_agencies(phairin):
    units = set(Unit.objects.filter(organization=phairin).values_list("name", flat=True))
    assert {"สำนักปลัด", "กองคลัง", "กองช่าง"} <= units
    assert 12 <= Village.objects.filter(organization=phairin).count() <= 15
    agencies = set(Agency.objects.filter(organization=phairin).values_list("name", flat=True))
    assert {"แขวงทางหลวงชนบทบุรีรัมย์", "องค์การบริหารส่วนจังหวัดบุรีรัมย์"} <= agencies


def test_phairin_strategies_have_two_to_four_guidelines_and_provincial_links(phairin):
    strategies = Strategy.objects.filter(organization=phairin).prefetch_related(
        "guidelines", "provincial_strategies", "goals"
    )
    assert 5 <= len(strategies) <= 6
    for strategy in strategies:
        assert 2 <= len(strategy.guidelines.all()) <= 4, strategy
        assert strategy.provincial_strategies.all(), strategy
    assert sum(len(s.goals.all()) for s in strategies) >= len(strategies)
    assert all(goal.indicator and goal.target for s in strategies for goal in s.goals.all())


def test_the_three_year_plan_has_about_120_complete_projects(phairin):
    plan = DevPlan.objects.get(organization=phairin)
    assert (plan.regime, plan.first_fiscal_year, plan.last_fiscal_year) == (
        Regime.SEED_2548,
        2552,
        2554,
    )
    # as loaded: the original edition (the workflow adds an amendment, tests/workflow)
    projects = PlanProject.objects.filter(
        edition__plan=plan, edition__kind=AmendmentKind.ORIGINAL
    ).prefetch_related("budgets")
    assert 110 <= len(projects) <= 135
    for project in projects:
        texts = [project.objective, project.target, project.kpi, project.expected_result]
        assert all(texts) and project.unit_id and project.location, project
        amounts = [budget.amount for budget in project.budgets.all()]
        assert amounts and all(isinstance(a, Decimal) and a > 0 for a in amounts), project
    guidelines = Guideline.objects.filter(organization=phairin)
    assert set(projects.values_list("guideline", flat=True)) == set(
        guidelines.values_list("pk", flat=True)
    )


def original_projects(org):
    """The projects as the loader made them: the original edition's."""
    return PlanProject.objects.filter(organization=org, edition__kind=AmendmentKind.ORIGINAL)


def test_the_plan_has_equipment_community_and_coordination_projects(phairin):
    projects = original_projects(phairin)
    equipment = projects.filter(kind=ProjectKind.EQUIPMENT)
    assert 8 <= equipment.count() <= 14
    assert set(equipment.values_list("equipment_category", flat=True)) == {"ค่าครุภัณฑ์"}
    assert set(equipment.values_list("equipment_type", flat=True)) <= set(EQUIPMENT_TYPES)
    assert projects.filter(kind=ProjectKind.COMMUNITY).count() >= 2
    coordination = projects.filter(kind=ProjectKind.COORDINATION)
    assert coordination.count() >= 2
    assert not coordination.filter(agency__isnull=True).exists()
    assert not projects.exclude(kind=ProjectKind.COORDINATION).filter(agency__isnull=False).exists()


def test_budgets_are_realistic_roads_and_allowances(phairin):
    projects = original_projects(phairin)
    roads = projects.filter(name__startswith="ก่อสร้างถนนคอนกรีตเสริมเหล็ก")
    road_amounts = [b.amount for road in roads for b in road.budgets.all()]
    assert road_amounts and all(200_000 <= amount <= 1_500_000 for amount in road_amounts)
    elderly = projects.get(name="สงเคราะห์เบี้ยยังชีพผู้สูงอายุ")
    assert elderly.budgets.get(fiscal_year=2552).amount >= Decimal("1000000")
    # some projects run in only some years of the plan
    assert projects.filter(budgets__fiscal_year=2553).count() < projects.count()


def test_fy2552_plan_has_own_entries_and_other_agencies(phairin):
    plan = operational_plan(phairin, 2552)
    assert plan.due_on.isoformat() == "2008-12-28"
    rows = entries(phairin, 2552)
    assert 75 <= rows.count() <= 90
    assert 65 <= rows.filter(agency__isnull=True).count() <= 75
    others = rows.filter(agency__isnull=False)
    assert 8 <= others.count() <= 12
    assert set(others.values_list("budget_source", flat=True)) <= {
        BudgetSource.OTHER_AGENCY,
        BudgetSource.PAO_SUBSIDY,
    }
    assert not others.filter(plan_project__isnull=False).exists()
    own_sources = set(rows.filter(agency__isnull=True).values_list("budget_source", flat=True))
    assert BudgetSource.ORDINANCE in own_sources and len(own_sources) >= 2
    assert not rows.filter(months=0).exists()
    assert rows.filter(kind=ProjectKind.EQUIPMENT).exists()


def test_every_own_entry_has_its_projects_2552_budget(phairin):
    plan_edition = DevPlan.objects.get(organization=phairin).editions.get(
        kind=AmendmentKind.ORIGINAL
    )
    own = entries(phairin, 2552).filter(agency__isnull=True).select_related("plan_project")
    assert own
    for entry in own:
        project = entry.plan_project
        assert project is not None and project.edition_id == plan_edition.pk, entry
        assert project.budgets.get(fiscal_year=2552).amount == entry.budget, entry
        assert (entry.strategy_id, entry.guideline_id, entry.work_plan_id) == (
            project.strategy_id,
            project.guideline_id,
            project.work_plan_id,
        )


@pytest.mark.parametrize(
    ("name", "months"),
    [
        ("จัดงานวันเด็กแห่งชาติ", "ม.ค."),
        ("จัดงานประเพณีสงกรานต์และวันผู้สูงอายุ", "เม.ย."),
        ("จัดงานประเพณีลอยกระทง", "พ.ย."),
        ("สงเคราะห์เบี้ยยังชีพผู้สูงอายุ", "ต.ค.–ก.ย."),
        ("ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายกลางบ้านผไท หมู่ที่ 1", "ม.ค.–เม.ย."),
    ],
)
def test_entries_run_in_the_months_such_work_runs(phairin, name, months):
    entry = entries(phairin, 2552).get(name=name)
    assert entry.months == months_mask(months, 2552)


def test_fy2553_plan_is_a_draft_of_25_to_30_entries_from_2553_projects(phairin):
    edition = operational_plan(phairin, 2553).editions.get()
    assert edition.is_editable  # returned by the committee once, back with the planner
    rows = entries(phairin, 2553).select_related("plan_project")
    assert 25 <= rows.count() <= 30
    for entry in rows:
        assert entry.plan_project.budgets.get(fiscal_year=2553).amount == entry.budget


def test_the_seeds_plans_are_announced_and_the_rest_drafting(phairin, nongbua):
    def state(plan):
        return plan.editions.order_by("created_at", "id").last().state

    assert state(DevPlan.objects.get(organization=phairin)) == EditionState.ANNOUNCED
    assert state(operational_plan(phairin, 2552)) == EditionState.ANNOUNCED
    assert state(operational_plan(phairin, 2553)) == EditionState.RETURNED  # being redrafted
    assert state(DevPlan.objects.get(organization=nongbua)) == EditionState.ANNOUNCED
    assert state(operational_plan(nongbua, TB_YEAR)) == EditionState.DRAFTING
    kinds = {(e.plan.organization.slug, e.kind) for e in DevPlanEdition.objects.all()}
    assert kinds == {
        ("phairin", AmendmentKind.ORIGINAL),
        ("phairin", AmendmentKind.ADDITION),  # เพิ่มเติม ครั้งที่ 1/2552 (tests/workflow)
        ("nongbua", AmendmentKind.ORIGINAL),
    }


def test_the_second_organization_follows_todays_regime(nongbua):
    assert nongbua.kind == OrganizationKind.SUBDISTRICT_MUNICIPALITY
    assert nongbua.province != "บุรีรัมย์"
    plan = DevPlan.objects.get(organization=nongbua)
    years = list(range(TB_YEAR - 2, TB_YEAR + 3))  # two years either side of this one
    assert (plan.regime, plan.fiscal_years) == (Regime.CURRENT, years)
    assert plan.guideline_label == "กลยุทธ์"
    assert guideline_label(nongbua) == "กลยุทธ์"
    projects = PlanProject.objects.filter(edition__plan=plan)
    assert 35 <= projects.count() <= 45
    five_year = projects.annotate(years=models.Count("budgets")).filter(years=5)
    assert five_year.exists()
    rows = entries(nongbua, TB_YEAR)
    assert 20 <= rows.count() <= 30
    assert rows.filter(agency__isnull=False).count() >= 3
    strategies = Strategy.objects.filter(organization=nongbua)
    assert all(s.national_strategies.exists() and s.sdgs.exists() for s in strategies)


def test_the_seed_organization_keeps_the_2548_label(phairin):
    assert DevPlan.objects.get(organization=phairin).guideline_label == "แนวทางการพัฒนา"
    assert guideline_label(phairin) == "แนวทางการพัฒนา"


# ------------------------------------------------------------------ consistency and tenancy


@pytest.mark.parametrize(("slug", "fiscal_year"), [("phairin", 2552), ("nongbua", TB_YEAR)])
def test_per_strategy_totals_of_the_grouped_plan_equal_database_sums(demo, db, slug, fiscal_year):
    org = Organization.objects.get(slug=slug)
    edition = operational_plan(org, fiscal_year).editions.get()
    tree = group_entries(entries_of(edition))
    rows = OpsEntry.objects.filter(edition=edition)
    sums = dict(rows.values_list("strategy").annotate(total=Sum("budget")))
    assert {group.key.pk: group.total for group in tree} == sums
    assert tree.total == rows.aggregate(total=Sum("budget"))["total"]
    assert tree.count == rows.count()


def organization_owned_links():
    """(model, field) for every foreign key from one organization's row to another's."""
    for model in apps.get_models():
        if not issubclass(model, OrganizationOwned):
            continue
        for field in model._meta.concrete_fields:
            target = field.related_model
            if field.is_relation and target is not Organization and target is not None:
                if issubclass(target, OrganizationOwned):
                    yield model, field.name


def test_rows_reference_only_their_own_organizations_rows(demo, db):
    links = list(organization_owned_links())
    assert len(links) > 20
    for model, field in links:
        crossing = model.objects.filter(**{f"{field}__isnull": False}).exclude(
            **{f"{field}__organization": F("organization")}
        )
        assert not crossing.exists(), f"{model.__name__}.{field} crosses organizations"


def test_the_audit_log_shows_the_demo_planner_made_the_plans(phairin):
    planner = get_user_model().objects.get(username="planner")
    created = AuditLog.objects.filter(
        organization=phairin, model="devplan.planproject", action=AuditAction.CREATE
    )
    assert created.count() == PlanProject.objects.filter(organization=phairin).count()
    assert set(created.values_list("user", flat=True)) == {planner.pk}
    announced = AuditLog.objects.filter(
        organization=phairin, action=AuditAction.TRANSITION, changes__step="ประกาศใช้"
    )
    executive = get_user_model().objects.get(username="executive")
    assert announced.count() == 3  # the plan, its addition, the operational plan of 2552
    assert set(announced.values_list("user", flat=True)) == {executive.pk}


# ------------------------------------------------------------------ users


@pytest.mark.parametrize(
    ("username", "slug"),
    [(name, "phairin") for name in USERNAMES] + [(f"tb-{name}", "nongbua") for name in USERNAMES],
)
def test_every_demo_user_logs_in_with_the_demo_password(demo, client, username, slug):
    assert client.login(username=username, password="demo1234")
    user = get_user_model().objects.get(username=username)
    assert user.first_name and user.last_name
    membership = Membership.objects.get(user=user)
    assert membership.organization.slug == slug
    assert client.get(reverse("home", kwargs={"org": slug})).status_code == 200


def test_a_wrong_password_does_not_log_in(demo, client):
    assert not client.login(username="planner", password="demo12345")


def test_each_organization_has_one_user_per_role(demo, db):
    for slug in DEMO_SLUGS:
        roles = Membership.objects.filter(organization__slug=slug).values_list("role", flat=True)
        assert sorted(roles) == sorted(Role.values)
    unit_staff = Membership.objects.get(user__username="unitstaff")
    assert unit_staff.unit.name == "กองช่าง"


def test_a_demo_user_of_one_organization_cannot_open_the_other(demo, client):
    client.login(username="planner", password="demo1234")
    assert client.get(reverse("home", kwargs={"org": "nongbua"})).status_code == 404


def test_the_fy2552_page_lists_the_entries_for_the_demo_planner(phairin, client):
    client.login(username="planner", password="demo1234")
    edition = operational_plan(phairin, 2552).editions.get()
    response = client.get(edition.get_absolute_url())
    assert response.status_code == 200
    assert "ขุดลอกหนองสิ บ้านผไท หมู่ที่ 1" in visible_text(response)
    # The page's total per strategy, as printed, is the database's sum of its entries.
    page = response.content.decode()
    printed = dict(re.findall(r'data-strategy-total="(\d+)">([\d,.]+)<', page))
    sums = edition.entries.values_list("strategy__number").annotate(total=Sum("budget"))
    assert printed == {str(number): f"{total:,.2f}" for number, total in sums}
    assert len(printed) >= 5
    total = edition.entries.aggregate(total=Sum("budget"))["total"]
    assert f'id="grand-total">{total:,.2f}<' in page


def test_the_portal_budget_by_village_adds_up_to_the_fy2552_plan(phairin, client):
    """No entry counts twice: the villages, "several villages" and "no village" bars of the
    public FY2552 page add up to the plan's total exactly."""
    edition = operational_plan(phairin, 2552).editions.get()
    url = reverse("portal:ops_edition", kwargs={"org": phairin.slug, "edition_id": edition.pk})
    page = client.get(url).content.decode()
    chart = page[page.index('id="chart-village"') : page.index('id="chart-month"')]
    bars = dict(re.findall(r'class="chart-label">([^<]+)<.*?class="chart-number">([^<]+)<', chart))
    total = edition.entries.aggregate(total=Sum("budget"))["total"]
    assert sum(Decimal(value.replace(",", "")) for value in bars.values()) == total
    assert "หลายหมู่บ้าน" in bars
    several = [entry for entry in edition.entries.all() if entry.villages.count() > 1]
    assert Decimal(bars["หลายหมู่บ้าน"].replace(",", "")) == sum(e.budget for e in several)


# ------------------------------------------------------------------ idempotence


def test_a_second_run_changes_nothing(demo, db):
    before = table_counts()
    assert load_demo() == []
    assert table_counts() == before


def test_the_command_says_the_demo_is_already_there(demo, db):
    before = table_counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "มีข้อมูลตัวอย่างอยู่แล้ว" in out.getvalue()
    assert table_counts() == before


def test_the_demo_modules_name_distinct_organizations():
    assert len({module.ORGANIZATION["slug"] for module in ORGANIZATIONS}) == len(ORGANIZATIONS)


# ------------------------------------------------------------------ month spans


@pytest.mark.parametrize(
    ("span", "indexes"),
    [
        ("ต.ค.–ก.ย.", list(range(1, 13))),
        ("ม.ค.–เม.ย.", [4, 5, 6, 7]),
        ("พ.ย.", [2]),
        ("ธ.ค.–ม.ค., เม.ย.", [3, 4, 7]),
    ],
)
def test_months_mask_reads_month_spans_in_fiscal_order(span, indexes):
    assert months_mask(span, 2552) == sum(1 << (i - 1) for i in indexes)


def test_months_mask_covers_the_fiscal_year_and_refuses_a_backward_run():
    assert months_mask("ต.ค.–ก.ย.", 2552) == ALL_MONTHS_MASK
    with pytest.raises(DemoDataError, match="backwards"):
        months_mask("เม.ย.–ม.ค.", 2552)
