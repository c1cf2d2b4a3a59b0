"""Other agencies' projects of a fiscal year from a spreadsheet."""

from decimal import Decimal

from localplan.budget.models import AgencyProject, AgencyProjectStatus
from localplan.core.models import Agency
from tests.budget.helpers import errors_by_column, import_file, template_rows, upload

KIND = "agency-projects"
HIGHWAY = {
    "agency": "แขวงทางหลวงชนบทบุรีรัมย์",
    "name": "โครงการซ่อมสร้างถนนลาดยาง สาย บร.3011",
    "details": "ซ่อมผิวจราจร ยาว 2 กิโลเมตร",
    "budget": "2,500,000",
    "location": "หมู่ที่ 2, 5",
    "months": "ม.ค.–มี.ค., มิ.ย.",
    "strategy": "1",
    "guideline": "1.1",
    "work_plan": "แผนงานอุตสาหกรรมและการโยธา",
}


def test_projects_are_accepted_into_the_year_and_new_agencies_are_added(world, planner):
    batch = import_file(KIND, 2552, planner, template_rows(KIND, world.org, 2552, [HIGHWAY]))
    assert "แขวงทางหลวงชนบทบุรีรัมย์" in batch.preview["notes"][0]
    project = AgencyProject.objects.get(organization=world.org)
    assert project.agency == Agency.objects.get(organization=world.org, name=HIGHWAY["agency"])
    assert project.status == AgencyProjectStatus.ACCEPTED and project.fiscal_year == 2552
    assert project.budget == Decimal("2500000.00")
    assert project.months_text == "ม.ค.–มี.ค., มิ.ย."
    assert project.guideline.printed_number == "1.1" and project.code == "A0001"
    again = upload(KIND, 2552, planner, template_rows(KIND, world.org, 2552, [HIGHWAY]))
    assert again.preview["counts"] == {"create": 0, "update": 0, "unchanged": 1}
    assert again.preview["notes"] == []


def test_months_and_classification_errors_name_their_cells(world, planner):
    bad = {**HIGHWAY, "months": "ธ.ค.–ต.ค.", "strategy": "", "work_plan": "แผนงานอวกาศ"}
    batch = upload(KIND, 2552, planner, template_rows(KIND, world.org, 2552, [bad]))
    errors = errors_by_column(batch)
    assert "ต้องเรียงตามปีงบประมาณ" in errors["เดือนที่ดำเนินการ"][0]["expected"]
    assert errors["ยุทธศาสตร์ที่"][0]["row"] == 3
    assert errors["แผนงาน"][0]["value"] == "แผนงานอวกาศ"
    assert (
        not AgencyProject.objects.exists()
        and not Agency.objects.filter(name=HIGHWAY["agency"]).exists()
    )
