"""A step of `localplan load_demo`: the demo's plans taken through the workflow as their
organization would have taken them — every step by the member whose role names it, on the
dates the organization would have met, each announcement with its official PDF stored.

อบต.ผไทรินทร์ (the seed's organization):
- แผนพัฒนาสามปี 2552–2554: development committee, council, executive; announced June 2551;
- แผนการดำเนินงาน 2552: announced 25 ธันวาคม 2551, as the seed's plan was;
- เพิ่มเติม ครั้งที่ 1/2552 of the three-year plan: three projects added and one changed,
  each with its reason; announced March 2552, superseding the original edition;
- แผนการดำเนินงาน 2553: submitted, then returned by the committee with comments (one of
  them on a single entry): back with the planner, being drafted again.
เทศบาลตำบลหนองบัวแก้ว (which lives in the present, see core/demo/nongbua.py): its five-year
แผนพัฒนาท้องถิ่น announced (no council: a เทศบาล) in the June before it began; the operational
plan of the current fiscal year is still a draft.

The dates and numbers are illustrative, like the rest of the demo.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from localplan.core.audit import acting_as
from localplan.core.demo import nongbua
from localplan.core.models import AmendmentKind, Membership, Role, Unit, Village
from localplan.devplan.models import PlanProject, ProjectKind
from localplan.devplan.services import save_plan_project
from localplan.strategy.models import Guideline, WorkPlan
from localplan.workflow import services

D = datetime.date


@dataclass
class Meeting:
    number: str
    day: datetime.date
    text: str


@dataclass
class History:
    """The steps one edition went through; None where its chain has no such step."""

    submitted_on: datetime.date
    committee: Meeting | None = None
    council: Meeting | None = None
    approved_on: datetime.date | None = None
    announcement: tuple[str, datetime.date, datetime.date] | None = None  # number, on, posted
    returned: Meeting | None = None  # the committee sent it back, with comments:
    comments: str = ""
    row_comments: list[tuple[int, str]] = field(default_factory=list)  # (entry number, …)
    submitted_by: str = Role.PLANNER


@dataclass
class Addition:
    kind: str
    sequence_year: int
    started_on: datetime.date
    reason: str
    added: list[dict]
    changed: dict
    history: History


PHAIRIN_PLAN = History(
    submitted_by=Role.SUPPORT_COMMITTEE,
    submitted_on=D(2008, 6, 2),
    committee=Meeting(
        "1/2551",
        D(2008, 6, 10),
        "ที่ประชุมพิจารณาแล้ว มีมติเห็นชอบร่างแผนพัฒนาสามปี (พ.ศ. 2552–2554) "
        "และให้เสนอผู้บริหารท้องถิ่นเพื่อเสนอสภาองค์การบริหารส่วนตำบล",
    ),
    council=Meeting(
        "สมัยสามัญ สมัยที่ 2 ครั้งที่ 1/2551",
        D(2008, 6, 16),
        "สภาองค์การบริหารส่วนตำบลผไทรินทร์มีมติเห็นชอบร่างแผนพัฒนาสามปี (พ.ศ. 2552–2554)",
    ),
    approved_on=D(2008, 6, 18),
    announcement=("21/2551", D(2008, 6, 20), D(2008, 6, 23)),
)
PHAIRIN_OPERATIONAL_2552 = History(
    submitted_on=D(2008, 12, 8),
    committee=Meeting(
        "3/2551",
        D(2008, 12, 15),
        "ที่ประชุมพิจารณาแล้ว มีมติเห็นชอบร่างแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2552 "
        "และให้เสนอผู้บริหารท้องถิ่นประกาศใช้",
    ),
    approved_on=D(2008, 12, 22),
    announcement=("45/2551", D(2008, 12, 25), D(2008, 12, 26)),
)
PHAIRIN_OPERATIONAL_2553 = History(
    submitted_on=D(2009, 10, 12),
    returned=Meeting(
        "4/2552",
        D(2009, 10, 19),
        "ที่ประชุมพิจารณาแล้ว มีมติให้คณะกรรมการสนับสนุนการจัดทำแผนพัฒนาปรับปรุงร่าง"
        "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2553 แล้วเสนอใหม่",
    ),
    comments=(
        "ร่างยังขาดโครงการของสำนักปลัด กองคลัง ส่วนการศึกษาฯ และส่วนสวัสดิการสังคม "
        "ให้รวบรวมให้ครบ และให้กองช่างกำหนดช่วงเวลาก่อสร้างหลังสิ้นฤดูฝน"
    ),
    row_comments=[(1, "ควรเริ่มดำเนินการหลังสิ้นฤดูฝน ระหว่างเดือนธันวาคมถึงมีนาคม")],
)
PHAIRIN_ADDITION = Addition(
    kind=AmendmentKind.ADDITION,
    sequence_year=2552,
    started_on=D(2009, 2, 2),
    reason=(
        "เวทีประชาคมตำบลเมื่อเดือนมกราคม 2552 เสนอปัญหาเร่งด่วนที่ยังไม่มีในแผนพัฒนาสามปี "
        "และราคาวัสดุก่อสร้างระบบประปาสูงขึ้น"
    ),
    added=[
        {
            "name": "ก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็กพร้อมฝาปิด บ้านหนองไผ่ หมู่ที่ 9",
            "guideline": "1.1",
            "work_plan": "แผนงานอุตสาหกรรมและการโยธา",
            "unit": "กองช่าง",
            "villages": [9],
            "objective": "เพื่อระบายน้ำฝนและน้ำเสียออกจากหมู่บ้าน ป้องกันน้ำท่วมขัง",
            "target": "รางระบายน้ำ คสล. กว้าง 0.40 ม. ยาว 320 ม. พร้อมฝาปิด",
            "kpi": "ไม่มีน้ำท่วมขังในพื้นที่ดำเนินการเกิน 24 ชั่วโมงหลังฝนตก",
            "expected_result": "ชุมชนไม่มีน้ำท่วมขัง ลดแหล่งเพาะพันธุ์ยุง",
            "budgets": (None, 356_000, None),
            "reason": "น้ำท่วมขังกลางหมู่บ้านทุกฤดูฝน ประชาคมหมู่บ้านเสนอเป็นปัญหาเร่งด่วนอันดับหนึ่ง",
        },
        {
            "name": "ขุดเจาะบ่อบาดาลพร้อมหอถังประปา บ้านผไทพัฒนา หมู่ที่ 14",
            "guideline": "1.2",
            "work_plan": "แผนงานเคหะและชุมชน",
            "unit": "กองช่าง",
            "villages": [14],
            "objective": "เพื่อให้ประชาชนมีน้ำประปาสะอาดสำหรับอุปโภคบริโภคอย่างทั่วถึง",
            "target": "บ่อบาดาล 1 บ่อ หอถังสูงขนาด 10 ลบ.ม. และระบบจ่ายน้ำ",
            "kpi": "จำนวนครัวเรือนที่มีน้ำประปาใช้เพิ่มขึ้น",
            "expected_result": "ประชาชนมีน้ำสะอาดใช้ตลอดปี",
            "budgets": (None, 412_000, None),
            "reason": "หมู่ที่ 14 แยกตั้งเป็นหมู่บ้านใหม่ ยังไม่มีระบบประปาหมู่บ้าน",
        },
        {
            "name": "จัดซื้อเครื่องพ่นหมอกควันกำจัดยุงลาย",
            "kind": ProjectKind.EQUIPMENT,
            "equipment_type": "ครุภัณฑ์วิทยาศาสตร์หรือการแพทย์",
            "guideline": "3.1",
            "work_plan": "แผนงานสาธารณสุข",
            "unit": "ส่วนสาธารณสุขและสิ่งแวดล้อม",
            "villages": [],
            "location": "ที่ทำการ อบต.ผไทรินทร์",
            "objective": "เพื่อควบคุมการระบาดของโรคไข้เลือดออกได้ทันท่วงที",
            "target": "เครื่องพ่นหมอกควัน จำนวน 2 เครื่อง",
            "kpi": "อัตราป่วยด้วยโรคไข้เลือดออกลดลงจากปีที่ผ่านมา",
            "expected_result": "ควบคุมการระบาดของโรคไข้เลือดออกได้รวดเร็ว",
            "budgets": (None, 118_000, None),
            "reason": "ปี 2551 มีผู้ป่วยไข้เลือดออกสูงกว่าเกณฑ์ และเครื่องเดิมชำรุดซ่อมไม่คุ้มค่า",
        },
    ],
    changed={
        "name": "ปรับปรุงระบบประปาหมู่บ้าน บ้านหนองแวง หมู่ที่ 4",
        "budgets": (95_000, 180_000, None),
        "reason": "เครื่องสูบน้ำและถังกรองชำรุดทั้งระบบ ต้องเปลี่ยนพร้อมกันในปี 2553 แทนปี 2554 และราคาวัสดุสูงขึ้น",
    },
    history=History(
        submitted_by=Role.SUPPORT_COMMITTEE,
        submitted_on=D(2009, 2, 16),
        committee=Meeting(
            "1/2552",
            D(2009, 2, 24),
            "ที่ประชุมมีมติเห็นชอบร่างแผนพัฒนาสามปี (พ.ศ. 2552–2554) เพิ่มเติม ครั้งที่ 1/2552",
        ),
        council=Meeting(
            "สมัยสามัญ สมัยที่ 1 ครั้งที่ 2/2552",
            D(2009, 3, 2),
            "สภาองค์การบริหารส่วนตำบลผไทรินทร์มีมติเห็นชอบแผนพัฒนาสามปีเพิ่มเติม ครั้งที่ 1/2552",
        ),
        approved_on=D(2009, 3, 4),
        announcement=("9/2552", D(2009, 3, 6), D(2009, 3, 9)),
    ),
)
_TB_YEAR = nongbua.FIRST_FISCAL_YEAR - 1  # the B.E. year of June before the plan begins
NONGBUA_PLAN = History(
    submitted_by=Role.SUPPORT_COMMITTEE,
    submitted_on=nongbua.shifted(D(2022, 6, 6)),
    committee=Meeting(
        f"2/{_TB_YEAR}",
        nongbua.shifted(D(2022, 6, 14)),
        f"ที่ประชุมมีมติเห็นชอบร่างแผนพัฒนาท้องถิ่น (พ.ศ. {nongbua.FIRST_FISCAL_YEAR}–"
        f"{nongbua.LAST_FISCAL_YEAR}) เสนอนายกเทศมนตรีอนุมัติ",
    ),
    approved_on=nongbua.shifted(D(2022, 6, 20)),
    announcement=(
        f"58/{_TB_YEAR}",
        nongbua.shifted(D(2022, 6, 24)),
        nongbua.shifted(D(2022, 6, 27)),
    ),
)

# By organization: the development plan's history, the operational plans' by fiscal year,
# and the amendment of the development plan (if any).
HISTORIES = {
    "phairin": (
        PHAIRIN_PLAN,
        {2552: PHAIRIN_OPERATIONAL_2552, 2553: PHAIRIN_OPERATIONAL_2553},
        PHAIRIN_ADDITION,
    ),
    "nongbua": (NONGBUA_PLAN, {}, None),
}


def take_demo_plans_through_the_workflow(organization, data, members, plan_edition, ops_editions):
    """Run the histories of one demo organization (`ops_editions` by fiscal year) in the
    order things happened. Every plan its data module marks "announced" must have a
    history that announces it."""
    plan_history, ops_histories, amendment = HISTORIES.get(organization.slug, (None, {}, None))
    announced = {
        "plan": bool(data.PLAN.get("announced")),
        **{spec["fiscal_year"]: bool(spec.get("announced")) for spec in data.OPERATIONAL_PLANS},
    }
    histories = {"plan": plan_history, **ops_histories}
    for key, flag in announced.items():
        history = histories.get(key)
        if flag != bool(history and history.announcement):
            raise ValueError(
                f"plan {key} is announced={flag} in its data, not in workflow/demo.py HISTORIES"
            )
    events = []
    if plan_history is not None:
        events.append((plan_history.submitted_on, "plan", plan_edition, plan_history))
    for fiscal_year, history in ops_histories.items():
        events.append((history.submitted_on, "ops", ops_editions[fiscal_year], history))
    if amendment is not None:
        events.append((amendment.started_on, "amend", plan_edition, amendment))
    for _day, what, edition, history in sorted(events, key=lambda event: event[0]):
        if what == "amend":
            amend(edition, history, members)
        else:
            walk(edition, history, members)


def walk(edition, history: History, members: dict[str, Membership]) -> None:
    services.submit_edition(
        edition=edition, by=members[history.submitted_by], submitted_on=history.submitted_on
    )
    if history.returned:
        services.record_committee_resolution(
            edition=edition,
            by=members[Role.DEVELOPMENT_COMMITTEE],
            endorsed=False,
            meeting_number=history.returned.number,
            meeting_date=history.returned.day,
            text=history.returned.text,
            comments=history.comments,
            row_comments=[
                {"code": edition.entries.get(number=number).code, "comment": comment}
                for number, comment in history.row_comments
            ],
        )
        return
    if history.committee:
        services.record_committee_resolution(
            edition=edition,
            by=members[Role.DEVELOPMENT_COMMITTEE],
            endorsed=True,
            meeting_number=history.committee.number,
            meeting_date=history.committee.day,
            text=history.committee.text,
        )
    if history.council:
        services.record_council_resolution(
            edition=edition,
            by=members[Role.COUNCIL_SECRETARY],
            approved=True,
            meeting_number=history.council.number,
            meeting_date=history.council.day,
            text=history.council.text,
        )
    executive = members[Role.EXECUTIVE]
    services.approve_edition(edition=edition, by=executive, approved_on=history.approved_on)
    number, announced_on, posted_on = history.announcement
    services.announce_edition(
        edition=edition,
        by=executive,
        number=number,
        announced_on=announced_on,
        posting_starts_on=posted_on,
    )


def amend(edition, addition: Addition, members: dict[str, Membership]) -> None:
    planner = members[Role.PLANNER]
    amendment = services.start_amendment(
        edition=edition,
        by=planner,
        kind=addition.kind,
        sequence_year=addition.sequence_year,
        reason=addition.reason,
        started_on=addition.started_on,
    )
    organization = edition.organization
    years = edition.plan.fiscal_years
    with acting_as(planner.user):
        for spec in addition.added:
            strategy_number, guideline_number = spec["guideline"].split(".")
            guideline = Guideline.objects.get(
                organization=organization,
                strategy__number=int(strategy_number),
                number=int(guideline_number),
            )
            villages = list(
                Village.objects.filter(organization=organization, number__in=spec["villages"])
            )
            project = PlanProject(
                organization=organization,
                edition=amendment,
                kind=spec.get("kind", ProjectKind.DEVELOPMENT),
                name=spec["name"],
                objective=spec["objective"],
                target=spec["target"],
                kpi=spec["kpi"],
                expected_result=spec["expected_result"],
                unit=Unit.objects.get(organization=organization, name=spec["unit"]),
                strategy=guideline.strategy,
                guideline=guideline,
                work_plan=WorkPlan.objects.get(name=spec["work_plan"]),
                location=spec.get("location") or ", ".join(str(v) for v in villages),
                equipment_category="ค่าครุภัณฑ์" if spec.get("equipment_type") else "",
                equipment_type=spec.get("equipment_type", ""),
                reason=spec["reason"],
            )
            save_plan_project(
                project=project, by=planner, budgets=_budgets(years, spec), villages=villages
            )
        changed = amendment.projects.get(name=addition.changed["name"])
        changed.reason = addition.changed["reason"]
        save_plan_project(project=changed, by=planner, budgets=_budgets(years, addition.changed))
    walk(amendment, addition.history, members)


def _budgets(years: list[int], spec: dict) -> dict[int, Decimal | None]:
    return {
        year: None if amount is None else Decimal(amount)
        for year, amount in zip(years, spec["budgets"], strict=True)
    }
