"""Form pieces every app uses: organization-scoped model forms, money, พ.ศ. years and dates,
and the twelve-month picker."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from localplan.core import thai_calendar as cal
from localplan.core.models import (
    Agency,
    District,
    Membership,
    Organization,
    OrganizationKind,
    Province,
    Role,
    Subdistrict,
    Unit,
    Village,
)
from localplan.core.services import DEFAULT_UNITS, USERNAME

REQUIRED = {"required": _("กรุณากรอกช่องนี้")}
INVALID_CHOICE = _("ตัวเลือกนี้ไม่มีในรายการขององค์กร")


def username_field(label) -> forms.RegexField:
    """A new account's username, by the rule the account service applies."""
    return forms.RegexField(
        label=label,
        regex=rf"^{USERNAME.pattern}\Z",
        error_messages={"invalid": _("ใช้ตัวอักษรภาษาอังกฤษ ตัวเลข และ . _ - @ + ได้ 3–150 ตัว")},
    )


def _is_org_owned(model) -> bool:
    return any(field.name == "organization" for field in model._meta.fields)


def bootstrap_choices(widget: forms.Widget) -> None:
    """Radio buttons and check boxes of a choice list as Bootstrap check items: each its own
    `form-check` with its label beside it, the list in columns on wide screens. Django's
    own template puts the widget's class on the list's wrapper too, which squeezes the whole
    list into one check box's width. Widgets with a template of their own keep it."""
    if isinstance(widget, forms.RadioSelect) and widget.template_name in (
        forms.RadioSelect.template_name,
        forms.CheckboxSelectMultiple.template_name,
    ):
        widget.template_name = "core/widgets/choice_list.html"
        widget.attrs["class"] = "form-check-input"


class OrganizationModelForm(forms.ModelForm):
    """A model form for one organization's rows: every choice list holds only that
    organization's rows, the row is saved into it, and its constraints are checked."""

    def __init__(self, *args, organization: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization
        self.instance.organization = organization
        for field in self.fields.values():
            field.error_messages["required"] = REQUIRED["required"]
            if isinstance(field, forms.ModelChoiceField):
                if _is_org_owned(field.queryset.model):
                    field.queryset = field.queryset.filter(organization=organization)
                field.error_messages["invalid_choice"] = INVALID_CHOICE
                field.error_messages["invalid_pk_value"] = INVALID_CHOICE
            if isinstance(field.widget, forms.Select | forms.SelectMultiple):
                field.widget.attrs.setdefault("class", "form-select")
            elif isinstance(field.widget, forms.CheckboxInput | forms.RadioSelect):
                field.widget.attrs.setdefault("class", "form-check-input")
            elif not isinstance(field.widget, forms.CheckboxSelectMultiple | forms.HiddenInput):
                field.widget.attrs.setdefault("class", "form-control")
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3
            bootstrap_choices(field.widget)

    def _get_validation_exclusions(self):
        # The organization is not a form field, but unique constraints name it.
        exclusions = super()._get_validation_exclusions()
        exclusions.discard("organization")
        return exclusions


class TypedTextField(forms.Field):
    """Text typed by a person, read into a value by `parse`; blank is None."""

    widget = forms.TextInput

    def parse(self, text: str):
        raise NotImplementedError

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        return self.parse(value.strip() if isinstance(value, str) else value)


class MoneyField(TypedTextField):
    """Baht, typed with or without thousands separators or Thai digits; never negative."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "class": "form-control text-end"})

    def prepare_value(self, value):
        if value in (None, ""):
            return ""
        try:
            return cal.format_money(cal.parse_money(value), dash_for_none=False)
        except ValidationError:
            return value

    def parse(self, text):
        return cal.parse_money(text, field=str(self.label) if self.label else None)


class FiscalYearField(TypedTextField):
    """A fiscal year typed in พ.ศ.; a ค.ศ. year is refused with the พ.ศ. it probably means."""

    parse = staticmethod(cal.parse_be_year)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "placeholder": "2552"})


class ThaiDateField(TypedTextField):
    """A day typed as วัน/เดือน/ปี พ.ศ. (25/12/2551), shown the same way."""

    parse = staticmethod(cal.parse_thai_date)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"placeholder": "25/12/2551", "autocomplete": "off"})

    def prepare_value(self, value):
        if hasattr(value, "year"):
            return cal.format_input_date(value)
        return value


class MonthPickerWidget(forms.CheckboxSelectMultiple):
    template_name = "core/widgets/month_picker.html"

    def __init__(self, *args, fiscal_year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fiscal_year = fiscal_year

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        selected = {str(v) for v in (value or [])}
        context["months"] = [
            (month, str(month.index) in selected)
            for month in cal.fiscal_months(self.fiscal_year or 2500)
        ]
        context["fiscal_year"] = self.fiscal_year
        return context


class MonthsField(forms.MultipleChoiceField):
    """The months an entry runs, ต.ค. → ก.ย., stored as a 12-bit mask."""

    def __init__(self, *args, fiscal_year: int | None = None, **kwargs):
        choices = [(str(i), str(i)) for i in range(1, 13)]
        super().__init__(
            *args, choices=choices, widget=MonthPickerWidget(fiscal_year=fiscal_year), **kwargs
        )
        self.error_messages["invalid_choice"] = _("เดือนที่ %(value)s ไม่อยู่ในปีงบประมาณ (ต.ค.–ก.ย.)")
        self.error_messages["required"] = _("เลือกอย่างน้อยหนึ่งเดือน")

    def prepare_value(self, value):
        if isinstance(value, int):
            return [str(index) for index in cal.mask_to_months(value)]
        return value

    def clean(self, value):
        months = super().clean(value)
        return cal.months_to_mask(int(month) for month in months)


class UnitForm(OrganizationModelForm):
    class Meta:
        model = Unit
        fields = ["name", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            # A new unit goes after the others, not before the สำนักปลัด.
            last = Unit.objects.filter(organization=self.organization).aggregate(Max("order"))
            self.initial.setdefault("order", (last["order__max"] or 0) + 1)


class VillageForm(OrganizationModelForm):
    class Meta:
        model = Village
        fields = ["number", "name"]


class AgencyForm(OrganizationModelForm):
    class Meta:
        model = Agency
        fields = ["name"]


class AreaFieldsMixin:
    """Province → district → subdistrict chosen from the real list: each list holds only the
    areas of the one chosen above it, and htmx refills it when that choice changes."""

    def setup_areas(self, province=None, district=None) -> None:
        fields = self.fields
        fields["province_area"].queryset = Province.objects.all()
        fields["district_area"].queryset = District.objects.filter(province=province)
        fields["subdistrict_area"].queryset = Subdistrict.objects.filter(district=district)
        fields["province_area"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("area_options", kwargs={"level": "districts"}),
                "hx-target": "#id_district_area",
                "hx-trigger": "change",
            }
        )
        fields["district_area"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("area_options", kwargs={"level": "subdistricts"}),
                "hx-target": "#id_subdistrict_area",
                "hx-trigger": "change",
            }
        )
        for name, label in (
            ("province_area", _("จังหวัด")),
            ("district_area", _("อำเภอ/เขต")),
            ("subdistrict_area", _("ตำบล/แขวง")),
        ):
            fields[name].label = label
            fields[name].empty_label = _("— เลือก —")
            fields[name].widget.attrs["class"] = "form-select"
            fields[name].error_messages["invalid_choice"] = _(
                "เลือกจากรายการ (ตรงกับพื้นที่ที่เลือกไว้ด้านบน)"
            )

    def chosen(self, name: str, fallback):
        """The pk chosen in the submitted form, else the fallback (the saved value)."""
        if self.is_bound:
            return self.data.get(self.add_prefix(name)) or None
        return fallback

    def clean(self):
        cleaned = super().clean()
        district = cleaned.get("district_area")
        if district and cleaned.get("province_area") != district.province:
            self.add_error("district_area", _("อำเภอนี้ไม่อยู่ในจังหวัดที่เลือก"))
        subdistrict = cleaned.get("subdistrict_area")
        if subdistrict and subdistrict.district != district:
            self.add_error("subdistrict_area", _("ตำบลนี้ไม่อยู่ในอำเภอที่เลือก"))
        return cleaned


class OrganizationSettingsForm(AreaFieldsMixin, forms.ModelForm):
    """What the organization's own administrator keeps up to date."""

    class Meta:
        model = Organization
        fields = [
            "name",
            "province_area",
            "district_area",
            "subdistrict_area",
            "address",
            "executive_name",
            "executive_title",
            "thai_digits_in_documents",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = "form-check-input" if name == "thai_digits_in_documents" else "form-control"
            field.widget.attrs.setdefault("class", css)
            field.error_messages["required"] = REQUIRED["required"]
        self.fields["province_area"].required = True
        self.fields["district_area"].required = True
        self.setup_areas(
            self.chosen("province_area", self.instance.province_area_id),
            self.chosen("district_area", self.instance.district_area_id),
        )


def default_units_text(kind: str) -> str:
    """The kind's default units, one a line, for the text box of the create form."""
    return "\n".join(DEFAULT_UNITS.get(kind, []))


class OrganizationCreateForm(AreaFieldsMixin, forms.Form):
    """What the system administrator fills in to set up an organization."""

    kind = forms.ChoiceField(label=_("ประเภท"), choices=OrganizationKind.choices)
    name = forms.CharField(label=_("ชื่อ"), max_length=120, help_text=_("ไม่ต้องใส่ประเภท เช่น ผไทรินทร์"))
    slug = forms.SlugField(
        label=_("ชื่อย่อในที่อยู่เว็บ"),
        max_length=50,
        help_text=_("ตัวอักษรภาษาอังกฤษพิมพ์เล็ก ตัวเลข และ - เช่น phairin"),
        error_messages={"invalid": _("ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข - และ _")},
    )
    province_area = forms.ModelChoiceField(queryset=Province.objects.none())
    district_area = forms.ModelChoiceField(queryset=District.objects.none())
    subdistrict_area = forms.ModelChoiceField(
        queryset=Subdistrict.objects.none(),
        required=False,
        help_text=_("เว้นว่างได้ เช่น อบจ. หรือเทศบาลที่ครอบคลุมหลายตำบล"),
    )
    admin_username = username_field(_("ชื่อผู้ใช้ของผู้ดูแลระบบขององค์กร (ภาษาอังกฤษ)"))
    admin_first_name = forms.CharField(label=_("ชื่อผู้ดูแล"), max_length=150)
    admin_last_name = forms.CharField(label=_("นามสกุลผู้ดูแล"), max_length=150)
    admin_email = forms.EmailField(
        label=_("อีเมลผู้ดูแล"),
        required=False,
        error_messages={"invalid": _("อีเมลไม่ถูกต้อง")},
    )
    units = forms.CharField(
        label=_("หน่วยงานภายใน (บรรทัดละหนึ่งหน่วยงาน)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("รายการเริ่มต้นตามประเภทองค์กร แก้ไขหรือเพิ่มได้ และแก้ไขภายหลังได้ที่หน้าข้อมูลองค์กร"),
    )

    field_order = [
        "kind",
        "name",
        "slug",
        "province_area",
        "district_area",
        "subdistrict_area",
        "units",
        "admin_username",
        "admin_first_name",
        "admin_last_name",
        "admin_email",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.error_messages["required"] = REQUIRED["required"]
            if name == "kind":
                field.widget.attrs["class"] = "form-select"
            else:
                field.widget.attrs.setdefault("class", "form-control")
        self.fields["kind"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("system_default_units"),
                "hx-target": "#id_units",
                "hx-swap": "innerHTML",
                "hx-trigger": "change",
            }
        )
        self.fields["units"].initial = default_units_text(OrganizationKind.SAO)
        self.fields["units"].widget.attrs["wide"] = True
        self.setup_areas(self.chosen("province_area", None), self.chosen("district_area", None))

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if Organization.objects.filter(slug=slug).exists():
            raise ValidationError(_("ชื่อย่อ “%(slug)s” มีองค์กรอื่นใช้แล้ว") % {"slug": slug}, code="taken")
        return slug

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "name": data["name"],
            "slug": data["slug"],
            "province": data["province_area"],
            "district": data["district_area"],
            "subdistrict": data["subdistrict_area"],
            "admin_username": data["admin_username"],
            "admin_first_name": data["admin_first_name"],
            "admin_last_name": data["admin_last_name"],
            "admin_email": data["admin_email"],
            "units": data["units"].splitlines(),
        }


class MembershipForm(OrganizationModelForm):
    """A member's role and unit; unit staff must name their unit."""

    class Meta:
        model = Membership
        fields = ["role", "unit", "position"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.UNIT_STAFF and not cleaned.get("unit"):
            self.add_error("unit", _("เจ้าหน้าที่หน่วยงานต้องระบุสังกัดหน่วยงาน"))
        was_admin = self.instance.pk and self.instance.role == Role.ORG_ADMIN
        if was_admin and cleaned.get("role") not in (None, Role.ORG_ADMIN):
            admins = Membership.objects.filter(organization=self.organization, role=Role.ORG_ADMIN)
            if admins.count() == 1:
                self.add_error("role", _("ต้องมีผู้ดูแลระบบขององค์กรอย่างน้อยหนึ่งคน"))
        return cleaned


class NewMemberForm(MembershipForm):
    username = username_field(_("ชื่อผู้ใช้ (ภาษาอังกฤษ)"))
    first_name = forms.CharField(label=_("ชื่อ"), max_length=150)
    last_name = forms.CharField(label=_("นามสกุล"), max_length=150)
    password = forms.CharField(
        label=_("รหัสผ่านเริ่มต้น"),
        min_length=8,
        widget=forms.PasswordInput(render_value=False),
        error_messages={"min_length": _("รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร")},
    )

    field_order = ["username", "first_name", "last_name", "password", "role", "unit", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("username", "first_name", "last_name", "password"):
            self.fields[name].widget.attrs["class"] = "form-control"
            self.fields[name].error_messages["required"] = REQUIRED["required"]

    def _post_clean(self):
        # The membership is made by the service with its user; nothing to check on the row yet.
        pass


# Django's own messages for these, untranslated in its Thai catalogue, by their codes.
PASSWORD_MESSAGES = {
    "password_too_short": _("รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร"),
    "password_too_common": _("รหัสผ่านนี้ใช้กันทั่วไป เดาได้ง่าย ตั้งรหัสผ่านอื่น"),
    "password_too_similar": _("รหัสผ่านคล้ายชื่อผู้ใช้เกินไป ตั้งรหัสผ่านอื่น"),
    "password_entirely_numeric": _("รหัสผ่านต้องไม่เป็นตัวเลขล้วน"),
    "password_mismatch": _("รหัสผ่านทั้งสองช่องไม่ตรงกัน"),
}


class ThaiSetPasswordForm(SetPasswordForm):
    """Choosing one's password from a one-time link, with Thai words throughout."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("รหัสผ่านใหม่")
        self.fields["new_password1"].help_text = _("อย่างน้อย 8 ตัวอักษร และไม่ใช่รหัสผ่านที่ใช้กันทั่วไป")
        self.fields["new_password2"].label = _("พิมพ์รหัสผ่านใหม่อีกครั้ง")
        self.fields["new_password2"].help_text = ""
        for field in self.fields.values():
            field.widget.attrs.update({"class": "form-control", "wide": True})
            field.error_messages["required"] = REQUIRED["required"]

    def add_error(self, field, error):
        if isinstance(error, ValidationError) and not hasattr(error, "error_dict"):
            error = ValidationError(
                [PASSWORD_MESSAGES.get(e.code, e) for e in error.error_list], code="password"
            )
        super().add_error(field, error)
