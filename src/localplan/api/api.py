"""The public, read-only API: announced plans as data. One NinjaAPI; OpenAPI at
/api/openapi.json, documentation at /api/docs. Every plan read goes through
`portal.queries.public_editions`, so a draft is never answered."""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import NinjaAPI, Path, Query, Router

from localplan.api.schemas import (
    EditionOut,
    EditionPage,
    EntryOut,
    EntryPage,
    ErrorOut,
    OrganizationOut,
    OrganizationPage,
    ProjectOut,
    ProjectPage,
    ValidationErrorOut,
)
from localplan.core.models import Unit, Village
from localplan.portal import queries
from localplan.portal.queries import DEV, OPS
from localplan.portal.records import (
    edition_record,
    entry_record,
    organization_record,
    project_record,
)
from localplan.strategy.models import Strategy

MAX_ID = 2**31 - 1
MAX_OFFSET = 1_000_000
SLUG = r"^[-a-zA-Z0-9_]{1,50}$"
CODE = r"^[-a-zA-Z0-9_.]{1,32}$"
TEXT = r"^[^\x00]*$"

api = NinjaAPI(
    title="LocalPlan API",
    version="1.0",
    description=(
        "แผนพัฒนาและแผนการดำเนินงานที่ประกาศใช้แล้วขององค์กรปกครองส่วนท้องถิ่น อ่านอย่างเดียว "
        "ไม่ต้องลงทะเบียน — Announced development and operational plans of Thai local "
        "governments; public and read-only. Money is a decimal string in baht; fiscal years "
        "are Buddhist-era (พ.ศ.) integers."
    ),
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def refused(request, exc):
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=422)


ERRORS = {404: ErrorOut, 422: ValidationErrorOut}
Limit = Query(50, ge=1, le=500, description="จำนวนรายการต่อหน้า (1–500)")
Offset = Query(0, ge=0, le=MAX_OFFSET, description="ข้ามไปกี่รายการ")


def page(items: list, limit: int, offset: int) -> dict:
    return {
        "count": len(items),
        "limit": limit,
        "offset": offset,
        "items": items[offset : offset + limit],
    }


organizations = Router(tags=["organizations"])


@organizations.get("", response={200: OrganizationPage, 422: ValidationErrorOut})
def list_organizations(
    request,
    q: str = Query("", max_length=120, pattern=TEXT, description="ชื่อ ตำบล อำเภอ หรือจังหวัด"),
    province: str = Query("", max_length=80, pattern=TEXT),
    limit: int = Limit,
    offset: int = Offset,
):
    """Organizations, with search by name, subdistrict, district or province."""
    found = queries.organizations(text=q.strip(), province=province.strip())
    total = found.count()
    items = [organization_record(o) for o in found[offset : offset + limit]]
    return {"count": total, "limit": limit, "offset": offset, "items": items}


@organizations.get("/{slug}", response={200: OrganizationOut, **ERRORS})
def get_organization(request, slug: str = Path(..., pattern=SLUG)):
    return organization_record(queries.public_organization(slug))


editions = Router(tags=["editions"])


@editions.get("", response={200: EditionPage, 422: ValidationErrorOut})
def list_editions(
    request,
    organization: str | None = Query(None, pattern=SLUG, description="slug ขององค์กร"),
    kind: Literal["ops", "dev"] | None = Query(
        None, description="ops = แผนการดำเนินงาน, dev = แผนพัฒนา"
    ),
    fiscal_year: int | None = Query(None, ge=2400, le=2700, description="ปีงบประมาณ พ.ศ."),
    limit: int = Limit,
    offset: int = Offset,
):
    """Every announced (and superseded) edition: the machine-readable index."""
    found = []
    for edition_kind in (OPS, DEV) if kind is None else (kind,):
        editions_of_kind = queries.public_editions(edition_kind)
        if organization:
            editions_of_kind = editions_of_kind.filter(organization__slug=organization)
        if fiscal_year is not None:
            if edition_kind == OPS:
                editions_of_kind = editions_of_kind.filter(plan__fiscal_year=fiscal_year)
            else:
                editions_of_kind = editions_of_kind.filter(
                    plan__first_fiscal_year__lte=fiscal_year,
                    plan__last_fiscal_year__gte=fiscal_year,
                )
        editions_of_kind = list(editions_of_kind.order_by("pk"))
        announcements = queries.announcements_by_edition(edition_kind, editions_of_kind)
        found.extend(
            edition_record(edition_kind, e, announcements.get(e.pk)) for e in editions_of_kind
        )
    return page(found, limit, offset)


def _edition(kind: str, edition_id: int):
    edition = queries.public_editions(kind).filter(pk=edition_id).first()
    if edition is None:
        raise Http404
    return edition


EditionId = Path(..., ge=1, le=MAX_ID, description="รหัสฉบับ")


@editions.get("/ops/{edition_id}", response={200: EditionOut, **ERRORS})
def get_ops_edition(request, edition_id: int = EditionId):
    edition = _edition(OPS, edition_id)
    return edition_record(OPS, edition, queries.public_announcement(OPS, edition))


@editions.get("/dev/{edition_id}", response={200: EditionOut, **ERRORS})
def get_dev_edition(request, edition_id: int = EditionId):
    edition = _edition(DEV, edition_id)
    return edition_record(DEV, edition, queries.public_announcement(DEV, edition))


def _row_filters(edition, strategy, village, unit) -> dict | None:
    """Numbers people use (ยุทธศาสตร์ที่, หมู่ที่) → rows; None when one names nothing."""
    org = edition.organization
    filters = {}
    lookups = (
        ("strategy", strategy, Strategy.objects.filter(organization=org, number=strategy)),
        ("village", village, Village.objects.filter(organization=org, number=village)),
        ("unit", unit, Unit.objects.filter(organization=org, pk=unit)),
    )
    for name, value, found in lookups:
        if value is not None:
            row = found.first()
            if row is None:
                return None
            filters[name] = row
    return filters


SmallNumber = {"ge": 1, "le": 32767}


@editions.get("/ops/{edition_id}/entries", response={200: EntryPage, **ERRORS})
def list_entries(
    request,
    edition_id: int = EditionId,
    strategy: int | None = Query(None, **SmallNumber, description="ยุทธศาสตร์ที่"),
    village: int | None = Query(None, **SmallNumber, description="หมู่ที่"),
    unit: int | None = Query(None, ge=1, le=MAX_ID, description="รหัสหน่วยงาน"),
    carried_out_by: Literal["own", "other"] | None = Query(None),
    q: str = Query("", max_length=200, pattern=TEXT, description="ค้นหาคำ (ตัดคำภาษาไทย)"),
    limit: int = Limit,
    offset: int = Offset,
):
    """The entries of an announced operational plan in form order."""
    edition = _edition(OPS, edition_id)
    filters = _row_filters(edition, strategy, village, unit)
    if filters is None:
        return page([], limit, offset)
    if carried_out_by:
        filters["carried_out_by"] = carried_out_by
    if q.strip():
        filters["q"] = q
    entries = queries.public_entries(edition, filters)
    fiscal_year = edition.plan.fiscal_year
    shown = entries[offset : offset + limit]
    return {
        "count": len(entries),
        "limit": limit,
        "offset": offset,
        "items": [entry_record(entry, fiscal_year) for entry in shown],
    }


@editions.get("/ops/{edition_id}/entries/{code}", response={200: EntryOut, **ERRORS})
def get_entry(request, edition_id: int = EditionId, code: str = Path(..., pattern=CODE)):
    edition = _edition(OPS, edition_id)
    entry = queries.public_entry(edition, code)
    return entry_record(entry, edition.plan.fiscal_year)


@editions.get("/dev/{edition_id}/projects", response={200: ProjectPage, **ERRORS})
def list_projects(
    request,
    edition_id: int = EditionId,
    strategy: int | None = Query(None, **SmallNumber, description="ยุทธศาสตร์ที่"),
    village: int | None = Query(None, **SmallNumber, description="หมู่ที่"),
    unit: int | None = Query(None, ge=1, le=MAX_ID, description="รหัสหน่วยงาน"),
    q: str = Query("", max_length=200, pattern=TEXT, description="ค้นหาคำ (ตัดคำภาษาไทย)"),
    limit: int = Limit,
    offset: int = Offset,
):
    """The projects of an announced development plan in form order."""
    edition = _edition(DEV, edition_id)
    filters = _row_filters(edition, strategy, village, unit)
    if filters is None:
        return page([], limit, offset)
    if q.strip():
        filters["q"] = q
    projects = queries.public_projects(edition, filters)
    shown = projects[offset : offset + limit]
    return {
        "count": len(projects),
        "limit": limit,
        "offset": offset,
        "items": [project_record(project) for project in shown],
    }


@editions.get("/dev/{edition_id}/projects/{code}", response={200: ProjectOut, **ERRORS})
def get_project(request, edition_id: int = EditionId, code: str = Path(..., pattern=CODE)):
    return project_record(queries.public_project(_edition(DEV, edition_id), code))


api.add_router("/v1/organizations", organizations)
api.add_router("/v1/editions", editions)
