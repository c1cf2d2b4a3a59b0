"""Organizations (the tenants), their units, villages and partner agencies, who works there in
which role, the audit log, and what every plan edition has in common."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from localplan.core.thai_calendar import to_thai_digits


class OrganizationKind(models.TextChoices):
    SAO = "sao", _("องค์การบริหารส่วนตำบล")
    SUBDISTRICT_MUNICIPALITY = "tambon_municipality", _("เทศบาลตำบล")
    TOWN_MUNICIPALITY = "town_municipality", _("เทศบาลเมือง")
    CITY_MUNICIPALITY = "city_municipality", _("เทศบาลนคร")
    PAO = "pao", _("องค์การบริหารส่วนจังหวัด")


ORGANIZATION_SHORT_PREFIX = {
    OrganizationKind.SAO: "อบต.",
    OrganizationKind.SUBDISTRICT_MUNICIPALITY: "ทต.",
    OrganizationKind.TOWN_MUNICIPALITY: "ทม.",
    OrganizationKind.CITY_MUNICIPALITY: "ทน.",
    OrganizationKind.PAO: "อบจ.",
}
# What the budget ordinance and the council are called, by kind of organization.
# Thai as documents print them; a page shows them through gettext (`{% translate name %}`).
ORDINANCE_NAME = {
    OrganizationKind.SAO: gettext_noop("ข้อบัญญัติงบประมาณรายจ่ายประจำปี"),
    OrganizationKind.PAO: gettext_noop("ข้อบัญญัติงบประมาณรายจ่ายประจำปี"),
}
MUNICIPAL_ORDINANCE_NAME = gettext_noop("เทศบัญญัติงบประมาณรายจ่ายประจำปี")


class Province(models.Model):
    """A province of Thailand, as the `geothai` package lists it (reference data)."""

    code = models.CharField(_("รหัสจังหวัด"), max_length=2, primary_key=True)
    name = models.CharField(_("ชื่อจังหวัด"), max_length=80)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=80)

    class Meta:
        verbose_name = _("จังหวัด")
        verbose_name_plural = _("จังหวัด")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """An อำเภอ (in Bangkok a เขต)."""

    code = models.CharField(_("รหัสอำเภอ"), max_length=4, primary_key=True)
    province = models.ForeignKey(
        Province, on_delete=models.CASCADE, related_name="districts", verbose_name=_("จังหวัด")
    )
    name = models.CharField(_("ชื่ออำเภอ"), max_length=80)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=80)

    class Meta:
        verbose_name = _("อำเภอ")
        verbose_name_plural = _("อำเภอ")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Subdistrict(models.Model):
    """A ตำบล (in Bangkok a แขวง)."""

    code = models.CharField(_("รหัสตำบล"), max_length=6, primary_key=True)
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="subdistricts", verbose_name=_("อำเภอ")
    )
    name = models.CharField(_("ชื่อตำบล"), max_length=80)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=80)

    class Meta:
        verbose_name = _("ตำบล")
        verbose_name_plural = _("ตำบล")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    kind = models.CharField(_("ประเภท"), max_length=24, choices=OrganizationKind.choices)
    name = models.CharField(_("ชื่อ"), max_length=120, help_text=_("ไม่ต้องใส่ประเภท เช่น ผไทรินทร์"))
    slug = models.SlugField(_("ชื่อย่อในที่อยู่เว็บ"), unique=True)
    province = models.CharField(_("จังหวัด"), max_length=80)
    district = models.CharField(_("อำเภอ"), max_length=80)
    subdistrict = models.CharField(_("ตำบล"), max_length=80, blank=True)
    # Where it is in the real list; the names above are what pages and documents print and
    # are set from these (an organization from before the list keeps the names it had).
    province_area = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("จังหวัด"),
    )
    district_area = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("อำเภอ"),
    )
    subdistrict_area = models.ForeignKey(
        Subdistrict,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ตำบล"),
    )
    address = models.TextField(_("ที่อยู่สำนักงาน"), blank=True)
    executive_name = models.CharField(_("ชื่อผู้บริหารท้องถิ่น"), max_length=120, blank=True)
    executive_title = models.CharField(
        _("ตำแหน่งผู้บริหารท้องถิ่น"),
        max_length=120,
        blank=True,
        help_text=_("เช่น นายกองค์การบริหารส่วนตำบลผไทรินทร์"),
    )
    thai_digits_in_documents = models.BooleanField(_("ใช้เลขไทยในเอกสาร"), default=False)

    class Meta:
        verbose_name = _("องค์กรปกครองส่วนท้องถิ่น")
        verbose_name_plural = _("องค์กรปกครองส่วนท้องถิ่น")
        ordering = ["province", "district", "name"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.copy_area_names()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("home", kwargs={"org": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.district_area and self.province_area_id != self.district_area.province_id:
            errors["district_area"] = _("อำเภอนี้ไม่อยู่ในจังหวัดที่เลือก")
        if self.subdistrict_area and self.district_area_id != self.subdistrict_area.district_id:
            errors["subdistrict_area"] = _("ตำบลนี้ไม่อยู่ในอำเภอที่เลือก")
        if errors:
            raise ValidationError(errors)

    def copy_area_names(self) -> None:
        """The printed names follow the areas chosen from the list."""
        if self.province_area_id:
            self.province = self.province_area.name
        if self.district_area_id:
            self.district = self.district_area.name
        if self.subdistrict_area_id:
            self.subdistrict = self.subdistrict_area.name

    @property
    def full_name(self) -> str:
        # "องค์การบริหารส่วนตำบลผไทรินทร์"; English puts the name before the kind.
        return pgettext_lazy("ชื่อเต็มขององค์กร", "%(kind)s%(name)s") % {
            "kind": self.get_kind_display(),
            "name": self.name,
        }

    @property
    def short_name(self) -> str:
        return f"{ORGANIZATION_SHORT_PREFIX[self.kind]}{self.name}"

    @property
    def is_municipality(self) -> bool:
        return self.kind in {
            OrganizationKind.SUBDISTRICT_MUNICIPALITY,
            OrganizationKind.TOWN_MUNICIPALITY,
            OrganizationKind.CITY_MUNICIPALITY,
        }

    @property
    def ordinance_name(self) -> str:
        return ORDINANCE_NAME.get(self.kind, MUNICIPAL_ORDINANCE_NAME)

    def document_digits(self, text: object) -> str:
        """Text as it is printed in this organization's documents (Thai digits if it asks)."""
        return to_thai_digits(text) if self.thai_digits_in_documents else str(text)


class OrganizationOwned(models.Model):
    """A row that belongs to one organization; every query and constraint names it."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("องค์กร")
    )

    class Meta:
        abstract = True


class Unit(OrganizationOwned):
    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=120)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("หน่วยงานภายใน")
        verbose_name_plural = _("หน่วยงานภายใน")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="unit_name_unique_in_org")
        ]

    def __str__(self) -> str:
        return self.name


class Village(OrganizationOwned):
    number = models.PositiveSmallIntegerField(_("หมู่ที่"))
    name = models.CharField(_("ชื่อหมู่บ้าน"), max_length=120)

    class Meta:
        verbose_name = _("หมู่บ้าน")
        verbose_name_plural = _("หมู่บ้าน")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="village_number_unique_in_org"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="village_number_positive"),
        ]

    def __str__(self) -> str:
        return gettext("หมู่ที่ %(number)s บ้าน%(name)s") % {"number": self.number, "name": self.name}


class Agency(OrganizationOwned):
    """Another agency working in the area (หน่วยงานอื่น): a provincial office, the อบจ. …"""

    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=200)

    class Meta:
        verbose_name = _("หน่วยงานอื่น")
        verbose_name_plural = _("หน่วยงานอื่น")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="agency_name_unique_in_org"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    PLANNER = "planner", _("นักวิเคราะห์นโยบายและแผน")
    UNIT_STAFF = "unit_staff", _("เจ้าหน้าที่หน่วยงาน")
    SUPPORT_COMMITTEE = "support_committee", _("คณะกรรมการสนับสนุนการจัดทำแผนพัฒนา")
    DEVELOPMENT_COMMITTEE = "development_committee", _("คณะกรรมการพัฒนาท้องถิ่น")
    EXECUTIVE = "executive", _("ผู้บริหารท้องถิ่น")
    COUNCIL_SECRETARY = "council_secretary", _("เลขานุการสภาท้องถิ่น")
    ME_COMMITTEE = "me_committee", _("คณะกรรมการติดตามและประเมินผล")
    ORG_ADMIN = "org_admin", _("ผู้ดูแลระบบขององค์กร")


# Who may change plan data at all; unit staff only their own unit's rows.
PLAN_EDITOR_ROLES = frozenset({Role.PLANNER, Role.ORG_ADMIN})
SETTINGS_EDITOR_ROLES = frozenset({Role.PLANNER, Role.ORG_ADMIN})


class Membership(OrganizationOwned):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("ผู้ใช้"),
    )
    role = models.CharField(_("บทบาท"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("สังกัดหน่วยงาน")
    )
    position = models.CharField(_("ตำแหน่ง"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("สมาชิก")
        verbose_name_plural = _("สมาชิก")
        ordering = ["organization", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"], name="one_membership_per_user_and_org"
            ),
            models.CheckConstraint(
                condition=~Q(role="unit_staff") | Q(unit__isnull=False),
                name="unit_staff_has_unit",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.user.get_full_name() or self.user.get_username()} ({self.get_role_display()})"
        )

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def can_edit_plans(self) -> bool:
        return self.role in PLAN_EDITOR_ROLES

    @property
    def can_edit_settings(self) -> bool:
        return self.role in SETTINGS_EDITOR_ROLES

    def can_edit_unit_row(self, unit_id: int | None) -> bool:
        """May this member change a row that belongs to this unit?"""
        if self.can_edit_plans:
            return True
        return self.role == Role.UNIT_STAFF and unit_id is not None and unit_id == self.unit_id


class AuditAction(models.TextChoices):
    CREATE = "create", _("สร้าง")
    UPDATE = "update", _("แก้ไข")
    DELETE = "delete", _("ลบ")
    TRANSITION = "transition", _("เปลี่ยนสถานะ")


class AuditLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("the audit log cannot be changed")

    def delete(self):
        raise TypeError("the audit log cannot be deleted")


class AuditLog(models.Model):
    """One change to plan data: who, when, what, old → new. Never edited or deleted."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("องค์กร")
    )
    at = models.DateTimeField(_("เวลา"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้ดำเนินการ"),
    )
    action = models.CharField(_("การกระทำ"), max_length=16, choices=AuditAction.choices)
    model = models.CharField(_("ชนิดข้อมูล"), max_length=64)
    object_id = models.CharField(_("รหัสรายการ"), max_length=64)
    object_repr = models.CharField(_("รายการ"), max_length=300)
    # The edition a row belongs to, and the stable identifier of a project, so that the
    # trail of an edition and of a project across editions can be read with one query.
    edition_key = models.CharField(max_length=64, blank=True, db_index=True)
    project_code = models.CharField(max_length=32, blank=True)
    changes = models.JSONField(_("รายละเอียด"), default=dict, blank=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("บันทึกการเปลี่ยนแปลง")
        verbose_name_plural = _("บันทึกการเปลี่ยนแปลง")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["organization", "model", "object_id"]),
            models.Index(fields=["organization", "project_code"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("the audit log cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("the audit log cannot be deleted")


class EditionState(models.TextChoices):
    DRAFTING = "drafting", _("ร่าง")
    IN_REVIEW = "in_review", _("เสนอคณะกรรมการพัฒนา")
    RETURNED = "returned", _("ส่งกลับให้แก้ไข")
    ENDORSED = "endorsed", _("คณะกรรมการพัฒนาให้ความเห็นชอบ")
    COUNCIL_APPROVED = "council_approved", _("สภาท้องถิ่นอนุมัติ")
    APPROVED = "approved", _("ผู้บริหารอนุมัติ")
    ANNOUNCED = "announced", _("ประกาศใช้แล้ว")
    SUPERSEDED = "superseded", _("ถูกแทนที่ด้วยฉบับใหม่")


EDITABLE_STATES = frozenset({EditionState.DRAFTING, EditionState.RETURNED})
PUBLIC_STATES = frozenset({EditionState.ANNOUNCED, EditionState.SUPERSEDED})


class AmendmentKind(models.TextChoices):
    ORIGINAL = "original", _("ฉบับหลัก")
    CORRECTION = "correction", pgettext_lazy("ประเภทฉบับ", "แก้ไข")
    ADDITION = "addition", _("เพิ่มเติม")
    CHANGE = "change", _("เปลี่ยนแปลง")


class Edition(OrganizationOwned):
    """What every plan edition has: its kind and number ("เพิ่มเติม ครั้งที่ 1/2552") and state."""

    kind = models.CharField(
        _("ประเภทฉบับ"), max_length=16, choices=AmendmentKind.choices, default=AmendmentKind.ORIGINAL
    )
    sequence = models.PositiveSmallIntegerField(_("ครั้งที่"), default=0)
    sequence_year = models.PositiveSmallIntegerField(_("ปี พ.ศ. ของครั้งที่"), null=True, blank=True)
    state = models.CharField(
        _("สถานะ"), max_length=20, choices=EditionState.choices, default=EditionState.DRAFTING
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def label(self) -> str:
        if self.kind == AmendmentKind.ORIGINAL:
            return str(AmendmentKind.ORIGINAL.label)
        return _("%(kind)s ครั้งที่ %(sequence)s/%(year)s") % {
            "kind": self.get_kind_display(),
            "sequence": self.sequence,
            "year": self.sequence_year,
        }

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def is_frozen(self) -> bool:
        return self.state in PUBLIC_STATES

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES

    @property
    def is_amendment(self) -> bool:
        return self.kind != AmendmentKind.ORIGINAL
