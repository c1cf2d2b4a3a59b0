"""Form pieces every app uses: organization-scoped model forms, money, พ.ศ. years and dates,
and the twelve-month picker."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from localplan.core import thai_calendar as cal
from localplan.core.models import Agency, Membership, Organization, Role, Unit, Village

REQUIRED = {"required": _("กรุณากรอกช่องนี้")}
INVALID_CHOICE = _("ตัวเลือกนี้ไม่มีในรายการขององค์กร")


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

    parse = staticmethod(cal.parse_money)


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


class VillageForm(OrganizationModelForm):
    class Meta:
        model = Village
        fields = ["number", "name"]


class AgencyForm(OrganizationModelForm):
    class Meta:
        model = Agency
        fields = ["name"]


class OrganizationSettingsForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "province",
            "district",
            "subdistrict",
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


class MembershipForm(OrganizationModelForm):
    """A member's role and unit; unit staff must name their unit."""

    class Meta:
        model = Membership
        fields = ["role", "unit", "position"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.UNIT_STAFF and not cleaned.get("unit"):
            self.add_error("unit", _("เจ้าหน้าที่หน่วยงานต้องระบุสังกัดหน่วยงาน"))
        return cleaned


class NewMemberForm(MembershipForm):
    username = forms.RegexField(
        label=_("ชื่อผู้ใช้ (ภาษาอังกฤษ)"),
        regex=r"^[A-Za-z0-9_.@+-]{3,150}$",
        error_messages={"invalid": _("ใช้ตัวอักษรภาษาอังกฤษ ตัวเลข และ . _ - @ + ได้ 3–150 ตัว")},
    )
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
