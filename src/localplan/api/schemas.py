"""What the public API answers. The same shapes as the JSON downloads (portal/records.py)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Literal

from ninja import Schema


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: list[dict[str, Any]]


class IdName(Schema):
    id: int
    name: str


class VillageOut(Schema):
    number: int
    name: str


class StrategyOut(Schema):
    number: int
    name: str


class GuidelineOut(Schema):
    number: str
    name: str


class WorkPlanOut(Schema):
    code: str
    name: str


class OrganizationOut(Schema):
    slug: str
    kind: str
    kind_label: str
    name: str
    full_name: str
    short_name: str
    province: str
    district: str
    subdistrict: str
    url: str


class AnnouncementOut(Schema):
    number: str
    announced_on: datetime.date
    posting_starts_on: datetime.date
    sha256: str
    pdf: str


class EditionUrls(Schema):
    page: str
    csv: str
    xlsx: str
    data_json: str
    oc4ids: str
    fiscal_data_package: str


class EditionOut(Schema):
    id: int
    kind: Literal["ops", "dev"]
    organization: str
    title: str
    label: str
    amendment_kind: str
    sequence: int
    sequence_year: int | None
    state: str
    state_label: str
    first_fiscal_year: int
    last_fiscal_year: int
    announcement: AnnouncementOut | None
    urls: EditionUrls


class EntryOut(Schema):
    code: str
    number: int
    name: str
    details: str
    kind: str
    kind_label: str
    budget: Decimal
    budget_source: str
    budget_source_label: str
    location: str
    villages: list[VillageOut]
    carried_out_by: Literal["own", "other"]
    unit: IdName | None
    agency: IdName | None
    months: list[int]
    month_labels: list[str]
    strategy: StrategyOut
    guideline: GuidelineOut | None
    work_plan: WorkPlanOut
    plan_project_code: str | None


class BudgetOut(Schema):
    fiscal_year: int
    amount: Decimal


class ProjectOut(Schema):
    code: str
    number: int
    kind: str
    kind_label: str
    name: str
    objective: str
    target: str
    kpi: str
    expected_result: str
    location: str
    villages: list[VillageOut]
    unit: IdName | None
    agency: IdName | None
    equipment_category: str
    equipment_type: str
    reason: str
    budgets: list[BudgetOut]
    total_budget: Decimal
    strategy: StrategyOut
    guideline: GuidelineOut | None
    work_plan: WorkPlanOut


class PageMeta(Schema):
    count: int
    limit: int
    offset: int


class OrganizationPage(PageMeta):
    items: list[OrganizationOut]


class EditionPage(PageMeta):
    items: list[EditionOut]


class EntryPage(PageMeta):
    items: list[EntryOut]


class ProjectPage(PageMeta):
    items: list[ProjectOut]
