from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from localplan.core.forms import (
    FiscalYearField,
    MoneyField,
    MonthsField,
    OrganizationModelForm,
    ThaiDateField,
)
from localplan.core.models import Unit
from localplan.devplan.models import ProjectKind
from localplan.devplan.queries import linkable_plan_projects
from localplan.opsplan.models import BudgetSource, OpsEntry
from localplan.opsplan.services import inherit_classification
from localplan.strategy.forms import PlanFilterForm, filter_guidelines_by_strategy

OWN, OTHER = "own", "other"
CARRIED_OUT_BY = [(OWN, _("องค์กรดำเนินการเอง")), (OTHER, _("หน่วยงานอื่นดำเนินการ"))]


class OperationalPlanForm(forms.Form):
    fiscal_year = FiscalYearField(label=_("ปีงบประมาณ (พ.ศ.)"))
    budget_announced_on = ThaiDateField(
        label=_("วันที่ประกาศใช้ข้อบัญญัติงบประมาณ"),
        required=False,
        help_text=_("วัน/เดือน/ปี พ.ศ. แผนการดำเนินงานต้องเสร็จภายใน 30 วันนับจากวันนี้"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"


class PlanProjectChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, project):
        return f"{project.code} {project.name}"


class OpsEntryForm(OrganizationModelForm):
    carried_out_by = forms.ChoiceField(
        label=_("ผู้ดำเนินการ"), choices=CARRIED_OUT_BY, widget=forms.RadioSelect, initial=OWN
    )
    budget = MoneyField(label=_("งบประมาณ (บาท)"))

    class Meta:
        model = OpsEntry
        fields = [
            "plan_project",
            "agency",
            "name",
            "details",
            "budget",
            "budget_source",
            "location",
            "villages",
            "unit",
            "months",
            "strategy",
            "guideline",
            "work_plan",
            "kind",
        ]
        widgets = {"villages": forms.CheckboxSelectMultiple}

    def __init__(self, *args, edition, membership, **kwargs):
        self.edition = edition
        fiscal_year = edition.plan.fiscal_year
        super().__init__(*args, organization=edition.organization, **kwargs)
        self.instance.edition = edition
        self.order_fields(["carried_out_by", *self.Meta.fields])
        self.fields["plan_project"] = PlanProjectChoiceField(
            queryset=linkable_plan_projects(edition.organization, fiscal_year),
            required=False,
            label=_("โครงการในแผนพัฒนา"),
            help_text=_("โครงการขององค์กรต้องมาจากแผนพัฒนา ยุทธศาสตร์ แนวทาง และแผนงานจะตามโครงการ"),
            error_messages={
                "invalid_choice": _("โครงการนี้ไม่อยู่ในแผนพัฒนาที่ใช้กับปีงบประมาณ %(year)s ขององค์กร")
                % {"year": fiscal_year}
            },
            widget=forms.Select(
                attrs={
                    "class": "form-select",
                    # Choosing a project fills the entry from it (views.entry_fill); the fields
                    # around it are drawn again with what the officer typed elsewhere.
                    "hx-get": reverse(
                        "opsplan:entry_fill",
                        kwargs={"org": edition.organization.slug, "edition_id": edition.pk},
                    ),
                    "hx-trigger": "change",
                    "hx-include": "closest form",
                    "hx-params": "not csrfmiddlewaretoken",  # no token in a GET's address
                    "hx-target": "closest .row",
                    "hx-select": ".row",
                    "hx-swap": "outerHTML",
                }
            ),
        )
        self.fields["months"] = MonthsField(
            label=_("เดือนที่ดำเนินการ (ต.ค. %(prev)s – ก.ย. %(year)s)")
            % {"prev": fiscal_year - 1, "year": fiscal_year},
            fiscal_year=fiscal_year,
            initial=self.instance.months if self.instance.pk else None,
        )
        # Own entries take these from their plan project; clean() asks for them otherwise.
        for name in ("name", "strategy", "work_plan", "kind"):
            self.fields[name].required = False
        self.fields["guideline"].queryset = self.fields["guideline"].queryset.select_related(
            "strategy"
        )
        self.fields["villages"].widget.attrs["wide"] = True
        if self.instance.pk:
            self.fields["carried_out_by"].initial = OTHER if self.instance.agency_id else OWN
        self.membership = membership
        if membership.role == "unit_staff":
            self.fields["unit"].queryset = Unit.objects.filter(pk=membership.unit_id)
            self.fields["carried_out_by"].choices = CARRIED_OUT_BY[:1]
        filter_guidelines_by_strategy(self)

    def typed_values(self) -> dict:
        """What the officer has typed so far (the form's data, unchecked), as initial values."""
        return {
            name: field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            for name, field in self.fields.items()
        }

    def clean(self):
        cleaned = super().clean()
        own = cleaned.get("carried_out_by") != OTHER
        if own:
            cleaned["agency"] = None
            if not cleaned.get("plan_project") and not self.has_error("plan_project"):
                self.add_error(
                    "plan_project",
                    ValidationError(
                        _("โครงการขององค์กรต้องเลือกโครงการจากแผนพัฒนา"), code="no_plan_project"
                    ),
                )
            if not cleaned.get("unit") and not self.has_error("unit"):
                self.add_error("unit", ValidationError(_("ระบุหน่วยงานรับผิดชอบหลัก"), code="no_unit"))
        else:
            cleaned["plan_project"] = None
            cleaned["kind"] = cleaned.get("kind") or ProjectKind.DEVELOPMENT
            if not cleaned.get("agency") and not self.has_error("agency"):
                self.add_error(
                    "agency",
                    ValidationError(
                        _("ระบุหน่วยงานอื่นที่ดำเนินการ (เพิ่มรายชื่อได้ที่หน้าข้อมูลองค์กร)"), code="no_agency"
                    ),
                )
            for name, message in (
                ("name", _("กรอกชื่อโครงการ/กิจกรรม")),
                ("strategy", _("เลือกยุทธศาสตร์")),
                ("work_plan", _("เลือกแผนงาน")),
            ):
                if not cleaned.get(name) and not self.has_error(name):
                    self.add_error(name, ValidationError(message, code="required"))
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
        return cleaned

    def _post_clean(self):
        # Own entries take their classification from the plan project before the model checks it.
        self.instance.agency = self.cleaned_data.get("agency")
        project = self.cleaned_data.get("plan_project")
        if project is not None:
            self.instance.plan_project = project
            inherit_classification(self.instance)
            for name in ("strategy", "guideline", "work_plan", "kind"):
                self.cleaned_data[name] = getattr(self.instance, name)
            if not self.cleaned_data.get("name"):
                self.cleaned_data["name"] = project.name
        super()._post_clean()


class EntryFilterForm(PlanFilterForm):
    carried_out_by = forms.ChoiceField(
        choices=[("", _("ทั้งหมด"))] + CARRIED_OUT_BY, required=False, label=_("ผู้ดำเนินการ")
    )
    budget_source = forms.ChoiceField(
        choices=[("", _("ทั้งหมด"))] + BudgetSource.choices, required=False, label=_("แหล่งงบประมาณ")
    )


class EntryMonthsForm(forms.Form):
    """The months of several entries of one edition, set in one step from the plan page."""

    entries = forms.ModelMultipleChoiceField(
        queryset=OpsEntry.objects.none(),
        label=_("รายการที่เลือก"),
        error_messages={
            "required": _("เลือกรายการอย่างน้อยหนึ่งรายการ (ช่องหน้าลำดับที่)"),
            "invalid_choice": _("รายการที่เลือกไม่อยู่ในแผนฉบับนี้"),
            "invalid_pk_value": _("รายการที่เลือกไม่อยู่ในแผนฉบับนี้"),
        },
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        fiscal_year = edition.plan.fiscal_year
        self.fields["entries"].queryset = OpsEntry.objects.filter(
            organization_id=edition.organization_id, edition=edition
        ).select_related("edition", "plan_project", "unit")
        self.fields["months"] = MonthsField(
            label=_("เดือนที่ดำเนินการ (ต.ค. %(prev)s – ก.ย. %(year)s)")
            % {"prev": fiscal_year - 1, "year": fiscal_year},
            fiscal_year=fiscal_year,
        )
        self.fields["months"].widget.attrs["id"] = "bulk-months-picker"
