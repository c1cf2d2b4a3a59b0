import hashlib

from django import forms
from django.utils.translation import gettext_lazy as _

from localplan.core.models import Unit, Village
from localplan.opsplan.forms import CARRIED_OUT_BY
from localplan.strategy.models import Strategy
from localplan.workflow.queries import SHA256

SEARCH_MAX_LENGTH = 200
CHECK_MAX_BYTES = 50 * 1024 * 1024


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
        self.edition, self.kind = edition, kind
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

    def query(self) -> dict:
        """The valid filters as the page's address carries them, for the download links;
        a filter that is no choice of this edition is left out, as the page leaves it out."""
        return {
            name: getattr(value, "pk", value)
            for name, value in self.filters().items()
            if name in self.fields
        }

    def description(self) -> str:
        """The filters in words, for the first row of a filtered file: "ค้นหา: ถนน; …"."""
        filters = self.filters()
        parts = []
        for name, field in self.fields.items():
            if name not in filters:
                continue
            value = filters[name]
            if isinstance(field, forms.ChoiceField) and not hasattr(value, "pk"):
                value = dict(field.choices).get(value, value)
            parts.append(f"{field.label}: {value}")
        return "; ".join(parts)


class CheckCopyForm(forms.Form):
    """ตรวจสอบเอกสาร: a PDF someone holds, or its SHA-256, against the announced files."""

    document = forms.FileField(label=_("ไฟล์ PDF ที่ท่านถืออยู่"), required=False)
    sha256 = forms.CharField(label=_("หรือค่า SHA-256 ของไฟล์"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].widget.attrs.update({"class": "form-control", "accept": ".pdf"})
        self.fields["sha256"].widget.attrs.update(
            {"class": "form-control font-monospace", "autocomplete": "off", "spellcheck": "false"}
        )

    def clean_sha256(self) -> str:
        value = "".join(self.cleaned_data["sha256"].split()).lower()
        if value and not SHA256.match(value):
            raise forms.ValidationError(
                _("ค่า SHA-256 ต้องเป็นตัวเลขฐานสิบหก (0–9, a–f) 64 ตัว"), code="invalid"
            )
        return value

    def clean_document(self):
        document = self.cleaned_data["document"]
        if document and document.size > CHECK_MAX_BYTES:
            raise forms.ValidationError(
                _("ไฟล์ใหญ่เกิน %(mb)s MB") % {"mb": CHECK_MAX_BYTES // (1024 * 1024)},
                code="too_large",
            )
        return document

    def clean(self):
        cleaned = super().clean()
        document, typed = cleaned.get("document"), cleaned.get("sha256")
        if self.errors:
            return cleaned
        if not document and not typed:
            raise forms.ValidationError(
                _("เลือกไฟล์ PDF หรือวางค่า SHA-256 อย่างใดอย่างหนึ่ง"), code="required"
            )
        if document:
            digest = hashlib.sha256()
            for chunk in document.chunks():
                digest.update(chunk)
            cleaned["digest"] = digest.hexdigest()
        else:
            cleaned["digest"] = typed
        return cleaned
