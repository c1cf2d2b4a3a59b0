"""The import preview shows what each new or changed row brings: its amounts, and the totals."""

import re
from decimal import Decimal

from localplan.budget.models import ImportBatch
from tests.budget.conftest import build_world
from tests.budget.helpers import template_rows, upload
from tests.helpers import visible_text


def preview_page(client, batch):
    response = client.get(batch.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def cells(html: str, row_id: str) -> list[str]:
    """The texts of the cells of the table row with this id (tags dropped)."""
    row = re.search(rf'<tr[^>]*id="{row_id}"[^>]*>(.*?)</tr>', html, re.S).group(1)
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


def test_new_budget_items_show_their_amounts_and_the_totals(org, planner, planner_client):
    world = build_world(org)
    document, p4 = world.document, world.projects[3]
    existing = world.items[0]
    rows = [
        {"code": existing.code, "work_plan": existing.work_plan.name, "task": existing.task,
         "category": "งบลงทุน", "expense_group": existing.expense_group,
         "expense_type": existing.expense_type, "name": existing.name,
         "amount": f"{existing.amount:,.2f}", "plan_project_code": existing.plan_project_code},
        {"work_plan": p4.work_plan.name, "task": "งานก่อสร้าง", "category": "งบลงทุน",
         "expense_group": "ค่าที่ดินและสิ่งก่อสร้าง", "name": p4.name, "amount": "90,000.00",
         "plan_project_code": p4.code},
        {"work_plan": p4.work_plan.name, "task": "งานก่อสร้าง", "category": "งบลงทุน",
         "expense_group": "ค่าที่ดินและสิ่งก่อสร้าง", "name": "ค่าซ่อมแซมท่อระบายน้ำ หมู่ที่ 2",
         "amount": "12,500.50"},
    ]  # fmt: skip
    batch = upload(
        "budget-items", document.pk, planner, template_rows("budget-items", org, document.pk, rows)
    )
    assert not batch.preview["errors"], batch.preview["errors"]
    assert batch.preview["counts"] == {"create": 2, "update": 0, "unchanged": 1}
    html = preview_page(planner_client, batch)
    text = visible_text(planner_client.get(batch.get_absolute_url()))
    assert "จำนวนเงิน (บาท)" in text
    assert "90,000.00" in text and "12,500.50" in text
    assert cells(html, "import-total-changed")[1:2] == ["102,500.50"]
    total = existing.amount + Decimal("102500.50")
    assert cells(html, "import-total-all")[1:2] == [f"{total:,.2f}"]


def test_new_plan_projects_show_a_budget_per_year_and_the_totals(org, planner, planner_client):
    from tests.budget.test_import_plan_projects import COMPUTER, KIND, ROAD

    world = build_world(org, announced=False)
    edition = world.edition
    batch = upload(
        KIND, edition.pk, planner, template_rows(KIND, org, edition.pk, [ROAD, COMPUTER])
    )
    assert batch.preview["amount_headers"] == [
        "งบประมาณ ปี 2552 (บาท)", "งบประมาณ ปี 2553 (บาท)", "งบประมาณ ปี 2554 (บาท)"
    ]  # fmt: skip
    assert [row["amounts"] for row in batch.preview["rows"]] == [
        ["300000.00", None, "120000.50"],
        [None, "22000.00", None],
    ]
    html = preview_page(planner_client, batch)
    assert cells(html, "import-total-changed")[1:4] == ["300,000.00", "22,000.00", "120,000.50"]
    assert 'id="import-total-all"' not in html  # every row of the file is new


def test_an_old_preview_without_amounts_still_shows(org, planner, planner_client):
    world = build_world(org)
    p4, kind = world.projects[3], "budget-items"
    row = {"work_plan": p4.work_plan.name, "task": "งานก่อสร้าง", "category": "งบลงทุน",
           "expense_group": "ค่าที่ดินและสิ่งก่อสร้าง", "name": p4.name, "amount": "90,000.00"}  # fmt: skip
    batch = upload(
        kind, world.document.pk, planner, template_rows(kind, org, world.document.pk, [row])
    )
    preview = {
        key: value
        for key, value in batch.preview.items()
        if key not in ("amount_headers", "totals")
    }
    ImportBatch.objects.filter(pk=batch.pk).update(preview=preview)
    assert p4.name in visible_text(planner_client.get(batch.get_absolute_url()))


def test_other_agencies_projects_show_their_budget_and_the_totals(org, planner):
    from tests.budget.test_import_agency_projects import HIGHWAY, KIND

    world = build_world(org)
    school = {**HIGHWAY, "name": "โครงการซ่อมแซมอาคารเรียน", "budget": "350,000.25"}
    content = template_rows(KIND, world.org, 2552, [HIGHWAY, school])
    preview = upload(KIND, 2552, planner, content).preview
    assert preview["amount_headers"] == ["งบประมาณ (บาท)"]
    assert [row["amounts"] for row in preview["rows"]] == [["2500000.00"], ["350000.25"]]
    assert preview["totals"] == {"changed": ["2850000.25"], "all": ["2850000.25"]}
