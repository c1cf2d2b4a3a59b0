"""The official documents of an edition, by code: the download pages, the render_form command,
the workflow (which stores the announced PDF) and the public portal all come here.

    render_form("pd02", edition, "pdf") -> ("pd02-phairin-2552.pdf", "application/pdf", b"%PDF…")
    official_pdf(edition) -> the plan book (operational plan) or ผ.01–ผ.03 (development plan)

The same edition renders to the same bytes every time: the PDF's creation time is the
edition's, and nothing in a document depends on the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from localplan.devplan.models import DevPlanEdition
from localplan.documents.typesetting import render_pdf
from localplan.opsplan.models import OpsEdition

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"pdf": PDF, "xlsx": XLSX}


class UnknownForm(LookupError):
    """No such form for this kind of edition, or not in that format."""


@dataclass(frozen=True)
class FormSpec:
    code: str  # as in URLs and file names: "pd02-1"
    label: str  # as printed: "ผด.02/1"
    title: str
    edition_type: type
    module: str  # localplan.documents.forms.<module>: build(edition) -> data
    formats: tuple[str, ...] = ("pdf", "xlsx")

    def build(self, edition) -> dict:
        return import_module(f"localplan.documents.forms.{self.module}").build(edition)


FORMS: tuple[FormSpec, ...] = (
    FormSpec(
        "book",
        _("เล่มแผน"),
        _("เล่มแผนการดำเนินงาน (ปก บทนำ ผด.01 ผด.02 ผด.02/1)"),
        OpsEdition,
        "plan_book",
    ),
    FormSpec("pd01", "ผด.01", _("บัญชีสรุปจำนวนโครงการและงบประมาณ"), OpsEdition, "pd01"),
    FormSpec("pd02", "ผด.02", _("บัญชีโครงการ/กิจกรรม/งบประมาณ"), OpsEdition, "pd02"),
    FormSpec("pd02-1", "ผด.02/1", _("บัญชีจำนวนครุภัณฑ์"), OpsEdition, "pd02_1"),
    FormSpec(
        "announcement",
        pgettext_lazy("แบบฟอร์ม", "ประกาศ"),
        _("ประกาศใช้แผนการดำเนินงาน"),
        OpsEdition,
        "announcement",
        ("pdf",),
    ),
    FormSpec(
        "book", _("ชุดแบบ ผ."), _("ผ.01 ผ.02 ผ.02/1 ผ.02/2 ผ.03 รวมเล่ม"), DevPlanEdition, "dev_book"
    ),
    FormSpec("p01", "ผ.01", _("บัญชีสรุปโครงการพัฒนา"), DevPlanEdition, "p01"),
    FormSpec("p02", "ผ.02", _("รายละเอียดโครงการพัฒนา"), DevPlanEdition, "p02"),
    FormSpec(
        "p02-1", "ผ.02/1", _("รายละเอียดโครงการพัฒนา (โครงการจากแผนชุมชน)"), DevPlanEdition, "p02_1"
    ),
    FormSpec(
        "p02-2",
        "ผ.02/2",
        _("รายละเอียดโครงการพัฒนา (โครงการประสานหน่วยงานอื่น)"),
        DevPlanEdition,
        "p02_2",
    ),
    FormSpec("p03", "ผ.03", _("บัญชีครุภัณฑ์"), DevPlanEdition, "p03"),
    FormSpec(
        "announcement",
        pgettext_lazy("แบบฟอร์ม", "ประกาศ"),
        _("ประกาศใช้แผนพัฒนา"),
        DevPlanEdition,
        "announcement",
        ("pdf",),
    ),
)


def forms_for(edition) -> list[FormSpec]:
    return [spec for spec in FORMS if isinstance(edition, spec.edition_type)]


def form_spec(code: str, edition, fmt: str = "pdf") -> FormSpec:
    for spec in forms_for(edition):
        if spec.code == code and fmt in spec.formats:
            return spec
    raise UnknownForm(f"{code}.{fmt}")


def file_name(code: str, edition, fmt: str) -> str:
    """ASCII, so that every browser and mail program keeps it: pd02-phairin-2552.pdf"""
    if isinstance(edition, OpsEdition):
        years = str(edition.plan.fiscal_year)
    else:
        years = f"{edition.plan.first_fiscal_year}-{edition.plan.last_fiscal_year}"
    amendment = (
        f"-{edition.kind}-{edition.sequence}-{edition.sequence_year}"
        if edition.is_amendment
        else ""
    )
    return f"{code}-{edition.organization.slug}-{years}{amendment}.{fmt}"


def render_form(code: str, edition, fmt: str = "pdf") -> tuple[str, str, bytes]:
    """(file name, content type, bytes) of one form of an edition; UnknownForm if it has none."""
    spec = form_spec(code, edition, fmt)
    # An official form is in Thai whatever language the person asking for it reads.
    with translation.override("th"):
        data = spec.build(edition)
        if fmt == "pdf":
            content = render_pdf(data, timestamp=edition.created_at)
        else:
            content = _xlsx_writer(spec)(data)
    return file_name(code, edition, fmt), CONTENT_TYPES[fmt], content


def official_pdf(edition: OpsEdition | DevPlanEdition) -> bytes:
    """The document an edition is announced with: for an operational plan the plan book (cover,
    introduction, ผด.01, ผด.02, ผด.02/1, numbered pages); for a development plan ผ.01, ผ.02
    (ผ.02/1 and ผ.02/2 where it has such projects) and ผ.03 in one PDF."""
    return render_form("book", edition, "pdf")[2]


def _xlsx_writer(spec: FormSpec) -> Callable[[dict], bytes]:
    from localplan.documents import workbooks

    return workbooks.writer_for(spec.module)
