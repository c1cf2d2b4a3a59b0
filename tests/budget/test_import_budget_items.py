"""Items of a budget document from a spreadsheet."""

from decimal import Decimal

import pytest

from localplan.budget.models import BudgetItem
from tests.budget.factories import BudgetDocumentFactory
from tests.budget.helpers import errors_by_column, import_file, snapshot, template_rows, upload

KIND = "budget-items"


@pytest.fixture
def document(world):
    return BudgetDocumentFactory(organization=world.org, fiscal_year=2553)


def _row(project, amount, **extra):
    return {
        "fiscal_year": "2553",
        "side": project.work_plan.side.name,
        "work_plan": project.work_plan.name,
        "task": "งานก่อสร้างโครงสร้างพื้นฐาน",
        "category": "งบลงทุน",
        "expense_group": "ค่าที่ดินและสิ่งก่อสร้าง",
        "expense_type": "ค่าก่อสร้างสิ่งสาธารณูปโภค",
        "name": project.name,
        "amount": amount,
        "plan_project_code": project.code,
        **extra,
    }


def test_items_link_to_the_project_row_of_the_announced_edition_in_force(world, document, planner):
    rows = [_row(p, "250,000.00") for p in world.projects[:2]]
    rows.append({"work_plan": "00110", "task": "งานบริหารทั่วไป", "category": "บุคลากร",
                 "expense_group": "เงินเดือน (ฝ่ายประจำ)", "name": "เงินเดือนพนักงาน", "amount": "1,250,000"})  # fmt: skip
    import_file(KIND, document.pk, planner, template_rows(KIND, world.org, document.pk, rows))
    items = {item.name: item for item in BudgetItem.objects.filter(document=document)}
    first = items[world.projects[0].name]
    assert first.plan_project == world.projects[0] and first.plan_project_code == "P0001"
    assert first.category == "investment" and first.amount == Decimal("250000.00")
    salary = items["เงินเดือนพนักงาน"]
    assert salary.category == "personnel" and salary.plan_project is None
    assert salary.work_plan.side.name == "ด้านบริหารงานทั่วไป"
    codes = {item.code for item in items.values()}
    assert len(codes) == 3 and all(code.startswith("B") for code in codes)
    assert not codes & {item.code for item in world.items}


def test_rows_without_codes_are_matched_by_their_place_and_name(world, document, planner):
    content = template_rows(KIND, world.org, document.pk, [_row(p, "1000") for p in world.projects])
    import_file(KIND, document.pk, planner, content)
    before = snapshot(world.org)
    batch = upload(KIND, document.pk, planner, content)
    assert batch.preview["counts"] == {"create": 0, "update": 0, "unchanged": 4}
    assert snapshot(world.org) == before


def test_bad_cells_are_named_and_nothing_is_written(world, document, planner):
    before = snapshot(world.org)
    rows = [
        _row(world.projects[0], "-5,000"),
        _row(world.projects[1], "1000", plan_project_code="P9999"),
        _row(world.projects[2], "1000", side="ด้านบริหารงานทั่วไป", fiscal_year="2552"),
        _row(world.projects[3], "1000", category="งบพิเศษ"),
        _row(world.projects[3], "", name=""),
    ]
    batch = upload(KIND, document.pk, planner, template_rows(KIND, world.org, document.pk, rows))
    errors = errors_by_column(batch)
    assert errors["จำนวนเงิน (บาท)"][0]["row"] == 3
    assert "ต้องไม่ติดลบ" in errors["จำนวนเงิน (บาท)"][0]["expected"]
    assert errors["รหัสโครงการในแผนพัฒนา"][0] | {"expected": ""} == {
        "row": 4, "column": "รหัสโครงการในแผนพัฒนา", "value": "P9999", "expected": "",
    }  # fmt: skip
    assert "อยู่ในด้านบริการชุมชนและสังคม" in errors["ด้าน"][0]["expected"]
    assert "ทุกแถวต้องเป็นปี 2553" in errors["ปีงบประมาณ"][0]["expected"]
    assert errors["งบ"][0]["value"] == "งบพิเศษ"
    assert {e["row"] for e in errors["รายการ"]} == {7}
    assert {e["row"] for e in errors["จำนวนเงิน (บาท)"]} == {3, 7}
    assert BudgetItem.objects.filter(document=document).count() == 0
    assert snapshot(world.org) == before


def test_a_missing_column_is_named_on_the_header_row(world, document, planner):
    rows = [["แผนงาน", "รายการ", "จำนวนเงิน (บาท)"], ["00310", "ถนน", "100"]]
    from tests.budget.helpers import xlsx

    batch = upload(KIND, document.pk, planner, xlsx(rows, merge_title="ข้อบัญญัติ"))
    (error,) = batch.preview["errors"]
    assert error["row"] == 3 and error["column"] == "งบ"
    assert "ไฟล์ต้องมีคอลัมน์ “งบ”" in error["expected"]


def test_files_waiting_longer_than_a_day_are_let_go(world, document, planner):
    import datetime

    from django.utils import timezone

    from localplan.budget.models import ImportBatch

    old = upload(KIND, document.pk, planner, template_rows(KIND, world.org, document.pk, []))
    ImportBatch.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=25)
    )
    fresh = upload(KIND, document.pk, planner, template_rows(KIND, world.org, document.pk, []))
    assert list(ImportBatch.objects.values_list("pk", flat=True)) == [fresh.pk]
