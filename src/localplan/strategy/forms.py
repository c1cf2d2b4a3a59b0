from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from localplan.core.forms import FiscalYearField, OrganizationModelForm
from localplan.core.models import Unit, Village
from localplan.strategy.models import Goal, Guideline, Mission, Strategy, Vision
from localplan.strategy.queries import guidelines_of, work_plan_choices


def filter_guidelines_by_strategy(form) -> None:
    """The แนวทาง/กลยุทธ์ list of a form shows the chosen strategy's only, and is filled again
    (htmx) when the strategy changes. Every guideline of the organization stays valid for the
    field, so the form's own check names a guideline of another strategy instead of calling
    it unknown."""
    strategy, guideline = form["strategy"], form["guideline"]
    strategy.field.widget.attrs.update(
        {
            "hx-get": reverse("strategy:guideline_options", kwargs={"org": form.organization.slug}),
            "hx-trigger": "change",
            "hx-target": f"#{guideline.auto_id}",
            "hx-include": f"#{guideline.auto_id}",
            "hx-swap": "innerHTML",
        }
    )
    strategy_id, keep_id = (str(strategy.value() or ""), str(guideline.value() or ""))
    if not strategy_id.isdigit():
        return
    shown = guidelines_of(
        form.organization, int(strategy_id), keep_id if keep_id.isdigit() else None
    )
    field = guideline.field
    field.widget.choices = [("", field.empty_label or "---------")] + [
        (row.pk, field.label_from_instance(row)) for row in shown
    ]


class StrategyForm(OrganizationModelForm):
    class Meta:
        model = Strategy
        fields = ["number", "name", "national_strategies", "sdgs", "provincial_strategies"]
        widgets = {
            "national_strategies": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "provincial_strategies": forms.CheckboxSelectMultiple,
        }


class GuidelineForm(OrganizationModelForm):
    class Meta:
        model = Guideline
        fields = ["strategy", "number", "name"]

    def __init__(self, *args, label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("ชื่อ%(label)s") % {"label": label}


class VisionForm(OrganizationModelForm):
    first_fiscal_year = FiscalYearField(label=_("ใช้ตั้งแต่ปีงบประมาณ (พ.ศ.)"))

    class Meta:
        model = Vision
        fields = ["text", "first_fiscal_year"]


class MissionForm(OrganizationModelForm):
    class Meta:
        model = Mission
        fields = ["number", "text"]


class GoalForm(OrganizationModelForm):
    class Meta:
        model = Goal
        fields = ["number", "text", "strategy", "indicator", "target"]


class PlanFilterForm(forms.Form):
    """The filters of every list of plan rows: text, ยุทธศาสตร์, แนวทาง/กลยุทธ์, แผนงาน, unit,
    village — each list only of the organization's own. Subclasses add their own fields."""

    q = forms.CharField(label=_("ค้นหา"), required=False)
    strategy = forms.ModelChoiceField(
        queryset=Strategy.objects.none(), required=False, label=_("ยุทธศาสตร์")
    )
    guideline = forms.ModelChoiceField(
        queryset=Guideline.objects.none(), required=False, label=_("แนวทาง/กลยุทธ์")
    )
    work_plan = forms.TypedChoiceField(coerce=int, required=False, label=_("แผนงาน"))
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), required=False, label=_("หน่วยงาน"))
    village = forms.ModelChoiceField(
        queryset=Village.objects.none(), required=False, label=_("หมู่บ้าน")
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy"].queryset = Strategy.objects.filter(organization=organization)
        self.fields["guideline"].queryset = Guideline.objects.filter(
            organization=organization
        ).select_related("strategy")
        self.fields["unit"].queryset = Unit.objects.filter(organization=organization)
        self.fields["village"].queryset = Village.objects.filter(organization=organization)
        self.fields["work_plan"].choices = [("", "---------"), *work_plan_choices()]
        for field in self.fields.values():
            text = isinstance(field, forms.CharField) and not isinstance(field, forms.ChoiceField)
            field.widget.attrs["class"] = (
                "form-control form-control-sm" if text else "form-select form-select-sm"
            )

    def filters(self) -> dict:
        """The filters that are valid; a bad value is ignored rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
