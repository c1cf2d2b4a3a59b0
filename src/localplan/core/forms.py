"""Form pieces every app uses: organization-scoped model forms, money, พ.ศ. years and dates,
and the twelve-month picker."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from localplan.core import thai_calendar as cal
from localplan.core.models import Agency, Organization, Unit, Village

REQUIRED = {"required": _("กรุณากรอกช่องนี้")}
INVALID_CHOICE = _("ตัวเลือกนี้ไม่มีในรายการขององค์กร")


def _is_org_owned(model) -> bool:
    return any(field.name == "organization" for field in model._meta.fields)


class OrganizationModelForm(forms.ModelForm):
    """A model form for one organization's rows: every choice list holds only that
    organization's rows, the row is saved into it, and its constraints are checked."""

    def __init__(self, *args, organization: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization
        self.instance.organization = organization
        for field in self.fields.values():
            field.error_messages.setdefault("required", REQUIRED["required"])
            if isinstance(field, forms.ModelChoiceField):
                if _is_org_owned(field.queryset.model):
                    field.queryset = field.queryset.filter(organization=organization)
                field.error_messages["invalid_choice"] = INVALID_CHOICE
                field.error_messages["invalid_pk_value"] = INVALID_CHOICE
            if isinstance(field.widget, forms.Select | forms.SelectMultiple):
                field.widget.attrs.setdefault("class", "form-select")
            elif isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "form-check-input")
            elif not isinstance(field.widget, forms.CheckboxSelectMultiple | forms.HiddenInput):
                field.widget.attrs.setdefault("class", "form-control")
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 2)

    def _get_validation_exclusions(self):
        # The organization is not a form field, but unique constraints name it.
        exclusions = super()._get_validation_exclusions()
        exclusions.discard("organization")
        return exclusions


def _text_length_only(field: forms.CharField) -> None:
    """A field typed as text and cleaned to a number or a date: max_length limits what is
    typed (the widget's maxlength); the validator would take len() of the cleaned value."""
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]


class MoneyField(forms.CharField):
    """Baht, typed with or without thousands separators or Thai digits; never negative."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 24)
        super().__init__(*args, **kwargs)
        _text_length_only(self)
        self.widget.attrs.update({"inputmode": "decimal", "class": "form-control text-end"})

    def prepare_value(self, value):
        if value in (None, ""):
            return ""
        try:
            return cal.format_money(cal.parse_money(value), dash_for_none=False)
        except ValidationError:
            return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return cal.parse_money(value)


class FiscalYearField(forms.CharField):
    """A fiscal year typed in พ.ศ.; a ค.ศ. year is refused with the พ.ศ. it probably means."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 12)
        super().__init__(*args, **kwargs)
        _text_length_only(self)
        self.widget.attrs.update({"inputmode": "numeric", "placeholder": "2552"})

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return cal.parse_be_year(value)


class ThaiDateField(forms.CharField):
    """A day typed as วัน/เดือน/ปี พ.ศ. (25/12/2551), shown the same way."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)
        _text_length_only(self)
        self.widget.attrs.update({"placeholder": "25/12/2551", "autocomplete": "off"})

    def prepare_value(self, value):
        if hasattr(value, "year"):
            return cal.format_input_date(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return cal.parse_thai_date(value)


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
