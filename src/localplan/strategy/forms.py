from django import forms
from django.utils.translation import gettext_lazy as _

from localplan.core.forms import FiscalYearField, OrganizationModelForm
from localplan.strategy.models import Goal, Guideline, Mission, Strategy, Vision


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
