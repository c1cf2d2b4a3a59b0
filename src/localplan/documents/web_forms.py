"""The planner's forms of the documents app (the official forms are in forms/)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from localplan.core.forms import ThaiDateField
from localplan.documents.models import DocumentTexts


class DocumentTextsForm(forms.ModelForm):
    announced_on = ThaiDateField(label=_("ประกาศ ณ วันที่"), required=False)

    class Meta:
        model = DocumentTexts
        fields = [
            "introduction",
            "announcement_body",
            "announced_on",
            "signer_name",
            "signer_title",
        ]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 18}),
            "announcement_body": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, with_introduction: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_introduction:
            del self.fields["introduction"]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


class EmblemForm(forms.Form):
    image = forms.FileField(
        label=_("ภาพตราสัญลักษณ์"),
        required=False,
        help_text=_("PNG หรือ JPEG ไม่เกิน 5 MB ควรมีพื้นหลังโปร่งใส"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": "image/*"}),
    )
    remove = forms.BooleanField(label=_("ลบตราสัญลักษณ์"), required=False)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("image") and not cleaned.get("remove"):
            raise forms.ValidationError(_("เลือกไฟล์ภาพ หรือเลือกลบตราสัญลักษณ์"), code="nothing")
        return cleaned
