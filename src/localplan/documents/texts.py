"""The default words of the documents a planner may edit: the introduction of the plan book
(the seed document, ส่วนที่ 1 บทนำ, adapted to the organization and fiscal year) and the body of
the announcement. Stored texts (DocumentTexts) replace them field by field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import translation

from localplan.core.models import Organization
from localplan.devplan.models import DevPlan, DevPlanEdition
from localplan.documents.models import DocumentTexts
from localplan.opsplan.models import OpsEdition
from localplan.strategy.models import Regime

# The seed's introduction. {kind} องค์การบริหารส่วนตำบล, {name} ผไทรินทร์, {fy} 2552.
INTRODUCTION_2548 = """\
# ส่วนที่ 1 บทนำ
ตามระเบียบกระทรวงมหาดไทย ว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 กำหนดให้ดำเนินการจัดทำแผนยุทธศาสตร์การพัฒนา แผนพัฒนาสามปีและแผนการดำเนินงาน เพื่อเป็นการกำหนดทิศทางในการพัฒนาให้สอดคล้องซึ่งกันระหว่างแผนยุทธศาสตร์การพัฒนา แผนพัฒนาสามปีและงบประมาณรายจ่ายประจำปี
เพื่อให้การดำเนินการพัฒนา{kind}เป็นไปตามยุทธศาสตร์การพัฒนาที่ได้วางไว้และให้เป็นไปตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 หมวด 5 ซึ่งกำหนดให้{kind}จัดทำแผนการดำเนินงาน
# วัตถุประสงค์ของการจัดทำแผนการดำเนินงาน
แผนการดำเนินงาน มีจุดมุ่งหมายเพื่อแสดงถึงรายละเอียดแผนงาน/โครงการพัฒนาและกิจกรรมที่ดำเนินการจริงทั้งหมดในพื้นที่ของ{kind}ประจำปีงบประมาณ พ.ศ. {fy} แผนการดำเนินงานเป็นเอกสารที่ระบุแผนงาน/โครงการพัฒนา/กิจกรรม ทั้งหมดที่จะดำเนินการในปีงบประมาณ พ.ศ. {fy} ทำให้แนวทางการดำเนินงานของ{kind}มีความชัดเจนในการปฏิบัติมากขึ้น มีการประสานและบูรณาการการทำงานกับหน่วยงานและการจำแนกรายละเอียดต่าง ๆ ของแผนงาน/โครงการ/กิจกรรม ในแผนการดำเนินงาน จะทำให้การติดตามประเมินผลเมื่อสิ้นปีมีความสะดวกยิ่งขึ้น
# ขั้นตอนการจัดทำแผนการดำเนินงาน
ขั้นตอนที่ 1 การเก็บรวบรวมข้อมูล โดยคณะกรรมการสนับสนุนการจัดทำแผนพัฒนา{kind}{name} เก็บรวบรวมข้อมูลโครงการพัฒนา/กิจกรรม ที่จะดำเนินการจริงในพื้นที่ ทั้งโครงการพัฒนา/กิจกรรมของ{kind}เอง และของหน่วยงานอื่น
ขั้นตอนที่ 2 การจัดทำร่างแผนการดำเนินงาน โดยคณะกรรมการสนับสนุนการจัดทำแผนพัฒนา{kind}{name} จัดทำร่างแผนการดำเนินงานโดยพิจารณาจัดหมวดหมู่ให้สอดคล้องกับยุทธศาสตร์และแนวทางการพัฒนาของ{kind}ที่กำหนดไว้ในแผนยุทธศาสตร์การพัฒนาและแผนพัฒนาสามปี
ขั้นตอนที่ 3 การพิจารณาร่างแผนการดำเนินงาน คณะกรรมการสนับสนุนการจัดทำแผนพัฒนา{kind}{name} นำร่างแผนการดำเนินงานเสนอคณะกรรมการพัฒนา{kind}{name}
ขั้นตอนที่ 4 การประกาศแผนการดำเนินงาน คณะกรรมการพัฒนา{kind}{name} พิจารณาร่างแผนการดำเนินงานแล้วเสนอผู้บริหาร{kind}ประกาศเป็นแผนการดำเนินงาน ประจำปี พ.ศ. {fy} และปิดประกาศโดยเปิดเผยให้ประชาชนทราบและสามารถตรวจสอบได้
# ประโยชน์ของแผนการดำเนินงาน
1. แสดงถึงความชัดเจนในการนำแผนยุทธศาสตร์การพัฒนา แผนพัฒนาสามปี ไปสู่การปฏิบัติ
2. แสดงความสอดคล้องระหว่างแผนยุทธศาสตร์การพัฒนา แผนพัฒนาสามปีและงบประมาณรายจ่ายประจำปี
3. เพื่อสะดวกในการปฏิบัติงานตามโครงการพัฒนาต่าง ๆ
4. ทำให้สะดวกในการติดตามและประเมินผลการดำเนินงานตามแผนงาน/โครงการพัฒนา/กิจกรรมในปีนั้น
"""

# The same introduction under the current regulation (ฉบับที่ 2 พ.ศ. 2559, ฉบับที่ 3 พ.ศ. 2561):
# one แผนพัฒนาท้องถิ่น in place of the strategic and three-year plans, กลยุทธ์ for แนวทาง.
INTRODUCTION_CURRENT = (
    INTRODUCTION_2548.replace(
        "พ.ศ. 2548 กำหนดให้ดำเนินการจัดทำแผนยุทธศาสตร์การพัฒนา แผนพัฒนาสามปีและแผนการดำเนินงาน",
        "พ.ศ. 2548 และที่แก้ไขเพิ่มเติม กำหนดให้ดำเนินการจัดทำแผนพัฒนาท้องถิ่นและแผนการดำเนินงาน",
    )
    .replace(
        "ระหว่างแผนยุทธศาสตร์การพัฒนา แผนพัฒนาสามปีและงบประมาณรายจ่ายประจำปี",
        "ระหว่างแผนพัฒนาท้องถิ่นและงบประมาณรายจ่ายประจำปี",
    )
    .replace("พ.ศ. 2548 หมวด 5", "พ.ศ. 2548 และที่แก้ไขเพิ่มเติม")
    .replace("ยุทธศาสตร์และแนวทางการพัฒนา", "ยุทธศาสตร์และกลยุทธ์")
    .replace("ที่กำหนดไว้ในแผนยุทธศาสตร์การพัฒนาและแผนพัฒนาสามปี", "ที่กำหนดไว้ในแผนพัฒนาท้องถิ่น")
    .replace("การนำแผนยุทธศาสตร์การพัฒนา แผนพัฒนาสามปี ไปสู่การปฏิบัติ", "การนำแผนพัฒนาท้องถิ่นไปสู่การปฏิบัติ")
    .replace(
        "ระหว่างแผนยุทธศาสตร์การพัฒนา แผนพัฒนาสามปีและงบประมาณรายจ่ายประจำปี",
        "ระหว่างแผนพัฒนาท้องถิ่นและงบประมาณรายจ่ายประจำปี",
    )
)

ANNOUNCEMENT_BODY = """\
ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 และที่แก้ไขเพิ่มเติม กำหนดให้ผู้บริหารท้องถิ่นประกาศใช้{document} และปิดประกาศโดยเปิดเผยเพื่อให้ประชาชนในท้องถิ่นทราบและสามารถตรวจสอบได้
บัดนี้ {org} ได้จัดทำ{document} โดยผ่านความเห็นชอบของคณะกรรมการพัฒนา{org}แล้ว จึงประกาศใช้{document} ของ{org} รายละเอียดตามเอกสารแนบท้ายประกาศนี้
จึงประกาศมาเพื่อทราบโดยทั่วกัน
"""


@dataclass(frozen=True)
class Texts:
    introduction: str
    announcement_body: str
    announced_on: date | None
    signer_name: str
    signer_title: str


def regime_of_year(organization: Organization, fiscal_year: int) -> str:
    """Which regulation an operational plan of this year follows: that of the development
    plan covering the year, else the one in force then (the current set from พ.ศ. 2562)."""
    regime = (
        DevPlan.objects.filter(
            organization=organization,
            first_fiscal_year__lte=fiscal_year,
            last_fiscal_year__gte=fiscal_year,
        )
        .order_by("-first_fiscal_year")
        .values_list("regime", flat=True)
        .first()
    )
    return regime or (Regime.SEED_2548 if fiscal_year < 2562 else Regime.CURRENT)


def default_introduction(edition: OpsEdition) -> str:
    org = edition.organization
    regime = regime_of_year(org, edition.plan.fiscal_year)
    text = INTRODUCTION_2548 if regime == Regime.SEED_2548 else INTRODUCTION_CURRENT
    with translation.override("th"):  # the words of a Thai document, in any page language
        kind = str(org.get_kind_display())
    return text.format(kind=kind, name=org.name, fy=edition.plan.fiscal_year)


def document_name(edition) -> str:
    """What is announced: "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2552" …"""
    from localplan.documents.forms.common import plan_name

    return plan_name(edition)


def default_announcement_body(edition) -> str:
    with translation.override("th"):  # the words of a Thai document, in any page language
        return ANNOUNCEMENT_BODY.format(
            document=document_name(edition), org=edition.organization.full_name
        )


def stored_texts(edition) -> DocumentTexts | None:
    lookup = "ops_edition" if isinstance(edition, OpsEdition) else "dev_edition"
    return DocumentTexts.objects.filter(
        organization=edition.organization, **{lookup: edition}
    ).first()


def texts_for(edition: OpsEdition | DevPlanEdition) -> Texts:
    """The words the documents print: the stored ones, else the defaults."""
    stored = stored_texts(edition)
    org = edition.organization
    introduction = stored.introduction if stored and stored.introduction.strip() else ""
    if not introduction and isinstance(edition, OpsEdition):
        introduction = default_introduction(edition)
    body = stored.announcement_body if stored and stored.announcement_body.strip() else ""
    return Texts(
        introduction=introduction,
        announcement_body=body or default_announcement_body(edition),
        announced_on=stored.announced_on if stored else None,
        signer_name=(stored.signer_name if stored else "") or org.executive_name,
        signer_title=(stored.signer_title if stored else "")
        or org.executive_title
        or f"นายก{org.full_name}",
    )


def paragraphs(text: str) -> list[dict]:
    """Edited text → blocks: a line starting with "#" is a heading, any other a paragraph."""
    blocks = []
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            blocks.append({"type": "heading", "text": line.lstrip("#").strip()})
        else:
            blocks.append({"type": "paragraph", "text": line})
    return blocks
