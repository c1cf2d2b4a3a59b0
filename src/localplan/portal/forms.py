from django import forms
from django.utils.translation import gettext_lazy as _

from localplan.core.models import Unit, Village
from localplan.opsplan.forms import CARRIED_OUT_BY
from localplan.strategy.models import Strategy

SEARCH_MAX_LENGTH = 200


class OrganizationSearchForm(forms.Form):
    q = forms.CharField(label=_("ชื่อองค์กร ตำบล อำเภอ หรือจังหวัด"), required=False, max_length=120)
    province = forms.CharField(label=_("จังหวัด"), required=False, max_length=80)

    def __init__(self, *args, provinces: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("ทุกจังหวัด"))] + [(p, p) for p in provinces]
        self.fields["province"].widget = forms.Select(choices=choices)
        self.fields["q"].widget.attrs.update({"class": "form-control", "type": "search"})
        self.fields["province"].widget.attrs["class"] = "form-select"

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = self.cleaned_data
        return {"text": cleaned.get("q", "").strip(), "province": cleaned.get("province", "")}


class PublicFilterForm(forms.Form):
    """Filters of a public edition page; the choices are those the edition's rows use, so
    nothing of a draft shows up in a list."""

    q = forms.CharField(label=_("ค้นหา"), required=False, max_length=SEARCH_MAX_LENGTH)
    strategy = forms.ModelChoiceField(
        queryset=Strategy.objects.none(), required=False, label=_("ยุทธศาสตร์")
    )
    village = forms.ModelChoiceField(
        queryset=Village.objects.none(), required=False, label=_("หมู่บ้าน")
    )
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), required=False, label=_("หน่วยงาน"))
    carried_out_by = forms.ChoiceField(
        choices=[("", _("ทั้งหมด"))] + CARRIED_OUT_BY, required=False, label=_("ผู้ดำเนินการ")
    )

    def __init__(self, *args, edition, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        org = edition.organization
        if kind == "ops":
            rows = {"opsentry__edition": edition}
            villages = {"opsentryvillage__opsentry__edition": edition}
        else:
            rows = {"planproject__edition": edition}
            villages = {"planprojectvillage__planproject__edition": edition}
            del self.fields["carried_out_by"]
        self.fields["strategy"].queryset = Strategy.objects.filter(
            organization=org, **rows
        ).distinct()
        self.fields["village"].queryset = Village.objects.filter(
            organization=org, **villages
        ).distinct()
        self.fields["unit"].queryset = Unit.objects.filter(organization=org, **rows).distinct()
        self.fields["q"].widget.attrs.update(
            {"class": "form-control", "type": "search", "placeholder": _("เช่น ถนน หมู่ 3")}
        )
        for name, field in self.fields.items():
            if name != "q":
                field.widget.attrs["class"] = "form-select"

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
