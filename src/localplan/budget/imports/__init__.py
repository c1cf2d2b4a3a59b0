"""The three kinds of spreadsheet an officer imports: plan projects of a multi-year plan
edition, items of a budget document, and other agencies' projects of a fiscal year."""

from __future__ import annotations

from django.http import Http404

from localplan.budget.models import BudgetDocument, ImportKind
from localplan.core import thai_calendar as cal
from localplan.devplan.models import DevPlanEdition


def importer_for(kind: str, organization, target_id: int):
    """The importer of one kind for a target of this organization; 404 for any other."""
    from localplan.budget.imports.agency_projects import AgencyProjectImporter
    from localplan.budget.imports.budget_items import BudgetItemImporter
    from localplan.budget.imports.plan_projects import PlanProjectImporter

    if kind == ImportKind.PLAN_PROJECTS:
        edition = (
            DevPlanEdition.objects.select_related("plan", "organization")
            .filter(organization=organization, pk=target_id)
            .first()
        )
        if edition is None:
            raise Http404("no such plan edition")
        return PlanProjectImporter(organization=organization, target=edition)
    if kind == ImportKind.BUDGET_ITEMS:
        document = (
            BudgetDocument.objects.select_related("organization")
            .filter(organization=organization, pk=target_id)
            .first()
        )
        if document is None:
            raise Http404("no such budget document")
        return BudgetItemImporter(organization=organization, target=document)
    if kind == ImportKind.AGENCY_PROJECTS:
        if not cal.EARLIEST_BE_YEAR <= int(target_id) <= cal.LATEST_BE_YEAR:
            raise Http404("no such fiscal year")
        return AgencyProjectImporter(organization=organization, target=int(target_id))
    raise Http404("no such import")
