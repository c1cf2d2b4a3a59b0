"""Every write to operational plans: a plan with its first edition, an entry, removing one."""

from __future__ import annotations

from django.db import transaction

from localplan.core.access import require_editable, require_unit_row_editor
from localplan.core.codes import next_codes
from localplan.core.models import EDITABLE_STATES, AmendmentKind, Membership
from localplan.opsplan.models import OperationalPlan, OpsEdition, OpsEntry

ENTRY_CODE_PREFIX = "E"


@transaction.atomic
def create_operational_plan(
    *, organization, fiscal_year: int, budget_announced_on=None
) -> OperationalPlan:
    plan = OperationalPlan(
        organization=organization, fiscal_year=fiscal_year, budget_announced_on=budget_announced_on
    )
    plan.full_clean()
    plan.save()
    OpsEdition.objects.create(organization=organization, plan=plan, kind=AmendmentKind.ORIGINAL)
    return plan


def inherit_classification(entry: OpsEntry) -> None:
    """An own entry is classified as its plan project is."""
    project = entry.plan_project
    if project is None:
        return
    entry.strategy_id = project.strategy_id
    entry.guideline_id = project.guideline_id
    entry.work_plan_id = project.work_plan_id
    entry.kind = project.kind
    if not entry.name:
        entry.name = project.name


def activity_details(project) -> str:
    """What the ผด.02 column รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ says of an entry drawn
    from a plan project: the project's output (เป้าหมาย (ผลผลิตของโครงการ)), else its
    objective — what the demo plans print there too."""
    return (project.target or project.objective or "").strip()


def values_from_project(project, fiscal_year: int) -> dict:
    """An entry's fields as its plan project gives them (the form fills them in, the officer
    may still change them): name, unit, classification, location, villages, the activity
    details and the project's budget of the year, when it has one."""
    values = {
        "plan_project": project.pk,
        "name": project.name,
        "unit": project.unit_id,
        "strategy": project.strategy_id,
        "guideline": project.guideline_id,
        "work_plan": project.work_plan_id,
        "kind": project.kind,
        "location": project.location,
        "villages": [village.pk for village in project.villages.all()],
        "details": activity_details(project),
    }
    budget = next((b.amount for b in project.budgets.all() if b.fiscal_year == fiscal_year), None)
    if budget is not None:
        values["budget"] = budget
    return values


@transaction.atomic
def save_entry(*, entry: OpsEntry, by: Membership, villages=None) -> OpsEntry:
    require_editable(entry.edition)
    require_unit_row_editor(by, entry.unit_id)
    if entry.pk is not None:
        stored_unit = OpsEntry.objects.filter(pk=entry.pk).values_list("unit_id", flat=True)
        require_unit_row_editor(by, stored_unit.first())
    inherit_classification(entry)
    if not entry.code:
        entry.code = next_codes(OpsEntry, entry.organization, ENTRY_CODE_PREFIX)[0]
    if not entry.number:
        entry.number = OpsEntry.objects.filter(edition=entry.edition).count() + 1
    entry.full_clean()
    entry.save()
    if villages is not None:
        entry.villages.set(villages, through_defaults={"organization": entry.organization})
    return entry


@transaction.atomic
def set_months(*, edition: OpsEdition, entries, months: int, by: Membership) -> int:
    """Give several entries of one edition the same months (ต.ค.–ก.ย. as a mask): all or
    none. Each is saved as a single edit is, so the audit log records each one."""
    require_editable(edition)
    entries = list(entries)
    for entry in entries:
        if entry.edition_id != edition.pk:
            raise ValueError("an entry of another edition")
        require_unit_row_editor(by, entry.unit_id)
    for entry in entries:
        entry.months = months
        save_entry(entry=entry, by=by)
    return len(entries)


@transaction.atomic
def delete_entry(*, entry: OpsEntry, by: Membership) -> None:
    require_editable(entry.edition)
    require_unit_row_editor(by, entry.unit_id)
    entry.delete()


def follow_plan_edition(*, edition, superseded, **kwargs) -> int:
    """Entries of draft operational plans that point at a project of a superseded plan
    edition now point at the same project (same code) in the edition in force. Entries of
    editions under review or announced keep the row they were decided on."""
    from localplan.devplan.models import PlanProject

    in_force = {
        project.code: project
        for project in PlanProject.objects.filter(
            organization_id=edition.organization_id, edition=edition
        )
    }
    entries = OpsEntry.objects.filter(
        organization_id=edition.organization_id,
        edition__state__in=EDITABLE_STATES,
        plan_project__edition__in=superseded,
    ).select_related("plan_project")
    moved = 0
    for entry in entries:
        project = in_force.get(entry.plan_project.code)
        if project is not None:
            entry.plan_project = project
            entry.save(update_fields=["plan_project"])
            moved += 1
    return moved
