"""Plan projects from a spreadsheet into a multi-year plan edition."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from python_calamine import CalamineWorkbook

from localplan.budget.models import ImportBatch
from localplan.budget.services.imports import confirm_import
from localplan.core.models import AuditLog, EditionState
from localplan.devplan.models import PlanProject
from tests.budget.helpers import (
    errors_by_column,
    import_file,
    snapshot,
    template_rows,
    upload,
    xlsx,
)
from tests.helpers import visible_text

KIND = "plan-projects"


@pytest.fixture
def draft(world):
    world.edition.state = EditionState.DRAFTING
    world.edition.save()
    return world.edition


ROAD = {
    "kind": "โครงการพัฒนา",
    "strategy": "1",
    "guideline": "1.1",
    "work_plan": "แผนงานอุตสาหกรรมและการโยธา",
    "name": "โครงการก่อสร้างถนนลูกรัง หมู่ที่ 4",
    "target": "ถนนลูกรังยาว 1 กิโลเมตร",
    "year:2552": "300,000.00",
    "year:2554": Decimal("120000.50"),
    "unit": "กองช่าง",
    "villages": "4, 5",
}
COMPUTER = {
    "kind": "ครุภัณฑ์",
    "strategy": "2",
    "guideline": "2.1",
    "work_plan": "00210",
    "name": "จัดซื้อเครื่องคอมพิวเตอร์",
    "year:2553": "22,000",
    "unit": "สำนักปลัด",
    "equipment_category": "ค่าครุภัณฑ์",
    "equipment_type": "ครุภัณฑ์คอมพิวเตอร์",
}


def test_the_template_has_thai_headers_a_year_column_per_year_and_one_example_row(
    client, draft, planner
):
    client.force_login(planner.user)
    url = reverse(
        "budget:template",
        kwargs={"org": draft.organization.slug, "kind": KIND, "target_id": draft.pk, "fmt": "xlsx"},
    )
    response = client.get(url)
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0)
    rows = sheet.to_python()
    headers = rows[1]
    assert "ชื่อโครงการ" in headers and "แนวทางการพัฒนาที่" in headers
    assert [h for h in headers if "งบประมาณ ปี" in h] == [
        f"งบประมาณ ปี {y} (บาท)" for y in (2552, 2553, 2554)
    ]
    assert len([row for row in rows[2:] if any(row)]) == 1


def test_a_filled_template_creates_projects_with_budgets_villages_codes_and_audit(draft, planner):
    batch = import_file(
        KIND, draft.pk, planner, template_rows(KIND, draft.organization, draft.pk, [ROAD, COMPUTER])
    )
    assert batch.preview["counts"] == {"create": 2, "update": 0, "unchanged": 0}
    road = PlanProject.objects.get(edition=draft, name=ROAD["name"])
    assert road.code == "P0005"
    assert {b.fiscal_year: b.amount for b in road.budgets.all()} == {
        2552: Decimal("300000.00"),
        2554: Decimal("120000.50"),
    }
    assert sorted(v.number for v in road.villages.all()) == [4, 5]
    assert road.guideline.printed_number == "1.1" and road.unit.name == "กองช่าง"
    computer = PlanProject.objects.get(edition=draft, name=COMPUTER["name"])
    assert computer.kind == "equipment" and computer.work_plan.code == "00210"
    logged = AuditLog.objects.filter(organization=draft.organization, user=planner.user)
    assert logged.filter(model="devplan.planproject", action="create").count() == 2
    created = logged.get(model="devplan.planproject", project_code="P0005")
    assert created.changes["budgets"] == {"2552": [None, "300000.00"], "2554": [None, "120000.50"]}
    assert created.changes["name"] == [None, ROAD["name"]]
    assert len(created.changes["villages"]["added"]) == 2


def test_importing_the_same_file_again_changes_nothing(draft, planner):
    content = template_rows(KIND, draft.organization, draft.pk, [ROAD, COMPUTER])
    import_file(KIND, draft.pk, planner, content)
    before = snapshot(draft.organization)
    batch = upload(KIND, draft.pk, planner, content)
    assert batch.preview["counts"] == {"create": 0, "update": 0, "unchanged": 2}
    confirm_import(batch=batch, by=planner)
    assert snapshot(draft.organization) == before


def test_a_changed_row_updates_its_project_and_the_preview_names_each_change(draft, planner, world):
    rows = [
        {
            **ROAD,
            "code": "P0001",
            "name": world.projects[0].name,
            "year:2552": "260,000",
            "unit": "สำนักปลัด",
        }
    ]
    batch = upload(KIND, draft.pk, planner, template_rows(KIND, draft.organization, draft.pk, rows))
    assert batch.preview["counts"]["update"] == 1
    changes = {label: (old, new) for label, old, new in batch.preview["rows"][0]["changes"]}
    assert changes["งบประมาณ ปี 2552 (บาท)"] == ("250,000.00", "260,000.00")
    assert changes["หน่วยงานรับผิดชอบหลัก"] == ("กองช่าง", "สำนักปลัด")
    confirm_import(batch=batch, by=planner)
    project = PlanProject.objects.get(edition=draft, code="P0001")
    logged = AuditLog.objects.get(
        model="devplan.planproject", action="update", project_code="P0001", user=planner.user
    )
    assert logged.changes["budgets"] == {
        "2552": ["250000.00", "260000.00"],
        "2553": ["250000.00", None],
        "2554": [None, "120000.50"],
    }
    assert project.unit.name == "สำนักปลัด"
    assert project.budgets.get(fiscal_year=2552).amount == Decimal("260000.00")
    assert not project.budgets.filter(fiscal_year=2553).exists(), (
        "an empty year cell removes the year"
    )


def test_an_announced_edition_refuses_the_import_and_nothing_changes(client, world, planner):
    before = snapshot(world.org)
    content = template_rows(KIND, world.org, world.edition.pk, [ROAD])
    with pytest.raises(PermissionDenied, match="ประกาศใช้แล้ว"):
        upload(KIND, world.edition.pk, planner, content)
    client.force_login(planner.user)
    url = reverse(
        "budget:import_new",
        kwargs={"org": world.org.slug, "kind": KIND, "target_id": world.edition.pk},
    )
    response = client.post(url, {"file": io.BytesIO(content)})
    assert response.status_code == 403
    assert "ประกาศใช้แล้ว" in response.content.decode()
    assert not ImportBatch.objects.exists()
    assert snapshot(world.org) == before


def test_one_bad_row_imports_nothing_and_names_row_column_value_and_what_is_expected(
    draft, planner
):
    before = snapshot(draft.organization)
    bad = {**ROAD, "name": "โครงการที่ผิด", "strategy": "9", "year:2552": "สามแสน", "villages": "7"}
    batch = upload(
        KIND,
        draft.pk,
        planner,
        template_rows(KIND, draft.organization, draft.pk, [ROAD, bad, COMPUTER]),
    )
    errors = errors_by_column(batch)
    assert errors["ยุทธศาสตร์ที่"][0] == {
        "row": 4,
        "column": "ยุทธศาสตร์ที่",
        "value": "9",
        "expected": "เลขที่ยุทธศาสตร์ขององค์กร (มี 1, 2)",
    }
    assert errors["งบประมาณ ปี 2552 (บาท)"][0]["value"] == "สามแสน"
    assert "ไม่ใช่จำนวนเงิน" in errors["งบประมาณ ปี 2552 (บาท)"][0]["expected"]
    assert "มีหมู่ที่ 1, 2, 3, 4, 5" in errors["หมู่ที่"][0]["expected"]
    with pytest.raises(ValidationError, match="ยังไม่ได้นำเข้า"):
        confirm_import(batch=batch, by=planner)
    assert snapshot(draft.organization) == before


def test_real_files_are_read_as_they_come(draft, planner):
    """Merged title rows, a two-row budget heading, numbers typed as text with separators,
    Thai digits, trailing spaces, a header typed with different spacing."""
    rows = [
        ["ยุทธศาสตร์ที่", "แนวทางการพัฒนาที่", "แผนงาน", "ชื่อโครงการ", "งบประมาณ", None, None, "หน่วยงานรับผิดชอบ ", "หมู่ที่"],
        [None, None, None, None, "พ.ศ. ๒๕๕๒", "2553", "2554", None, None],
        ["๑", "1.2 ", " แผนงานอุตสาหกรรมและการโยธา", "โครงการขุดสระน้ำ  ", "๑,๒๕๐,๐๐๐.๕๐", 80000, "", "กองช่าง  ", "หมู่ที่ ๒, หมู่ที่ 3"],
        [None] * 9,
        [2, 1, 210, "โครงการส่งเสริมการอ่าน", "15,000", "", "", "สำนักปลัด", ""],
    ]  # fmt: skip
    content = xlsx(rows, merge_title="บัญชีโครงการพัฒนา แผนพัฒนาสามปี (พ.ศ. 2552–2554)")
    batch = import_file(KIND, draft.pk, planner, content)
    assert batch.preview["counts"]["create"] == 2
    pond = PlanProject.objects.get(edition=draft, name="โครงการขุดสระน้ำ")
    assert {b.fiscal_year: b.amount for b in pond.budgets.all()} == {
        2552: Decimal("1250000.50"),
        2553: Decimal("80000.00"),
    }
    assert pond.guideline.printed_number == "1.2"
    assert sorted(v.number for v in pond.villages.all()) == [2, 3]
    reading = PlanProject.objects.get(edition=draft, name="โครงการส่งเสริมการอ่าน")
    assert reading.work_plan.code == "00210" and reading.guideline.printed_number == "2.1"


def test_a_christian_era_year_heading_is_refused_with_the_buddhist_year_it_means(draft, planner):
    rows = [
        ["ยุทธศาสตร์ที่", "แนวทางการพัฒนาที่", "แผนงาน", "ชื่อโครงการ", "งบประมาณ 2009"],
        ["1", "1.1", "00310", "ถนน", "100"],
    ]
    batch = upload(KIND, draft.pk, planner, xlsx(rows))
    (error,) = batch.preview["errors"]
    assert error["row"] == 1 and error["column"] == "งบประมาณ 2009"
    assert "ค.ศ." in error["expected"] and "2552" in error["expected"]


def test_a_csv_saved_by_thai_windows_is_read(draft, planner):
    text = 'ยุทธศาสตร์ที่,แนวทางการพัฒนาที่,แผนงาน,ชื่อโครงการ,งบประมาณ ปี 2553 (บาท)\n1,1.1,00310,โครงการวางท่อระบายน้ำ,"45,000"\n'
    batch = import_file(KIND, draft.pk, planner, text.encode("cp874"), filename="plan.csv")
    assert batch.preview["counts"]["create"] == 1
    project = PlanProject.objects.get(edition=draft, name="โครงการวางท่อระบายน้ำ")
    assert project.budgets.get().amount == Decimal("45000.00")


def test_the_pages_upload_preview_and_confirm(client, draft, planner):
    client.force_login(planner.user)
    org = draft.organization.slug
    upload_url = reverse(
        "budget:import_new", kwargs={"org": org, "kind": KIND, "target_id": draft.pk}
    )
    content = template_rows(KIND, draft.organization, draft.pk, [ROAD])
    response = client.post(upload_url, {"file": _named(content, "plan.xlsx")})
    preview_url = reverse(
        "budget:import_preview", kwargs={"org": org, "kind": KIND, "target_id": draft.pk}
    )
    assert response.status_code == 302 and response["Location"] == preview_url
    page = visible_text(client.get(preview_url))
    assert ROAD["name"] in page and "ยืนยันนำเข้า" in page
    assert not PlanProject.objects.filter(name=ROAD["name"]).exists(), "nothing before confirming"
    batch = ImportBatch.objects.get()
    response = client.post(preview_url, {"batch": batch.pk}, follow=True)
    assert response.redirect_chain[-1][0] == draft.get_absolute_url()
    assert "นำเข้าแล้ว: เพิ่ม 1" in response.content.decode()
    assert PlanProject.objects.filter(edition=draft, name=ROAD["name"]).exists()


def test_a_file_that_is_not_a_spreadsheet_gets_a_message_not_an_error_page(client, draft, planner):
    client.force_login(planner.user)
    org = draft.organization.slug
    upload_url = reverse(
        "budget:import_new", kwargs={"org": org, "kind": KIND, "target_id": draft.pk}
    )
    response = client.post(
        upload_url, {"file": _named(b"PK\x03\x04 not really a zip", "plan.xlsx")}, follow=True
    )
    assert response.status_code == 400
    assert "ไฟล์เสียหรือไม่ใช่ไฟล์ Excel" in visible_text(response)
    response = client.post(upload_url, {"file": _named(b"x", "plan.pdf")})
    assert response.status_code == 400 and "รับเฉพาะไฟล์" in response.content.decode()


def _named(content: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)
