"""Spreadsheet imports: upload → check every row → preview → confirm. The file waits in an
`ImportBatch` of its user between preview and confirmation; confirming checks it again and
writes everything or nothing."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from localplan.budget.imports import importer_for
from localplan.budget.imports.base import Importer, Validation
from localplan.budget.models import ImportBatch
from localplan.budget.sheets import CellError, UnreadableFile, read_rows, read_table
from localplan.core.audit import acting_as
from localplan.core.models import Membership

BATCH_LIFETIME = datetime.timedelta(hours=24)


def check_file(importer: Importer, content: bytes) -> Validation:
    """Every row of the file checked against the organization's data; nothing is written."""
    try:
        rows = read_rows(content)
    except UnreadableFile as refusal:
        return Validation(errors=[CellError(row=1, column="", value="", expected=str(refusal))])
    table = read_table(rows, importer.read_columns(), year_columns=importer.year_columns)
    if table.errors:  # no header row, a missing column, too many rows: rows are not checked
        return Validation(errors=table.errors)
    validation = importer.validate(table)
    if not validation.actions and not validation.errors:
        validation.errors.append(
            CellError(
                row=table.header_row + 1,
                column="",
                value="",
                expected=_("ไม่พบข้อมูลใต้แถวหัวตาราง (แถวที่ %(row)s)") % {"row": table.header_row},
            )
        )
    return validation


def expire_batches(organization) -> None:
    """Files waiting longer than a day, and files already imported, are let go."""
    cutoff = timezone.now() - BATCH_LIFETIME
    ImportBatch.objects.filter(organization=organization, created_at__lt=cutoff).delete()


@transaction.atomic
def upload_import(
    *, kind: str, target_id: int, by: Membership, filename: str, content: bytes
) -> ImportBatch:
    """Keep the file for its user and check it; the batch's preview lists what it would do."""
    importer = importer_for(kind, by.organization, target_id)
    importer.check_allowed(by)
    expire_batches(by.organization)
    validation = check_file(importer, content)
    return ImportBatch.objects.create(
        organization=by.organization,
        user=by.user,
        kind=kind,
        target_id=target_id,
        filename=filename[:255],
        content=content,
        preview=validation.preview(),
        digest=validation.digest(),
    )


def confirm_import(*, batch: ImportBatch, by: Membership) -> Validation:
    """Write the previewed rows, all or nothing. If the file or the data it meets changed
    since the preview, nothing is written and the batch shows the new preview."""
    if batch.organization_id != by.organization_id or batch.user_id != by.user_id:
        raise PermissionDenied(_("ไฟล์นี้เป็นของผู้ใช้อื่น"))
    if batch.applied_at is not None:
        raise ValidationError(_("ไฟล์นี้นำเข้าไปแล้ว"), code="already_applied")
    importer = importer_for(batch.kind, by.organization, batch.target_id)
    with transaction.atomic():
        importer.check_allowed(by)
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.applied_at is not None:
            raise ValidationError(_("ไฟล์นี้นำเข้าไปแล้ว"), code="already_applied")
        validation = check_file(importer, bytes(locked.content))
        if validation.ok and validation.digest() == locked.digest:
            with acting_as(by.user):
                importer.apply(validation)
            locked.applied_at = timezone.now()
            locked.content = b""
            locked.save(update_fields=["applied_at", "content"])
            batch.applied_at = locked.applied_at
            return validation
    batch.preview = validation.preview()
    batch.digest = validation.digest()
    batch.save(update_fields=["preview", "digest"])
    if not validation.ok:
        raise ValidationError(_("ไฟล์มีข้อผิดพลาด ยังไม่ได้นำเข้า"), code="has_errors")
    raise ValidationError(
        _("ข้อมูลในระบบเปลี่ยนไปหลังจากแสดงตัวอย่าง กรุณาตรวจผลใหม่ด้านล่างแล้วยืนยันอีกครั้ง"), code="changed"
    )
