"""Editions brought to a state the way the app does it: through the workflow's services."""

from __future__ import annotations

import datetime
from decimal import Decimal

from localplan.core.models import EditionState, Role
from localplan.devplan.models import DevPlanEdition
from localplan.opsplan.models import BudgetSource
from localplan.workflow import services
from localplan.workflow.queries import chain_of, edition_history
from localplan.workflow.rules import Task, waiting_task
from tests.factories import (
    AgencyFactory,
    DevPlanEditionFactory,
    GuidelineFactory,
    OpsEditionFactory,
    OpsEntryFactory,
    PlanProjectFactory,
    UnitFactory,
    VillageFactory,
    work_plan,
)

DAY = datetime.date(2008, 12, 1)  # 1 ธันวาคม 2551
ANNOUNCEMENT = {
    "number": "45/2551",
    "announced_on": datetime.date(2008, 12, 25),
    "posting_starts_on": datetime.date(2008, 12, 26),
    "signer_name": "นายสมศักดิ์ ใจดี",
    "signer_title": "นายกองค์การบริหารส่วนตำบลผไทรินทร์",
}
RESOLUTION = {
    "meeting_number": "3/2551",
    "meeting_date": datetime.date(2008, 12, 10),
    "text": "ที่ประชุมพิจารณาแล้วมีมติเห็นชอบร่างแผนการดำเนินงาน",
}


def operational_plan_like_fy2552(org, entries: int = 8):
    """A draft FY2552 operational plan: own entries linked to plan projects of the
    2552–2554 plan under two strategies, and two entries of other agencies."""
    units = [UnitFactory(organization=org, name=name) for name in ("สำนักปลัด", "กองช่าง")]
    villages = [VillageFactory(organization=org, number=n) for n in (1, 2, 3)]
    dev_edition = DevPlanEditionFactory(plan__organization=org)
    guidelines = [GuidelineFactory(strategy__organization=org, organization=org) for _ in range(2)]
    edition = OpsEditionFactory(plan__organization=org, plan__fiscal_year=2552)
    edition.plan.budget_announced_on = datetime.date(2008, 11, 28)
    edition.plan.save()
    for index in range(entries - 2):
        guideline = guidelines[index % 2]
        project = PlanProjectFactory(
            edition=dev_edition, guideline=guideline, strategy=guideline.strategy
        )
        entry = OpsEntryFactory(
            edition=edition,
            plan_project=project,
            unit=units[index % 2],
            budget=Decimal("150000.00") + index * 1000,
            location=f"หมู่ที่ {index % 3 + 1}",
        )
        entry.villages.set([villages[index % 3]], through_defaults={"organization": org})
    for index in range(2):
        agency = AgencyFactory(organization=org)
        OpsEntryFactory(
            edition=edition,
            plan_project=None,
            agency=agency,
            unit=None,
            name=f"โครงการซ่อมสร้างถนนลาดยางของหน่วยงานอื่น {index}",
            budget_source=BudgetSource.OTHER_AGENCY,
            strategy=guidelines[0].strategy,
            guideline=guidelines[0],
            work_plan=work_plan(),
        )
    return edition


def dev_plan_edition(org, projects: int = 6):
    """The original edition of the plan 2552–2554 (the one the operational plan links to,
    if there is one already), with `projects` more projects."""
    edition = DevPlanEdition.objects.filter(plan__organization=org, kind="original").first()
    edition = edition or DevPlanEditionFactory(plan__organization=org)
    guideline = GuidelineFactory(strategy__organization=org, organization=org)
    for _ in range(projects):
        PlanProjectFactory(edition=edition, guideline=guideline, strategy=guideline.strategy)
    return edition


def take(edition, members: dict, task: Task, *, passed: bool = True):
    """Take one step as the member whose role the step names."""
    role = {
        Task.SUBMIT: Role.PLANNER,
        Task.COMMITTEE_REVIEW: Role.DEVELOPMENT_COMMITTEE,
        Task.COUNCIL_REVIEW: Role.COUNCIL_SECRETARY,
        Task.EXECUTIVE_DECISION: Role.EXECUTIVE,
        Task.ANNOUNCE: Role.EXECUTIVE,
    }[task]
    by = members[role]
    if task == Task.SUBMIT:
        return services.submit_edition(edition=edition, by=by, submitted_on=DAY)
    if task == Task.COMMITTEE_REVIEW:
        return services.record_committee_resolution(
            edition=edition, by=by, endorsed=passed, comments="" if passed else "แก้ไข", **RESOLUTION
        )
    if task == Task.COUNCIL_REVIEW:
        return services.record_council_resolution(
            edition=edition,
            by=by,
            approved=passed,
            comments="" if passed else "แก้ไข",
            meeting_number="2/2551",
            meeting_date=datetime.date(2008, 12, 15),
            text="สภามีมติเห็นชอบ",
        )
    if task == Task.EXECUTIVE_DECISION:
        if passed:
            return services.approve_edition(
                edition=edition, by=by, approved_on=datetime.date(2008, 12, 20)
            )
        return services.return_edition(
            edition=edition, by=by, returned_on=datetime.date(2008, 12, 20), comments="แก้ไข"
        )
    return services.announce_edition(edition=edition, by=by, **ANNOUNCEMENT)


def bring_to(edition, state: str, members: dict):
    """Take the steps of the edition's chain until it reaches `state`."""
    guard = 0
    while edition.state != state:
        edition.__dict__.pop("_workflow_history", None)
        task = waiting_task(edition.state, chain_of(edition_history(edition)))
        edition.__dict__.pop("_workflow_history", None)
        if state == EditionState.RETURNED and edition.state == EditionState.IN_REVIEW:
            take(edition, members, task, passed=False)
        else:
            take(edition, members, task)
        edition.refresh_from_db()
        guard += 1
        assert guard < 10, f"cannot reach {state} from {edition.state}"
    return edition
