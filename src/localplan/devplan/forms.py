from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from localplan.core.forms import FiscalYearField, MoneyField, OrganizationModelForm
from localplan.core.models import Unit
from localplan.devplan.models import EQUIPMENT_TYPES, MAX_HORIZON_YEARS, PlanProject, ProjectKind
from localplan.strategy.forms import PlanFilterForm, filter_guidelines_by_strategy
from localplan.strategy.models import GUIDELINE_LABEL, Regime


class DevPlanForm(forms.Form):
    regime = forms.ChoiceField(label=_("ระเบียบที่ใช้"), choices=Regime.choices)
    first_fiscal_year = FiscalYearField(label=_("ปีงบประมาณแรก (พ.ศ.)"))
    last_fiscal_year = FiscalYearField(label=_("ปีงบประมาณสุดท้าย (พ.ศ.)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regime"].widget.attrs["class"] = "form-select"
        for name in ("first_fiscal_year", "last_fiscal_year"):
            self.fields[name].widget.attrs["class"] = "form-control"

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_fiscal_year"), cleaned.get("last_fiscal_year")
        if first and last and not 1 <= last - first + 1 <= MAX_HORIZON_YEARS:
            raise ValidationError(
                _("แผนพัฒนาต้องครอบคลุม 1 ถึง 5 ปีงบประมาณ (กรอก %(first)s–%(last)s)"),
                code="bad_horizon",
                params={"first": first, "last": last},
            )
        return cleaned


def budget_field_name(fiscal_year: int) -> str:
    return f"budget_{fiscal_year}"


class PlanProjectForm(OrganizationModelForm):
    """A project with one budget field per fiscal year of its plan."""

    class Meta:
        model = PlanProject
        fields = [
            "kind",
            "name",
            "strategy",
            "guideline",
            "work_plan",
            "objective",
            "target",
            "kpi",
            "expected_result",
            "unit",
            "villages",
            "location",
            "equipment_category",
            "equipment_type",
            "agency",
            "reason",
        ]
        widgets = {"villages": forms.CheckboxSelectMultiple}

    def __init__(self, *args, edition, membership, **kwargs):
        super().__init__(*args, organization=edition.organization, **kwargs)
        self.instance.edition = edition
        self.edition = edition
        plan = edition.plan
        self.fields["guideline"].label = GUIDELINE_LABEL[plan.regime]
        self.fields["guideline"].queryset = self.fields["guideline"].queryset.select_related(
            "strategy"
        )
        self.fields["equipment_type"].widget.attrs["list"] = "equipment-types"
        self.fields["villages"].widget.attrs["wide"] = True
        if not edition.is_amendment:
            del self.fields["reason"]
        if membership.role == "unit_staff":
            # Unit staff propose projects for their own unit only.
            self.fields["unit"].queryset = Unit.objects.filter(pk=membership.unit_id)
            self.fields["unit"].required = True
        existing = {}
        if self.instance.pk:
            existing = {b.fiscal_year: b.amount for b in self.instance.budgets.all()}
        for fiscal_year in plan.fiscal_years:
            self.fields[budget_field_name(fiscal_year)] = MoneyField(
                label=_("งบประมาณปี %(year)s (บาท)") % {"year": fiscal_year},
                required=False,
                initial=existing.get(fiscal_year),
            )
        filter_guidelines_by_strategy(self)

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if self.edition.is_amendment and not reason:
            raise ValidationError(
                _("ฉบับแก้ไข/เพิ่มเติม/เปลี่ยนแปลง ต้องระบุเหตุผลความจำเป็นของโครงการ"), code="no_reason"
            )
        return reason

    def clean(self):
        cleaned = super().clean()
        strategy, guideline = cleaned.get("strategy"), cleaned.get("guideline")
        if strategy and guideline and guideline.strategy_id != strategy.pk:
            self.add_error(
                "guideline",
                ValidationError(
                    _("“%(guideline)s” ไม่ได้อยู่ภายใต้ยุทธศาสตร์ที่ %(number)s"),
                    code="guideline_of_other_strategy",
                    params={"guideline": guideline, "number": strategy.number},
                ),
            )
        if cleaned.get("kind") == ProjectKind.COORDINATION and not cleaned.get("agency"):
            self.add_error("agency", _("โครงการประสานหน่วยงานอื่นต้องระบุหน่วยงานที่ขอประสาน"))
        years = self.edition.plan.fiscal_years
        budget_errors = any(self.has_error(budget_field_name(year)) for year in years)
        if not budget_errors and not any(cleaned.get(budget_field_name(y)) for y in years):
            raise ValidationError(_("กรอกงบประมาณอย่างน้อยหนึ่งปี"), code="no_budget")
        return cleaned

    def budgets(self) -> dict:
        return {
            fiscal_year: self.cleaned_data.get(budget_field_name(fiscal_year))
            for fiscal_year in self.edition.plan.fiscal_years
        }

    @property
    def equipment_types(self):
        return EQUIPMENT_TYPES


class ProjectFilterForm(PlanFilterForm):
    kind = forms.ChoiceField(
        choices=[("", "---------")] + ProjectKind.choices, required=False, label=_("ประเภท")
    )
