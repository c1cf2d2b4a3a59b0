"""The plan book of an operational plan edition: cover, ส่วนที่ 1 บทนำ (the planner's text or the
seed's), ส่วนที่ 2 with ผด.01, ผด.02 and ผด.02/1 — one PDF with numbered pages."""

from __future__ import annotations

from localplan.documents import queries
from localplan.documents.forms import pd01, pd02, pd02_1
from localplan.documents.forms.common import base, edition_suffix
from localplan.documents.texts import paragraphs, texts_for
from localplan.opsplan.models import OpsEdition


def build(edition: OpsEdition) -> dict:
    org = edition.organization
    entries = queries.ops_entries(edition)
    data = base(edition, "plan-book", "plan_book")
    w = data["words"]
    png = queries.emblem_png(org)
    data.update(
        emblem=list(png) if png else None,
        cover=[
            w["plan"],
            f"{w['fiscal_year']} {edition.plan.fiscal_year}{edition_suffix(edition)}",
            org.full_name,
            f"อำเภอ{org.district} จังหวัด{org.province}",
        ],
        introduction=paragraphs(texts_for(edition).introduction),
        part2=w["part2"],
        pd01=pd01.build(edition, entries),
        pd02=pd02.build(edition, entries),
        pd02_1=pd02_1.build(edition, entries),
    )
    return data
