"""Plain data for one public edition and its rows: what the JSON download, the API and the
open-data exports say, in one place. Money stays Decimal; identifiers are the stable ones
(organization slug, edition id, entry and project codes)."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from localplan.core.thai_calendar import fiscal_months, mask_to_months
from localplan.devplan.queries import budgets_by_year
from localplan.portal.queries import OPS


def named(obj, *fields: str) -> dict | None:
    if obj is None:
        return None
    return {name: getattr(obj, name) for name in fields}


def organization_record(organization) -> dict:
    return {
        "slug": organization.slug,
        "kind": organization.kind,
        "kind_label": str(organization.get_kind_display()),
        "name": organization.name,
        "full_name": organization.full_name,
        "short_name": organization.short_name,
        "province": organization.province,
        "district": organization.district,
        "subdistrict": organization.subdistrict,
        "url": reverse("portal:organization", kwargs={"org": organization.slug}),
    }


def edition_urls(kind: str, edition) -> dict:
    args = {"org": edition.organization.slug, "edition_id": edition.pk}
    names = {
        "page": f"portal:{kind}_edition",
        "csv": f"portal:{kind}_csv",
        "xlsx": f"portal:{kind}_xlsx",
        "data_json": f"portal:{kind}_json",
        "oc4ids": f"portal:{kind}_oc4ids",
        "fiscal_data_package": f"portal:{kind}_fdp",
    }
    return {key: reverse(name, kwargs=args) for key, name in names.items()}


def edition_record(kind: str, edition, announcement=None) -> dict:
    plan = edition.plan
    if kind == OPS:
        title = f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year}"
        years = (plan.fiscal_year, plan.fiscal_year)
    else:
        title = plan.title
        years = (plan.first_fiscal_year, plan.last_fiscal_year)
    return {
        "id": edition.pk,
        "kind": kind,
        "organization": edition.organization.slug,
        "title": title,
        "label": edition.label,
        "amendment_kind": edition.kind,
        "sequence": edition.sequence,
        "sequence_year": edition.sequence_year,
        "state": edition.state,
        "state_label": str(edition.get_state_display()),
        "first_fiscal_year": years[0],
        "last_fiscal_year": years[1],
        "announcement": announcement_record(kind, announcement),
        "urls": edition_urls(kind, edition),
    }


def announcement_record(kind: str, announcement) -> dict | None:
    if announcement is None:
        return None
    edition = announcement.edition
    args = {"org": edition.organization.slug, "edition_id": edition.pk}
    return {
        "number": announcement.number,
        "announced_on": announcement.announced_on,
        "posting_starts_on": announcement.posting_starts_on,
        "sha256": announcement.sha256,
        "pdf": reverse(f"portal:{kind}_pdf", kwargs=args),
    }


def month_list(mask: int, fiscal_year: int) -> tuple[list[int], list[str]]:
    months = fiscal_months(fiscal_year)
    indexes = mask_to_months(mask)
    labels = [f"{months[i - 1].abbreviation} {months[i - 1].be_year}" for i in indexes]
    return indexes, labels


def classification(row) -> dict:
    return {
        "strategy": named(row.strategy, "number", "name"),
        "guideline": (
            {"number": row.guideline.printed_number, "name": row.guideline.name}
            if row.guideline_id
            else None
        ),
        "work_plan": named(row.work_plan, "code", "name"),
    }


def entry_record(entry, fiscal_year: int) -> dict:
    months, month_labels = month_list(entry.months, fiscal_year)
    return {
        "code": entry.code,
        "number": entry.number,
        "name": entry.name,
        "details": entry.details,
        "kind": entry.kind,
        "kind_label": str(entry.get_kind_display()),
        "budget": entry.budget,
        "budget_source": entry.budget_source,
        "budget_source_label": str(entry.get_budget_source_display()),
        "location": entry.location,
        "villages": [named(v, "number", "name") for v in getattr(entry, "public_villages", [])],
        "carried_out_by": "own" if entry.is_own else "other",
        "unit": named(entry.unit, "id", "name"),
        "agency": named(entry.agency, "id", "name"),
        "months": months,
        "month_labels": month_labels,
        **classification(entry),
        "plan_project_code": entry.plan_project_code,
    }


def project_record(project) -> dict:
    budgets = budgets_by_year(project)
    return {
        "code": project.code,
        "number": project.number,
        "kind": project.kind,
        "kind_label": str(project.get_kind_display()),
        "name": project.name,
        "objective": project.objective,
        "target": project.target,
        "kpi": project.kpi,
        "expected_result": project.expected_result,
        "location": project.location,
        "villages": [named(v, "number", "name") for v in project.villages.all()],
        "unit": named(project.unit, "id", "name"),
        "agency": named(project.agency, "id", "name"),
        "equipment_category": project.equipment_category,
        "equipment_type": project.equipment_type,
        "reason": project.reason,
        "budgets": [{"fiscal_year": y, "amount": amount} for y, amount in budgets.items()],
        "total_budget": sum(budgets.values(), Decimal("0.00")),
        **classification(project),
    }


def rows_record(kind: str, edition, rows) -> list[dict]:
    if kind == OPS:
        return [entry_record(entry, edition.plan.fiscal_year) for entry in rows]
    return [project_record(project) for project in rows]
