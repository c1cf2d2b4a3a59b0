"""Draft the operational plan automatically (seed step 2): every budgeted project of the year
that is in the announced multi-year plan becomes an entry — classification, unit and location
from the plan project, budget from its budget items — and so does every accepted project of
another agency. Activity details come from the plan project's output (else from the names of
its budget items), as the ผด.02 prints them. The planner then fills in the months.

A refresh compares three values of each field the draft manages: what the entry holds now,
what the draft last wrote there (kept in `DraftMark.written`), and what the draft would write
now. A field the planner has not touched follows its source; a field the planner changed by
hand is kept while its source stays the same, and when the source changes too it is shown as
a conflict, kept unless the planner ticks it. An entry the planner made by hand for a
budgeted project is adopted, every difference shown as a conflict. Nothing is written before
the planner has seen the preview and confirmed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils.translation import gettext as _

from localplan.budget.models import (
    AgencyProjectStatus,
    BudgetDocument,
    BudgetDocumentKind,
    DraftMark,
)
from localplan.budget.queries import (
    agency_projects_of,
    announced_editions,
    items_by_source,
    operational_plan_of,
    working_edition,
)
from localplan.core.access import require_editable, require_plan_editor
from localplan.core.audit import acting_as, record_bulk
from localplan.core.codes import next_codes
from localplan.core.models import AuditAction, Membership, Village
from localplan.core.templatetags.thai import months_text
from localplan.core.thai_calendar import format_money
from localplan.devplan.models import PlanProject, ProjectKind
from localplan.opsplan.models import (
    BudgetSource,
    OperationalPlan,
    OpsEdition,
    OpsEntry,
    OpsEntryVillage,
)
from localplan.opsplan.services import (
    ENTRY_CODE_PREFIX,
    activity_details,
    create_operational_plan,
)

CREATE, UPDATE, CONFLICT, REMOVE, UNCHANGED = "create", "update", "conflict", "remove", "unchanged"
FK_FIELDS = ("plan_project", "agency", "strategy", "guideline", "work_plan", "unit")
OWN_FIELDS = ("plan_project", "name", "kind", "strategy", "guideline", "work_plan", "unit",
              "location", "villages", "budget", "budget_source", "details")  # fmt: skip
# Fields the draft came to manage later: an entry it wrote before, or one made by hand, keeps
# what the planner wrote there; only an empty one is filled, without asking.
FILLED_WHEN_EMPTY = {"details"}
AGENCY_FIELDS = ("agency", "name", "kind", "details", "budget", "budget_source", "location",
                 "months", "strategy", "guideline", "work_plan")  # fmt: skip
MISSING = object()


def field_label(name: str) -> str:
    if name == "villages":
        return str(_("หมู่บ้านที่ดำเนินการ"))
    return str(OpsEntry._meta.get_field(name).verbose_name)


@dataclass
class Desired:
    """An entry as the draft would write it: plain values (ids, text) and the rows behind them."""

    source_key: str
    values: dict
    objects: dict
    origin: str
    order: tuple

    @property
    def label(self) -> str:
        return self.values["name"]


@dataclass
class FieldChange:
    field: str
    label: str
    current: str
    proposed: str
    edited: bool  # the planner changed this field by hand: kept unless ticked

    @property
    def choice(self) -> str:
        return self.field


@dataclass
class EntryChange:
    source_key: str
    action: str
    label: str
    entry: OpsEntry | None = None
    desired: Desired | None = None
    changes: list[FieldChange] = field(default_factory=list)
    edited: bool = False  # for a removal: the planner changed the entry since the draft wrote it

    def choice(self, field_name: str = "") -> str:
        return f"{self.source_key}|{field_name}" if field_name else self.source_key


@dataclass
class Skipped:
    label: str
    reason: str


@dataclass
class DraftPreview:
    fiscal_year: int
    plan: OperationalPlan | None
    edition: OpsEdition | None
    entries: list[EntryChange] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def of(self, action: str) -> list[EntryChange]:
        return [change for change in self.entries if change.action == action]

    @property
    def changes_anything(self) -> bool:
        return any(change.action != UNCHANGED for change in self.entries)

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(self.of(name)) for name in (CREATE, UPDATE, CONFLICT, REMOVE, UNCHANGED)}


# ------------------------------------------------------------------------ what the draft wants


def _location(project: PlanProject) -> str:
    if project.location:
        return project.location
    numbers = sorted(village.number for village in project.villages.all())
    return ", ".join(f"หมู่ที่ {number}" for number in numbers)


def _project_order(project) -> tuple:
    guideline = project.guideline.number if project.guideline_id else 0
    number = getattr(project, "number", 0) or 0
    return (project.strategy.number, guideline, project.work_plan.order, number)


def desired_entries(organization, fiscal_year: int) -> tuple[list[Desired], list[Skipped]]:
    """What the draft of the year should hold, and the budget lines it cannot place."""
    editions = announced_editions(organization, fiscal_year)
    if not editions:
        raise ValidationError(
            _("ยังไม่มีแผนพัฒนาที่ประกาศใช้แล้วซึ่งครอบคลุมปีงบประมาณ %(year)s จึงร่างแผนการดำเนินงานไม่ได้")
            % {"year": fiscal_year},
            code="no_announced_plan",
        )
    lines = items_by_source(organization, fiscal_year)
    codes = {code for code, _source in lines}
    projects: dict[str, PlanProject] = {}
    found = (
        PlanProject.objects.filter(organization=organization, edition__in=editions, code__in=codes)
        .select_related("strategy", "guideline__strategy", "work_plan", "unit")
        .prefetch_related(Prefetch("villages", queryset=Village.objects.order_by("number")))
        .order_by("edition_id")
    )
    for project in found:
        projects.setdefault(project.code, project)
    wanted: list[Desired] = []
    skipped: list[Skipped] = []
    for (code, source), items in lines.items():
        names = ", ".join(f"{item['code']} {item['name']}" for item in items)
        project = projects.get(code)
        if project is None:
            skipped.append(
                Skipped(names, _("โครงการรหัส %(code)s ไม่อยู่ในแผนพัฒนาฉบับที่ประกาศใช้") % {"code": code})
            )
            continue
        amount = sum((item["amount"] for item in items), Decimal("0.00"))
        villages = [village.pk for village in project.villages.all()]
        objects = {
            "plan_project": project,
            "agency": None,
            "strategy": project.strategy,
            "guideline": project.guideline,
            "work_plan": project.work_plan,
            "unit": project.unit,
        }
        values = {
            "plan_project": project.pk,
            "name": project.name,
            "kind": project.kind,
            "strategy": project.strategy_id,
            "guideline": project.guideline_id,
            "work_plan": project.work_plan_id,
            "unit": project.unit_id,
            "location": _location(project),
            "villages": villages,
            "budget": f"{amount:.2f}",
            "budget_source": source,
            "details": activity_details(project) or "; ".join(item["name"] for item in items),
        }
        wanted.append(
            Desired(f"project:{code}:{source}", values, objects, names, _project_order(project))
        )
    accepted = agency_projects_of(organization, fiscal_year, AgencyProjectStatus.ACCEPTED)
    for agency_project in accepted:
        if not agency_project.strategy_id or not agency_project.work_plan_id:
            skipped.append(
                Skipped(
                    f"{agency_project.code} {agency_project.name}",
                    _("โครงการของหน่วยงานอื่นนี้ยังไม่ได้ระบุยุทธศาสตร์หรือแผนงาน"),
                )
            )
            continue
        values = {
            "agency": agency_project.agency_id,
            "name": agency_project.name,
            "kind": ProjectKind.DEVELOPMENT,
            "details": agency_project.details,
            "budget": f"{agency_project.budget:.2f}",
            "budget_source": agency_project.budget_source,
            "location": agency_project.location,
            "months": agency_project.months,
            "strategy": agency_project.strategy_id,
            "guideline": agency_project.guideline_id,
            "work_plan": agency_project.work_plan_id,
        }
        objects = {
            "plan_project": None,
            "agency": agency_project.agency,
            "strategy": agency_project.strategy,
            "guideline": agency_project.guideline,
            "work_plan": agency_project.work_plan,
            "unit": None,
        }
        order = (*_project_order(agency_project)[:3], 10**6)
        origin = f"{agency_project.code} {agency_project.agency}"
        wanted.append(Desired(f"agency:{agency_project.code}", values, objects, origin, order))
    wanted.sort(key=lambda desired: desired.order)
    return wanted, skipped


# ------------------------------------------------------------------------ what the entries hold


def _current(entry: OpsEntry) -> dict:
    values = {name: getattr(entry, f"{name}_id") for name in FK_FIELDS}
    values.update(
        name=entry.name,
        kind=entry.kind,
        details=entry.details,
        budget=f"{entry.budget:.2f}",
        budget_source=entry.budget_source,
        location=entry.location,
        months=entry.months,
        villages=sorted(village.pk for village in entry.villages.all()),
    )
    return values


class _Names:
    """Printed values for the preview, from the rows already loaded."""

    def __init__(self):
        self.rows: dict[tuple[str, int], str] = {}
        self.villages: dict[int, int] = {}

    def learn(self, objects: dict) -> None:
        for name, row in objects.items():
            if row is not None and (name, row.pk) not in self.rows:
                self.rows[(name, row.pk)] = str(row)

    def show(self, name: str, value) -> str:
        if value is None or value == "" or value == []:
            return "-"
        if name in FK_FIELDS:
            return self.rows.get((name, value), str(value))
        if name == "budget":
            return format_money(Decimal(value), dash_for_none=False)
        if name == "budget_source":
            return str(BudgetSource(value).label)
        if name == "kind":
            return str(ProjectKind(value).label)
        if name == "months":
            return months_text(value) or "-"
        if name == "villages":
            return ", ".join(
                _("หมู่ที่ %(number)s") % {"number": self.villages.get(pk, pk)} for pk in value
            )
        return str(value)


def _entries_of(edition: OpsEdition | None) -> list[OpsEntry]:
    if edition is None:
        return []
    return list(
        OpsEntry.objects.filter(organization=edition.organization, edition=edition)
        .select_related(
            "draft_mark",
            "plan_project",
            "agency",
            "strategy",
            "guideline__strategy",
            "work_plan",
            "unit",
        )
        .prefetch_related("villages")
    )


def preview_draft(*, organization, fiscal_year: int) -> DraftPreview:
    """What building or refreshing the draft would do; writes nothing."""
    plan = operational_plan_of(organization, fiscal_year)
    edition = working_edition(plan)
    if edition is not None:
        require_editable(edition)
    wanted, skipped = desired_entries(organization, fiscal_year)
    preview = DraftPreview(fiscal_year, plan, edition, skipped=skipped)
    names = _Names()
    names.villages = dict(
        Village.objects.filter(organization=organization).values_list("pk", "number")
    )
    entries = _entries_of(edition)
    marked: dict[str, OpsEntry] = {}
    unmarked_own: dict[tuple[str, str], OpsEntry] = {}
    unmarked_agency: dict[tuple[int, str], OpsEntry] = {}
    for entry in entries:
        names.learn({name: getattr(entry, name) for name in FK_FIELDS})
        mark = getattr(entry, "draft_mark", None)
        if mark is not None:
            marked[mark.source_key] = entry
        elif entry.plan_project_id:
            unmarked_own.setdefault((entry.plan_project.code, entry.budget_source), entry)
        elif entry.agency_id:
            unmarked_agency.setdefault((entry.agency_id, entry.name.strip()), entry)
    wanted_keys = set()
    for desired in wanted:
        wanted_keys.add(desired.source_key)
        names.learn(desired.objects)
        entry = marked.get(desired.source_key)
        if entry is None:
            if desired.values.get("plan_project"):
                code = desired.objects["plan_project"].code
                entry = unmarked_own.pop((code, desired.values["budget_source"]), None)
            else:
                entry = unmarked_agency.pop((desired.values["agency"], desired.label.strip()), None)
        if entry is None:
            preview.entries.append(
                EntryChange(desired.source_key, CREATE, desired.label, desired=desired)
            )
            continue
        written = entry.draft_mark.written if hasattr(entry, "draft_mark") else {}
        current = _current(entry)
        changes = []
        for name, proposed in desired.values.items():
            if current[name] == proposed:
                continue
            last = written.get(name, MISSING)
            if last is not MISSING and last == proposed and current[name] != last:
                continue  # the source did not change since the draft wrote it: the edit stands
            if last is MISSING and name in FILLED_WHEN_EMPTY:
                if current[name]:
                    continue
                edited = False
            else:
                edited = last is MISSING or current[name] != last
            changes.append(
                FieldChange(
                    name,
                    field_label(name),
                    names.show(name, current[name]),
                    names.show(name, proposed),
                    edited,
                )
            )
        if not changes:
            action = UNCHANGED
        elif any(change.edited for change in changes):
            action = CONFLICT
        else:
            action = UPDATE
        preview.entries.append(
            EntryChange(desired.source_key, action, desired.label, entry, desired, changes)
        )
    for key, entry in marked.items():
        if key in wanted_keys:
            continue
        current = _current(entry)
        written = entry.draft_mark.written
        edited = any(current.get(name) != value for name, value in written.items())
        preview.entries.append(EntryChange(key, REMOVE, entry.name, entry, edited=edited))
    return preview


# ------------------------------------------------------------------------ writing


def _assign(entry: OpsEntry, desired: Desired, fields) -> None:
    for name in fields:
        if name == "villages":
            continue
        if name in FK_FIELDS:
            setattr(entry, name, desired.objects[name])
        elif name == "budget":
            entry.budget = Decimal(desired.values["budget"])
        else:
            setattr(entry, name, desired.values[name])


def _clean(entry: OpsEntry) -> None:
    entry.full_clean(
        exclude=["organization", "edition", *FK_FIELDS, "villages"],
        validate_unique=False,
        validate_constraints=False,
    )


@transaction.atomic
def apply_draft(
    *,
    organization,
    fiscal_year: int,
    by: Membership,
    take: set[str] = frozenset(),
    remove: set[str] = frozenset(),
) -> DraftPreview:
    """Build or refresh the draft. `take` holds "source|field" of hand-edited fields the planner
    chose to overwrite; `remove` the sources whose entries the planner chose to delete. The
    preview is computed again here, so a change made meanwhile is never overwritten unseen."""
    require_plan_editor(by)
    with acting_as(by.user):
        preview = preview_draft(organization=organization, fiscal_year=fiscal_year)
        plan, edition = preview.plan, preview.edition
        if plan is None:
            annual = BudgetDocument.objects.filter(
                organization=organization, fiscal_year=fiscal_year, kind=BudgetDocumentKind.ANNUAL
            ).first()
            plan = create_operational_plan(
                organization=organization,
                fiscal_year=fiscal_year,
                budget_announced_on=annual.announced_on if annual else None,
            )
            edition = plan.editions.get()
            preview.plan, preview.edition = plan, edition
        require_editable(edition)
        _create(preview.of(CREATE), organization, edition)
        adopted = [c for c in preview.of(UNCHANGED) if not hasattr(c.entry, "draft_mark")]
        _update(preview.of(UPDATE) + preview.of(CONFLICT) + adopted, organization, edition, take)
        doomed = [change.entry.pk for change in preview.of(REMOVE) if change.source_key in remove]
        if doomed:
            OpsEntry.objects.filter(organization=organization, pk__in=doomed).delete()
    return preview


def _create(changes: list[EntryChange], organization, edition: OpsEdition) -> None:
    if not changes:
        return
    codes = next_codes(OpsEntry, organization, ENTRY_CODE_PREFIX, len(changes))
    highest = OpsEntry.objects.filter(edition=edition).aggregate(n=Max("number"))["n"] or 0
    entries = []
    for offset, (change, code) in enumerate(zip(changes, codes, strict=True), start=1):
        desired = change.desired
        entry = OpsEntry(
            organization=organization, edition=edition, code=code, number=highest + offset
        )
        _assign(entry, desired, desired.values)
        _clean(entry)
        entries.append(entry)
    OpsEntry.objects.bulk_create(entries, batch_size=500)
    OpsEntryVillage.objects.bulk_create(
        [
            OpsEntryVillage(organization=organization, opsentry=entry, village_id=village_id)
            for entry, change in zip(entries, changes, strict=True)
            for village_id in change.desired.values.get("villages", [])
        ],
        batch_size=1000,
    )
    DraftMark.objects.bulk_create(
        [
            DraftMark(
                organization=organization,
                edition=edition,
                entry=entry,
                source_key=change.source_key,
                written=change.desired.values,
            )
            for entry, change in zip(entries, changes, strict=True)
        ],
        batch_size=1000,
    )
    record_bulk(entries, AuditAction.CREATE)


def _update(changes: list[EntryChange], organization, edition: OpsEdition, take: set[str]) -> None:
    if not changes:
        return
    entries, marks_new, marks_changed, villages_moved = [], [], [], {}
    fields: set[str] = set()
    for change in changes:
        entry = change.entry
        chosen = [
            fc.field for fc in change.changes if not fc.edited or change.choice(fc.field) in take
        ]
        _assign(entry, change.desired, chosen)
        if "villages" in chosen:
            villages_moved[entry.pk] = change.desired.values["villages"]
        fields.update(name for name in chosen if name != "villages")
        if chosen:
            _clean(entry)
            entries.append(entry)
        mark = getattr(entry, "draft_mark", None)
        if mark is None:
            marks_new.append(
                DraftMark(
                    organization=organization,
                    edition=edition,
                    entry=entry,
                    source_key=change.source_key,
                    written=change.desired.values,
                )
            )
        else:
            mark.written = change.desired.values
            marks_changed.append(mark)
    if fields:
        OpsEntry.objects.bulk_update(entries, sorted(fields), batch_size=500)
        record_bulk(entries, AuditAction.UPDATE)
    if villages_moved:
        OpsEntryVillage.objects.filter(
            organization=organization, opsentry_id__in=villages_moved
        ).delete()
        OpsEntryVillage.objects.bulk_create(
            [
                OpsEntryVillage(
                    organization=organization, opsentry_id=entry_id, village_id=village_id
                )
                for entry_id, village_ids in villages_moved.items()
                for village_id in village_ids
            ]
        )
    # rewriting the marks is cheaper than bulk_update's CASE … WHEN over a JSON column
    DraftMark.objects.filter(pk__in=[mark.pk for mark in marks_changed]).delete()
    for mark in marks_changed:
        mark.pk = None
    DraftMark.objects.bulk_create(marks_new + marks_changed, batch_size=1000)
