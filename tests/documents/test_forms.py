"""The forms say what the database says: every name and total in the PDF text, the same
numbers in the same cells of the workbook, ผด.01's shares, ผ.01's counts against ผ.02's rows."""

from collections import Counter
from decimal import Decimal

import pytest

from localplan.core.thai_calendar import format_money, format_percent
from localplan.devplan.models import ProjectKind
from tests.documents.pdf_text import normalized, squashed_text

EQUIPMENT = ProjectKind.EQUIPMENT
pytestmark = pytest.mark.django_db  # the module's data is made once, by the `printed` fixture


def test_pd02_prints_every_entry_that_is_not_equipment_and_the_grand_total(printed):
    text = squashed_text(printed.pdf["ops", "pd02"])
    entries = printed.db["entries"]
    for entry in entries:
        if entry["kind"] != EQUIPMENT:
            assert normalized(entry["name"]) in text
            assert format_money(entry["budget"]) in text
    total = sum(e["budget"] for e in entries if e["kind"] != EQUIPMENT)
    assert normalized("รวมทั้งสิ้น") in text
    assert format_money(total) in text
    assert printed.data["ops", "pd02"]["total"]["budget"] == total


def test_pd02_1_prints_the_equipment_and_nothing_else(printed):
    text = squashed_text(printed.pdf["ops", "pd02-1"])
    for entry in printed.db["entries"]:
        assert (normalized(entry["name"]) in text) == (entry["kind"] == EQUIPMENT)


def test_pd02_marks_the_other_agencys_entries_with_the_agency(printed):
    rows = [b for b in printed.data["ops", "pd02"]["blocks"] if b["type"] == "row"]
    others = [row for row in rows if row["other_agency"]]
    assert others and all(row["responsible"] == "แขวงทางหลวงชนบทบุรีรัมย์" for row in others)
    assert normalized("แขวงทางหลวงชนบทบุรีรัมย์") in squashed_text(printed.pdf["ops", "pd02"])


def test_pd01_counts_totals_and_shares_equal_the_database(printed):
    data = printed.data["ops", "pd01"]
    db = printed.db
    subtotals = [b for b in data["blocks"] if b["type"] == "subtotal"]
    assert len(subtotals) == len(db["by_strategy"])
    text = squashed_text(printed.pdf["ops", "pd01"])
    for number, block in zip(sorted(db["by_strategy"]), subtotals, strict=True):
        count, total = db["by_strategy"][number]
        assert (block["count"], block["budget"]) == (count, total)
        assert block["count_share"] == Decimal(format_percent(count, db["count"]))
        assert block["budget_share"] == Decimal(format_percent(total, db["total"]))
        assert format_percent(total, db["total"]) in text
        assert format_money(total) in text
    assert data["total"]["budget"] == db["total"]
    assert format_money(db["total"]) in text


def test_pd01_workbook_has_the_pdfs_numbers_in_its_cells(printed):
    sheet = printed.workbook("ops", "pd01").active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row[0]}
    total = rows["รวมทั้งสิ้น"]
    assert total[1] == printed.db["count"]
    assert Decimal(str(total[3])) == printed.db["total"]
    assert total[2] == 100.0 and total[4] == 100.0
    assert sheet.cell(row=6, column=4).number_format == "#,##0.00"


def test_pd02_workbook_has_each_entry_with_its_budget_and_filled_months(printed):
    book = printed.workbook("ops", "pd02")
    sheet = book.active
    assert sheet.freeze_panes == "A6"
    assert sheet.print_title_rows == "$4:$5"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    budgets = {}
    filled = 0
    for row in sheet.iter_rows(min_row=6):
        name, budget = row[1].value, row[3].value
        if isinstance(row[0].value, int):
            budgets[name] = Decimal(str(budget))
            assert row[3].number_format == "#,##0.00"
            filled += sum(
                1 for cell in row[6:18] if cell.fill.fgColor.rgb not in (None, "00000000")
            )
    expected = {e["name"]: e["budget"] for e in printed.db["entries"] if e["kind"] != EQUIPMENT}
    assert budgets == expected
    marks = [b["months"] for b in printed.data["ops", "pd02"]["blocks"] if b["type"] == "row"]
    assert filled == sum(12 - m.count(".") for m in marks)
    assert any(range_.min_row == 1 for range_ in sheet.merged_cells.ranges)  # title merged


def _p02_family_rows(printed):
    rows = []
    for code in ("p02", "p02-1", "p02-2"):
        for section in printed.data["dev", code]["sections"]:
            rows += [b for b in section["blocks"] if b["type"] == "row"]
    return rows


def test_p01_counts_per_year_equal_the_rows_of_p02_with_a_budget_that_year(printed):
    years = printed.db["fiscal_years"]
    rows = _p02_family_rows(printed)
    total = printed.data["dev", "p01"]["total"]
    for index in range(len(years)):
        with_budget = sum(1 for row in rows if row["years"][index] is not None)
        assert total["years"][index]["count"] == with_budget
        amount = sum(row["years"][index] or 0 for row in rows)
        assert total["years"][index]["budget"] == amount
    assert total["count"] == sum(1 for row in rows for amount in row["years"] if amount is not None)
    kinds = Counter(p["kind"] for p in printed.db["projects"])
    assert len(rows) == sum(n for kind, n in kinds.items() if kind != EQUIPMENT)


def test_p01_workbook_totals_match_the_database(printed):
    sheet = printed.workbook("dev", "p01").active
    last = [row for row in sheet.iter_rows(values_only=True) if row[0] == "รวมทั้งสิ้น"][0]
    for index, year in enumerate(printed.db["fiscal_years"]):
        amounts = [
            b["amount"]
            for b in printed.db["budgets"]
            if b["fiscal_year"] == year and b["project__kind"] != EQUIPMENT
        ]
        assert last[1 + 2 * index] == len(amounts)
        assert Decimal(str(last[2 + 2 * index])) == sum(amounts)


def test_p02_family_prints_each_project_in_its_own_form(printed):
    forms = {
        ProjectKind.DEVELOPMENT: "p02",
        ProjectKind.COMMUNITY: "p02-1",
        ProjectKind.COORDINATION: "p02-2",
        ProjectKind.EQUIPMENT: "p03",
    }
    texts = {code: squashed_text(printed.pdf["dev", code]) for code in forms.values()}
    for project in printed.db["projects"]:
        for kind, code in forms.items():
            assert (normalized(project["name"]) in texts[code]) == (project["kind"] == kind)


def test_p02_and_p03_print_the_budget_of_every_year(printed):
    text = squashed_text(printed.pdf["dev", "book"])
    for budget in printed.db["budgets"]:
        assert format_money(budget["amount"]) in text


def test_p02_of_an_amendment_has_the_column_of_reasons(printed):
    text = squashed_text(printed.pdf["amendment", "p02"])
    assert normalized("เหตุผลความจำเป็น") in text
    for name, reason in printed.db["amendment_projects"]:
        assert normalized(name) in text and normalized(reason) in text
    assert normalized("เหตุผลความจำเป็น") not in squashed_text(printed.pdf["dev", "p02"])


def test_the_plan_book_has_cover_introduction_forms_and_page_numbers(printed):
    pdf = printed.pdf["ops", "book"]
    text = squashed_text(pdf)
    for words in ("แผนการดำเนินงาน", "ส่วนที่ 1 บทนำ", "ขั้นตอนที่ 4 การประกาศแผนการดำเนินงาน"):
        assert normalized(words) in text
    for entry in printed.db["entries"]:
        assert normalized(entry["name"]) in text
    for code in ("ผด.01", "ผด.02", "ผด.02/1"):
        assert code in text
    assert "-1-" in text and "-2-" in text
    sheets = printed.workbook("ops", "book").sheetnames
    assert sheets == ["ผด.01", "ผด.02", "ผด.02-1"]


def test_the_development_book_holds_every_form_with_projects(printed):
    text = squashed_text(printed.pdf["dev", "book"])
    for code in ("ผ.01", "ผ.02", "ผ.02/1", "ผ.02/2", "ผ.03"):
        assert code in text
    assert printed.workbook("dev", "book").sheetnames == [
        "ผ.01",
        "ผ.02",
        "ผ.02-1",
        "ผ.02-2",
        "ผ.03",
    ]


def test_the_announcement_names_the_plan_and_the_signer(printed):
    text = squashed_text(printed.pdf["ops", "announcement"])
    assert normalized("เรื่อง ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2552") in text
    assert normalized("(นายสมชาย ใจดี)") in text
