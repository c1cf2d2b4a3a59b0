"""Entering an operational-plan entry: what the form accepts, what it refuses, who may."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from localplan.core.models import AuditLog, EditionState, Role
from localplan.opsplan.models import OpsEntry
from tests.factories import (
    AgencyFactory,
    GuidelineFactory,
    MembershipFactory,
    OpsEditionFactory,
    OpsEntryFactory,
    PlanProjectFactory,
    StrategyFactory,
    UnitFactory,
    VillageFactory,
    work_plan,
)
from tests.helpers import visible_text


@pytest.fixture
def edition(org):
    return OpsEditionFactory(plan__organization=org, plan__fiscal_year=2552)


@pytest.fixture
def project(org):
    return PlanProjectFactory(edition__plan__organization=org, name="โครงการก่อสร้างถนน คสล. หมู่ที่ 3")


@pytest.fixture
def unit(org):
    return UnitFactory(organization=org, name="กองช่าง")


def new_url(edition):
    return reverse(
        "opsplan:entry_new", kwargs={"org": edition.organization.slug, "edition_id": edition.pk}
    )


def own_entry(project, unit, **changes):
    """The POST of an own entry; a change to None leaves the field out ("unit_id" for unit)."""
    data = {
        "carried_out_by": "own",
        "plan_project": project.pk,
        "name": "",
        "details": "ถนนกว้าง 4 เมตร ยาว 200 เมตร",
        "budget": "1,250,000.50",
        "budget_source": "ordinance",
        "location": "หมู่ที่ 3",
        "unit": unit.pk,
        "months": ["4", "5", "6"],
    }
    if "unit_id" in changes:
        changes["unit"] = changes.pop("unit_id")
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_an_own_entry_takes_its_name_and_classification_from_the_plan_project(
    edition, project, unit, planner_client
):
    response = planner_client.post(new_url(edition), own_entry(project, unit))
    assert response.status_code == 302
    entry = OpsEntry.objects.get()
    assert entry.name == project.name
    assert (entry.strategy, entry.guideline, entry.work_plan) == (
        project.strategy,
        project.guideline,
        project.work_plan,
    )
    assert entry.budget == Decimal("1250000.50")
    assert entry.months == 0b111000  # ม.ค., ก.พ., มี.ค.
    assert entry.code == "E0001"
    created = AuditLog.objects.get(model="opsplan.opsentry")
    assert created.user is not None
    assert created.changes["months"] == [None, "ม.ค., ก.พ., มี.ค."]


def test_another_agencys_entry_names_the_agency_and_its_classification(
    org, edition, planner_client
):
    agency = AgencyFactory(organization=org, name="แขวงทางหลวงชนบทบุรีรัมย์")
    guideline = GuidelineFactory(strategy__organization=org)
    response = planner_client.post(
        new_url(edition),
        {
            "carried_out_by": "other",
            "agency": agency.pk,
            "name": "ซ่อมสร้างผิวทางแอสฟัลท์ติก สาย บร.3012",
            "budget": "4500000",
            "budget_source": "other_agency",
            "strategy": guideline.strategy.pk,
            "guideline": guideline.pk,
            "work_plan": work_plan().pk,
            "kind": "development",
            "months": ["5", "6", "7"],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    entry = OpsEntry.objects.get()
    assert entry.agency == agency and entry.plan_project is None and not entry.is_own
    assert entry.responsible == "แขวงทางหลวงชนบทบุรีรัมย์"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"months": ["13"]}, "months", "ไม่อยู่ในปีงบประมาณ"),
        ({"months": []}, "months", "เลือกอย่างน้อยหนึ่งเดือน"),
        ({"budget": "-500"}, "budget", "ต้องไม่ติดลบ"),
        ({"budget": "หนึ่งแสน"}, "budget", "ไม่ใช่จำนวนเงิน"),
        ({"budget": "100.555"}, "budget", "ทศนิยม"),
        ({"budget": ""}, "budget", "กรุณากรอก"),
        ({"plan_project": None}, "plan_project", "ต้องเลือกโครงการจากแผนพัฒนา"),
        ({"unit_id": None}, "unit", "หน่วยงานรับผิดชอบ"),
    ],
)
def test_bad_input_is_refused_in_thai_and_nothing_is_saved(
    edition, project, unit, planner_client, changes, field, message
):
    response = planner_client.post(new_url(edition), own_entry(project, unit, **changes))
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert message in response.content.decode()
    assert not OpsEntry.objects.exists()


def test_a_plan_project_of_another_organization_is_refused(
    edition, unit, other_org, planner_client
):
    foreign = PlanProjectFactory(edition__plan__organization=other_org)
    response = planner_client.post(new_url(edition), own_entry(foreign, unit))
    assert response.status_code == 400
    assert "ไม่อยู่ในแผนพัฒนาที่ใช้กับปีงบประมาณ 2552" in " ".join(
        response.context["form"].errors["plan_project"]
    )
    assert not OpsEntry.objects.exists()


def test_a_unit_and_village_of_another_organization_are_refused(
    edition, project, unit, other_org, planner_client
):
    data = own_entry(project, UnitFactory(organization=other_org))
    data["villages"] = [VillageFactory(organization=other_org).pk]
    response = planner_client.post(new_url(edition), data)
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"unit", "villages"}
    assert not OpsEntry.objects.exists()


def test_a_guideline_of_another_strategy_is_refused(org, edition, planner_client):
    agency = AgencyFactory(organization=org)
    guideline = GuidelineFactory(strategy__organization=org)
    other_strategy = StrategyFactory(organization=org)
    response = planner_client.post(
        new_url(edition),
        {
            "carried_out_by": "other",
            "agency": agency.pk,
            "name": "โครงการ",
            "budget": "1000",
            "budget_source": "other_agency",
            "strategy": other_strategy.pk,
            "guideline": guideline.pk,
            "work_plan": work_plan().pk,
            "kind": "development",
            "months": ["1"],
        },
    )
    assert response.status_code == 400
    assert "ไม่ได้อยู่ภายใต้ยุทธศาสตร์ที่" in " ".join(response.context["form"].errors["guideline"])
    assert not OpsEntry.objects.exists()


def test_a_plan_project_from_a_plan_not_covering_the_year_is_refused(
    org, edition, unit, planner_client
):
    later = PlanProjectFactory(
        edition__plan__organization=org,
        edition__plan__first_fiscal_year=2556,
        edition__plan__last_fiscal_year=2558,
    )
    response = planner_client.post(new_url(edition), own_entry(later, unit))
    assert response.status_code == 400
    assert not OpsEntry.objects.exists()


def test_unit_staff_edit_their_units_entries_only(org, edition, project, member_client):
    staff = MembershipFactory(organization=org, role=Role.UNIT_STAFF)
    theirs = OpsEntryFactory(edition=edition, plan_project=project, unit=staff.unit)
    others = OpsEntryFactory(edition=edition, plan_project=project)
    client = member_client(staff)

    def edit(entry, budget):
        url = reverse("opsplan:entry_edit", kwargs={"org": org.slug, "entry_id": entry.pk})
        return client.post(url, own_entry(project, entry.unit, budget=budget))

    assert edit(theirs, "5,000").status_code == 302
    theirs.refresh_from_db()
    assert theirs.budget == Decimal("5000.00")

    refused = edit(others, "5,000")
    assert refused.status_code == 403
    assert "เฉพาะรายการของหน่วยงานตนเอง" in refused.content.decode()
    others.refresh_from_db()
    assert others.budget == Decimal("100000.00")

    # nor can they move their own entry to another unit
    moved = (
        edit(theirs, "6,000")
        if False
        else client.post(
            reverse("opsplan:entry_edit", kwargs={"org": org.slug, "entry_id": theirs.pk}),
            own_entry(project, others.unit),
        )
    )
    assert moved.status_code in {400, 403}
    theirs.refresh_from_db()
    assert theirs.unit == staff.unit


def test_an_edition_under_review_or_announced_cannot_be_changed(
    edition, project, unit, planner_client
):
    entry = OpsEntryFactory(edition=edition, plan_project=project, unit=unit)
    for state, message in [
        (EditionState.IN_REVIEW, "อยู่ระหว่างการพิจารณา"),
        (EditionState.ANNOUNCED, "ประกาศใช้แล้ว"),
    ]:
        edition.state = state
        edition.save()
        for url in (
            new_url(edition),
            reverse(
                "opsplan:entry_edit",
                kwargs={"org": edition.organization.slug, "entry_id": entry.pk},
            ),
            reverse(
                "opsplan:entry_delete",
                kwargs={"org": edition.organization.slug, "entry_id": entry.pk},
            ),
        ):
            response = planner_client.post(url, own_entry(project, unit))
            assert response.status_code == 403
            assert message in response.content.decode()
    entry.refresh_from_db()
    assert OpsEntry.objects.count() == 1 and entry.budget == Decimal("100000.00")


def test_filters_and_totals_agree_with_the_rows_shown(org, edition, project, unit, planner_client):
    village = VillageFactory(organization=org)
    a = OpsEntryFactory(edition=edition, plan_project=project, unit=unit, budget=Decimal("1000.25"))
    a.villages.set([village], through_defaults={"organization": org})
    OpsEntryFactory(edition=edition, plan_project=project, budget=Decimal("2000.50"))
    agency_entry = OpsEntryFactory(
        edition=edition,
        plan_project=None,
        agency=AgencyFactory(organization=org),
        budget=Decimal("4000"),
        strategy=project.strategy,
        guideline=None,
        work_plan=project.work_plan,
    )
    url = reverse("opsplan:edition", kwargs={"org": org.slug, "edition_id": edition.pk})
    cases = [
        ({}, Decimal("7000.75"), 3),
        ({"unit": unit.pk}, Decimal("1000.25"), 1),
        ({"village": village.pk}, Decimal("1000.25"), 1),
        ({"carried_out_by": "other"}, Decimal("4000.00"), 1),
        ({"carried_out_by": "own"}, Decimal("3000.75"), 2),
        ({"budget_source": "other_agency"}, Decimal("0"), 0),
        ({"strategy": "not-a-number"}, Decimal("7000.75"), 3),
    ]
    for params, total, count in cases:
        response = planner_client.get(url, params)
        tree = response.context["tree"]
        assert (tree.total, tree.count) == (total, count), params
        shown = [row for group in tree.walk() for row in group.rows]
        assert sum((row.budget for row in shown), Decimal("0")) == total
    assert agency_entry.pk in [
        e.pk
        for e in planner_client.get(url).context["tree"].children[0].children[-1].children[0].rows
    ]


def test_who_carries_out_is_a_pair_of_radio_buttons(edition, planner_client):
    page = planner_client.get(new_url(edition)).content.decode()
    radios = re.findall(r'<input type="radio" name="carried_out_by"[^>]*>', page)
    assert len(radios) == 2
    assert all('class="form-check-input"' in radio for radio in radios)
    # Each its own Bootstrap check item with its label beside it, under one legend; the
    # check box's class is on the inputs only, not on the list that holds them (a list
    # styled as one check box squeezes every label into a 16 px column).
    items = re.findall(
        r'<div class="form-check">(<input type="radio" name="carried_out_by"[^>]*>)\s*'
        r'<label class="form-check-label" for="id_carried_out_by_\d">[^<]+</label></div>',
        page,
    )
    assert items == radios
    assert '<div id="id_carried_out_by" class="choice-list">' in page
    assert re.search(r"<legend[^>]*>ผู้ดำเนินการ", page)
    assert not re.search(r'<div[^>]*class="form-check-input', page)


def _delete_url(entry):
    return reverse(
        "opsplan:entry_delete", kwargs={"org": entry.organization.slug, "entry_id": entry.pk}
    )


def test_an_entry_is_deleted_from_the_screens_after_a_confirmation_that_names_it(
    edition, project, unit, planner_client
):
    entry = OpsEntryFactory(
        edition=edition, plan_project=project, unit=unit, name="ซ่อมแซมถนนลูกรัง หมู่ที่ 4"
    )
    delete_url = _delete_url(entry)
    page = planner_client.get(edition.get_absolute_url()).content.decode()
    assert f'href="{delete_url}"' in page  # beside แก้ไข on the edition page
    edit_url = reverse(
        "opsplan:entry_edit", kwargs={"org": entry.organization.slug, "entry_id": entry.pk}
    )
    assert f'href="{delete_url}"' in planner_client.get(edit_url).content.decode()

    confirm = planner_client.get(delete_url)
    text = visible_text(confirm)
    assert confirm.status_code == 200
    for shown in ("ซ่อมแซมถนนลูกรัง หมู่ที่ 4", entry.code, "100,000.00", str(edition), "กองช่าง"):
        assert shown in text, shown
    assert "กู้คืนไม่ได้" in text
    assert "ลบรายการนี้" in text  # the button says what it deletes
    assert OpsEntry.objects.filter(pk=entry.pk).exists()  # asking deletes nothing

    done = planner_client.post(delete_url)
    assert done.status_code == 302 and done["Location"] == edition.get_absolute_url()
    assert not OpsEntry.objects.filter(pk=entry.pk).exists()
    assert AuditLog.objects.filter(action="delete", object_id=str(entry.pk)).exists()


def test_only_those_who_may_edit_an_entry_see_its_delete_button(
    org, edition, project, unit, member_client
):
    entry = OpsEntryFactory(edition=edition, plan_project=project, unit=unit)
    staff = MembershipFactory(organization=org, role=Role.UNIT_STAFF)  # of another unit
    executive = MembershipFactory(organization=org, role=Role.EXECUTIVE)
    for membership in (staff, executive):
        client = member_client(membership)
        assert _delete_url(entry) not in client.get(edition.get_absolute_url()).content.decode()
        assert client.post(_delete_url(entry)).status_code == 403
    planner = MembershipFactory(organization=org, role=Role.PLANNER)
    edition.state = EditionState.ANNOUNCED
    edition.save()
    page = member_client(planner).get(edition.get_absolute_url()).content.decode()
    assert _delete_url(entry) not in page
    assert OpsEntry.objects.filter(pk=entry.pk).exists()
