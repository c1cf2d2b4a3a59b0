"""Export → import of each kind of sheet changes nothing; an edited export changes exactly
what was edited."""

import io

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from localplan.budget.imports import importer_for
from localplan.budget.sheets import write_csv
from localplan.core.models import EditionState
from tests.budget.factories import AgencyProjectFactory
from tests.budget.helpers import export_file, import_file, snapshot, upload


@pytest.fixture
def targets(world):
    world.edition.state = EditionState.DRAFTING
    world.edition.save()
    AgencyProjectFactory(
        organization=world.org,
        strategy=world.strategies[0],
        guideline=world.guidelines["1.1"],
        work_plan=world.items[0].work_plan,
    )
    return {
        "plan-projects": world.edition.pk,
        "budget-items": world.document.pk,
        "agency-projects": 2552,
    }


@pytest.mark.parametrize("kind", ["plan-projects", "budget-items", "agency-projects"])
def test_an_exported_sheet_imports_as_unchanged(kind, world, targets, planner):
    target = targets[kind]
    before = snapshot(world.org)
    batch = upload(kind, target, planner, export_file(kind, world.org, target))
    counts = batch.preview["counts"]
    assert batch.preview["errors"] == []
    assert counts["create"] == counts["update"] == 0 and counts["unchanged"] > 0
    assert snapshot(world.org) == before


@pytest.mark.parametrize("kind", ["plan-projects", "budget-items", "agency-projects"])
def test_an_exported_csv_imports_as_unchanged(kind, world, targets, planner):
    target = targets[kind]
    importer = importer_for(kind, world.org, target)
    content = write_csv(columns=importer.columns(), rows=importer.export_rows())
    batch = upload(kind, target, planner, content, filename="data.csv")
    assert batch.preview["errors"] == []
    assert batch.preview["counts"]["create"] == batch.preview["counts"]["update"] == 0


def test_an_edited_export_changes_only_the_edited_cell(world, targets, planner):
    content = export_file("budget-items", world.org, world.document.pk)
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    header = rows[1]
    amount = header.index("จำนวนเงิน (บาท)")
    rows[2][amount] = "1,000.00"
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    for index, row in enumerate(rows):
        sheet.write_row(index, 0, [str(value) for value in row])
    workbook.close()
    batch = import_file("budget-items", world.document.pk, planner, buffer.getvalue())
    assert batch.preview["counts"] == {"create": 0, "update": 1, "unchanged": 3}
    (row,) = [r for r in batch.preview["rows"] if r["action"] == "update"]
    assert row["changes"] == [["จำนวนเงิน (บาท)", "514,080.00", "1,000.00"]]
