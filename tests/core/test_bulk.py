"""Rows written in bulk by imports: the values stored as the ORM would store them."""

import datetime
from decimal import Decimal

from django.utils import timezone

from localplan.core.audit import acting_as, record_bulk
from localplan.core.bulk import insert_rows
from localplan.core.models import AuditAction, AuditLog
from localplan.devplan.models import ProjectBudget
from tests.factories import PlanProjectFactory, UserFactory


def test_inserted_rows_read_back_as_written(db):
    project = PlanProjectFactory()
    insert_rows(
        ProjectBudget,
        ("organization_id", "project_id", "fiscal_year", "amount"),
        [(project.organization_id, project.pk, 2560, Decimal("1234567.89"))],
    )
    assert project.budgets.get(fiscal_year=2560).amount == Decimal("1234567.89")


def test_an_empty_list_of_rows_writes_nothing(db):
    insert_rows(ProjectBudget, ("organization_id", "project_id", "fiscal_year", "amount"), [])
    assert not ProjectBudget.objects.exists()


def test_bulk_audit_rows_carry_who_when_and_what_in_thai(db):
    user = UserFactory()
    project = PlanProjectFactory(name='ก่อสร้างถนน "คสล." หมู่ที่ 3')
    before = AuditLog.objects.count()
    with acting_as(user):
        record_bulk([project], AuditAction.CREATE, extra=lambda p: {"villages": {"added": []}})
    row = AuditLog.objects.order_by("-id").first()
    assert AuditLog.objects.count() == before + 1
    assert row.user == user
    assert abs(row.at - timezone.now()) < datetime.timedelta(minutes=1)
    assert row.changes["name"] == [None, 'ก่อสร้างถนน "คสล." หมู่ที่ 3']
    assert row.changes["villages"] == {"added": []}
    assert row.project_code == project.code
    assert row.object_repr == str(project)
