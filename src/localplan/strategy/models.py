"""The strategy hierarchy: shared alignment lists and the แผนงาน catalogue, then each
organization's vision, missions, goals, strategies and guidelines (domain.md §3)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from localplan.core.audit import Audited
from localplan.core.fields import OrganizationManyToManyField
from localplan.core.models import OrganizationOwned

# ---------------------------------------------------------------- shared reference lists


class NationalStrategy(models.Model):
    """One of the six ด้าน of ยุทธศาสตร์ชาติ 20 ปี (พ.ศ. 2561–2580)."""

    number = models.PositiveSmallIntegerField(_("ด้านที่"), unique=True)
    name = models.CharField(_("ชื่อ"), max_length=200)

    class Meta:
        verbose_name = _("ยุทธศาสตร์ชาติ 20 ปี")
        verbose_name_plural = _("ยุทธศาสตร์ชาติ 20 ปี")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class SustainableDevelopmentGoal(models.Model):
    number = models.PositiveSmallIntegerField(_("เป้าหมายที่"), unique=True)
    name = models.CharField(_("ชื่อ"), max_length=200)

    class Meta:
        verbose_name = _("เป้าหมายการพัฒนาที่ยั่งยืน (SDGs)")
        verbose_name_plural = _("เป้าหมายการพัฒนาที่ยั่งยืน (SDGs)")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"SDG {self.number} {self.name}"


class BudgetSide(models.Model):
    """ด้าน of the national budget classification."""

    code = models.CharField(_("รหัส"), max_length=8, unique=True)
    name = models.CharField(_("ชื่อด้าน"), max_length=120)
    order = models.PositiveSmallIntegerField(_("ลำดับ"))

    class Meta:
        verbose_name = _("ด้าน")
        verbose_name_plural = _("ด้าน")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class WorkPlan(models.Model):
    """แผนงาน: the same twelve everywhere, grouped by ด้าน."""

    side = models.ForeignKey(BudgetSide, on_delete=models.PROTECT, verbose_name=_("ด้าน"))
    code = models.CharField(_("รหัส"), max_length=8, unique=True)
    name = models.CharField(_("ชื่อแผนงาน"), max_length=120)
    order = models.PositiveSmallIntegerField(_("ลำดับ"))

    class Meta:
        verbose_name = _("แผนงาน")
        verbose_name_plural = _("แผนงาน")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


# ---------------------------------------------------------------- per organization


class Regime(models.TextChoices):
    """Which regulation a plan follows; it names the level under a strategy."""

    SEED_2548 = "2548", _("ระเบียบ มท. พ.ศ. 2548 (แผนพัฒนาสามปี)")
    CURRENT = "2561", _("ระเบียบ มท. ฉบับที่ 3 พ.ศ. 2561 (แผนพัฒนาท้องถิ่น)")


GUIDELINE_LABEL = {Regime.SEED_2548: _("แนวทางการพัฒนา"), Regime.CURRENT: _("กลยุทธ์")}


class ProvincialStrategyKind(models.TextChoices):
    PROVINCE = "province", _("ยุทธศาสตร์จังหวัด")
    LOCAL_IN_PROVINCE = "local", _("ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัด")


class ProvincialStrategy(Audited, OrganizationOwned):
    kind = models.CharField(
        _("ประเภท"), max_length=16, choices=ProvincialStrategyKind.choices, default="province"
    )
    number = models.PositiveSmallIntegerField(_("ลำดับที่"))
    name = models.CharField(_("ชื่อ"), max_length=300)

    class Meta:
        verbose_name = _("ยุทธศาสตร์จังหวัด")
        verbose_name_plural = _("ยุทธศาสตร์จังหวัด")
        ordering = ["kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "number"], name="provincial_strategy_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Vision(Audited, OrganizationOwned):
    text = models.TextField(_("วิสัยทัศน์"))
    first_fiscal_year = models.PositiveSmallIntegerField(_("ใช้ตั้งแต่ปีงบประมาณ"))

    class Meta:
        verbose_name = _("วิสัยทัศน์")
        verbose_name_plural = _("วิสัยทัศน์")
        ordering = ["-first_fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "first_fiscal_year"], name="one_vision_per_start_year"
            )
        ]

    def __str__(self) -> str:
        return self.text


class Mission(Audited, OrganizationOwned):
    number = models.PositiveSmallIntegerField(_("ข้อที่"))
    text = models.TextField(_("พันธกิจ"))

    class Meta:
        verbose_name = _("พันธกิจ")
        verbose_name_plural = _("พันธกิจ")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="mission_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class Strategy(Audited, OrganizationOwned):
    number = models.PositiveSmallIntegerField(_("ยุทธศาสตร์ที่"))
    name = models.CharField(_("ชื่อยุทธศาสตร์"), max_length=300)
    national_strategies = OrganizationManyToManyField(
        NationalStrategy,
        through="StrategyNationalLink",
        blank=True,
        verbose_name=_("สอดคล้องกับยุทธศาสตร์ชาติ"),
    )
    sdgs = OrganizationManyToManyField(
        SustainableDevelopmentGoal,
        through="StrategySdgLink",
        blank=True,
        verbose_name=_("สอดคล้องกับ SDGs"),
    )
    provincial_strategies = OrganizationManyToManyField(
        ProvincialStrategy,
        through="StrategyProvincialLink",
        blank=True,
        verbose_name=_("สอดคล้องกับยุทธศาสตร์จังหวัด"),
    )

    class Meta:
        verbose_name = _("ยุทธศาสตร์")
        verbose_name_plural = _("ยุทธศาสตร์")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="strategy_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:list", kwargs={"org": self.organization.slug}) + f"#s{self.pk}"

    @property
    def printed_number(self) -> str:
        return f"{self.number}."


class Goal(Audited, OrganizationOwned):
    """เป้าประสงค์ with its indicator (ตัวชี้วัด) and target (ค่าเป้าหมาย)."""

    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("ยุทธศาสตร์"),
    )
    number = models.PositiveSmallIntegerField(_("ข้อที่"))
    text = models.TextField(_("เป้าประสงค์"))
    indicator = models.TextField(_("ตัวชี้วัด"), blank=True)
    target = models.CharField(_("ค่าเป้าหมาย"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("เป้าประสงค์")
        verbose_name_plural = _("เป้าประสงค์")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="goal_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class Guideline(Audited, OrganizationOwned):
    """แนวทางการพัฒนา (2548 regime) or กลยุทธ์ (current regime) under a strategy."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.PROTECT, related_name="guidelines", verbose_name=_("ยุทธศาสตร์")
    )
    number = models.PositiveSmallIntegerField(_("ลำดับที่"))
    name = models.CharField(_("ชื่อ"), max_length=300)

    class Meta:
        verbose_name = _("แนวทางการพัฒนา / กลยุทธ์")
        verbose_name_plural = _("แนวทางการพัฒนา / กลยุทธ์")
        ordering = ["strategy__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "strategy", "number"], name="guideline_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.printed_number} {self.name}"

    def clean(self):
        if self.strategy_id and self.organization_id:
            if self.strategy.organization_id != self.organization_id:
                raise ValidationError({"strategy": _("ยุทธศาสตร์นี้เป็นขององค์กรอื่น")})

    @property
    def printed_number(self) -> str:
        return f"{self.strategy.number}.{self.number}"


class StrategyNationalLink(OrganizationOwned):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE)
    national_strategy = models.ForeignKey(NationalStrategy, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "strategy", "national_strategy"],
                name="strategy_national_once",
            )
        ]


class StrategySdgLink(OrganizationOwned):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE)
    sustainabledevelopmentgoal = models.ForeignKey(
        SustainableDevelopmentGoal, on_delete=models.PROTECT
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "strategy", "sustainabledevelopmentgoal"],
                name="strategy_sdg_once",
            )
        ]


class StrategyProvincialLink(OrganizationOwned):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE)
    provincialstrategy = models.ForeignKey(ProvincialStrategy, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "strategy", "provincialstrategy"],
                name="strategy_provincial_once",
            )
        ]
