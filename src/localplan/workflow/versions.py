"""The content version of an edition: the SHA-256 of its rows in a canonical form.

Every step taken on an edition records this version, so anyone can later check that the
edition the executive approved is, row for row, the one that was announced. The form:
the edition's kind and number, and every row (project or entry) sorted by its stable code
with all its fields (foreign keys as ids), its villages and, for a plan project, its budget
per fiscal year. Money is written with two decimals; nothing depends on the database.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from decimal import Decimal

from localplan.devplan.models import DevPlanEdition, PlanProject, PlanProjectVillage, ProjectBudget
from localplan.opsplan.models import OpsEntry, OpsEntryVillage

SKIPPED = {"id", "organization", "edition"}


def _plain(value):
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def _rows(model, edition) -> list[dict]:
    fields = [f.attname for f in model._meta.concrete_fields if f.name not in SKIPPED]
    rows = model.objects.filter(organization_id=edition.organization_id, edition=edition)
    return [
        {name: _plain(value) for name, value in row.items()}
        for row in rows.order_by("code", "id").values(*fields)
    ]


def canonical_content(edition) -> dict:
    villages = defaultdict(list)
    if isinstance(edition, DevPlanEdition):
        rows = _rows(PlanProject, edition)
        budgets = defaultdict(dict)
        for code, fiscal_year, amount in ProjectBudget.objects.filter(
            organization_id=edition.organization_id, project__edition=edition
        ).values_list("project__code", "fiscal_year", "amount"):
            budgets[code][str(fiscal_year)] = _plain(amount)
        links = PlanProjectVillage.objects.filter(
            organization_id=edition.organization_id, planproject__edition=edition
        ).values_list("planproject__code", "village_id")
        for row in rows:
            row["budgets"] = budgets.get(row["code"], {})
    else:
        rows = _rows(OpsEntry, edition)
        links = OpsEntryVillage.objects.filter(
            organization_id=edition.organization_id, opsentry__edition=edition
        ).values_list("opsentry__code", "village_id")
    for code, village_id in links:
        villages[code].append(village_id)
    for row in rows:
        row["villages"] = sorted(villages.get(row["code"], []))
    return {
        "kind": edition.kind,
        "sequence": edition.sequence,
        "sequence_year": edition.sequence_year,
        "rows": rows,
    }


def content_version(edition) -> str:
    text = json.dumps(canonical_content(edition), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
