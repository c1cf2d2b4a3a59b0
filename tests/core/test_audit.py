"""Every change of plan data is recorded, and the record itself cannot be changed."""

from decimal import Decimal

import pytest
from django.utils import translation

from localplan.core.audit import acting_as
from localplan.core.models import AuditLog
from tests.factories import OpsEntryFactory, UserFactory, VillageFactory


def test_create_update_and_delete_are_recorded_with_who_and_old_to_new(db):
    user = UserFactory()
    with acting_as(user):
        entry = OpsEntryFactory(budget=Decimal("100.00"), months=0b1)
        entry.budget = Decimal("250.50")
        entry.months = 0b11
        entry.save()
        entry_id = entry.pk
        entry.delete()
    trail = AuditLog.objects.filter(model="opsplan.opsentry", object_id=str(entry_id)).order_by(
        "at", "id"
    )
    assert [row.action for row in trail] == ["create", "update", "delete"]
    assert all(row.user == user for row in trail)
    update = trail[1]
    assert update.changes == {"budget": ["100.00", "250.50"], "months": ["ต.ค.", "ต.ค., พ.ย."]}
    assert update.edition_key == f"opsplan.opsedition:{entry.edition_id}"


def test_villages_added_to_an_entry_are_recorded(db):
    entry = OpsEntryFactory()
    village = VillageFactory(organization=entry.organization, number=7, name="โคกเพชร")
    entry.villages.set([village], through_defaults={"organization": entry.organization})
    row = AuditLog.objects.filter(model="opsplan.opsentry", action="update").get()
    assert row.changes == {"villages": {"added": ["หมู่ที่ 7 บ้านโคกเพชร"]}}


def test_the_audit_log_cannot_be_edited_or_deleted(db):
    OpsEntryFactory()
    row = AuditLog.objects.first()
    row.object_repr = "changed"
    with pytest.raises(TypeError):
        row.save()
    with pytest.raises(TypeError):
        row.delete()
    with pytest.raises(TypeError):
        AuditLog.objects.all().update(object_repr="x")
    with pytest.raises(TypeError):
        AuditLog.objects.all().delete()
    assert AuditLog.objects.filter(object_repr="changed").count() == 0


def test_the_log_is_written_in_thai_whatever_language_the_editor_reads(db):
    with translation.override("en"):
        entry = OpsEntryFactory(kind="equipment")
        entry.budget_source = "other_agency"
        entry.save()
    created, updated = AuditLog.objects.filter(model="opsplan.opsentry").order_by("at", "id")
    assert created.changes["kind"][1] == "ครุภัณฑ์"
    assert created.object_repr == str(entry)  # the factory made it in English: compare in Thai
    assert updated.changes["budget_source"][1] == str(entry.get_budget_source_display())
