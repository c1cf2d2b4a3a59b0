"""Amending an announced plan: a new draft edition (แก้ไข / เพิ่มเติม / เปลี่ยนแปลง, numbered
"เพิ่มเติม ครั้งที่ 1/2552") that copies the rows of the edition in force, and the checks an
edition must pass before it is submitted (domain.md §4).

What an amendment is, precisely:
- It is a complete edition: every project (with its budgets per year and its villages) or
  entry (with its villages) of the announced edition is copied with the same stable
  `code`; the planner then adds, changes or removes rows in the draft. A copied project's
  reason is left empty: a reason explains this amendment's change, not an earlier one.
- Every project added or changed (any field, budget or village) must carry its
  เหตุผลความจำเป็น before the draft can be submitted; the submit page lists what is missing.
  An operational-plan entry has no reason of its own: the amendment's reason, required
  when it is started, stands for its rows.
- Only the announced edition in force can be amended, and only one amendment of a plan can
  be open at a time, so editions form one line.
- When the amendment is announced, the edition it amends becomes "superseded" (see
  `transitions.supersede_previous`): its rows stay as they were, read-only, the record of
  what was in force until then; the amendment's rows, matched by code, replace them, and a
  code absent from the amendment is no longer in the plan. `current_edition()` of devplan
  and opsplan then answers the amendment.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from localplan.core.models import (
    PUBLIC_STATES,
    AmendmentKind,
    AuditAction,
    AuditLog,
    EditionState,
    Membership,
)
from localplan.devplan.models import DevPlanEdition, PlanProject, PlanProjectVillage, ProjectBudget
from localplan.opsplan.models import OpsEntry, OpsEntryVillage
from localplan.workflow.compare import ADDED, compare_editions
from localplan.workflow.models import Amendment, SpecialCase, Step, edition_lookup
from localplan.workflow.rules import Task
from localplan.workflow.services.transitions import _locked_state, move, require_task

AMENDMENT_KINDS = (AmendmentKind.CORRECTION, AmendmentKind.ADDITION, AmendmentKind.CHANGE)


def open_edition(edition):
    """An edition of the same plan not yet announced (a draft or one under review)."""
    return (
        type(edition)
        .objects.filter(organization_id=edition.organization_id, plan_id=edition.plan_id)
        .exclude(state__in=PUBLIC_STATES)
        .select_related("plan")
        .first()
    )


@transaction.atomic
def start_amendment(
    *,
    edition,
    by: Membership,
    kind: str,
    sequence_year: int,
    reason: str,
    special_case: str = SpecialCase.NONE,
    started_on: datetime.date | None = None,
):
    """A new draft edition amending the announced `edition`, with all its rows copied.
    `started_on` (today by default) is the date the amendment was decided on."""
    require_task(by, edition, Task.START_AMENDMENT)
    edition.state = _locked_state(edition)
    if edition.state != EditionState.ANNOUNCED:
        raise ValidationError(
            _("แก้ไขได้เฉพาะฉบับที่ประกาศใช้อยู่ (ฉบับนี้: %(state)s)"),
            code="not_in_force",
            params={"state": edition.get_state_display()},
        )
    pending = open_edition(edition)
    if pending is not None:
        raise ValidationError(
            _("มี “%(edition)s” ที่ยังไม่ได้ประกาศใช้อยู่แล้ว ให้ดำเนินการฉบับนั้นให้เสร็จก่อน"),
            code="amendment_open",
            params={"edition": pending},
        )
    errors = {}
    if kind not in AMENDMENT_KINDS:
        errors["kind"] = _("เลือกประเภทการแก้ไข: แก้ไข เพิ่มเติม หรือเปลี่ยนแปลง")
    if not reason.strip():
        errors["reason"] = _("กรุณาระบุเหตุผลความจำเป็นของการแก้ไข")
    if special_case not in SpecialCase.values:
        errors["special_case"] = _("ตัวเลือกนี้ไม่มีในรายการ")
    elif special_case and kind == AmendmentKind.CORRECTION:
        errors["special_case"] = _("กรณีพิเศษใช้กับการเพิ่มเติมหรือเปลี่ยนแปลงเท่านั้น")
    started_on = started_on or timezone.localdate()
    if started_on > timezone.localdate():
        errors["started_on"] = _("วันที่ต้องไม่เป็นวันในอนาคต")
    if errors:
        raise ValidationError(errors)
    model = type(edition)
    same_number = model.objects.filter(
        organization_id=edition.organization_id,
        plan_id=edition.plan_id,
        kind=kind,
        sequence_year=sequence_year,
    )
    sequence = (same_number.aggregate(last=Max("sequence"))["last"] or 0) + 1
    amendment = model(
        organization_id=edition.organization_id,
        plan_id=edition.plan_id,
        kind=kind,
        sequence=sequence,
        sequence_year=sequence_year,
        based_on=edition,
        state=EditionState.DRAFTING,
    )
    amendment.full_clean()
    amendment.save()
    if isinstance(edition, DevPlanEdition):
        _copy_projects(edition, amendment, by)
    else:
        _copy_entries(edition, amendment, by)
    note = Amendment(
        organization_id=edition.organization_id,
        **edition_lookup(amendment),
        reason=reason.strip(),
        special_case=special_case,
    )
    note.full_clean()
    note.save()
    move(
        amendment,
        by=by,
        step=Step.AMENDMENT_STARTED,
        to_state=EditionState.DRAFTING,
        occurred_on=started_on,
        inputs={
            "based_on": str(edition),
            "based_on_id": edition.pk,
            "reason": reason.strip(),
            "special_case": special_case,
        },
    )
    return amendment


def _copy_projects(source, target, by: Membership) -> None:
    projects = list(
        PlanProject.objects.filter(organization_id=source.organization_id, edition=source)
        .prefetch_related("budgets")
        .order_by("id")
    )
    old = {project.pk: project for project in projects}
    copies = {}
    for old_id, project in old.items():
        copy = PlanProject(
            **{
                field.attname: getattr(project, field.attname)
                for field in PlanProject._meta.concrete_fields
                if field.name not in {"id", "edition", "reason"}
            },
            edition=target,
        )
        copies[old_id] = copy
    PlanProject.objects.bulk_create(copies.values())
    budgets = [
        ProjectBudget(
            organization_id=budget.organization_id,
            project=copies[project.pk],
            fiscal_year=budget.fiscal_year,
            amount=budget.amount,
        )
        for project in projects
        for budget in project.budgets.all()
    ]
    ProjectBudget.objects.bulk_create(budgets)
    links = PlanProjectVillage.objects.filter(
        organization_id=source.organization_id, planproject__edition=source
    ).values_list("planproject_id", "village_id")
    PlanProjectVillage.objects.bulk_create(
        PlanProjectVillage(
            organization_id=source.organization_id,
            planproject=copies[project_id],
            village_id=village_id,
        )
        for project_id, village_id in links
    )
    record_copies([*copies.values(), *budgets], source=source, by=by)


def _copy_entries(source, target, by: Membership) -> None:
    entries = list(
        OpsEntry.objects.filter(organization_id=source.organization_id, edition=source)
        .select_related("plan_project")
        .order_by("id")
    )
    copies = {}
    for entry in entries:
        copy = OpsEntry(
            **{
                field.attname: getattr(entry, field.attname)
                for field in OpsEntry._meta.concrete_fields
                if field.name not in {"id", "edition", "plan_project"}
            },
            edition=target,
            plan_project=entry.plan_project,
        )
        copies[entry.pk] = copy
    OpsEntry.objects.bulk_create(copies.values())
    links = OpsEntryVillage.objects.filter(
        organization_id=source.organization_id, opsentry__edition=source
    ).values_list("opsentry_id", "village_id")
    OpsEntryVillage.objects.bulk_create(
        OpsEntryVillage(
            organization_id=source.organization_id,
            opsentry=copies[entry_id],
            village_id=village_id,
        )
        for entry_id, village_id in links
    )
    record_copies(copies.values(), source=source, by=by)


def record_copies(rows, *, source, by: Membership) -> None:
    """One audit row per copied row, in one query: created in the amendment, copied from
    the edition it amends (its fields are those of the row it was copied from)."""
    AuditLog.objects.bulk_create(
        [
            AuditLog(
                organization_id=row.organization_id,
                user=by.user,
                action=AuditAction.CREATE,
                model=row._meta.label_lower,
                object_id=str(row.pk),
                object_repr=str(row)[:300],
                edition_key=row.audit_edition_key(),
                project_code=row.audit_project_code(),
                changes={"copied_from": str(source)},
            )
            for row in rows
        ],
        batch_size=500,
    )


def submission_problems(edition) -> list[str]:
    """Why this edition cannot be submitted yet, one message per problem; [] when it can."""
    is_devplan = isinstance(edition, DevPlanEdition)
    rows = edition.projects if is_devplan else edition.entries
    if not rows.exists():
        return [_("ฉบับนี้ยังไม่มีโครงการหรือรายการ")]
    if edition.based_on_id is None:
        return []
    comparison = compare_editions(edition.based_on, edition)
    if not comparison.rows:
        return [_("ฉบับนี้ยังไม่มีการเปลี่ยนแปลงจาก “%(edition)s”") % {"edition": edition.based_on}]
    if not is_devplan:
        return []
    return [
        _("โครงการ %(code)s “%(name)s” (%(status)s): ยังไม่ได้ระบุเหตุผลความจำเป็น")
        % {"code": row.code, "name": row.name, "status": row.status_label}
        for row in comparison.rows
        if row.status in {ADDED, "changed"} and not row.reason.strip()
    ]


def default_sequence_year() -> int:
    """Amendments are numbered by the Buddhist-era year they are made in ("…/2552")."""
    today: datetime.date = timezone.localdate()
    return today.year + 543
