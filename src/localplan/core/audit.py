"""The audit log: every create, update and delete of plan data, whichever path made it.

Pages set the actor through `ActorMiddleware`; services, commands and imports use
`acting_as(user)`. Rows saved one at a time are recorded by signals; code that writes in
bulk records its rows with `record_bulk`.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from django.db import connection, models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils import timezone, translation

from localplan.core.bulk import insert_rows
from localplan.core.models import AuditAction, AuditLog

_actor: contextvars.ContextVar = contextvars.ContextVar("localplan_actor", default=None)
SKIPPED_FIELDS = {"id", "organization", "created_at", "updated_at"}


@contextmanager
def acting_as(user) -> Iterator[None]:
    token = _actor.set(user if user is not None and user.is_authenticated else None)
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor():
    return _actor.get()


class Audited(models.Model):
    """Mixin for plan data whose every change is recorded."""

    # field name -> function(value) giving what a reader sees, e.g. month names for a mask
    audit_formatters: dict[str, Any] = {}

    class Meta:
        abstract = True

    def audit_edition_key(self) -> str:
        """ "devplan.devplanedition:7": the edition this row belongs to, or ""."""
        return ""

    def audit_project_code(self) -> str:
        return ""


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    return value


def _audited_fields(instance: models.Model) -> list[models.Field]:
    return [
        field
        for field in instance._meta.concrete_fields
        if field.name not in SKIPPED_FIELDS and not isinstance(field, models.BinaryField)
    ]


def _display(instance: models.Model, field: models.Field) -> Any:
    value = getattr(instance, field.attname)
    if value is None or value == "":
        return value
    formatter = type(instance).audit_formatters.get(field.name)
    if formatter:
        return formatter(value)
    if field.is_relation:
        return str(getattr(instance, field.name))
    if field.choices:
        return str(getattr(instance, f"get_{field.name}_display")())
    return _plain(value)


def in_thai(function: Callable) -> Callable:
    """The log is evidence read by auditors: labels and names are recorded in Thai whatever
    language the person who made the change reads the site in."""

    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        with translation.override("th"):
            return function(*args, **kwargs)

    return wrapped


def edition_key(edition: models.Model | None) -> str:
    return f"{edition._meta.label_lower}:{edition.pk}" if edition is not None else ""


@in_thai
def record(
    instance: models.Model,
    action: str,
    changes: dict[str, Any],
    *,
    user=None,
) -> AuditLog:
    entry = AuditLog(
        organization_id=instance.organization_id,
        user=user if user is not None else current_actor(),
        action=action,
        model=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        edition_key=instance.audit_edition_key() if isinstance(instance, Audited) else "",
        project_code=instance.audit_project_code() if isinstance(instance, Audited) else "",
        changes=changes,
    )
    entry.save()
    return entry


AUDIT_COLUMNS = (
    "organization_id", "at", "user_id", "action", "model", "object_id", "object_repr",
    "edition_key", "project_code", "changes",
)  # fmt: skip


@in_thai
def record_bulk(
    instances: Iterable[Audited],
    action: str,
    *,
    user=None,
    extra: Callable[[Audited], dict[str, Any]] | None = None,
) -> None:
    """Record rows written with bulk_create/bulk_update, one log row each, in one statement.
    `extra(instance)` adds changes of rows written with it (e.g. a project's yearly budgets)."""
    actor = user if user is not None else current_actor()
    at = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = (
        (
            instance.organization_id,
            at,
            actor.pk if actor is not None else None,
            action,
            instance._meta.label_lower,
            str(instance.pk),
            str(instance)[:300],
            instance.audit_edition_key(),
            instance.audit_project_code(),
            json.dumps(
                {
                    **{
                        field.name: [None, _plain(getattr(instance, field.attname))]
                        for field in _audited_fields(instance)
                    },
                    **(extra(instance) if extra else {}),
                },
                ensure_ascii=False,
            ),
        )
        for instance in instances
    )
    insert_rows(AuditLog, AUDIT_COLUMNS, rows)


def _remember_old_row(sender, instance, raw=False, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        instance._audit_old = None
        return
    instance._audit_old = sender._base_manager.filter(pk=instance.pk).first()


@in_thai
def _record_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    fields = _audited_fields(instance)
    old = getattr(instance, "_audit_old", None)
    if created or old is None:
        changes = {field.name: [None, _display(instance, field)] for field in fields}
        record(instance, AuditAction.CREATE, changes)
        return
    changes = {
        field.name: [_display(old, field), _display(instance, field)]
        for field in fields
        if getattr(old, field.attname) != getattr(instance, field.attname)
    }
    if changes:
        record(instance, AuditAction.UPDATE, changes)


@in_thai
def _record_delete(sender, instance, **kwargs):
    changes = {field.name: [_display(instance, field), None] for field in _audited_fields(instance)}
    record(instance, AuditAction.DELETE, changes)


@in_thai
def _record_m2m(sender, instance, action, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or not isinstance(instance, Audited):
        return
    if action == "post_clear":
        change = {"cleared": True}
    else:
        names = [str(obj) for obj in model._base_manager.filter(pk__in=pk_set or ())]
        change = {"added" if action == "post_add" else "removed": names}
    field_name = next(
        (f.name for f in instance._meta.many_to_many if f.remote_field.through is sender), "related"
    )
    record(instance, AuditAction.UPDATE, {field_name: change})


def connect(model: type[Audited]) -> None:
    uid = f"audit-{model._meta.label_lower}"
    pre_save.connect(_remember_old_row, sender=model, dispatch_uid=f"{uid}-pre")
    post_save.connect(_record_save, sender=model, dispatch_uid=f"{uid}-post")
    post_delete.connect(_record_delete, sender=model, dispatch_uid=f"{uid}-delete")
    for field in model._meta.many_to_many:
        m2m_changed.connect(
            _record_m2m, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}"
        )


def connect_all() -> None:
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, Audited):
            connect(model)
