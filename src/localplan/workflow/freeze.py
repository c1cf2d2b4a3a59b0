"""An announced edition is frozen: nothing may change it, whichever path a write takes.

Three layers, each catching what the one before cannot:

1. Pages and services call `core.access.require_editable(edition)` and answer 403.
2. Signals (this module) refuse, with the same Thai message (`FrozenEdition`, a
   `PermissionDenied`, so a page answers 403, never 500), every ORM save or delete of a
   frozen edition's rows, of the edition itself (except the step announced → superseded),
   of the horizon of a plan that has one, and every change of its villages. Deletes are
   refused here only: Django sends `pre_delete` for `QuerySet.delete()` too.
3. Database triggers (`workflow/triggers.py`, installed by a migration on SQLite and
   PostgreSQL) refuse every INSERT or UPDATE that would change a frozen edition, its rows
   or its plan's horizon, including `bulk_create`, `bulk_update`, `QuerySet.update()` and
   raw SQL; the database answers with an IntegrityError.

The frozen states are "announced" and "superseded" (`core.models.PUBLIC_STATES`).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError, Q
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.utils.translation import gettext as _

from localplan.core.models import PUBLIC_STATES, EditionState
from localplan.devplan.models import (
    DevPlan,
    DevPlanEdition,
    PlanProject,
    PlanProjectVillage,
    ProjectBudget,
)
from localplan.opsplan.models import OperationalPlan, OpsEdition, OpsEntry, OpsEntryVillage

FROZEN_STATES = tuple(str(state) for state in PUBLIC_STATES)
EDITION_IDENTITY = (
    "kind",
    "sequence",
    "sequence_year",
    "plan_id",
    "based_on_id",
    "organization_id",
)
PLAN_IDENTITY = {
    DevPlan: ("regime", "first_fiscal_year", "last_fiscal_year", "organization_id"),
    OperationalPlan: ("fiscal_year", "organization_id"),
}

_thawed: contextvars.ContextVar[bool] = contextvars.ContextVar("localplan_thawed", default=False)


class FrozenEdition(PermissionDenied):
    def __init__(self, message: str | None = None):
        super().__init__(
            message or _("ฉบับนี้ประกาศใช้แล้ว แก้ไขไม่ได้ หากต้องการเปลี่ยนแปลงให้จัดทำฉบับแก้ไข/เพิ่มเติม")
        )


@contextmanager
def thawed() -> Iterator[None]:
    """Allow deleting announced editions wholesale (the demo loader's reset, never a page)."""
    token = _thawed.set(True)
    try:
        yield
    finally:
        _thawed.reset(token)


def _frozen(model, condition: Q) -> bool:
    return model._base_manager.filter(condition, state__in=FROZEN_STATES).exists()


# For each row model: the edition model and the condition naming its edition, before and
# after the change (a row must not move into or out of a frozen edition).
def _project_editions(row: PlanProject) -> Q:
    condition = Q(pk=row.edition_id)
    return condition | Q(projects__pk=row.pk) if row.pk else condition


def _budget_editions(row: ProjectBudget) -> Q:
    condition = Q(projects__pk=row.project_id)
    return condition | Q(projects__budgets__pk=row.pk) if row.pk else condition


def _project_village_editions(row: PlanProjectVillage) -> Q:
    condition = Q(projects__pk=row.planproject_id)
    return condition | Q(projects__planprojectvillage__pk=row.pk) if row.pk else condition


def _entry_editions(row: OpsEntry) -> Q:
    condition = Q(pk=row.edition_id)
    return condition | Q(entries__pk=row.pk) if row.pk else condition


def _entry_village_editions(row: OpsEntryVillage) -> Q:
    condition = Q(entries__pk=row.opsentry_id)
    return condition | Q(entries__opsentryvillage__pk=row.pk) if row.pk else condition


ROWS = {
    PlanProject: (DevPlanEdition, _project_editions),
    ProjectBudget: (DevPlanEdition, _budget_editions),
    PlanProjectVillage: (DevPlanEdition, _project_village_editions),
    OpsEntry: (OpsEdition, _entry_editions),
    OpsEntryVillage: (OpsEdition, _entry_village_editions),
}


def refuse_row_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    edition_model, editions_of = ROWS[sender]
    if _frozen(edition_model, editions_of(instance)):
        raise FrozenEdition()


def refuse_row_delete(sender, instance, **kwargs):
    if _thawed.get():
        return
    edition_model, editions_of = ROWS[sender]
    if _frozen(edition_model, editions_of(instance)):
        raise FrozenEdition()
    if sender is PlanProject:
        linked = OpsEntry.objects.filter(
            plan_project_id=instance.pk, edition__state__in=FROZEN_STATES
        ).select_related("edition__plan")
        first = linked.first()
        if first is not None:
            raise ProtectedError(
                _("โครงการนี้ถูกอ้างถึงใน%(edition)s ซึ่งประกาศใช้แล้ว") % {"edition": first.edition},
                {first},
            )


def refuse_edition_save(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    stored = sender._base_manager.filter(pk=instance.pk).values("state", *EDITION_IDENTITY).first()
    if stored is None or stored["state"] not in FROZEN_STATES:
        return
    superseding = (
        stored["state"] == EditionState.ANNOUNCED and instance.state == EditionState.SUPERSEDED
    )
    same_state = instance.state == stored["state"]
    same_identity = all(getattr(instance, name) == stored[name] for name in EDITION_IDENTITY)
    if not ((same_state or superseding) and same_identity):
        raise FrozenEdition()


def refuse_edition_delete(sender, instance, **kwargs):
    if not _thawed.get() and _frozen(sender, Q(pk=instance.pk)):
        raise FrozenEdition()


def refuse_plan_change(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    fields = PLAN_IDENTITY[sender]
    stored = sender._base_manager.filter(pk=instance.pk).values(*fields).first()
    if stored is None or all(getattr(instance, name) == stored[name] for name in fields):
        return
    if instance.editions.filter(state__in=FROZEN_STATES).exists():
        raise FrozenEdition(_("แผนนี้มีฉบับที่ประกาศใช้แล้ว เปลี่ยนปีงบประมาณหรือระเบียบที่ใช้ไม่ได้"))


def refuse_village_change(sender, instance, action, reverse=False, **kwargs):
    """project.villages.add/remove/set/clear on a frozen project or entry."""
    if action not in {"pre_add", "pre_remove", "pre_clear"} or reverse:
        return
    edition_model = DevPlanEdition if isinstance(instance, PlanProject) else OpsEdition
    if _frozen(edition_model, Q(pk=instance.edition_id)):
        raise FrozenEdition()


def connect() -> None:
    for model in ROWS:
        uid = f"workflow-freeze-{model._meta.label_lower}"
        pre_save.connect(refuse_row_save, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(refuse_row_delete, sender=model, dispatch_uid=f"{uid}-delete")
    for model in (DevPlanEdition, OpsEdition):
        uid = f"workflow-freeze-{model._meta.label_lower}"
        pre_save.connect(refuse_edition_save, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(refuse_edition_delete, sender=model, dispatch_uid=f"{uid}-delete")
    for model in PLAN_IDENTITY:
        uid = f"workflow-freeze-{model._meta.label_lower}"
        pre_save.connect(refuse_plan_change, sender=model, dispatch_uid=f"{uid}-save")
    for through in (PlanProjectVillage, OpsEntryVillage):
        m2m_changed.connect(
            refuse_village_change,
            sender=through,
            dispatch_uid=f"workflow-freeze-{through._meta.label_lower}-m2m",
        )
