"""ผด.02/1 บัญชีจำนวนครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น: the equipment
entries, in ผด.02's layout."""

from __future__ import annotations

from localplan.documents.forms import pd02
from localplan.opsplan.models import OpsEdition, OpsEntry


def build(edition: OpsEdition, entries: list[OpsEntry] | None = None) -> dict:
    return pd02.build(edition, entries, equipment=True, form="pd02-1")
