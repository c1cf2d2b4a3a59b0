"""The lifecycle of every plan document (domain.md §7): the approval chain an organization
follows, the steps taken on an edition, the committee's and council's resolutions, the
amendments started, and the announcement with the exact PDF that was announced."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from localplan.core.models import AmendmentKind, EditionState, OrganizationOwned, Role
from localplan.devplan.models import DevPlanEdition
from localplan.opsplan.models import OpsEdition

POSTING_WITHIN_DAYS = 15
POSTING_AT_LEAST_DAYS = 30


class Document(models.TextChoices):
    DEVPLAN = "dev", _("แผนพัฒนา")
    OPSPLAN = "ops", _("แผนการดำเนินงาน")


EDITION_MODELS = {Document.DEVPLAN: DevPlanEdition, Document.OPSPLAN: OpsEdition}
EDITION_FIELDS = {Document.DEVPLAN: "dev_edition", Document.OPSPLAN: "ops_edition"}


def document_of(edition) -> Document:
    return Document.DEVPLAN if isinstance(edition, DevPlanEdition) else Document.OPSPLAN


def edition_lookup(edition) -> dict:
    """{"dev_edition": edition} or {"ops_edition": edition}: how our rows name an edition."""
    return {EDITION_FIELDS[document_of(edition)]: edition}


def exactly_one_edition(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(dev_edition__isnull=False, ops_edition__isnull=True)
        | Q(dev_edition__isnull=True, ops_edition__isnull=False),
        name=name,
    )


class AppendOnly(models.Model):
    """A record of something that happened: written once, never changed or deleted."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError(f"{self._meta.label} rows are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{self._meta.label} rows are never deleted")


class ApprovalRule(OrganizationOwned):
    """Which bodies consider one kind of edition of one document before the executive
    approves it. Without a row the default of domain.md §4 applies (`default_chain`)."""

    document = models.CharField(_("เอกสาร"), max_length=8, choices=Document.choices)
    kind = models.CharField(_("ประเภทฉบับ"), max_length=16, choices=AmendmentKind.choices)
    committee_review = models.BooleanField(_("เสนอคณะกรรมการพัฒนาท้องถิ่นพิจารณา"))
    council_approval = models.BooleanField(_("เสนอสภาท้องถิ่นให้ความเห็นชอบ"))

    class Meta:
        verbose_name = _("ขั้นตอนการอนุมัติ")
        verbose_name_plural = _("ขั้นตอนการอนุมัติ")
        ordering = ["document", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "document", "kind"], name="one_approval_rule_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_document_display()} {self.get_kind_display()}"


class Step(models.TextChoices):
    """What happened to an edition; each step moves it from one state to another."""

    AMENDMENT_STARTED = "amendment_started", _("เริ่มจัดทำฉบับแก้ไข")
    SUBMITTED = "submitted", pgettext_lazy("ขั้นตอนที่ทำแล้ว", "เสนอร่างเพื่อพิจารณา")
    ENDORSED = "endorsed", _("คณะกรรมการพัฒนาท้องถิ่นให้ความเห็นชอบ")
    COUNCIL_APPROVED = "council_approved", _("สภาท้องถิ่นให้ความเห็นชอบ")
    RETURNED = "returned", _("ส่งกลับให้แก้ไข")
    APPROVED = "approved", _("ผู้บริหารท้องถิ่นอนุมัติ")
    ANNOUNCED = "announced", pgettext_lazy("ขั้นตอนที่ทำแล้ว", "ประกาศใช้")
    SUPERSEDED = "superseded", _("ถูกแทนที่ด้วยฉบับใหม่")


class Transition(AppendOnly, OrganizationOwned):
    """One step taken on an edition: who, when, on which content, with what inputs."""

    dev_edition = models.ForeignKey(
        DevPlanEdition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workflow_transitions",
        verbose_name=_("ฉบับของแผนพัฒนา"),
    )
    ops_edition = models.ForeignKey(
        OpsEdition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workflow_transitions",
        verbose_name=_("ฉบับของแผนการดำเนินงาน"),
    )
    step = models.CharField(_("ขั้นตอน"), max_length=20, choices=Step.choices)
    from_state = models.CharField(_("จากสถานะ"), max_length=20, choices=EditionState.choices)
    to_state = models.CharField(_("เป็นสถานะ"), max_length=20, choices=EditionState.choices)
    occurred_on = models.DateField(_("วันที่ตามเอกสาร"))
    at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้ดำเนินการ"),
    )
    actor_name = models.CharField(_("ชื่อผู้ดำเนินการ"), max_length=150, blank=True)
    actor_role = models.CharField(_("บทบาท"), max_length=32, choices=Role.choices, blank=True)
    content_version = models.CharField(
        _("รุ่นของเนื้อหา"),
        max_length=64,
        help_text=_("SHA-256 ของรายการทั้งหมดในฉบับ ณ ขณะที่ดำเนินการ"),
    )
    # The chain the edition follows, fixed when it is submitted.
    committee_review = models.BooleanField(null=True, blank=True)
    council_approval = models.BooleanField(null=True, blank=True)
    comments = models.TextField(_("ความเห็น"), blank=True)
    inputs = models.JSONField(_("ข้อมูลที่บันทึก"), default=dict, blank=True)

    class Meta:
        verbose_name = _("การดำเนินการตามขั้นตอน")
        verbose_name_plural = _("การดำเนินการตามขั้นตอน")
        ordering = ["at", "id"]
        constraints = [exactly_one_edition("transition_of_one_edition")]

    def __str__(self) -> str:
        return f"{self.get_step_display()} ({self.occurred_on})"

    @property
    def edition(self):
        return self.dev_edition or self.ops_edition


class ReviewBody(models.TextChoices):
    COMMITTEE = "committee", _("คณะกรรมการพัฒนาท้องถิ่น")
    COUNCIL = "council", _("สภาท้องถิ่น")


class Resolution(AppendOnly, OrganizationOwned):
    """มติ: what a committee or the council resolved about an edition at a dated meeting."""

    transition = models.OneToOneField(
        Transition, on_delete=models.CASCADE, related_name="resolution", verbose_name=_("ขั้นตอน")
    )
    body = models.CharField(_("ที่ประชุม"), max_length=16, choices=ReviewBody.choices)
    meeting_number = models.CharField(_("การประชุมครั้งที่"), max_length=40)
    meeting_date = models.DateField(_("วันที่ประชุม"))
    text = models.TextField(_("มติที่ประชุม"))
    # [{"code": "P0012", "name": "…", "comment": "…"}]: comments on single projects/entries.
    row_comments = models.JSONField(_("ความเห็นรายโครงการ"), default=list, blank=True)

    class Meta:
        verbose_name = _("มติที่ประชุม")
        verbose_name_plural = _("มติที่ประชุม")
        ordering = ["meeting_date", "id"]

    def __str__(self) -> str:
        return f"{self.get_body_display()} ครั้งที่ {self.meeting_number}"


class SpecialCase(models.TextChoices):
    """Amendments the executive may approve alone (domain.md §4)."""

    NONE = "", _("ไม่ใช่กรณีพิเศษ")
    ROYAL = "royal", _("โครงการอันเนื่องมาจากพระราชดำริ")
    CEREMONY = "ceremony", _("งานพระราชพิธี รัฐพิธี")
    GOVERNMENT_POLICY = "government_policy", _("นโยบายรัฐบาล")
    MINISTRY_POLICY = "ministry_policy", _("นโยบายกระทรวงมหาดไทย")


class Amendment(OrganizationOwned):
    """What an amendment edition is for: its reason and whether it is a special case."""

    dev_edition = models.OneToOneField(
        DevPlanEdition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="amendment",
        verbose_name=_("ฉบับของแผนพัฒนา"),
    )
    ops_edition = models.OneToOneField(
        OpsEdition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="amendment",
        verbose_name=_("ฉบับของแผนการดำเนินงาน"),
    )
    reason = models.TextField(_("เหตุผลความจำเป็นของการแก้ไข"))
    special_case = models.CharField(
        _("กรณีที่ผู้บริหารอนุมัติได้เอง"),
        max_length=20,
        choices=SpecialCase.choices,
        blank=True,
        default=SpecialCase.NONE,
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("การแก้ไขแผน")
        verbose_name_plural = _("การแก้ไขแผน")
        constraints = [exactly_one_edition("amendment_of_one_edition")]

    def __str__(self) -> str:
        return str(self.dev_edition or self.ops_edition)


class Announcement(AppendOnly, OrganizationOwned):
    """ประกาศ: the announced edition, its number and dates, and the exact PDF announced."""

    dev_edition = models.OneToOneField(
        DevPlanEdition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="announcement",
        verbose_name=_("ฉบับของแผนพัฒนา"),
    )
    ops_edition = models.OneToOneField(
        OpsEdition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="announcement",
        verbose_name=_("ฉบับของแผนการดำเนินงาน"),
    )
    number = models.CharField(_("เลขที่ประกาศ"), max_length=60)
    announced_on = models.DateField(_("วันที่ประกาศ"))
    posting_starts_on = models.DateField(_("วันที่เริ่มปิดประกาศ"))
    pdf = models.BinaryField(_("ไฟล์ PDF ที่ประกาศ"))
    sha256 = models.CharField(_("SHA-256 ของไฟล์"), max_length=64, db_index=True)
    signer_name = models.CharField(_("ชื่อผู้ลงนาม"), max_length=150)
    signer_title = models.CharField(_("ตำแหน่งผู้ลงนาม"), max_length=200)
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("ประกาศ")
        verbose_name_plural = _("ประกาศ")
        ordering = ["-announced_on", "-id"]
        constraints = [exactly_one_edition("announcement_of_one_edition")]

    def __str__(self) -> str:
        return f"ประกาศ ที่ {self.number} {self.edition}"

    @property
    def edition(self):
        return self.dev_edition or self.ops_edition

    @property
    def posting_due_on(self) -> datetime.date:
        """Posting must start within 15 days of the announcement."""
        return self.announced_on + datetime.timedelta(days=POSTING_WITHIN_DAYS)

    @property
    def posting_ends_on(self) -> datetime.date:
        """The first day the notice may be taken down: posted for at least 30 days."""
        return self.posting_starts_on + datetime.timedelta(days=POSTING_AT_LEAST_DAYS)

    @property
    def posted_late(self) -> bool:
        return self.posting_starts_on > self.posting_due_on
