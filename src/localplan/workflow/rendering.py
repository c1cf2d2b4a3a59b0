"""The official PDF of an edition, as announced: the plan book of an operational plan, or
ผ.01 + ผ.02 + ผ.03 of a multi-year plan. The documents app renders it; the same edition
always gives the same bytes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def official_pdf(edition) -> bytes:
    try:
        from localplan.documents.official import official_pdf as render
    except ImportError as missing:
        raise ValidationError(
            _("ระบบยังจัดทำเอกสารทางการของฉบับนี้ไม่ได้ (ยังไม่ได้ติดตั้งส่วนเอกสาร)"), code="no_documents"
        ) from missing
    return render(edition)
