"""The announcement (ประกาศ … เรื่อง ประกาศใช้แผน…) on A4 portrait: emblem, title, body, the
date in Thai and the signature block, in the words the planner last saved."""

from __future__ import annotations

from localplan.core.thai_calendar import MONTH_NAMES, be_year
from localplan.documents import queries
from localplan.documents.forms.common import base
from localplan.documents.texts import document_name, paragraphs, texts_for


def build(edition) -> dict:
    org = edition.organization
    data = base(edition, "announcement")
    w = data["words"]
    texts = texts_for(edition)
    day = texts.announced_on
    if day is None:
        date_line = w["blank_date"]
    else:
        date_line = f"{w['given']} {day.day} {MONTH_NAMES[day.month - 1]} พ.ศ. {be_year(day.year)}"
    png = queries.emblem_png(org)
    data.update(
        doc_title=f"{w['heading']}{org.full_name} {w['subject']} ประกาศใช้{document_name(edition)}",
        emblem=list(png) if png else None,
        heading=[
            f"{w['heading']}{org.full_name}",
            f"{w['subject']} ประกาศใช้{document_name(edition)}",
        ],
        body=[block["text"] for block in paragraphs(texts.announcement_body)],
        date=date_line,
        signer_name=f"({texts.signer_name})" if texts.signer_name else w["blank_name"],
        signer_title=texts.signer_title,
    )
    return data
