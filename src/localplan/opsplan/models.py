"""The operational plan (แผนการดำเนินงาน) of one fiscal year, its editions and entries
(domain.md §5)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from localplan.core.audit import Audited, edition_key
from localplan.core.fields import OrganizationManyToManyField
from localplan.core.models import Agency, Edition, OrganizationOwned, Unit, Village
from localplan.core.thai_calendar import (
    ALL_MONTHS_MASK,
    MONTH_ABBREVIATIONS,
    fiscal_months,
    mask_to_months,
)
from localplan.devplan.models import MONEY, PlanProject, ProjectKind
from localplan.strategy.models import Guideline, Strategy, WorkPlan

OPERATIONAL_PLAN_DUE_DAYS = 30


class OperationalPlan(Audited, OrganizationOwned):
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    budget_announced_on = models.DateField(
        _("วันที่ประกาศใช้ข้อบัญญัติงบประมาณ"),
        null=True,
        blank=True,
        help_text=_("แผนการดำเนินงานต้องจัดทำให้แล้วเสร็จภายใน 30 วันนับจากวันนี้"),
    )

    class Meta:
        verbose_name = _("แผนการดำเนินงาน")
        verbose_name_plural = _("แผนการดำเนินงาน")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "fiscal_year"], name="one_opsplan_per_year"
            )
        ]

    def __str__(self) -> str:
        return _("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. %(year)s") % {"year": self.fiscal_year}

    def get_absolute_url(self) -> str:
        return reverse(
            "opsplan:plan", kwargs={"org": self.organization.slug, "fiscal_year": self.fiscal_year}
        )

    @property
    def due_on(self) -> datetime.date | None:
        if self.budget_announced_on is None:
            return None
        return self.budget_announced_on + datetime.timedelta(days=OPERATIONAL_PLAN_DUE_DAYS)


class OpsEdition(Audited, Edition):
    plan = models.ForeignKey(
        OperationalPlan,
        on_delete=models.CASCADE,
        related_name="editions",
        verbose_name=_("แผนการดำเนินงาน"),
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("แก้ไขจากฉบับ")
    )

    class Meta:
        verbose_name = _("ฉบับของแผนการดำเนินงาน")
        verbose_name_plural = _("ฉบับของแผนการดำเนินงาน")
        ordering = ["plan", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "plan", "kind", "sequence", "sequence_year"],
                name="ops_edition_number_unique",
            ),
            models.UniqueConstraint(
                fields=["organization", "plan"],
                condition=Q(kind="original"),
                name="ops_one_original_edition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} {self.label}"

    def get_absolute_url(self) -> str:
        return reverse(
            "opsplan:edition", kwargs={"org": self.organization.slug, "edition_id": self.pk}
        )

    def audit_edition_key(self) -> str:
        return edition_key(self)

    @property
    def fiscal_year(self) -> int:
        return self.plan.fiscal_year


class BudgetSource(models.TextChoices):
    ORDINANCE = "ordinance", _("ข้อบัญญัติ/เทศบัญญัติงบประมาณ")
    ADDITIONAL = "additional", _("งบประมาณรายจ่ายเพิ่มเติม")
    ACCUMULATED_FUNDS = "accumulated", _("เงินสะสม")
    SPECIFIC_SUBSIDY = "specific_subsidy", _("เงินอุดหนุนเฉพาะกิจ")
    PAO_SUBSIDY = "pao_subsidy", _("เงินอุดหนุนจาก อบจ.")
    OTHER_AGENCY = "other_agency", _("งบประมาณของหน่วยงานอื่น")
    OTHER = "other", _("อื่น ๆ")


def months_label(mask: int) -> str:
    return ", ".join(MONTH_ABBREVIATIONS[(index + 8) % 12] for index in mask_to_months(mask))


class OpsEntry(Audited, OrganizationOwned):
    edition = models.ForeignKey(
        OpsEdition, on_delete=models.CASCADE, related_name="entries", verbose_name=_("ฉบับ")
    )
    code = models.CharField(_("รหัสรายการ"), max_length=32)
    number = models.PositiveIntegerField(_("ลำดับ"), default=0)
    plan_project = models.ForeignKey(
        PlanProject,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ops_entries",
        verbose_name=_("โครงการในแผนพัฒนา"),
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("หน่วยงานอื่นที่ดำเนินการ"),
        help_text=_("เว้นว่างสำหรับโครงการขององค์กรเอง"),
    )
    kind = models.CharField(
        _("ประเภท"), max_length=16, choices=ProjectKind.choices, default=ProjectKind.DEVELOPMENT
    )
    name = models.CharField(_("โครงการ/กิจกรรม"), max_length=500)
    details = models.TextField(_("รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ"), blank=True)
    budget = models.DecimalField(_("งบประมาณ (บาท)"), **MONEY)
    budget_source = models.CharField(
        _("แหล่งงบประมาณ"),
        max_length=20,
        choices=BudgetSource.choices,
        default=BudgetSource.ORDINANCE,
    )
    location = models.CharField(_("สถานที่ดำเนินการ"), max_length=300, blank=True)
    villages = OrganizationManyToManyField(
        Village, through="OpsEntryVillage", blank=True, verbose_name=_("หมู่บ้านที่ดำเนินการ")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("หน่วยงานรับผิดชอบหลัก")
    )
    months = models.PositiveSmallIntegerField(
        _("เดือนที่ดำเนินการ"), default=0, help_text=_("บิตที่ 0 = ต.ค. … บิตที่ 11 = ก.ย.")
    )
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, verbose_name=_("ยุทธศาสตร์"))
    guideline = models.ForeignKey(
        Guideline,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("แนวทางการพัฒนา / กลยุทธ์"),
    )
    work_plan = models.ForeignKey(WorkPlan, on_delete=models.PROTECT, verbose_name=_("แผนงาน"))

    audit_formatters = {"months": months_label}

    class Meta:
        verbose_name = _("รายการในแผนการดำเนินงาน")
        verbose_name_plural = _("รายการในแผนการดำเนินงาน")
        ordering = ["strategy__number", "guideline__number", "work_plan__order", "number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "edition", "code"], name="entry_code_once_per_edition"
            ),
            models.CheckConstraint(condition=Q(budget__gte=0), name="entry_budget_not_negative"),
            models.CheckConstraint(
                condition=Q(months__gte=0) & Q(months__lte=ALL_MONTHS_MASK),
                name="entry_months_within_fiscal_year",
            ),
            models.CheckConstraint(
                condition=Q(agency__isnull=True) | Q(plan_project__isnull=True),
                name="entry_is_own_or_other_agency",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "edition", "strategy"]),
            models.Index(fields=["organization", "code"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "opsplan:entry_edit", kwargs={"org": self.organization.slug, "entry_id": self.pk}
        )

    def clean(self):
        errors = {}
        if (
            self.guideline_id
            and self.strategy_id
            and self.guideline.strategy_id != self.strategy_id
        ):
            errors["guideline"] = _("แนวทางการพัฒนา/กลยุทธ์นี้ไม่ได้อยู่ภายใต้ยุทธศาสตร์ที่เลือก")
        if self.agency_id and self.plan_project_id:
            errors["agency"] = _("โครงการของหน่วยงานอื่นไม่ต้องเชื่อมกับโครงการในแผนพัฒนาขององค์กร")
        if self.months is not None and not 0 <= self.months <= ALL_MONTHS_MASK:
            errors["months"] = _("เดือนที่ดำเนินการต้องอยู่ในปีงบประมาณ (ต.ค.–ก.ย.)")
        if errors:
            raise ValidationError(errors)

    def audit_edition_key(self) -> str:
        return f"opsplan.opsedition:{self.edition_id}"

    def audit_project_code(self) -> str:
        return self.plan_project.code if self.plan_project_id else ""

    @property
    def is_own(self) -> bool:
        return self.agency_id is None

    @property
    def responsible(self) -> str:
        """Who carries it out, as printed in the หน่วยงานรับผิดชอบหลัก column."""
        if self.agency_id:
            return str(self.agency)
        return str(self.unit) if self.unit_id else ""

    def month_flags(self, fiscal_year: int) -> list[tuple[object, bool]]:
        return [(month, bool(self.months & month.bit)) for month in fiscal_months(fiscal_year)]


class OpsEntryVillage(OrganizationOwned):
    opsentry = models.ForeignKey(OpsEntry, on_delete=models.CASCADE)
    village = models.ForeignKey(Village, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "opsentry", "village"], name="entry_village_once"
            )
        ]
