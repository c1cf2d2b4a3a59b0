"""Budget documents and their items, one at a time (imports write many: services.imports)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from localplan.budget.imports.budget_items import ITEM_CODE_PREFIX
from localplan.budget.models import BudgetDocument, BudgetDocumentKind, BudgetItem
from localplan.budget.queries import plan_projects_by_code
from localplan.core.access import require_plan_editor
from localplan.core.codes import next_codes
from localplan.core.models import Membership
from localplan.opsplan.models import OperationalPlan


@transaction.atomic
def save_budget_document(*, document: BudgetDocument, by: Membership) -> BudgetDocument:
    """Save a document; the annual ordinance's announcement date starts the 30 days of the
    operational plan of its year, so an operational plan without that date gets it."""
    require_plan_editor(by)
    if document.kind == BudgetDocumentKind.ANNUAL:
        document.sequence = 1
    elif document.pk is None and not document.sequence:
        highest = BudgetDocument.objects.filter(
            organization=document.organization,
            fiscal_year=document.fiscal_year,
            kind=document.kind,
        ).aggregate(n=Max("sequence"))["n"]
        document.sequence = (highest or 0) + 1
    document.full_clean()
    document.save()
    if document.kind == BudgetDocumentKind.ANNUAL and document.announced_on:
        plan = OperationalPlan.objects.filter(
            organization=document.organization,
            fiscal_year=document.fiscal_year,
            budget_announced_on__isnull=True,
        ).first()
        if plan is not None:
            plan.budget_announced_on = document.announced_on
            plan.full_clean()
            plan.save()
    return document


@transaction.atomic
def delete_budget_document(*, document: BudgetDocument, by: Membership) -> None:
    """Remove a document with its items (each recorded in the audit log)."""
    require_plan_editor(by)
    document.delete()


def link_plan_project(item: BudgetItem) -> None:
    """Point the item at the row of its plan project code (the edition in force of the year)."""
    if not item.plan_project_code:
        item.plan_project = None
        return
    project = plan_projects_by_code(item.organization, item.document.fiscal_year).get(
        item.plan_project_code
    )
    if project is None:
        raise ValidationError(
            {
                "plan_project_code": _("ไม่พบโครงการรหัส %(code)s ในแผนพัฒนาขององค์กร")
                % {"code": item.plan_project_code}
            },
            code="unknown_project",
        )
    item.plan_project = project


@transaction.atomic
def save_budget_item(*, item: BudgetItem, by: Membership) -> BudgetItem:
    require_plan_editor(by)
    item.plan_project_code = item.plan_project_code.strip().upper()
    link_plan_project(item)
    if not item.code:
        item.code = next_codes(BudgetItem, item.organization, ITEM_CODE_PREFIX)[0]
    if not item.number:
        highest = BudgetItem.objects.filter(document=item.document).aggregate(n=Max("number"))["n"]
        item.number = (highest or 0) + 1
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def delete_budget_item(*, item: BudgetItem, by: Membership) -> None:
    require_plan_editor(by)
    item.delete()
