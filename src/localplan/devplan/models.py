"""The multi-year development plan (แผนพัฒนาสามปี / แผนพัฒนาท้องถิ่น), its editions, and its
projects with one budget per fiscal year of the horizon (domain.md §4)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from localplan.core.audit import Audited, edition_key
from localplan.core.fields import OrganizationManyToManyField
from localplan.core.models import Agency, Edition, OrganizationOwned, Unit, Village
from localplan.strategy.models import GUIDELINE_LABEL, Guideline, Regime, Strategy, WorkPlan

MAX_HORIZON_YEARS = 5
MONEY = {"max_digits": 14, "decimal_places": 2}


class DevPlan(Audited, OrganizationOwned):
    regime = models.CharField(_("ระเบียบที่ใช้"), max_length=8, choices=Regime.choices)
    first_fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณแรก (พ.ศ.)"))
    last_fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณสุดท้าย (พ.ศ.)"))

    class Meta:
        verbose_name = _("แผนพัฒนา")
        verbose_name_plural = _("แผนพัฒนา")
        ordering = ["-first_fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "first_fiscal_year", "last_fiscal_year"],
                name="devplan_horizon_unique",
            ),
            models.CheckConstraint(
                condition=Q(last_fiscal_year__gte=models.F("first_fiscal_year"))
                & Q(last_fiscal_year__lte=models.F("first_fiscal_year") + MAX_HORIZON_YEARS - 1),
                name="devplan_horizon_1_to_5_years",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("devplan:plan", kwargs={"org": self.organization.slug, "plan_id": self.pk})

    def clean(self):
        if self.first_fiscal_year and self.last_fiscal_year:
            years = self.last_fiscal_year - self.first_fiscal_year + 1
            if not 1 <= years <= MAX_HORIZON_YEARS:
                raise ValidationError(
                    {"last_fiscal_year": _("แผนพัฒนาต้องครอบคลุม 1 ถึง 5 ปีงบประมาณ")},
                    code="bad_horizon",
                )

    @property
    def kind_name(self) -> str:
        if self.regime == Regime.SEED_2548 and self.years == 3:
            return str(_("แผนพัฒนาสามปี"))
        return str(_("แผนพัฒนาท้องถิ่น"))

    @property
    def title(self) -> str:
        return _("%(kind)s (พ.ศ. %(first)s–%(last)s)") % {
            "kind": self.kind_name,
            "first": self.first_fiscal_year,
            "last": self.last_fiscal_year,
        }

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(self.first_fiscal_year, self.last_fiscal_year + 1))

    @property
    def years(self) -> int:
        return self.last_fiscal_year - self.first_fiscal_year + 1

    @property
    def guideline_label(self) -> str:
        return str(GUIDELINE_LABEL[self.regime])


class DevPlanEdition(Audited, Edition):
    plan = models.ForeignKey(
        DevPlan, on_delete=models.CASCADE, related_name="editions", verbose_name=_("แผนพัฒนา")
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("แก้ไขจากฉบับ")
    )

    class Meta:
        verbose_name = _("ฉบับของแผนพัฒนา")
        verbose_name_plural = _("ฉบับของแผนพัฒนา")
        ordering = ["plan", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "plan", "kind", "sequence", "sequence_year"],
                name="devplan_edition_number_unique",
            ),
            models.UniqueConstraint(
                fields=["organization", "plan"],
                condition=Q(kind="original"),
                name="devplan_one_original_edition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan.title} {self.label}"

    def get_absolute_url(self) -> str:
        return reverse(
            "devplan:edition", kwargs={"org": self.organization.slug, "edition_id": self.pk}
        )

    def audit_edition_key(self) -> str:
        return edition_key(self)


class ProjectKind(models.TextChoices):
    DEVELOPMENT = "development", _("โครงการพัฒนา")
    EQUIPMENT = "equipment", _("ครุภัณฑ์")
    COMMUNITY = "community", _("โครงการจากแผนชุมชน")
    COORDINATION = "coordination", _("โครงการประสานหน่วยงานอื่น")


EQUIPMENT_TYPES = [
    "ครุภัณฑ์สำนักงาน",
    "ครุภัณฑ์ยานพาหนะและขนส่ง",
    "ครุภัณฑ์การเกษตร",
    "ครุภัณฑ์ก่อสร้าง",
    "ครุภัณฑ์ไฟฟ้าและวิทยุ",
    "ครุภัณฑ์โฆษณาและเผยแพร่",
    "ครุภัณฑ์คอมพิวเตอร์",
    "ครุภัณฑ์การศึกษา",
    "ครุภัณฑ์งานบ้านงานครัว",
    "ครุภัณฑ์วิทยาศาสตร์หรือการแพทย์",
    "ครุภัณฑ์กีฬา",
    "ครุภัณฑ์สำรวจ",
    "ครุภัณฑ์ดนตรีและนาฏศิลป์",
    "ครุภัณฑ์เครื่องดับเพลิง",
]


class PlanProject(Audited, OrganizationOwned):
    edition = models.ForeignKey(
        DevPlanEdition, on_delete=models.CASCADE, related_name="projects", verbose_name=_("ฉบับ")
    )
    code = models.CharField(
        _("รหัสโครงการ"), max_length=32, help_text=_("รหัสถาวรของโครงการ ใช้เหมือนเดิมทุกฉบับ")
    )
    number = models.PositiveIntegerField(_("ลำดับ"), default=0)
    kind = models.CharField(
        _("ประเภทโครงการ"),
        max_length=16,
        choices=ProjectKind.choices,
        default=ProjectKind.DEVELOPMENT,
    )
    name = models.CharField(_("ชื่อโครงการ"), max_length=500)
    objective = models.TextField(_("วัตถุประสงค์"), blank=True)
    target = models.TextField(_("เป้าหมาย (ผลผลิตของโครงการ)"), blank=True)
    kpi = models.TextField(_("ตัวชี้วัด (KPI)"), blank=True)
    expected_result = models.TextField(_("ผลที่คาดว่าจะได้รับ"), blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("หน่วยงานรับผิดชอบหลัก")
    )
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, verbose_name=_("ยุทธศาสตร์"))
    guideline = models.ForeignKey(
        Guideline, on_delete=models.PROTECT, verbose_name=_("แนวทางการพัฒนา / กลยุทธ์")
    )
    work_plan = models.ForeignKey(WorkPlan, on_delete=models.PROTECT, verbose_name=_("แผนงาน"))
    villages = OrganizationManyToManyField(
        Village, through="PlanProjectVillage", blank=True, verbose_name=_("หมู่บ้านที่ดำเนินการ")
    )
    location = models.CharField(_("สถานที่ดำเนินการ"), max_length=300, blank=True)
    equipment_category = models.CharField(
        _("หมวด"), max_length=120, blank=True, help_text=_("สำหรับครุภัณฑ์ เช่น ค่าครุภัณฑ์")
    )
    equipment_type = models.CharField(
        _("ประเภทครุภัณฑ์"), max_length=120, blank=True, help_text=_("เช่น ครุภัณฑ์สำนักงาน")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("หน่วยงานที่ขอประสาน"),
        help_text=_("สำหรับโครงการประสานหน่วยงานอื่น"),
    )
    reason = models.TextField(
        _("เหตุผลความจำเป็น"), blank=True, help_text=_("จำเป็นสำหรับโครงการที่เพิ่มหรือเปลี่ยนแปลงในฉบับแก้ไข")
    )

    class Meta:
        verbose_name = _("โครงการในแผนพัฒนา")
        verbose_name_plural = _("โครงการในแผนพัฒนา")
        ordering = ["strategy__number", "guideline__number", "work_plan__order", "number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "edition", "code"], name="project_code_once_per_edition"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "code"]),
            models.Index(fields=["organization", "edition", "strategy"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "devplan:project_edit", kwargs={"org": self.organization.slug, "project_id": self.pk}
        )

    def clean(self):
        errors = {}
        if (
            self.guideline_id
            and self.strategy_id
            and self.guideline.strategy_id != self.strategy_id
        ):
            errors["guideline"] = _("แนวทางการพัฒนา/กลยุทธ์นี้ไม่ได้อยู่ภายใต้ยุทธศาสตร์ที่เลือก")
        if self.kind == ProjectKind.EQUIPMENT and not self.equipment_type:
            errors["equipment_type"] = _("ครุภัณฑ์ต้องระบุประเภทครุภัณฑ์")
        if errors:
            raise ValidationError(errors)

    def audit_edition_key(self) -> str:
        return f"devplan.devplanedition:{self.edition_id}"

    def audit_project_code(self) -> str:
        return self.code

    @property
    def total_budget(self) -> Decimal:
        return sum((budget.amount for budget in self.budgets.all()), Decimal("0.00"))


class PlanProjectVillage(OrganizationOwned):
    planproject = models.ForeignKey(PlanProject, on_delete=models.CASCADE)
    village = models.ForeignKey(Village, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "planproject", "village"], name="project_village_once"
            )
        ]


class ProjectBudget(Audited, OrganizationOwned):
    project = models.ForeignKey(
        PlanProject, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("โครงการ")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    amount = models.DecimalField(_("งบประมาณ (บาท)"), **MONEY)

    class Meta:
        verbose_name = _("งบประมาณรายปี")
        verbose_name_plural = _("งบประมาณรายปี")
        ordering = ["fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "project", "fiscal_year"],
                name="one_budget_per_project_year",
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="project_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.project} ปี {self.fiscal_year}: {self.amount}"

    def audit_edition_key(self) -> str:
        return f"devplan.devplanedition:{self.project.edition_id}"

    def audit_project_code(self) -> str:
        return self.project.code
