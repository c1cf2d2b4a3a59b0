"""Downloads of a public edition: CSV (UTF-8 with BOM, so Excel reads Thai), XLSX, JSON,
OC4IDS project package and a Fiscal Data Package of its budget lines."""

from __future__ import annotations

import csv
import datetime
import io
import json
from decimal import Decimal

import xlsxwriter
from django.core.serializers.json import DjangoJSONEncoder

from localplan.core.thai_calendar import ce_year, fiscal_months, fiscal_year_range, mask_to_months
from localplan.portal.queries import OPS
from localplan.portal.records import edition_record, organization_record, rows_record

LICENSE = "https://opendatacommons.org/licenses/by/1-0/"
OWN, OTHER = "องค์กรดำเนินการเอง", "หน่วยงานอื่นดำเนินการ"


def _villages(record: dict) -> str:
    return ", ".join(f"หมู่ที่ {v['number']} {v['name']}" for v in record["villages"])


def _name(item: dict | None, key: str = "name") -> str:
    return item[key] if item else ""


def table(kind: str, edition, rows) -> tuple[list[str], list[list]]:
    """Header and rows of the spreadsheet downloads; money as Decimal."""
    records = rows_record(kind, edition, rows)
    if kind == OPS:
        header = [
            "รหัสรายการ", "ที่", "ยุทธศาสตร์", "แนวทางการพัฒนา", "รหัสแผนงาน", "แผนงาน",
            "โครงการ/กิจกรรม", "รายละเอียดของกิจกรรม", "งบประมาณ (บาท)", "แหล่งงบประมาณ",
            "สถานที่ดำเนินการ", "หมู่บ้าน", "หน่วยงานรับผิดชอบหลัก", "ผู้ดำเนินการ",
            "เดือนที่ดำเนินการ", "รหัสโครงการในแผนพัฒนา",
        ]  # fmt: skip
        body = [
            [
                r["code"], r["number"], f"{r['strategy']['number']}. {r['strategy']['name']}",
                _guideline(r), r["work_plan"]["code"], r["work_plan"]["name"], r["name"],
                r["details"], r["budget"], r["budget_source_label"], r["location"], _villages(r),
                _name(r["agency"]) if r["agency"] else _name(r["unit"]),
                OWN if r["carried_out_by"] == "own" else OTHER, ", ".join(r["month_labels"]),
                r["plan_project_code"] or "",
            ]
            for r in records
        ]  # fmt: skip
        return header, body
    years = edition.plan.fiscal_years
    header = [
        "รหัสโครงการ", "ที่", "ประเภท", "ยุทธศาสตร์", edition.plan.guideline_label, "รหัสแผนงาน",
        "แผนงาน", "ชื่อโครงการ", "วัตถุประสงค์", "เป้าหมาย (ผลผลิตของโครงการ)",
        *[f"งบประมาณ ปี {year} (บาท)" for year in years], "ตัวชี้วัด (KPI)",
        "ผลที่คาดว่าจะได้รับ", "หน่วยงานรับผิดชอบหลัก", "สถานที่ดำเนินการ", "หมู่บ้าน",
        "เหตุผลความจำเป็น",
    ]  # fmt: skip
    body = []
    for r in records:
        by_year = {b["fiscal_year"]: b["amount"] for b in r["budgets"]}
        body.append(
            [
                r["code"], r["number"], r["kind_label"],
                f"{r['strategy']['number']}. {r['strategy']['name']}", _guideline(r),
                r["work_plan"]["code"], r["work_plan"]["name"], r["name"], r["objective"],
                r["target"], *[by_year.get(year) for year in years], r["kpi"],
                r["expected_result"], _name(r["unit"]), r["location"], _villages(r), r["reason"],
            ]
        )  # fmt: skip
    return header, body


def _guideline(record: dict) -> str:
    guideline = record["guideline"]
    return f"{guideline['number']} {guideline['name']}" if guideline else ""


def to_csv(header: list[str], body: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in body:
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(header: list[str], body: list[list], *, title: str, note: str = "") -> bytes:
    """The title in the first row, `note` (what the rows were filtered by) in the second."""
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = workbook.add_worksheet("ข้อมูล")
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    money = workbook.add_format({"num_format": "#,##0.00"})
    sheet.write(0, 0, title, workbook.add_format({"bold": True, "font_size": 14}))
    if note:
        sheet.write(1, 0, note, workbook.add_format({"italic": True}))
    sheet.write_row(2, 0, header, bold)
    for index, row in enumerate(body, start=3):
        for column, value in enumerate(row):
            if isinstance(value, Decimal):
                sheet.write_number(index, column, float(value), money)
            elif value is None:
                sheet.write_blank(index, column, None)
            else:
                sheet.write(index, column, value)
    sheet.freeze_panes(3, 0)
    sheet.set_column(0, len(header) - 1, 18)
    workbook.close()
    return out.getvalue()


def to_json(data) -> bytes:
    """JSON with Decimal money as exact strings ("100000.00") and ISO dates."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


def edition_json(kind: str, edition, rows, announcement=None) -> dict:
    key = "entries" if kind == OPS else "projects"
    return {
        "organization": organization_record(edition.organization),
        "edition": edition_record(kind, edition, announcement),
        key: rows_record(kind, edition, rows),
    }


# ---------------------------------------------------------------- OC4IDS


def _timestamp(day: datetime.date, end: bool = False) -> str:
    moment = datetime.time(23, 59, 59) if end else datetime.time(0, 0, 0)
    return datetime.datetime.combine(day, moment).isoformat() + "+07:00"


def _month_period(mask: int, fiscal_year: int) -> dict:
    indexes = mask_to_months(mask)
    if not indexes:
        first, last = fiscal_year_range(fiscal_year)
        return {"startDate": _timestamp(first), "endDate": _timestamp(last, end=True)}
    months = fiscal_months(fiscal_year)
    start = months[indexes[0] - 1].first_day
    last = months[indexes[-1] - 1]
    following = datetime.date(ce_year(last.be_year) + (last.month == 12), last.month % 12 + 1, 1)
    end = following - datetime.timedelta(days=1)
    return {"startDate": _timestamp(start), "endDate": _timestamp(end, end=True)}


def _years_period(first_fiscal_year: int, last_fiscal_year: int) -> dict:
    start, _ = fiscal_year_range(first_fiscal_year)
    _, end = fiscal_year_range(last_fiscal_year)
    return {"startDate": _timestamp(start), "endDate": _timestamp(end, end=True)}


def _money(amount: Decimal) -> dict:
    return {"amount": float(amount), "currency": "THB"}


# แผนงาน → OC4IDS projectSector, where one fits.
SECTORS = {
    "00210": ["education"],
    "00220": ["health"],
    "00240": ["socialHousing"],
    "00260": ["cultureSportsAndRecreation"],
    "00310": ["transport"],
}


def oc4ids_package(kind: str, edition, rows, *, base_url: str, announcement=None) -> dict:
    """An OC4IDS project package: one project per entry (or plan project) of the edition."""
    organization = edition.organization
    org_party = {
        "id": f"TH-LAO-{organization.slug}",
        "name": organization.full_name,
        "address": {
            "locality": organization.subdistrict,
            "region": organization.province,
            "countryName": "ประเทศไทย",
        },
        "roles": ["publicAuthority", "funder"],
    }
    record = edition_record(kind, edition, announcement)
    published = record["announcement"]["announced_on"] if announcement else None
    projects = []
    for row in rows_record(kind, edition, rows):
        parties = [org_party]
        responsible = row["agency"] or row["unit"]
        if responsible:
            prefix = "agency" if row["agency"] else "unit"
            parties.append(
                {
                    "id": f"{org_party['id']}-{prefix}-{responsible['id']}",
                    "name": responsible["name"],
                    "roles": ["administrativeEntity"],
                }
            )
        if kind == OPS:
            fiscal_year = edition.plan.fiscal_year
            period = _month_period(_mask(row["months"]), fiscal_year)
            first, last = fiscal_year_range(fiscal_year)
            breakdown = [
                {
                    "id": f"{fiscal_year}-{row['budget_source']}",
                    "description": f"ปีงบประมาณ พ.ศ. {fiscal_year}: {row['budget_source_label']}",
                    "amount": _money(row["budget"]),
                    "period": {"startDate": _timestamp(first), "endDate": _timestamp(last, True)},
                    "sourceParty": {"id": org_party["id"], "name": org_party["name"]},
                }
            ]
            total = row["budget"]
            description = row["details"]
            status = "implementation"
            project_id = f"{org_party['id']}-ops-{fiscal_year}-{row['code']}"
        else:
            breakdown = []
            for budget in row["budgets"]:
                first, last = fiscal_year_range(budget["fiscal_year"])
                breakdown.append(
                    {
                        "id": str(budget["fiscal_year"]),
                        "description": f"ปีงบประมาณ พ.ศ. {budget['fiscal_year']}",
                        "amount": _money(budget["amount"]),
                        "period": {
                            "startDate": _timestamp(first),
                            "endDate": _timestamp(last, True),
                        },
                        "sourceParty": {"id": org_party["id"], "name": org_party["name"]},
                    }
                )
            years = [b["fiscal_year"] for b in row["budgets"]] or [record["first_fiscal_year"]]
            period = _years_period(min(years), max(years))
            total = row["total_budget"]
            description = row["objective"]
            status = "identification"
            project_id = f"{org_party['id']}-dev-{row['code']}"
        locations = [
            {"id": f"village-{v['number']}", "description": f"หมู่ที่ {v['number']} บ้าน{v['name']}"}
            for v in row["villages"]
        ]
        if row["location"]:
            locations.append({"id": "location", "description": row["location"]})
        project = {
            "id": project_id,
            "title": row["name"],
            "description": description,
            "status": status,
            "period": period,
            "sector": SECTORS.get(row["work_plan"]["code"], []),
            "additionalClassifications": [
                {
                    "scheme": "TH-LAO-strategy",
                    "id": str(row["strategy"]["number"]),
                    "description": row["strategy"]["name"],
                },
                {
                    "scheme": "TH-DLA-work-plan",
                    "id": row["work_plan"]["code"],
                    "description": row["work_plan"]["name"],
                },
            ],
            "locations": locations,
            "budget": {"amount": _money(total), "budgetBreakdown": breakdown},
            "parties": parties,
            "publicAuthority": {"id": org_party["id"], "name": org_party["name"]},
        }
        if not project["sector"]:
            del project["sector"]
        if not project["locations"]:
            del project["locations"]
        projects.append(project)
    package = {
        "uri": base_url + record["urls"]["oc4ids"],
        "version": "0.9",
        "publisher": {"name": organization.full_name},
        "license": LICENSE,
        "projects": projects,
    }
    if published:
        package["publishedDate"] = _timestamp(published)
    return package


def _mask(months: list[int]) -> int:
    return sum(1 << (index - 1) for index in months)


# ---------------------------------------------------------------- Fiscal Data Package

FDP_FIELDS = [
    ("fiscal_year", "integer", "date:fiscal-year", "ปีงบประมาณ (พ.ศ.)"),
    ("code", "string", "activity:generic:project:code", "รหัสโครงการ/รายการ"),
    ("name", "string", "activity:generic:project:label", "โครงการ/กิจกรรม"),
    ("strategy_code", "string", "activity:generic:program:code", "ยุทธศาสตร์ที่"),
    ("strategy", "string", "activity:generic:program:label", "ยุทธศาสตร์"),
    ("side", "string", "functional-classification:generic:level1:label", "ด้าน"),
    ("work_plan_code", "string", "functional-classification:generic:level2:code", "รหัสแผนงาน"),
    ("work_plan", "string", "functional-classification:generic:level2:label", "แผนงาน"),
    ("unit", "string", "administrative-classification:generic:level1:label", "หน่วยงาน"),
    ("source", "string", "fin-source:generic:level1:code", "แหล่งงบประมาณ"),
    ("source_label", "string", "fin-source:generic:level1:label", "แหล่งงบประมาณ"),
    ("amount", "number", "value", "งบประมาณ (บาท)"),
]


def budget_lines(kind: str, edition, rows) -> list[dict]:
    lines = []
    sides = {}
    for row in rows:
        sides[row.work_plan.code] = str(row.work_plan.side)
    for record in rows_record(kind, edition, rows):
        common = {
            "code": record["code"],
            "name": record["name"],
            "strategy_code": str(record["strategy"]["number"]),
            "strategy": record["strategy"]["name"],
            "side": sides[record["work_plan"]["code"]],
            "work_plan_code": record["work_plan"]["code"],
            "work_plan": record["work_plan"]["name"],
            "unit": _name(record["agency"]) if record["agency"] else _name(record["unit"]),
        }
        if kind == OPS:
            lines.append(
                {
                    "fiscal_year": edition.plan.fiscal_year,
                    **common,
                    "source": record["budget_source"],
                    "source_label": record["budget_source_label"],
                    "amount": record["budget"],
                }
            )
        else:
            for budget in record["budgets"]:
                lines.append(
                    {
                        "fiscal_year": budget["fiscal_year"],
                        **common,
                        "source": "plan",
                        "source_label": "แผนพัฒนา",
                        "amount": budget["amount"],
                    }
                )
    return lines


def fdp_csv(lines: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, [name for name, *_ in FDP_FIELDS], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(lines)
    return out.getvalue().encode("utf-8")


def fdp_descriptor(kind: str, edition, *, csv_path: str, base_url: str) -> dict:
    """datapackage.json of the Fiscal Data Package; its one resource is budget.csv."""
    record = edition_record(kind, edition)
    organization = edition.organization
    first, _ = fiscal_year_range(record["first_fiscal_year"])
    _, last = fiscal_year_range(record["last_fiscal_year"])
    return {
        "profile": "fiscal-data-package",
        "name": f"localplan-{organization.slug}-{kind}-{edition.pk}",
        "title": f"{record['title']} {record['label']} {organization.full_name}",
        "homepage": base_url + record["urls"]["page"],
        "licenses": [{"name": "ODC-BY-1.0", "path": LICENSE, "title": "Open Data Commons"}],
        "countryCode": "TH",
        "regionCode": organization.province,
        "cityCode": organization.slug,
        "fiscalPeriod": {"start": first.isoformat(), "end": last.isoformat()},
        "granularity": "aggregated",
        "status": "approved",
        "resources": [
            {
                "name": "budget",
                "path": csv_path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {
                            "name": name,
                            "type": field_type,
                            "title": title,
                            "columnType": column_type,
                            **({"decimalChar": "."} if field_type == "number" else {}),
                        }
                        for name, field_type, column_type, title in FDP_FIELDS
                    ],
                    "primaryKey": ["fiscal_year", "code"],
                },
            }
        ],
    }
