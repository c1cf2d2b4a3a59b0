"""Malformed sheets, generated: missing columns, text in money columns, negative amounts,
unknown strategy codes, ค.ศ. years, empty rows, huge files, bytes that are no spreadsheet.
Every one is answered through the pages with row-level messages — never a server error —
and the database is the same afterwards."""

import io
import re

import pytest
import xlsxwriter
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localplan.budget import sheets
from localplan.budget.imports import importer_for
from tests.budget.conftest import build_world
from tests.budget.helpers import snapshot

GOOD = {
    "plan-projects": {
        "strategy": "1", "guideline": "1.1", "work_plan": "00310", "name": "โครงการก่อสร้างถนน",
        "year:2552": "100,000", "unit": "กองช่าง",
    },
    "budget-items": {
        "work_plan": "แผนงานอุตสาหกรรมและการโยธา", "category": "งบลงทุน", "name": "ค่าก่อสร้างถนน",
        "amount": "100,000", "fiscal_year": "2552", "plan_project_code": "P0001",
    },
    "agency-projects": {
        "agency": "แขวงทางหลวงชนบท", "name": "ซ่อมถนน", "budget": "100,000", "strategy": "1",
        "work_plan": "00310", "months": "ม.ค.–มี.ค.", "fiscal_year": "2552",
    },
}  # fmt: skip
MONEY = {"plan-projects": "year:2552", "budget-items": "amount", "agency-projects": "budget"}
CLASSIFIED = {
    "plan-projects": "strategy",
    "budget-items": "work_plan",
    "agency-projects": "strategy",
}
REQUIRED = {
    "plan-projects": ["strategy", "guideline", "work_plan", "name"],
    "budget-items": ["work_plan", "category", "name", "amount"],
    "agency-projects": ["agency", "name", "budget", "strategy", "work_plan"],
}
NOT_MONEY = st.text(alphabet="กขคงabcxyz!?/", min_size=1, max_size=12).filter(
    lambda text: text.strip() and not re.fullmatch(r"[\d,.\s]*", text)
)


@st.composite
def malformed(draw, kind):
    """(rows as dicts, the columns to drop, header renames, [(row index, column key)] that must
    be named in an error, whether a file-level problem is expected, extra padding rows)."""
    count = draw(st.integers(min_value=1, max_value=4))
    rows = [dict(GOOD[kind], name=f"{GOOD[kind]['name']} {i}") for i in range(count)]
    expect: list[tuple[int, str]] = []
    dropped: list[str] = []
    renamed: dict[str, str] = {}
    header_error = False
    faults = draw(
        st.lists(
            st.sampled_from(
                [
                    "text_money",
                    "negative",
                    "unknown_code",
                    "ce_year",
                    "missing_column",
                    "decimals",
                    "ill_formed_money",
                ]
            ),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    for fault in faults:
        index = draw(st.integers(min_value=0, max_value=count - 1))
        if fault == "text_money":
            rows[index][MONEY[kind]] = draw(NOT_MONEY)
            expect.append((index, MONEY[kind]))
        elif fault == "negative":
            rows[index][MONEY[kind]] = f"-{draw(st.integers(min_value=1, max_value=10**9)):,}"
            expect.append((index, MONEY[kind]))
        elif fault == "ill_formed_money":
            rows[index][MONEY[kind]] = draw(st.sampled_from(["1e6", "12,34,5", "1,2345", "1 000"]))
            expect.append((index, MONEY[kind]))
        elif fault == "decimals":
            rows[index][MONEY[kind]] = "100.125"
            expect.append((index, MONEY[kind]))
        elif fault == "unknown_code":
            rows[index][CLASSIFIED[kind]] = draw(st.sampled_from(["99", "๙๙", "x", "00999"]))
            expect.append((index, CLASSIFIED[kind]))
        elif fault == "ce_year":
            year = draw(st.integers(min_value=1900, max_value=2100))
            if kind == "plan-projects":
                renamed["year:2552"] = f"งบประมาณ ปี {year} (บาท)"
                header_error = True
            else:
                rows[index]["fiscal_year"] = str(year)
                expect.append((index, "fiscal_year"))
        elif fault == "missing_column":
            dropped.append(draw(st.sampled_from(REQUIRED[kind])))
            header_error = True
    # harmless untidiness mixed in: trailing spaces, empty rows
    if draw(st.booleans()):
        rows[0]["name"] = rows[0]["name"] + "   "
    empty_rows = draw(st.lists(st.integers(min_value=0, max_value=count), max_size=3))
    return rows, dropped, renamed, expect, header_error, empty_rows


def _workbook(importer, rows, dropped, renamed, empty_rows):
    """Title row, header row, data rows with blank rows slipped in; returns the bytes and the
    Excel row number of each data row."""
    columns = [c for c in importer.columns() if c.key not in dropped]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    sheet = workbook.add_worksheet()
    sheet.merge_range(0, 0, 0, 4, importer.title)
    for position, column in enumerate(columns):
        sheet.write_string(1, position, renamed.get(column.key, column.header))
    excel_row, numbers = 2, []
    for index, row in enumerate(rows):
        excel_row += empty_rows.count(index)
        for position, column in enumerate(columns):
            value = row.get(column.key, "")
            if value:
                sheet.write_string(excel_row, position, value)
        numbers.append(excel_row + 1)
        excel_row += 1
    workbook.close()
    return buffer.getvalue(), numbers, {c.key: c.header for c in importer.columns()}


@pytest.fixture
def world(org):
    """These tests write into the plan, so it is still a draft (an announced one is frozen)."""
    return build_world(org, announced=False)


@pytest.fixture
def targets(world):
    return {
        "plan-projects": world.edition.pk,
        "budget-items": world.document.pk,
        "agency-projects": 2552,
    }


def _post(client, org, kind, target, content, name="data.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = reverse(
        "budget:import_new", kwargs={"org": org.slug, "kind": kind, "target_id": target}
    )
    response = client.post(upload, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302, response.content.decode()[:500]
    preview = client.get(response["Location"])
    assert preview.status_code == 400, "a malformed file must show its errors"
    from localplan.budget.models import ImportBatch

    batch = ImportBatch.objects.filter(organization=org, kind=kind).latest("id")
    confirm = client.post(response["Location"], {"batch": batch.pk})
    assert confirm.status_code in {200, 302, 400}
    return batch.preview["errors"], preview.content.decode()


@pytest.mark.parametrize("kind", ["plan-projects", "budget-items", "agency-projects"])
def test_malformed_sheets_get_row_level_messages_and_change_nothing(
    kind, client, world, targets, planner
):
    client.force_login(planner.user)
    importer = importer_for(kind, world.org, targets[kind])
    before = snapshot(world.org)

    @settings(
        max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
    )
    @given(case=malformed(kind))
    def check(case):
        rows, dropped, renamed, expect, header_error, empty_rows = case
        content, numbers, headers = _workbook(importer, rows, dropped, renamed, empty_rows)
        errors, page = _post(client, world.org, kind, targets[kind], content)
        assert errors, "no error reported"
        for error in errors:
            assert error["row"] >= 1 and error["expected"].strip()
            assert f"<td>{error['row']}</td>" in page
        if header_error:
            assert any(error["row"] == 2 for error in errors), "the header row is named"
        else:
            located = {(error["row"], error["column"]) for error in errors}
            for index, key in expect:
                assert (numbers[index], headers[key]) in located
        assert snapshot(world.org) == before

    check()


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(
    content=st.one_of(
        st.binary(min_size=1, max_size=300),
        st.binary(max_size=200).map(lambda b: b"PK\x03\x04" + b),
    )
)
def test_bytes_that_are_no_spreadsheet_get_a_message(content):
    from localplan.budget.imports.base import Validation  # noqa: F401  (import under test)
    from localplan.budget.sheets import UnreadableFile, read_rows, read_table

    try:
        rows = read_rows(content)
    except UnreadableFile as refusal:
        assert str(refusal)
        return
    table = read_table(rows, importer_columns())
    assert table.errors and all(error.row >= 1 and error.expected for error in table.errors)


def importer_columns():
    from localplan.budget.sheets import Column

    return [
        Column("name", "รายการ", "ชื่อ", required=True),
        Column("amount", "จำนวนเงิน", "เงิน", required=True),
    ]


def test_a_huge_file_is_refused_at_the_first_row_past_the_limit(
    client, world, targets, planner, monkeypatch
):
    monkeypatch.setattr(sheets, "MAX_DATA_ROWS", 30)
    client.force_login(planner.user)
    importer = importer_for("budget-items", world.org, world.document.pk)
    before = snapshot(world.org)
    rows = [dict(GOOD["budget-items"], name=f"รายการ {i}") for i in range(45)]
    content, numbers, _headers = _workbook(importer, rows, [], {}, [])
    errors, _page = _post(client, world.org, "budget-items", world.document.pk, content)
    (error,) = errors
    assert error["row"] == numbers[30]
    assert "ไม่เกิน 30 แถว" in error["expected"]
    assert snapshot(world.org) == before


def test_a_file_over_ten_megabytes_is_refused_before_it_is_read(client, world, targets, planner):
    client.force_login(planner.user)
    url = reverse(
        "budget:import_new",
        kwargs={"org": world.org.slug, "kind": "budget-items", "target_id": world.document.pk},
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("big.csv", b"a" * (sheets.MAX_UPLOAD_BYTES + 1))
    response = client.post(url, {"file": big})
    assert response.status_code == 400 and "ไฟล์ใหญ่เกิน 10 MB" in response.content.decode()
