from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from localplan.budget.models import AgencyProject, AgencyProjectStatus, BudgetDocument, BudgetItem
from localplan.budget.queries import plan_projects_by_code
from localplan.budget.sheets import MAX_UPLOAD_BYTES
from localplan.core.forms import (
    REQUIRED,
    FiscalYearField,
    MoneyField,
    MonthsField,
    OrganizationModelForm,
    ThaiDateField,
)
from localplan.core.models import Agency
from localplan.opsplan.models import BudgetSource

UPLOAD_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


class BudgetDocumentForm(OrganizationModelForm):
    fiscal_year = FiscalYearField(label=_("ปีงบประมาณ (พ.ศ.)"))
    announced_on = ThaiDateField(
        label=_("วันที่ประกาศใช้/อนุมัติ"),
        required=False,
        help_text=_("วัน/เดือน/ปี พ.ศ. แผนการดำเนินงานต้องเสร็จภายใน 30 วันนับจากวันนี้"),
    )

    class Meta:
        model = BudgetDocument
        fields = ["fiscal_year", "kind", "sequence", "announced_on", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sequence"].required = False
        for name in ("fiscal_year", "announced_on"):
            self.fields[name].widget.attrs["class"] = "form-control"

    def clean_sequence(self):
        return self.cleaned_data.get("sequence") or 1


class BudgetItemForm(OrganizationModelForm):
    amount = MoneyField(label=_("จำนวนเงิน (บาท)"))

    class Meta:
        model = BudgetItem
        fields = [
            "work_plan",
            "task",
            "category",
            "expense_group",
            "expense_type",
            "name",
            "amount",
            "plan_project_code",
        ]

    def __init__(self, *args, document: BudgetDocument, **kwargs):
        super().__init__(*args, organization=document.organization, **kwargs)
        self.instance.document = document
        projects = plan_projects_by_code(document.organization, document.fiscal_year)
        choices = [("", _("— ไม่ใช่โครงการ (เช่น เงินเดือน ค่าวัสดุ) —"))]
        choices += [(code, f"{code} {project.name}") for code, project in sorted(projects.items())]
        self.fields["plan_project_code"] = forms.ChoiceField(
            label=_("โครงการในแผนพัฒนา"),
            choices=choices,
            required=False,
            help_text=_("รายการที่เป็นโครงการต้องเชื่อมกับโครงการในแผนพัฒนา"),
            error_messages={"invalid_choice": _("ไม่พบโครงการรหัสนี้ในแผนพัฒนาขององค์กร")},
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.fields["name"].widget.attrs["wide"] = True


class AgencyProjectForm(OrganizationModelForm):
    """A project another agency runs in the area, as the planner records or accepts it."""

    budget = MoneyField(label=_("งบประมาณ (บาท)"))

    class Meta:
        model = AgencyProject
        fields = [
            "agency",
            "name",
            "details",
            "budget",
            "budget_source",
            "location",
            "months",
            "strategy",
            "guideline",
            "work_plan",
        ]

    def __init__(self, *args, fiscal_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.fiscal_year = fiscal_year
        self.fields["months"] = MonthsField(
            label=_("เดือนที่ดำเนินการ (ต.ค. %(prev)s – ก.ย. %(year)s)")
            % {"prev": fiscal_year - 1, "year": fiscal_year},
            fiscal_year=fiscal_year,
            required=False,
            initial=self.instance.months if self.instance.pk else None,
        )
        for name in ("strategy", "work_plan"):
            self.fields[name].required = True
        self.fields["budget_source"].required = False
        self.fields["guideline"].queryset = self.fields["guideline"].queryset.select_related(
            "strategy"
        )

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
        return cleaned

    def clean_months(self):
        return self.cleaned_data.get("months") or 0

    def clean_budget_source(self):
        return self.cleaned_data.get("budget_source") or BudgetSource.OTHER_AGENCY


class AgencySubmissionForm(forms.ModelForm):
    """What an agency fills in through its link: no login, no choice of the organization's rows."""

    budget = MoneyField(label=_("งบประมาณ (บาท)"))
    submitted_by = forms.CharField(
        label=_("ชื่อผู้ส่งและเบอร์โทรศัพท์"), max_length=200, help_text=_("เพื่อให้องค์กรติดต่อกลับได้")
    )

    class Meta:
        model = AgencyProject
        fields = ["name", "details", "budget", "location", "months"]

    def __init__(self, *args, fiscal_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.status = AgencyProjectStatus.SUBMITTED  # classified later by the planner
        self.fields["months"] = MonthsField(
            label=_("เดือนที่ดำเนินการ"), fiscal_year=fiscal_year, required=False
        )
        for field in self.fields.values():
            if not isinstance(field, MonthsField):
                field.error_messages["required"] = REQUIRED["required"]
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.update({"rows": 3, "class": "form-control"})
            elif not isinstance(field, MonthsField):
                field.widget.attrs.setdefault("class", "form-control")

    def clean_months(self):
        return self.cleaned_data.get("months") or 0


class RejectForm(forms.Form):
    review_note = forms.CharField(
        label=_("เหตุผลที่ไม่รับ"),
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        error_messages=REQUIRED,
    )


class InvitationForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("หน่วยงาน"),
        queryset=Agency.objects.none(),
        help_text=_("เพิ่มหน่วยงานใหม่ได้ที่หน้าข้อมูลองค์กร"),
        error_messages={**REQUIRED, "invalid_choice": _("ตัวเลือกนี้ไม่มีในรายการขององค์กร")},
    )
    expires_on = ThaiDateField(
        label=_("ใช้ได้ถึงวันที่"), required=False, help_text=_("ว่าง = 60 วันนับจากวันนี้")
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(organization=organization)
        self.fields["agency"].widget.attrs["class"] = "form-select"
        self.fields["expires_on"].widget.attrs["class"] = "form-control"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("ไฟล์ Excel หรือ CSV"),
        help_text=_("ไฟล์ .xlsx .xls .ods หรือ .csv ไม่เกิน 10 MB"),
        error_messages={"required": _("เลือกไฟล์ที่จะนำเข้า"), "empty": _("ไฟล์ว่างเปล่า")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update(
            {"class": "form-control", "accept": ",".join(UPLOAD_EXTENSIONS)}
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("ไฟล์ใหญ่เกิน 10 MB กรุณาแบ่งเป็นหลายไฟล์"), code="too_big")
        if not upload.name.lower().endswith(UPLOAD_EXTENSIONS):
            raise ValidationError(
                _("รับเฉพาะไฟล์ .xlsx .xls .ods หรือ .csv (ไฟล์ที่ส่งมา: %(name)s)"),
                code="bad_extension",
                params={"name": upload.name},
            )
        return upload
