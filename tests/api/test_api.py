"""The public API: organizations, the index of editions, an edition's rows with filters,
search and pagination; bad input is a 422 with the field named, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


def test_organizations_are_listed_and_searched(client, announced, other_org):
    data = client.get("/api/v1/organizations").json()
    assert data["count"] == 2
    found = client.get("/api/v1/organizations", {"q": "ผไทริน"}).json()
    assert [o["slug"] for o in found["items"]] == ["phairin"]
    assert client.get("/api/v1/organizations/phairin").json()["full_name"] == (
        "องค์การบริหารส่วนตำบลผไทรินทร์"
    )
    assert client.get("/api/v1/organizations/nowhere").status_code == 404


def test_editions_are_filtered_by_organization_kind_and_fiscal_year(client, announced, dev_edition):
    ops = client.get("/api/v1/editions", {"kind": "ops", "fiscal_year": 2552}).json()
    assert [(e["kind"], e["id"]) for e in ops["items"]] == [("ops", announced.pk)]
    dev = client.get("/api/v1/editions", {"kind": "dev", "fiscal_year": 2553}).json()
    assert [e["id"] for e in dev["items"]] == [dev_edition.pk]
    assert client.get("/api/v1/editions", {"organization": "nongki"}).json()["count"] == 0
    edition = client.get(f"/api/v1/editions/ops/{announced.pk}").json()
    assert edition["state"] == "announced"
    assert edition["urls"]["oc4ids"] == f"/p/phairin/ops/{announced.pk}/oc4ids.json"


def test_entries_page_through_in_form_order(client, announced):
    url = f"/api/v1/editions/ops/{announced.pk}/entries"
    first = client.get(url, {"limit": 2}).json()
    second = client.get(url, {"limit": 2, "offset": 2}).json()
    assert first["count"] == 4
    codes = [e["code"] for e in first["items"] + second["items"]]
    assert codes == ["E0001", "E0002", "E0004", "E0003"]
    assert first["items"][0]["budget"] == "250000.00"


@pytest.mark.parametrize(
    ("params", "codes"),
    [
        ({"strategy": 2}, ["E0003"]),
        ({"village": 3}, ["E0002", "E0004"]),
        ({"carried_out_by": "other"}, ["E0004"]),
        ({"q": "ถนน"}, ["E0001", "E0004"]),
        ({"strategy": 9}, []),
        ({"village": 99}, []),
    ],
)
def test_entries_are_filtered(client, announced, params, codes):
    data = client.get(f"/api/v1/editions/ops/{announced.pk}/entries", params).json()
    assert [e["code"] for e in data["items"]] == codes


def test_an_entry_and_a_project_by_their_stable_codes(client, announced, dev_edition):
    entry = client.get(f"/api/v1/editions/ops/{announced.pk}/entries/E0002").json()
    assert entry["name"] == "วางท่อระบายน้ำ คสล. หมู่ที่ 3"
    assert entry["villages"] == [{"number": 3, "name": "โคกเพชร"}]
    project = client.get(f"/api/v1/editions/dev/{dev_edition.pk}/projects/P0001").json()
    assert [b["fiscal_year"] for b in project["budgets"]] == [2552, 2553, 2554]
    assert project["total_budget"] == "300000.00"
    listed = client.get(
        f"/api/v1/editions/dev/{dev_edition.pk}/projects", {"q": "ท่อระบายน้ำ"}
    ).json()
    assert [p["code"] for p in listed["items"]] == ["P0002"]


@pytest.mark.parametrize(
    ("url", "params", "field"),
    [
        ("/api/v1/organizations", {"limit": 0}, "limit"),
        ("/api/v1/organizations", {"limit": 100000}, "limit"),
        ("/api/v1/organizations", {"offset": -1}, "offset"),
        ("/api/v1/organizations", {"q": "a\x00b"}, "q"),
        ("/api/v1/editions", {"kind": "draft"}, "kind"),
        ("/api/v1/editions", {"fiscal_year": 99999999999999999999}, "fiscal_year"),
        ("/api/v1/editions/ops/99999999999999999999", {}, "edition_id"),
        ("/api/v1/editions/ops/abc", {}, "edition_id"),
        ("/api/v1/editions/ops/1/entries/a%20b", {}, "code"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(client, announced, url, params, field):
    response = client.get(url, params)
    assert response.status_code == 422
    assert field in [part for error in response.json()["detail"] for part in error["loc"]]


def test_the_openapi_document_describes_every_operation(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/editions/ops/{edition_id}/entries" in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"openapi.json" in docs.content
