"""Downloads of an announced edition: CSV that Excel reads in Thai, XLSX, JSON with exact
money, an OC4IDS project package and a Fiscal Data Package that frictionless validates."""

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def download(client, edition, name, kind="ops"):
    url = reverse(f"portal:{kind}_{name}", kwargs={"org": "phairin", "edition_id": edition.pk})
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_the_csv_starts_with_a_bom_and_holds_every_entry(client, announced):
    response = download(client, announced, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["รหัสรายการ"] for row in rows] == ["E0001", "E0002", "E0004", "E0003"]
    assert sum(Decimal(row["งบประมาณ (บาท)"]) for row in rows) == Decimal("2170000.50")
    highway = rows[2]
    assert highway["ผู้ดำเนินการ"] == "หน่วยงานอื่นดำเนินการ"
    assert highway["หน่วยงานรับผิดชอบหลัก"] == "แขวงทางหลวงชนบทบุรีรัมย์"
    assert highway["หมู่บ้าน"] == "หมู่ที่ 1 หนองบัว, หมู่ที่ 3 โคกเพชร"
    assert highway["เดือนที่ดำเนินการ"] == "พ.ค. 2552, มิ.ย. 2552, ก.ค. 2552"


def test_the_xlsx_reads_back_with_the_same_figures(client, announced):
    response = download(client, announced, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2552" in sheet["A1"].value
    header = [cell.value for cell in sheet[3]]
    budget = header.index("งบประมาณ (บาท)")
    amounts = [row[budget] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert sum(Decimal(str(a)) for a in amounts) == Decimal("2170000.50")


def test_the_json_keeps_money_exact_and_identifiers_stable(client, announced):
    data = download(client, announced, "json").json()
    assert data["organization"]["slug"] == "phairin"
    assert data["edition"]["id"] == announced.pk
    assert data["edition"]["first_fiscal_year"] == 2552
    entries = {entry["code"]: entry for entry in data["entries"]}
    assert entries["E0002"]["budget"] == "120000.50"
    assert entries["E0002"]["months"] == [4, 5]
    assert entries["E0001"]["plan_project_code"] == "P0001"
    assert entries["E0004"]["carried_out_by"] == "other"


# The parts of the OC4IDS 0.9 project schema that LocalPlan fills, written out here
# (the published schema is not shipped in any package this project installs).
PERIOD = {
    "type": "object",
    "properties": {"startDate": {"type": "string", "format": "date-time"},
                   "endDate": {"type": "string", "format": "date-time"}},
}  # fmt: skip
VALUE = {
    "type": "object",
    "required": ["amount", "currency"],
    "properties": {"amount": {"type": "number"}, "currency": {"enum": ["THB"]}},
}
OC4IDS_PROJECT = {
    "type": "object",
    "required": ["id", "title", "status", "period", "budget", "parties", "publicAuthority"],
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "status": {"enum": ["identification", "preparation", "implementation", "completion",
                            "completed", "cancelled"]},
        "period": PERIOD,
        "sector": {"type": "array", "items": {"type": "string"}},
        "locations": {"type": "array", "items": {"type": "object", "required": ["id"]}},
        "budget": {
            "type": "object",
            "properties": {
                "amount": VALUE,
                "budgetBreakdown": {"type": "array", "items": {
                    "type": "object", "required": ["id"],
                    "properties": {"amount": VALUE, "period": PERIOD},
                }},
            },
        },
        "parties": {"type": "array", "items": {
            "type": "object", "required": ["id", "name", "roles"],
            "properties": {"roles": {"type": "array", "items": {"type": "string"}}},
        }},
        "publicAuthority": {"type": "object", "required": ["id", "name"]},
    },
}  # fmt: skip


@pytest.mark.parametrize("kind", ["ops", "dev"])
def test_the_oc4ids_package_has_one_valid_project_per_row(client, announced, dev_edition, kind):
    import jsonschema

    edition = announced if kind == "ops" else dev_edition
    package = download(client, edition, "oc4ids", kind).json()
    assert package["version"] == "0.9"
    assert package["uri"].startswith("http://testserver/p/phairin/")
    validator = jsonschema.Draft4Validator(
        OC4IDS_PROJECT, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    for project in package["projects"]:
        validator.validate(project)
        party_ids = {party["id"] for party in project["parties"]}
        assert project["publicAuthority"]["id"] in party_ids
    projects = {p["id"]: p for p in package["projects"]}
    if kind == "ops":
        road = projects["TH-LAO-phairin-ops-2552-E0001"]
        assert road["budget"]["amount"] == {"amount": 250000.0, "currency": "THB"}
        assert road["period"] == {
            "startDate": "2008-10-01T00:00:00+07:00",
            "endDate": "2008-12-31T23:59:59+07:00",
        }
        assert road["sector"] == ["transport"]
        assert {loc["description"] for loc in road["locations"]} == {"หมู่ที่ 1 บ้านหนองบัว", "หมู่ที่ 1"}
    else:
        road = projects["TH-LAO-phairin-dev-P0001"]
        years = [b["id"] for b in road["budget"]["budgetBreakdown"]]
        assert years == ["2552", "2553", "2554"]
        assert road["budget"]["amount"]["amount"] == 300000.0


@pytest.mark.parametrize("kind", ["ops", "dev"])
def test_the_fiscal_data_package_validates(client, announced, dev_edition, kind, tmp_path):
    from frictionless import Package, validate

    edition = announced if kind == "ops" else dev_edition
    descriptor = download(client, edition, "fdp", kind).json()
    assert descriptor["profile"] == "fiscal-data-package"
    assert descriptor["countryCode"] == "TH"
    budget = download(client, edition, "fdp_csv", kind).content
    # frictionless would fetch the fiscal profile from the web (no network here); the
    # package is checked as the tabular data package it extends, data against schema.
    descriptor["profile"] = "tabular-data-package"
    descriptor["resources"][0]["path"] = "budget.csv"
    (tmp_path / "budget.csv").write_bytes(budget)
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False))
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = Package(str(tmp_path / "datapackage.json")).get_resource("budget").read_rows()
    total = sum(Decimal(str(row["amount"])) for row in rows)
    assert total == (Decimal("2170000.50") if kind == "ops" else Decimal("900000.00"))
    columns = {f["name"]: f["columnType"] for f in descriptor["resources"][0]["schema"]["fields"]}
    assert columns["amount"] == "value" and columns["fiscal_year"] == "date:fiscal-year"


def test_a_broken_budget_file_fails_the_validation(client, announced, tmp_path):
    """The validation above can fail: a text in the amount column is caught."""
    from frictionless import validate

    descriptor = download(client, announced, "fdp").json()
    descriptor["profile"] = "tabular-data-package"
    descriptor["resources"][0]["path"] = "budget.csv"
    budget = download(client, announced, "fdp_csv").content.decode().replace("250000.00", "มาก")
    (tmp_path / "budget.csv").write_text(budget)
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False))
    assert not validate(str(tmp_path / "datapackage.json")).valid


def test_the_index_of_all_editions_lists_public_ones_with_their_files(client, announced, draft):
    data = client.get("/p/editions.json").json()
    ids = {(e["kind"], e["id"]) for e in data["editions"]}
    assert ("ops", announced.pk) in ids and ("ops", draft.pk) not in ids
    ops = next(e for e in data["editions"] if e["id"] == announced.pk and e["kind"] == "ops")
    assert ops["urls"]["csv"] == f"/p/phairin/ops/{announced.pk}/data.csv"
    assert [o["slug"] for o in data["organizations"]] == ["phairin"]


def _links(page: str) -> dict[str, str]:
    """The download links of an edition page, by their text."""
    import html
    import re

    section = page[page.index('id="downloads-heading"') :].split("</section>")[0]
    return {
        text: html.unescape(href)
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', section)
    }


def test_the_downloads_of_a_filtered_page_hold_the_filtered_rows_and_say_so(client, announced):
    """The page filtered by village 3 links files of its two entries, named and marked as
    filtered; the page unfiltered links the whole edition."""
    village = announced.entries.get(code="E0002").villages.get()
    page_url = reverse("portal:ops_edition", kwargs={"org": "phairin", "edition_id": announced.pk})
    page = client.get(page_url, {"village": village.pk, "q": "ถนน"}).content.decode()
    links = _links(page)
    assert "ตามที่กรอง" in page[page.index('id="downloads-heading"') :].split("</section>")[0]

    response = client.get(links["CSV"])
    assert "filtered" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["รหัสรายการ"] for row in rows] == ["E0004"]  # village 3 and "ถนน"

    response = client.get(links["Excel (XLSX)"])
    assert "filtered" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    note = sheet["A2"].value
    assert "ตามที่กรอง" in note and "หมู่ที่ 3" in note and "ถนน" in note
    codes = [row[0] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert codes == ["E0004"]

    data = client.get(links["JSON"]).json()
    assert [entry["code"] for entry in data["entries"]] == ["E0004"]
    assert data["filters"] == {"q": "ถนน", "village": village.pk}

    package = client.get(links["OC4IDS"]).json()
    assert len(package["projects"]) == 1
    descriptor = client.get(links["Fiscal Data Package"]).json()
    budget = client.get(descriptor["resources"][0]["path"].replace("http://testserver", ""))
    assert budget.content.decode("utf-8-sig").count("E0004") >= 1
    assert "E0001" not in budget.content.decode("utf-8-sig")

    whole = _links(client.get(page_url).content.decode())
    assert "?" not in whole["CSV"]
    rows = list(csv.DictReader(io.StringIO(client.get(whole["CSV"]).content.decode("utf-8-sig"))))
    assert len(rows) == 4


def test_a_bad_filter_on_a_download_is_ignored_not_an_error(client, announced):
    url = reverse("portal:ops_csv", kwargs={"org": "phairin", "edition_id": announced.pk})
    response = client.get(url, {"village": "abc", "strategy": "99999999999999999999"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 4


def test_the_development_plan_downloads_follow_its_filters(client, announced, dev_edition):
    strategy = dev_edition.projects.get(code="P0003").strategy
    page_url = reverse(
        "portal:dev_edition", kwargs={"org": "phairin", "edition_id": dev_edition.pk}
    )
    links = _links(client.get(page_url, {"strategy": strategy.pk}).content.decode())
    rows = list(csv.DictReader(io.StringIO(client.get(links["CSV"]).content.decode("utf-8-sig"))))
    assert [row["รหัสโครงการ"] for row in rows] == ["P0003"]
