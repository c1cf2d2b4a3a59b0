"""The forms of the workflow's steps: dates typed in พ.ศ., Thai messages naming the field."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from localplan.core.forms import REQUIRED, FiscalYearField, ThaiDateField
from localplan.core.models import AmendmentKind
from localplan.workflow.models import SpecialCase

OUTCOME_ENDORSE = "endorse"
OUTCOME_RETURN = "return"
ROW_COMMENT_SLOTS = 5


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        field.error_messages.setdefault("required", REQUIRED["required"])
        if isinstance(field.widget, forms.RadioSelect):
            field.widget.attrs.setdefault("class", "form-check-input")
            continue
        if isinstance(field.widget, forms.CheckboxInput):
            field.widget.attrs.setdefault("class", "form-check-input")
            continue
        if isinstance(field.widget, forms.Select):
            field.widget.attrs.setdefault("class", "form-select")
        else:
            field.widget.attrs.setdefault("class", "form-control")
        if isinstance(field.widget, forms.Textarea):
            field.widget.attrs["rows"] = 3


# What a reviewer chooses ("return"), not the state it leads to ("returned").
RETURN_LABEL = pgettext_lazy("ผลการพิจารณา", "ส่งกลับให้แก้ไข")


class StepForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class SubmitForm(StepForm):
    """Sending the draft on is confirmed explicitly, once the page has shown the comments of
    the last return and the open consistency problems."""

    submitted_on = ThaiDateField(label=_("วันที่เสนอ"), initial=timezone.localdate)
    comments = forms.CharField(label=_("หมายเหตุถึงผู้พิจารณา"), required=False, widget=forms.Textarea)
    confirmed = forms.BooleanField(
        label=_("ยืนยันเสนอร่างนี้ให้พิจารณา"),
        error_messages={"required": _("กรุณาทำเครื่องหมาย “ยืนยันเสนอร่างนี้ให้พิจารณา” ก่อนบันทึก")},
    )

    def __init__(self, *args, open_problems: int = 0, returned: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if open_problems:
            self.fields["confirmed"].label = _(
                "ได้อ่านปัญหาความสอดคล้องที่ยังค้างอยู่ %(count)s ข้อแล้ว และยืนยันเสนอร่างนี้ให้พิจารณา"
            ) % {"count": open_problems}
        elif returned:
            self.fields["confirmed"].label = _(
                "ได้แก้ไขตามความเห็นที่ส่งกลับแล้ว และยืนยันเสนอร่างนี้ให้พิจารณาอีกครั้ง"
            )


class ResolutionForm(StepForm):
    """A meeting's resolution: endorsed/approved, or returned with comments (and comments
    on single projects, chosen from the edition's rows)."""

    outcome = forms.ChoiceField(label=_("มติ"), widget=forms.RadioSelect)
    meeting_number = forms.CharField(
        label=_("การประชุมครั้งที่"), max_length=40, help_text=_("เช่น 3/2551")
    )
    meeting_date = ThaiDateField(label=_("วันที่ประชุม"))
    text = forms.CharField(label=_("มติที่ประชุม (ข้อความ)"), widget=forms.Textarea)
    comments = forms.CharField(
        label=_("ความเห็น / สิ่งที่ต้องแก้ไข"),
        required=False,
        widget=forms.Textarea,
        help_text=_("จำเป็นเมื่อส่งกลับให้แก้ไข"),
    )

    def __init__(self, *args, passed_label, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [
            (OUTCOME_ENDORSE, passed_label),
            (OUTCOME_RETURN, RETURN_LABEL),
        ]
        choices = [("", _("— เลือกโครงการ/รายการ —"))] + [
            (code, f"{code} {name}"[:120]) for code, name in rows
        ]
        for index in range(ROW_COMMENT_SLOTS):
            self.fields[f"row_{index}"] = forms.ChoiceField(
                label=_("โครงการ/รายการที่มีความเห็น"),
                choices=choices,
                required=False,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"row_{index}_comment"] = forms.CharField(
                label=_("ความเห็นต่อโครงการ/รายการนี้"),
                required=False,
                widget=forms.TextInput(attrs={"class": "form-control"}),
            )

    def clean(self):
        cleaned = super().clean()
        for index in range(ROW_COMMENT_SLOTS):
            code, comment = cleaned.get(f"row_{index}"), cleaned.get(f"row_{index}_comment")
            if comment and not code:
                self.add_error(f"row_{index}", _("เลือกโครงการ/รายการที่ความเห็นนี้อ้างถึง"))
        return cleaned

    @property
    def main_fields(self):
        return [self[name] for name in ("outcome", "meeting_number", "meeting_date", "text")]

    @property
    def comment_field(self):
        return self["comments"]

    @property
    def row_fields(self):
        return [
            (self[f"row_{index}"], self[f"row_{index}_comment"])
            for index in range(ROW_COMMENT_SLOTS)
        ]

    def passed(self) -> bool:
        return self.cleaned_data["outcome"] == OUTCOME_ENDORSE

    def row_comments(self) -> list[dict]:
        return [
            {
                "code": self.cleaned_data[f"row_{i}"],
                "comment": self.cleaned_data[f"row_{i}_comment"],
            }
            for i in range(ROW_COMMENT_SLOTS)
            if self.cleaned_data.get(f"row_{i}") and self.cleaned_data.get(f"row_{i}_comment")
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "meeting_number": data["meeting_number"].strip(),
            "meeting_date": data["meeting_date"],
            "text": data["text"].strip(),
            "comments": data["comments"],
            "row_comments": self.row_comments(),
        }


class DecisionForm(StepForm):
    outcome = forms.ChoiceField(
        label=_("ผลการพิจารณา"),
        widget=forms.RadioSelect,
        choices=[(OUTCOME_ENDORSE, _("อนุมัติ")), (OUTCOME_RETURN, RETURN_LABEL)],
    )
    decided_on = ThaiDateField(label=_("วันที่พิจารณา"), initial=timezone.localdate)
    comments = forms.CharField(
        label=_("ความเห็น"),
        required=False,
        widget=forms.Textarea,
        help_text=_("จำเป็นเมื่อส่งกลับให้แก้ไข"),
    )


class AnnounceForm(StepForm):
    number = forms.CharField(label=_("เลขที่ประกาศ"), max_length=60, help_text=_("เช่น 45/2551"))
    announced_on = ThaiDateField(label=_("วันที่ประกาศ"))
    posting_starts_on = ThaiDateField(
        label=_("วันที่เริ่มปิดประกาศ"),
        help_text=_("ต้องเริ่มปิดประกาศภายใน 15 วันนับจากวันประกาศ และปิดไว้ไม่น้อยกว่า 30 วัน"),
    )
    signer_name = forms.CharField(label=_("ชื่อผู้ลงนาม"), max_length=150)
    signer_title = forms.CharField(label=_("ตำแหน่งผู้ลงนาม"), max_length=200)

    def clean(self):
        cleaned = super().clean()
        announced, posting = cleaned.get("announced_on"), cleaned.get("posting_starts_on")
        if announced and posting and posting < announced:
            self.add_error("posting_starts_on", _("วันที่เริ่มปิดประกาศต้องไม่ก่อนวันที่ประกาศ"))
        return cleaned


class AmendmentForm(StepForm):
    kind = forms.ChoiceField(
        label=_("ประเภทการแก้ไข"),
        choices=[
            (AmendmentKind.ADDITION, _("เพิ่มเติม (เพิ่มโครงการที่ไม่มีในแผน)")),
            (AmendmentKind.CHANGE, _("เปลี่ยนแปลง (เปลี่ยนโครงการที่มีอยู่ในแผน)")),
            (AmendmentKind.CORRECTION, _("แก้ไข (แก้ไขข้อความให้ถูกต้อง)")),
        ],
    )
    sequence_year = FiscalYearField(
        label=_("ปี พ.ศ. ของครั้งที่"), help_text=_("เช่น 2552 ใน “เพิ่มเติม ครั้งที่ 1/2552”")
    )
    reason = forms.CharField(label=_("เหตุผลความจำเป็นของการแก้ไข"), widget=forms.Textarea)
    special_case = forms.ChoiceField(
        label=_("กรณีที่ผู้บริหารท้องถิ่นอนุมัติได้เอง"), choices=SpecialCase.choices, required=False
    )


class ApprovalRulesForm(forms.Form):
    """One pair of checkboxes (committee, council) per document and kind of edition."""

    def __init__(self, *args, keys, chains, labels, **kwargs):
        super().__init__(*args, **kwargs)
        self.keys = keys
        self.labels = labels
        for document, kind in keys:
            chain = chains[(document, kind)]
            for part in ("committee_review", "council_approval"):
                self.fields[f"{document}_{kind}_{part}"] = forms.BooleanField(
                    required=False,
                    initial=getattr(chain, part),
                    widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
                )

    @property
    def rows(self):
        return [
            (
                self.labels[(document, kind)],
                self[f"{document}_{kind}_committee_review"],
                self[f"{document}_{kind}_council_approval"],
            )
            for document, kind in self.keys
        ]

    def chains(self):
        from localplan.workflow.rules import Chain

        return {
            (document, kind): Chain(
                committee_review=self.cleaned_data[f"{document}_{kind}_committee_review"],
                council_approval=self.cleaned_data[f"{document}_{kind}_council_approval"],
            )
            for document, kind in self.keys
        }


def validation_message(error: ValidationError) -> list[str]:
    return list(error.messages)
