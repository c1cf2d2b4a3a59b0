"""What the builders share: the title lines, the words of a form, percentages, month marks."""

from __future__ import annotations

from decimal import Decimal

from localplan.core.models import Organization
from localplan.core.thai_calendar import format_percent
from localplan.devplan.models import DevPlanEdition
from localplan.documents.typesetting import template_words
from localplan.opsplan.models import OpsEdition


def words(template: str) -> dict:
    return template_words(template)


def organization_line(org: Organization) -> str:
    """ "องค์การบริหารส่วนตำบลผไทรินทร์ อำเภอลำปลายมาศ จังหวัดบุรีรัมย์" """
    return f"{org.full_name} อำเภอ{org.district} จังหวัด{org.province}"


def edition_suffix(edition) -> str:
    return f" ({edition.label})" if edition.is_amendment else ""


def ops_plan_name(edition: OpsEdition) -> str:
    """ "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2552" and the amendment it is, if any."""
    return f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {edition.plan.fiscal_year}" + edition_suffix(
        edition
    )


def dev_plan_name(edition: DevPlanEdition) -> str:
    plan = edition.plan
    years = f"พ.ศ. {plan.first_fiscal_year}–{plan.last_fiscal_year}"
    return f"{plan.kind_name} ({years})" + edition_suffix(edition)


def plan_name(edition) -> str:
    return ops_plan_name(edition) if isinstance(edition, OpsEdition) else dev_plan_name(edition)


def base(edition, form: str, template: str | None = None) -> dict:
    """The part every form's data starts with."""
    org = edition.organization
    form_words = words(template or form.replace("-", "_"))
    return {
        "form": form,
        "code": form_words.get("code"),
        "words": form_words,
        "thai_digits": org.thai_digits_in_documents,
        "doc_title": f"{form_words.get('code', '')} {plan_name(edition)} {org.full_name}".strip(),
    }


def percent(part, whole) -> Decimal | None:
    """A share in percent, two places, rounded as core's calendar module rounds it."""
    text = format_percent(part, whole)
    return None if text == "-" else Decimal(text)


def strategy_heading(strategy) -> str:
    return f"ยุทธศาสตร์ที่ {strategy.number} {strategy.name}"


def guideline_heading(guideline, missing: str) -> str:
    if guideline is None:
        return missing
    return f"{guideline.printed_number} {guideline.name}"


def month_marks(cells) -> str:
    """Twelve characters for the month cells of ผด.02: "." empty, "-" bar, "<" start,
    ">" end, "x" a month alone."""
    marks = []
    for cell in cells:
        if not cell.on:
            marks.append(".")
        elif cell.start and cell.end:
            marks.append("x")
        elif cell.start:
            marks.append("<")
        elif cell.end:
            marks.append(">")
        else:
            marks.append("-")
    return "".join(marks)
