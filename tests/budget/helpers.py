"""Making spreadsheets as officers do, and proving the database did not change."""

import hashlib
import io
import json

import xlsxwriter
from django.core import serializers

from localplan.budget.imports import importer_for
from localplan.budget.models import AgencyProject, BudgetItem
from localplan.budget.services.imports import confirm_import, upload_import
from localplan.budget.sheets import write_workbook
from localplan.core.models import Agency, AuditLog
from localplan.devplan.models import PlanProject, PlanProjectVillage, ProjectBudget
from localplan.opsplan.models import OpsEntry


def xlsx(rows, *, merge_title: str | None = None) -> bytes:
    """A workbook with the given rows (lists of cell values) from A1, or under a merged title."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    sheet = workbook.add_worksheet("ข้อมูล")
    start = 0
    if merge_title:
        sheet.merge_range(0, 0, 0, 5, merge_title)
        start = 2
    for index, row in enumerate(rows):
        for column, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, int | float):
                sheet.write_number(start + index, column, value)
            else:
                sheet.write_string(start + index, column, str(value))
    workbook.close()
    return buffer.getvalue()


def template_rows(kind, org, target_id, rows: list[dict]) -> bytes:
    """The official template, with the example row replaced by these rows (by column key)."""
    importer = importer_for(kind, org, target_id)
    columns = importer.columns()
    data = [[row.get(column.key, "") for column in columns] for row in rows]
    return write_workbook(title=importer.title, columns=columns, rows=data)


def export_file(kind, org, target_id) -> bytes:
    importer = importer_for(kind, org, target_id)
    return write_workbook(
        title=importer.title, columns=importer.columns(), rows=importer.export_rows()
    )


def upload(kind, target_id, by, content, filename="data.xlsx"):
    return upload_import(kind=kind, target_id=target_id, by=by, filename=filename, content=content)


def import_file(kind, target_id, by, content, filename="data.xlsx"):
    """Upload and confirm; the batch's preview must be free of errors."""
    batch = upload(kind, target_id, by, content, filename)
    assert not batch.preview["errors"], batch.preview["errors"]
    confirm_import(batch=batch, by=by)
    return batch


def snapshot(org) -> str:
    """Every row an import or the draft may touch, serialized: equal snapshots, equal data."""
    querysets = [
        PlanProject.objects.filter(organization=org),
        ProjectBudget.objects.filter(organization=org),
        PlanProjectVillage.objects.filter(organization=org),
        BudgetItem.objects.filter(organization=org),
        AgencyProject.objects.filter(organization=org),
        Agency.objects.filter(organization=org),
        OpsEntry.objects.filter(organization=org),
        AuditLog.objects.filter(organization=org),
    ]
    rows = []
    for queryset in querysets:
        rows.append(json.loads(serializers.serialize("json", queryset.order_by("pk"))))
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


def errors_by_column(batch) -> dict[str, list[dict]]:
    found = {}
    for error in batch.preview["errors"]:
        found.setdefault(error["column"], []).append(error)
    return found
