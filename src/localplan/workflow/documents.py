"""The comparison of two editions as PDF (Typst, Sarabun, Thai cut into words) and XLSX."""

from __future__ import annotations

import io
import json
from functools import lru_cache
from pathlib import Path

import typst
import xlsxwriter
from django.utils.translation import gettext as _
from pythainlp.tokenize import word_tokenize

from localplan.core.thai_calendar import format_money
from localplan.workflow.compare import Comparison

TEMPLATE = Path(__file__).resolve().parent / "typst" / "compare.typ"
FONTS = Path(__file__).resolve().parents[1] / "core" / "static" / "fonts"


@lru_cache(maxsize=20000)
def _words(text: str) -> tuple[str, ...]:
    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=True))


def words(text) -> list[str]:
    """Thai text cut into words (whitespace kept), so a PDF line never breaks inside one."""
    text = "" if text is None else str(text)
    return list(_words(text)) if text else ["-"]


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
    headings = _headings(comparison)
    data = {
        "title": headings["title"],
        "heading": words(headings["heading"]),
        "subheading": words(headings["subheading"]),
        "organization": words(headings["organization"]),
        "summary": words(headings["summary"]),
        "footer": _("หน้า"),
        "totals_heading": words(_("งบประมาณรวมรายปี (บาท)")),
        "totals_header": [
            words(_("ปีงบประมาณ")),
            words(_("ก่อน")),
            words(_("หลัง")),
            words(_("ผลต่าง")),
        ],
        "totals": [
            [words(str(year)), [format_money(before)], [format_money(after)], [format_money(diff)]]
            for year, before, after, diff in comparison.year_rows
        ]
        + [
            [
                words(_("รวม")),
                [format_money(comparison.total_before)],
                [format_money(comparison.total_after)],
                [format_money(comparison.total_after - comparison.total_before)],
            ]
        ],
        "rows_heading": words(_("รายการที่แตกต่าง")),
        "rows_header": [
            words(_("รหัส")),
            words(_("โครงการ/รายการ")),
            words(_("การเปลี่ยนแปลง")),
            words(_("รายละเอียด (เดิม → ใหม่)")),
            words(_("เหตุผลความจำเป็น")),
        ],
        "rows": [
            {
                "code": [row.code],
                "name": words(row.name),
                "status": words(row.status_label),
                "changes": [
                    {"label": words(c.label), "old": words(c.old), "new": words(c.new)}
                    for c in row.changes
                ],
                "reason": words(row.reason or "-"),
            }
            for row in comparison.rows
        ],
    }
    return typst.compile(
        str(TEMPLATE),
        font_paths=[str(FONTS)],
        ignore_system_fonts=True,
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
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
    summary.write_number(row_number, 3, comparison.total_after - comparison.total_before, money)
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
