"""The budget ordinance (ข้อบัญญัติ/เทศบัญญัติงบประมาณรายจ่าย) of a fiscal year, its additional
budgets and spending from accumulated funds, their items, the projects other agencies will run
in the area, and the bookkeeping of imports and of the automatic draft (domain.md §5, §8)."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from localplan.core.audit import Audited
from localplan.core.models import Agency, OrganizationOwned
from localplan.core.thai_calendar import ALL_MONTHS_MASK
from localplan.devplan.models import MONEY, PlanProject
from localplan.opsplan.models import BudgetSource, OpsEdition, OpsEntry, months_label
from localplan.strategy.models import Guideline, Strategy, WorkPlan


class BudgetDocumentKind(models.TextChoices):
    ANNUAL = "annual", _("งบประมาณรายจ่ายประจำปี")
    ADDITIONAL = "additional", _("งบประมาณรายจ่ายเพิ่มเติม")
    ACCUMULATED_FUNDS = "accumulated", _("จ่ายขาดเงินสะสม")


# Where the money of an operational-plan entry comes from, by the document that granted it.
BUDGET_SOURCE_OF_KIND = {
    BudgetDocumentKind.ANNUAL: BudgetSource.ORDINANCE,
    BudgetDocumentKind.ADDITIONAL: BudgetSource.ADDITIONAL,
    BudgetDocumentKind.ACCUMULATED_FUNDS: BudgetSource.ACCUMULATED_FUNDS,
}


class BudgetDocument(Audited, OrganizationOwned):
    """One budget act of a fiscal year: the annual ordinance, an additional budget, or an
    approval to spend accumulated funds (เงินสะสม)."""

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    kind = models.CharField(
        _("ประเภท"),
        max_length=16,
        choices=BudgetDocumentKind.choices,
        default=BudgetDocumentKind.ANNUAL,
    )
    sequence = models.PositiveSmallIntegerField(
        _("ฉบับที่/ครั้งที่"), default=1, help_text=_("ข้อบัญญัติประจำปีมีฉบับเดียว ใช้ 1")
    )
    announced_on = models.DateField(
        _("วันที่ประกาศใช้/อนุมัติ"),
        null=True,
        blank=True,
        help_text=_("แผนการดำเนินงานต้องจัดทำหรือแก้ไขให้เสร็จภายใน 30 วันนับจากวันนี้"),
    )
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        verbose_name = _("งบประมาณรายจ่าย")
        verbose_name_plural = _("งบประมาณรายจ่าย")
        ordering = ["-fiscal_year", "kind", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "fiscal_year", "kind", "sequence"],
                name="budget_document_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(sequence__gte=1), name="budget_document_sequence_positive"
            ),
            models.CheckConstraint(
                condition=~Q(kind="annual") | Q(sequence=1), name="budget_one_annual_ordinance"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "budget:document", kwargs={"org": self.organization.slug, "document_id": self.pk}
        )

    def clean(self):
        if self.kind == BudgetDocumentKind.ANNUAL and self.sequence != 1:
            raise ValidationError(
                {"sequence": _("ข้อบัญญัติงบประมาณรายจ่ายประจำปีมีได้ฉบับเดียวต่อปี (ฉบับที่ 1)")},
                code="one_annual",
            )

    @property
    def act_name(self) -> str:
        """ข้อบัญญัติ or เทศบัญญัติ, as the organization's kind calls it."""
        return self.organization.ordinance_name.split("งบประมาณ")[0]

    @property
    def title(self) -> str:
        """ "ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2553", in the page language."""
        words = {"year": self.fiscal_year, "number": self.sequence}
        municipal = self.act_name == "เทศบัญญัติ"
        if self.kind == BudgetDocumentKind.ANNUAL:
            if municipal:
                return gettext("เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. %(year)s") % words
            return gettext("ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. %(year)s") % words
        if self.kind == BudgetDocumentKind.ADDITIONAL:
            if municipal:
                return (
                    gettext(
                        "เทศบัญญัติงบประมาณรายจ่ายเพิ่มเติม (ฉบับที่ %(number)s) ประจำปีงบประมาณ พ.ศ. %(year)s"
                    )
                    % words
                )
            return (
                gettext("ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม (ฉบับที่ %(number)s) ประจำปีงบประมาณ พ.ศ. %(year)s")
                % words
            )
        return gettext("จ่ายขาดเงินสะสม ครั้งที่ %(number)s/%(year)s") % words

    @property
    def budget_source(self) -> str:
        return BUDGET_SOURCE_OF_KIND[self.kind]


class BudgetCategory(models.TextChoices):
    """งบ: the level of the budget classification under งาน."""

    PERSONNEL = "personnel", _("งบบุคลากร")
    OPERATING = "operating", _("งบดำเนินงาน")
    INVESTMENT = "investment", _("งบลงทุน")
    OTHER = "other", _("งบรายจ่ายอื่น")
    SUBSIDY = "subsidy", _("งบเงินอุดหนุน")
    CENTRAL = "central", _("งบกลาง")


CATEGORY_ORDER = {value: index for index, value in enumerate(BudgetCategory.values)}


class BudgetItem(Audited, OrganizationOwned):
    """รายการ: ด้าน → แผนงาน → งาน → งบ → หมวด/ประเภท → item, with its amount; a project item
    names the plan project it pays for by the project's stable code."""

    document = models.ForeignKey(
        BudgetDocument, on_delete=models.CASCADE, related_name="items", verbose_name=_("งบประมาณ")
    )
    code = models.CharField(
        _("รหัสรายการ"), max_length=32, help_text=_("รหัสถาวรของรายการ ใช้จับคู่เมื่อนำเข้าซ้ำ")
    )
    number = models.PositiveIntegerField(_("ลำดับ"), default=0)
    work_plan = models.ForeignKey(WorkPlan, on_delete=models.PROTECT, verbose_name=_("แผนงาน"))
    task = models.CharField(_("งาน"), max_length=200, blank=True, help_text=_("เช่น งานบริหารทั่วไป"))
    category = models.CharField(_("งบ"), max_length=16, choices=BudgetCategory.choices)
    expense_group = models.CharField(
        _("หมวด"), max_length=200, blank=True, help_text=_("เช่น ค่าครุภัณฑ์ ค่าที่ดินและสิ่งก่อสร้าง")
    )
    expense_type = models.CharField(
        _("ประเภท"), max_length=200, blank=True, help_text=_("เช่น ค่าก่อสร้างสิ่งสาธารณูปโภค")
    )
    name = models.CharField(_("รายการ"), max_length=500)
    amount = models.DecimalField(_("จำนวนเงิน (บาท)"), **MONEY)
    plan_project_code = models.CharField(
        _("รหัสโครงการในแผนพัฒนา"),
        max_length=32,
        blank=True,
        help_text=_("เว้นว่างสำหรับรายการที่ไม่ใช่โครงการ เช่น เงินเดือน"),
    )
    plan_project = models.ForeignKey(
        PlanProject,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_items",
        verbose_name=_("โครงการในแผนพัฒนา"),
    )

    class Meta:
        verbose_name = _("รายการงบประมาณ")
        verbose_name_plural = _("รายการงบประมาณ")
        ordering = ["work_plan__order", "task", "number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "document", "code"], name="budget_item_code_once"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_item_not_negative"),
        ]
        indexes = [
            models.Index(fields=["organization", "plan_project_code"]),
            models.Index(fields=["organization", "document", "work_plan"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "budget:item_edit", kwargs={"org": self.organization.slug, "item_id": self.pk}
        )

    def clean(self):
        if self.plan_project_id and self.plan_project.code != self.plan_project_code:
            raise ValidationError(
                {"plan_project_code": _("รหัสโครงการไม่ตรงกับโครงการที่เชื่อมไว้")}, code="code_mismatch"
            )

    def audit_project_code(self) -> str:
        return self.plan_project_code

    @property
    def side(self):
        return self.work_plan.side


class AgencyProjectStatus(models.TextChoices):
    SUBMITTED = "submitted", _("รอพิจารณา")
    ACCEPTED = "accepted", _("รับเข้าแผน")
    REJECTED = "rejected", _("ไม่รับ")


class AgencyProject(Audited, OrganizationOwned):
    """A project another agency will run in the area in a fiscal year (seed step 1): recorded
    by the planner, imported, or submitted by the agency through its link and reviewed."""

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    code = models.CharField(_("รหัส"), max_length=32)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, verbose_name=_("หน่วยงาน"))
    name = models.CharField(_("โครงการ/กิจกรรม"), max_length=500)
    details = models.TextField(_("รายละเอียดของกิจกรรม"), blank=True)
    budget = models.DecimalField(_("งบประมาณ (บาท)"), **MONEY)
    budget_source = models.CharField(
        _("แหล่งงบประมาณ"),
        max_length=20,
        choices=[(s.value, s.label) for s in (BudgetSource.OTHER_AGENCY, BudgetSource.PAO_SUBSIDY)],
        default=BudgetSource.OTHER_AGENCY,
    )
    location = models.CharField(_("สถานที่ดำเนินการ"), max_length=300, blank=True)
    months = models.PositiveSmallIntegerField(_("เดือนที่ดำเนินการ"), default=0)
    strategy = models.ForeignKey(
        Strategy, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("ยุทธศาสตร์")
    )
    guideline = models.ForeignKey(
        Guideline,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("แนวทางการพัฒนา / กลยุทธ์"),
    )
    work_plan = models.ForeignKey(
        WorkPlan, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("แผนงาน")
    )
    status = models.CharField(
        _("สถานะ"),
        max_length=16,
        choices=AgencyProjectStatus.choices,
        default=AgencyProjectStatus.ACCEPTED,
    )
    submitted_by = models.CharField(_("ผู้ส่งข้อมูล"), max_length=200, blank=True)
    review_note = models.TextField(_("เหตุผลที่ไม่รับ"), blank=True)
    invitation = models.ForeignKey(
        "AgencyInvitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("ส่งผ่านลิงก์"),
    )
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)

    audit_formatters = {"months": months_label}

    class Meta:
        verbose_name = _("โครงการของหน่วยงานอื่น")
        verbose_name_plural = _("โครงการของหน่วยงานอื่น")
        ordering = ["fiscal_year", "agency__name", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "fiscal_year", "code"], name="agency_project_code_once"
            ),
            models.CheckConstraint(condition=Q(budget__gte=0), name="agency_project_not_negative"),
            models.CheckConstraint(
                condition=Q(months__gte=0) & Q(months__lte=ALL_MONTHS_MASK),
                name="agency_project_months_in_year",
            ),
        ]
        indexes = [models.Index(fields=["organization", "fiscal_year", "status"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "budget:agency_project_edit",
            kwargs={"org": self.organization.slug, "agency_project_id": self.pk},
        )

    @property
    def months_text(self) -> str:
        from localplan.budget.sheets import format_months_text

        return format_months_text(self.months)

    def clean(self):
        errors = {}
        if (
            self.guideline_id
            and self.strategy_id
            and self.guideline.strategy_id != self.strategy_id
        ):
            errors["guideline"] = _("แนวทางการพัฒนา/กลยุทธ์นี้ไม่ได้อยู่ภายใต้ยุทธศาสตร์ที่เลือก")
        if self.status == AgencyProjectStatus.ACCEPTED:
            if not self.strategy_id:
                errors["strategy"] = _("โครงการที่รับเข้าแผนต้องระบุยุทธศาสตร์")
            if not self.work_plan_id:
                errors["work_plan"] = _("โครงการที่รับเข้าแผนต้องระบุแผนงาน")
        if errors:
            raise ValidationError(errors)


INVITATION_DAYS = 60


def new_token() -> str:
    return secrets.token_urlsafe(32)


class AgencyInvitation(Audited, OrganizationOwned):
    """A link (no login) through which one agency sends its projects of a fiscal year."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, verbose_name=_("หน่วยงาน"))
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    expires_on = models.DateField(_("ใช้ได้ถึงวันที่"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("ลิงก์ส่งโครงการของหน่วยงานอื่น")
        verbose_name_plural = _("ลิงก์ส่งโครงการของหน่วยงานอื่น")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.agency} ปี {self.fiscal_year}"

    def get_absolute_url(self) -> str:
        return reverse("agency_submissions:submit", kwargs={"token": self.token})

    @property
    def is_open(self) -> bool:
        return timezone.localdate() <= self.expires_on

    @classmethod
    def default_expiry(cls) -> datetime.date:
        return timezone.localdate() + datetime.timedelta(days=INVITATION_DAYS)


class ImportKind(models.TextChoices):
    PLAN_PROJECTS = "plan-projects", _("โครงการในแผนพัฒนา")
    BUDGET_ITEMS = "budget-items", _("รายการงบประมาณ")
    AGENCY_PROJECTS = "agency-projects", _("โครงการของหน่วยงานอื่น")


class ImportBatch(OrganizationOwned):
    """An uploaded file between its preview and its confirmation, kept for one user."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("ประเภทข้อมูล"), max_length=20, choices=ImportKind.choices)
    target_id = models.PositiveBigIntegerField(_("นำเข้าที่"))
    filename = models.CharField(_("ชื่อไฟล์"), max_length=255)
    content = models.BinaryField(_("เนื้อไฟล์"))
    preview = models.JSONField(_("ผลการตรวจ"), default=dict)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True, db_index=True)
    applied_at = models.DateTimeField(_("นำเข้าเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("ไฟล์ที่รอนำเข้า")
        verbose_name_plural = _("ไฟล์ที่รอนำเข้า")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "user", "created_at"])]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse(
            "budget:import_preview",
            kwargs={"org": self.organization.slug, "kind": self.kind, "target_id": self.target_id},
        )


class DraftMark(OrganizationOwned):
    """What the automatic draft last wrote into an entry, field by field, so that a refresh can
    tell the planner's own edits from its own and never overwrite them unseen."""

    edition = models.ForeignKey(OpsEdition, on_delete=models.CASCADE, related_name="+")
    entry = models.OneToOneField(OpsEntry, on_delete=models.CASCADE, related_name="draft_mark")
    source_key = models.CharField(max_length=80)
    written = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "edition", "source_key"], name="draft_source_once"
            )
        ]

    def __str__(self) -> str:
        return self.source_key
