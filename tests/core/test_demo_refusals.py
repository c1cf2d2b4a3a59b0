"""The demo loader on small data of its own shape: it refuses cleanly when it cannot load, and
leaves nothing of an organization it could not finish."""

import copy
import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from localplan.core.demo.loader import DemoDataError, load_organizations
from localplan.core.models import EditionState, Organization, OrganizationKind, Role, Unit
from localplan.devplan.models import PlanProject
from localplan.opsplan.models import BudgetSource, OpsEntry
from localplan.strategy.models import BudgetSide, Regime, WorkPlan
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def tiny_demo(**changes) -> SimpleNamespace:
    """An organization with one strategy, two projects and an operational plan."""
    data = {
        "ORGANIZATION": {
            "kind": OrganizationKind.SAO,
            "name": "ทดลอง",
            "slug": "tiny",
            "province": "บุรีรัมย์",
            "district": "ลำปลายมาศ",
        },
        "UNITS": ["กองช่าง"],
        "VILLAGES": [(1, "ทดลอง")],
        "ALL_VILLAGES_LOCATION": "ทุกหมู่บ้าน",
        "AGENCIES": ["แขวงทางหลวงชนบทบุรีรัมย์"],
        "PEOPLE": [
            {"username": "tiny-planner", "role": Role.PLANNER, "first_name": "ก", "last_name": "ข"},
            {"username": "tiny-exec", "role": Role.EXECUTIVE, "first_name": "ค", "last_name": "ง"},
        ],
        "VISION": {"text": "ตำบลน่าอยู่", "first_fiscal_year": 2552},
        "MISSIONS": ["พัฒนาโครงสร้างพื้นฐาน"],
        "PROVINCIAL_STRATEGIES": {},
        "STRATEGIES": [{"name": "โครงสร้างพื้นฐาน", "guidelines": ["ถนน", "แหล่งน้ำ"]}],
        "PLAN": {
            "regime": Regime.SEED_2548,
            "first_fiscal_year": 2552,
            "last_fiscal_year": 2554,
            "projects": [
                {
                    "guideline": "1.1",
                    "work_plan": "แผนงานอุตสาหกรรมและการโยธา",
                    "unit": "กองช่าง",
                    "months": "ม.ค.–เม.ย.",
                    "objective": "สัญจรสะดวก",
                    "kpi": "พึงพอใจร้อยละ 80",
                    "expected_result": "ปลอดภัย",
                    "projects": [
                        {
                            "name": "ถนน คสล. หมู่ที่ 1",
                            "target": "กว้าง 4 ม. ยาว 200 ม.",
                            "villages": [1],
                            "budgets": (400_000, None, 450_000),
                            "source": BudgetSource.ACCUMULATED_FUNDS,
                        },
                        {
                            "name": "ถนนลูกรัง หมู่ที่ 1",
                            "target": "ยาว 1,000 ม.",
                            "villages": "all",
                            "budgets": (None, 250_000, None),
                        },
                    ],
                }
            ],
        },
        "OPERATIONAL_PLANS": [
            {
                "fiscal_year": 2552,
                "budget_announced_on": datetime.date(2008, 11, 28),
                "other_agencies": [
                    {
                        "agency": "แขวงทางหลวงชนบทบุรีรัมย์",
                        "name": "บูรณะทางหลวงชนบท",
                        "details": "ยาว 4 กม.",
                        "budget": 4_500_000,
                        "source": BudgetSource.OTHER_AGENCY,
                        "guideline": "1.1",
                        "work_plan": "แผนงานอุตสาหกรรมและการโยธา",
                        "villages": [1],
                        "months": "ม.ค.–พ.ค.",
                    }
                ],
            }
        ],
    }
    data.update(copy.deepcopy(changes))
    return SimpleNamespace(**data)


def test_small_data_loads_with_own_and_other_agencies_entries(db):
    [loaded] = load_organizations([tiny_demo()])
    assert (loaded.projects, loaded.entries) == (2, {2552: 2})
    own = OpsEntry.objects.get(plan_project__isnull=False)
    assert (own.name, own.budget, own.budget_source) == (
        "ถนน คสล. หมู่ที่ 1",
        400_000,
        BudgetSource.ACCUMULATED_FUNDS,
    )
    assert own.location == "หมู่ที่ 1 บ้านทดลอง"
    assert own.edition.state == EditionState.DRAFTING
    assert PlanProject.objects.get(name="ถนนลูกรัง หมู่ที่ 1").location == "ทุกหมู่บ้าน"
    # Announcing goes through the workflow, after a history of workflow/demo.py: none here.
    assert PlanProject.objects.first().edition.state == EditionState.DRAFTING


def test_a_plan_marked_announced_without_a_workflow_history_is_refused(db):
    plan = tiny_demo().PLAN
    plan["announced"] = True
    with pytest.raises(DemoDataError, match="HISTORIES"):
        load_organizations([tiny_demo(PLAN=plan)])
    assert not Organization.objects.exists()


def test_a_taken_demo_username_stops_the_load_before_any_write(db):
    UserFactory(username="tiny-exec")
    with pytest.raises(DemoDataError, match="tiny-exec"):
        load_organizations([tiny_demo()])
    assert not Organization.objects.exists()


def test_bad_data_leaves_nothing_of_the_organization(db):
    plan = tiny_demo().PLAN
    plan["projects"][0]["projects"][1]["guideline"] = "9.9"
    with pytest.raises(DemoDataError, match="no guideline 9.9"):
        load_organizations([tiny_demo(PLAN=plan)])
    assert not Organization.objects.exists()
    assert not Unit.objects.exists()
    assert not PlanProject.objects.exists()


def test_a_left_out_name_that_names_no_project_is_refused(db):
    plans = tiny_demo().OPERATIONAL_PLANS
    plans[0]["left_out"] = ["ไม่มีโครงการนี้"]
    with pytest.raises(DemoDataError, match="ไม่มีโครงการนี้"):
        load_organizations([tiny_demo(OPERATIONAL_PLANS=plans)])
    assert not Organization.objects.exists()


def test_the_loader_works_on_a_flushed_database_without_the_reference_lists(db):
    """`localplan flush` empties the reference lists of the data migration too."""
    WorkPlan.objects.all().delete()
    BudgetSide.objects.all().delete()
    load_organizations([tiny_demo()])
    assert WorkPlan.objects.count() == 12
    assert PlanProject.objects.count() == 2


def test_the_command_answers_a_taken_username_with_a_thai_message(db):
    UserFactory(username="planner")
    with pytest.raises(CommandError, match="ชื่อผู้ใช้ของข้อมูลตัวอย่างถูกใช้แล้ว: planner"):
        call_command("load_demo", stdout=StringIO())
    assert not Organization.objects.exists()
