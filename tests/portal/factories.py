"""Public test data: an announced operational plan (and its development plan) with a draft
amendment beside it that must never be seen in public."""

import datetime
import hashlib
from decimal import Decimal

from localplan.core.models import PUBLIC_STATES, AmendmentKind, EditionState
from localplan.opsplan.models import OpsEntryVillage
from localplan.workflow.models import Announcement
from tests.factories import (
    AgencyFactory,
    DevPlanEditionFactory,
    GuidelineFactory,
    OperationalPlanFactory,
    OpsEditionFactory,
    OpsEntryFactory,
    PlanProjectFactory,
    StrategyFactory,
    UnitFactory,
    VillageFactory,
    work_plan,
)

DRAFT_NAME = "โครงการลับในร่างแก้ไขฉบับที่ยังไม่ประกาศ"
# The budget ordinance of FY2552 was announced on 20 Sep 2008; the plan is due 30 days later.
ORDINANCE_ON = datetime.date(2008, 9, 20)
ANNOUNCED_ON = datetime.date(2008, 10, 15)


def announce(edition, *, announced_on=ANNOUNCED_ON, posting_starts_on=None, number="15/2551"):
    """The announcement the workflow records: number, dates and the PDF bytes announced."""
    kind = "ops_edition" if type(edition).__name__ == "OpsEdition" else "dev_edition"
    pdf = b"%PDF-1.7\n% " + f"{kind} {edition.pk} {number}".encode() + b"\n%%EOF\n"
    return Announcement.objects.create(
        organization=edition.organization,
        **{kind: edition},
        number=number,
        announced_on=announced_on,
        posting_starts_on=posting_starts_on or announced_on + datetime.timedelta(days=1),
        pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
        signer_name="นายสมชาย ใจดี",
        signer_title="นายกองค์การบริหารส่วนตำบลผไทรินทร์",
    )


def set_state(edition, state):
    """Move an edition whose rows are all in place to `state`, as the workflow would have
    (an announced edition is frozen: rows are added before, never after)."""
    type(edition).objects.filter(pk=edition.pk).update(state=state)
    edition.state = state
    return edition


def announced_operational_plan(org, *, state=EditionState.ANNOUNCED, extra_entries=0):
    """The FY2552 operational plan, announced (or in `state`): four entries under two
    strategies, and `extra_entries` more like the first."""
    roads = StrategyFactory(organization=org, number=1, name="การพัฒนาด้านโครงสร้างพื้นฐาน")
    people = StrategyFactory(organization=org, number=2, name="การพัฒนาคนและสังคม")
    road_works = GuidelineFactory(organization=org, strategy=roads, number=1, name="ก่อสร้างถนน")
    schooling = GuidelineFactory(organization=org, strategy=people, number=1, name="การศึกษา")
    dev_edition = DevPlanEditionFactory(plan__organization=org)
    works = UnitFactory(organization=org, name="กองช่าง")
    office = UnitFactory(organization=org, name="สำนักปลัด")
    village1 = VillageFactory(organization=org, number=1, name="หนองบัว")
    village3 = VillageFactory(organization=org, number=3, name="โคกเพชร")
    plan = OperationalPlanFactory(
        organization=org, fiscal_year=2552, budget_announced_on=ORDINANCE_ON
    )
    edition = OpsEditionFactory(plan=plan)

    def project(name, guideline, code):
        return PlanProjectFactory(
            edition=dev_edition, guideline=guideline, name=name, code=code,
            work_plan=work_plan("00310" if guideline == road_works else "00210"),
        )  # fmt: skip

    road = OpsEntryFactory(
        edition=edition, code="E0001", number=1,
        plan_project=project("ก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองบัว", road_works, "P0001"),
        name="ก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านหนองบัว", budget=Decimal("250000.00"),
        location="หมู่ที่ 1", unit=works, months=0b111,
    )  # fmt: skip
    culvert = OpsEntryFactory(
        edition=edition, code="E0002", number=2,
        plan_project=project("วางท่อระบายน้ำ คสล. หมู่ที่ 3", road_works, "P0002"),
        name="วางท่อระบายน้ำ คสล. หมู่ที่ 3", details="ท่อขนาด 0.60 เมตร จำนวน 20 ท่อน",
        budget=Decimal("120000.50"), location="หมู่ที่ 3", unit=works, months=0b11000,
    )  # fmt: skip
    OpsEntryFactory(
        edition=edition, code="E0003", number=3,
        plan_project=project("อาหารกลางวันศูนย์พัฒนาเด็กเล็ก", schooling, "P0003"),
        name="อาหารกลางวันศูนย์พัฒนาเด็กเล็ก", details="พัฒนาการเด็กปฐมวัย",
        budget=Decimal("300000.00"), location="ศูนย์พัฒนาเด็กเล็ก", unit=office,
        months=0b111111111111,
    )  # fmt: skip
    highway = OpsEntryFactory(
        edition=edition, code="E0004", number=4, plan_project=None,
        agency=AgencyFactory(organization=org, name="แขวงทางหลวงชนบทบุรีรัมย์"),
        name="ซ่อมสร้างถนนลาดยางสายหนองบัว–โคกเพชร", details="", unit=None,
        budget=Decimal("1500000.00"), location="หมู่ที่ 1, 3", months=0b1110000000,
        strategy=roads, guideline=None, work_plan=work_plan("00310"),
        budget_source="other_agency",
    )  # fmt: skip
    for entry, villages in (
        (road, [village1]),
        (culvert, [village3]),
        (highway, [village1, village3]),
    ):
        for village in villages:
            OpsEntryVillage.objects.create(organization=org, opsentry=entry, village=village)
    for number in range(extra_entries):
        OpsEntryFactory(
            edition=edition, code=f"X{number:03d}", plan_project=road.plan_project, unit=works
        )
    set_state(dev_edition, EditionState.ANNOUNCED)
    announce(dev_edition, number="10/2551", announced_on=datetime.date(2008, 6, 30))
    set_state(edition, state)
    if state in PUBLIC_STATES:
        announce(edition)
    return edition


def draft_amendment(announced):
    """A draft amendment of the same plan, with a row that exists nowhere else."""
    edition = OpsEditionFactory(
        plan=announced.plan, kind=AmendmentKind.ADDITION, sequence=1, sequence_year=2552,
        state=EditionState.DRAFTING, based_on=announced,
    )  # fmt: skip
    dev_plan_edition = announced.entries.get(code="E0001").plan_project.edition
    draft_dev = DevPlanEditionFactory(
        plan=dev_plan_edition.plan, kind=AmendmentKind.ADDITION, sequence=1,
        sequence_year=2552, state=EditionState.DRAFTING, based_on=dev_plan_edition,
    )  # fmt: skip
    secret = PlanProjectFactory(edition=draft_dev, code="P0099", name=DRAFT_NAME)
    OpsEntryFactory(
        edition=edition, code="E0099", name=DRAFT_NAME, details=DRAFT_NAME,
        budget=Decimal("999999.00"), plan_project=secret,
    )  # fmt: skip
    edition.draft_dev = draft_dev
    return edition
