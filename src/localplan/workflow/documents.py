"""The comparison of two editions as PDF (Typst, with the documents app's shared pieces,
fonts and Thai word cutting) and as XLSX."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import typst
import xlsxwriter
from django.utils.translation import gettext as _

from localplan.documents.typesetting import FONTS_DIR, prepare
from localplan.workflow.compare import Comparison

# The Typst root is the package, so that the template imports the documents app's pieces.
ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).resolve().parent / "typst" / "compare.typ"


def _headings(comparison: Comparison) -> dict:
    organization = comparison.new.organization
    return {
        "title": _("เปรียบเทียบฉบับ"),
        "heading": _("เปรียบเทียบ %(old)s กับ %(new)s")
        % {"old": comparison.old.label, "new": comparison.new.label},
        "subheading": str(comparison.new.plan),
        "organization": organization.full_name,
        "summary": _(
            "เพิ่มใหม่ %(added)s · เปลี่ยนแปลง %(changed)s · ตัดออก %(removed)s · จำนวนโครงการ %(before)s → %(after)s"
        )
        % {
            "added": len(comparison.added),
            "changed": len(comparison.changed),
            "removed": len(comparison.removed),
            "before": comparison.count_before,
            "after": comparison.count_after,
        },
    }


def comparison_pdf(comparison: Comparison) -> bytes:
    """A4 landscape, laid out with the documents app's shared Typst pieces and fonts."""
    headings = _headings(comparison)
    data = {
        "doc_title": headings["title"],
        "title": [headings["heading"], headings["subheading"], headings["organization"]],
        "summary": headings["summary"],
        "totals_heading": _("งบประมาณรวมรายปี (บาท)"),
        "totals_header": [_("ปีงบประมาณ"), _("ก่อน"), _("หลัง"), _("ผลต่าง")],
        "totals": [list(row) for row in comparison.year_rows]
        + [
            [
                _("รวม"),
                comparison.total_before,
                comparison.total_after,
                comparison.total_difference,
            ]
        ],
        "rows_heading": _("รายการที่แตกต่าง"),
        "rows_header": [
            _("รหัส"),
            _("โครงการ/รายการ"),
            _("การเปลี่ยนแปลง"),
            _("รายละเอียด (เดิม → ใหม่)"),
            _("เหตุผลความจำเป็น"),
        ],
        "empty": _("ไม่มีความแตกต่าง"),
        "rows": [
            {
                "code": row.code,
                "name": row.name,
                "status": row.status_label,
                "changes": [{"label": c.label, "old": c.old, "new": c.new} for c in row.changes],
                "reason": row.reason or "-",
            }
            for row in comparison.rows
        ],
    }
    payload = prepare(data)
    timestamp = max(comparison.old.created_at, comparison.new.created_at)
    return typst.compile(
        str(TEMPLATE),
        root=str(ROOT),
        font_paths=[str(FONTS_DIR)],
        ignore_system_fonts=True,
        sys_inputs={"data": json.dumps(payload, ensure_ascii=False)},
        timestamp=timestamp.astimezone(datetime.UTC).replace(microsecond=0),
        pdf_tags=False,
    )


def comparison_xlsx(comparison: Comparison) -> bytes:
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    bold = book.add_format({"bold": True, "font_name": "Sarabun"})
    text = book.add_format({"font_name": "Sarabun", "text_wrap": True, "valign": "top"})
    money = book.add_format({"font_name": "Sarabun", "num_format": "#,##0.00"})
    headings = _headings(comparison)

    summary = book.add_worksheet(_("สรุป"))
    summary.write(0, 0, headings["heading"], bold)
    summary.write(1, 0, headings["subheading"], text)
    summary.write(2, 0, headings["organization"], text)
    summary.write(3, 0, headings["summary"], text)
    header = [_("ปีงบประมาณ"), _("ก่อน (บาท)"), _("หลัง (บาท)"), _("ผลต่าง (บาท)")]
    for column, title in enumerate(header):
        summary.write(5, column, title, bold)
    row_number = 6
    for year, before, after, difference in comparison.year_rows:
        summary.write_number(row_number, 0, year, text)
        summary.write_number(row_number, 1, before, money)
        summary.write_number(row_number, 2, after, money)
        summary.write_number(row_number, 3, difference, money)
        row_number += 1
    summary.write(row_number, 0, _("รวม"), bold)
    summary.write_number(row_number, 1, comparison.total_before, money)
    summary.write_number(row_number, 2, comparison.total_after, money)
    summary.write_number(row_number, 3, comparison.total_difference, money)
    summary.set_column(0, 0, 16)
    summary.set_column(1, 3, 18)

    sheet = book.add_worksheet(_("รายการที่แตกต่าง"))
    columns = [
        _("รหัส"),
        _("โครงการ/รายการ"),
        _("การเปลี่ยนแปลง"),
        _("รายการที่เปลี่ยน"),
        _("เดิม"),
        _("ใหม่"),
        _("เหตุผลความจำเป็น"),
    ]
    for column, title in enumerate(columns):
        sheet.write(0, column, title, bold)
    line = 1
    for row in comparison.rows:
        changes = row.changes or [None]
        for change in changes:
            sheet.write(line, 0, row.code, text)
            sheet.write(line, 1, row.name, text)
            sheet.write(line, 2, row.status_label, text)
            if change is not None:
                sheet.write(line, 3, change.label, text)
                sheet.write(line, 4, change.old, text)
                sheet.write(line, 5, change.new, text)
            sheet.write(line, 6, row.reason, text)
            line += 1
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.repeat_rows(0)
    sheet.set_column(0, 0, 9)
    sheet.set_column(1, 1, 40)
    sheet.set_column(2, 2, 14)
    sheet.set_column(3, 3, 22)
    sheet.set_column(4, 5, 30)
    sheet.set_column(6, 6, 40)
    book.close()
    return output.getvalue()
