"""What a planner may change in a document before printing it: the texts of an edition's
documents (introduction of the plan book, announcement, signer) and the organization's emblem."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from localplan.core.audit import Audited
from localplan.core.models import OrganizationOwned
from localplan.devplan.models import DevPlanEdition
from localplan.opsplan.models import OpsEdition


class DocumentTexts(Audited, OrganizationOwned):
    """The editable words of one edition's documents; an empty field prints the default."""

    ops_edition = models.ForeignKey(
        OpsEdition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ฉบับของแผนการดำเนินงาน"),
    )
    dev_edition = models.ForeignKey(
        DevPlanEdition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ฉบับของแผนพัฒนา"),
    )
    introduction = models.TextField(
        _("บทนำ (ส่วนที่ 1)"),
        blank=True,
        help_text=_("บรรทัดที่ขึ้นต้นด้วย # เป็นหัวข้อ บรรทัดอื่นเป็นย่อหน้า เว้นว่างไว้เพื่อใช้ข้อความมาตรฐาน"),
    )
    announcement_body = models.TextField(
        _("ข้อความประกาศ"),
        blank=True,
        help_text=_("หนึ่งบรรทัดคือหนึ่งย่อหน้า เว้นว่างไว้เพื่อใช้ข้อความมาตรฐาน"),
    )
    announced_on = models.DateField(
        _("ประกาศ ณ วันที่"),
        null=True,
        blank=True,
        help_text=_("เว้นว่างไว้เพื่อเขียนวันที่ด้วยมือหลังพิมพ์"),
    )
    signer_name = models.CharField(
        _("ชื่อผู้ลงนาม"), max_length=120, blank=True, help_text=_("เว้นว่างไว้เพื่อใช้ชื่อผู้บริหารท้องถิ่น")
    )
    signer_title = models.CharField(
        _("ตำแหน่งผู้ลงนาม"),
        max_length=200,
        blank=True,
        help_text=_("เว้นว่างไว้เพื่อใช้ตำแหน่งผู้บริหารท้องถิ่น"),
    )

    class Meta:
        verbose_name = _("ข้อความในเอกสาร")
        verbose_name_plural = _("ข้อความในเอกสาร")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "ops_edition"],
                condition=Q(ops_edition__isnull=False),
                name="texts_once_per_ops_edition",
            ),
            models.UniqueConstraint(
                fields=["organization", "dev_edition"],
                condition=Q(dev_edition__isnull=False),
                name="texts_once_per_dev_edition",
            ),
            models.CheckConstraint(
                condition=Q(ops_edition__isnull=True) ^ Q(dev_edition__isnull=True),
                name="texts_of_exactly_one_edition",
            ),
        ]

    def __str__(self) -> str:
        return f"ข้อความในเอกสารของ {self.edition}"

    @property
    def edition(self):
        return self.ops_edition or self.dev_edition

    def audit_edition_key(self) -> str:
        if self.ops_edition_id:
            return f"opsplan.opsedition:{self.ops_edition_id}"
        return f"devplan.devplanedition:{self.dev_edition_id}"


class OrganizationEmblem(Audited, OrganizationOwned):
    """The organization's emblem (ตราสัญลักษณ์), printed at the top of announcements and on
    the cover of the plan book; kept as a PNG in the database so every host has it."""

    image = models.BinaryField(_("ภาพตราสัญลักษณ์ (PNG)"))
    width = models.PositiveIntegerField(_("กว้าง (พิกเซล)"))
    height = models.PositiveIntegerField(_("สูง (พิกเซล)"))
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    class Meta:
        verbose_name = _("ตราสัญลักษณ์")
        verbose_name_plural = _("ตราสัญลักษณ์")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="one_emblem_per_organization")
        ]

    def __str__(self) -> str:
        return f"ตราสัญลักษณ์ ({self.width}×{self.height})"
