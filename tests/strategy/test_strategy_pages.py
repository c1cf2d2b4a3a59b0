"""Strategies and guidelines: entering, labelling by regime, refusing what does not fit."""

import pytest
from django.urls import reverse

from localplan.core.models import AuditLog
from localplan.strategy.models import (
    Guideline,
    NationalStrategy,
    Strategy,
    SustainableDevelopmentGoal,
)
from tests.factories import DevPlanFactory, GuidelineFactory, PlanProjectFactory, StrategyFactory


def test_the_planner_adds_a_strategy_and_a_guideline_under_it(org, planner_client):
    response = planner_client.post(
        reverse("strategy:item_new", kwargs={"org": org.slug, "kind": "strategy"}),
        {
            "number": "1",
            "name": "การพัฒนาด้านโครงสร้างพื้นฐาน",
            "national_strategies": [NationalStrategy.objects.get(number=2).pk],
            "sdgs": [SustainableDevelopmentGoal.objects.get(number=9).pk],
        },
    )
    assert response.status_code == 302
    strategy = Strategy.objects.get()
    assert [n.number for n in strategy.national_strategies.all()] == [2]
    response = planner_client.post(
        reverse("strategy:guideline_new", kwargs={"org": org.slug}),
        {"strategy": strategy.pk, "number": "1", "name": "ก่อสร้าง ปรับปรุง ซ่อมแซมถนน"},
    )
    assert response.status_code == 302
    assert Guideline.objects.get().printed_number == "1.1"
    page = planner_client.get(reverse("strategy:list", kwargs={"org": org.slug}))
    assert "ก่อสร้าง ปรับปรุง ซ่อมแซมถนน" in page.content.decode()
    assert AuditLog.objects.filter(model="strategy.strategy", action="create").exists()


def test_two_strategies_cannot_share_a_number(org, planner_client):
    StrategyFactory(organization=org, number=1)
    response = planner_client.post(
        reverse("strategy:item_new", kwargs={"org": org.slug, "kind": "strategy"}),
        {"number": "1", "name": "ซ้ำ"},
    )
    assert response.status_code == 400
    assert Strategy.objects.count() == 1


def test_the_same_number_is_free_in_another_organization(org, other_org, planner_client):
    StrategyFactory(organization=other_org, number=1)
    response = planner_client.post(
        reverse("strategy:item_new", kwargs={"org": org.slug, "kind": "strategy"}),
        {"number": "1", "name": "การพัฒนาด้านเศรษฐกิจ"},
    )
    assert response.status_code == 302


def test_a_guideline_cannot_hang_under_another_organizations_strategy(
    org, other_org, planner_client
):
    foreign = StrategyFactory(organization=other_org)
    response = planner_client.post(
        reverse("strategy:guideline_new", kwargs={"org": org.slug}),
        {"strategy": foreign.pk, "number": "1", "name": "แนวทาง"},
    )
    assert response.status_code == 400
    assert "ไม่มีในรายการขององค์กร" in " ".join(response.context["form"].errors["strategy"])
    assert not Guideline.objects.exists()


@pytest.mark.parametrize(("regime", "label"), [("2548", "แนวทางการพัฒนา"), ("2561", "กลยุทธ์")])
def test_the_level_under_a_strategy_is_named_by_the_plans_regime(
    org, planner_client, regime, label
):
    DevPlanFactory(organization=org, regime=regime)
    GuidelineFactory(strategy__organization=org, name="ส่งเสริมอาชีพ")
    page = planner_client.get(reverse("strategy:list", kwargs={"org": org.slug})).content.decode()
    assert f"{label}ที่" in page


def test_a_strategy_in_use_by_a_project_is_kept_with_a_message(org, planner_client):
    project = PlanProjectFactory(edition__plan__organization=org)
    url = reverse(
        "strategy:item_delete",
        kwargs={"org": org.slug, "kind": "strategy", "pk": project.strategy_id},
    )
    response = planner_client.post(url)
    assert response.status_code == 409
    assert "ยังมีข้อมูลอื่นอ้างถึงอยู่" in response.content.decode()
    assert Strategy.objects.filter(pk=project.strategy_id).exists()


def test_a_vision_year_typed_in_the_christian_era_is_refused(org, planner_client):
    response = planner_client.post(
        reverse("strategy:item_new", kwargs={"org": org.slug, "kind": "vision"}),
        {"text": "ตำบลน่าอยู่", "first_fiscal_year": "2009"},
    )
    assert response.status_code == 400
    assert "ค.ศ." in " ".join(response.context["form"].errors["first_fiscal_year"])
