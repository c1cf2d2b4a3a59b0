"""Build a demo organization from its data module, through the same services the pages use.

Every row is written inside `acting_as(<the demo planner>)`, so the audit log shows who made
it. One organization is one transaction: a failure leaves nothing of it behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from localplan.budget.demo import load_budget
from localplan.core.audit import acting_as
from localplan.core.geography import area_codes_for_names
from localplan.core.models import (
    Agency,
    Membership,
    Organization,
    Role,
    Unit,
    Village,
)
from localplan.core.thai_calendar import fiscal_months
from localplan.devplan.models import PlanProject, ProjectKind
from localplan.devplan.services import create_dev_plan, save_plan_project
from localplan.opsplan.models import BudgetSource, OpsEntry
from localplan.opsplan.services import create_operational_plan, save_entry
from localplan.strategy.models import (
    Goal,
    Guideline,
    Mission,
    NationalStrategy,
    ProvincialStrategy,
    Strategy,
    SustainableDevelopmentGoal,
    Vision,
    WorkPlan,
)
from localplan.strategy.reference_data import ensure_reference_lists
from localplan.workflow.demo import take_demo_plans_through_the_workflow

DEMO_PASSWORD = "demo1234"
ALL_VILLAGES = "all"


@dataclass
class Loaded:
    organization: Organization
    projects: int
    entries: dict[int, int]  # fiscal year -> number of entries


class DemoDataError(Exception):
    """The demo cannot be loaded as it stands (e.g. a demo username is already taken)."""


def demo_slugs(modules: list[ModuleType]) -> list[str]:
    return [module.ORGANIZATION["slug"] for module in modules]


def missing_organizations(modules: list[ModuleType]) -> list[ModuleType]:
    """The demo organizations not yet in the database (by slug)."""
    present = set(
        Organization.objects.filter(slug__in=demo_slugs(modules)).values_list("slug", flat=True)
    )
    return [module for module in modules if module.ORGANIZATION["slug"] not in present]


def load_organizations(modules: list[ModuleType], password: str = DEMO_PASSWORD) -> list[Loaded]:
    """Load each organization that is not there yet; one already there is left untouched."""
    missing = missing_organizations(modules)
    if not missing:
        return []
    refuse_taken_usernames(missing)
    ensure_reference_lists()  # gone if the database was flushed since it was migrated
    password_hash = make_password(password)  # one hash for all: it costs a second each
    # The demo is Thai data (locations name villages, the log names organizations) in any
    # page language.
    with translation.override("th"):
        return [load_organization(module, password_hash=password_hash) for module in missing]


def refuse_taken_usernames(modules: list[ModuleType]) -> None:
    usernames = [person["username"] for module in modules for person in module.PEOPLE]
    User = get_user_model()
    taken = User.objects.filter(username__in=usernames).values_list("username", flat=True)
    if taken:
        raise DemoDataError(
            _("ชื่อผู้ใช้ของข้อมูลตัวอย่างถูกใช้แล้ว: %(names)s") % {"names": ", ".join(sorted(taken))}
        )


@transaction.atomic
def load_organization(data: ModuleType, *, password_hash: str) -> Loaded:
    organization = _create_organization(data)
    units = {
        name: _saved(Unit(organization=organization, name=name, order=order))
        for order, name in enumerate(data.UNITS, start=1)
    }
    villages = {
        number: _saved(Village(organization=organization, number=number, name=name))
        for number, name in data.VILLAGES
    }
    agencies = {
        name: _saved(Agency(organization=organization, name=name)) for name in data.AGENCIES
    }
    members = _create_people(organization, data.PEOPLE, units, password_hash)
    planner = members[Role.PLANNER]
    with acting_as(planner.user):
        guidelines = _create_strategy(organization, data)
        builder = _PlanBuilder(organization, planner, units, villages, agencies, guidelines, data)
        projects = builder.create_plan(data.PLAN)
        entries = {}
        ops_editions = {}
        for spec in data.OPERATIONAL_PLANS:
            edition, count = builder.create_operational_plan(spec, projects)
            entries[spec["fiscal_year"]] = count
            ops_editions[spec["fiscal_year"]] = edition
        load_budget(organization, by=planner)  # the budget acts behind the operational plans
    # The workflow's step: review, resolutions, approval and announcement (with the stored
    # PDF), an amendment, a returned draft — each by the member whose role names it.
    try:
        take_demo_plans_through_the_workflow(
            organization, data, members, builder.plan_edition, ops_editions
        )
    except (ValueError, ValidationError) as error:
        raise DemoDataError(f"{organization.slug}: {error}") from error
    return Loaded(organization, len(projects), entries)


# ------------------------------------------------------------------ organization and people


def _saved(row):
    row.full_clean()
    row.save()
    return row


def _create_organization(data: ModuleType) -> Organization:
    """The organization, linked to its real province, district (and subdistrict, where the
    demo's name is a real one) in the list of Thailand's areas."""
    organization = Organization(**data.ORGANIZATION)
    codes = area_codes_for_names(
        organization.province, organization.district, organization.subdistrict
    )
    organization.province_area_id, organization.district_area_id = codes[:2]
    organization.subdistrict_area_id = codes[2]
    return _saved(organization)


def _create_people(organization, people, units, password_hash) -> dict[str, Membership]:
    User = get_user_model()
    members = {}
    for person in people:
        user = User.objects.create(
            username=person["username"],
            first_name=person["first_name"],
            last_name=person["last_name"],
            password=password_hash,
        )
        unit = units[person["unit"]] if person.get("unit") else None
        membership = Membership(
            organization=organization,
            user=user,
            role=person["role"],
            unit=unit,
            position=person.get("position", ""),
        )
        members[person["role"]] = _saved(membership)
    return members


# ------------------------------------------------------------------ strategy


def _create_strategy(organization, data) -> dict[str, Guideline]:
    """Vision, missions, provincial strategies, strategies with goals and guidelines;
    returns the guidelines by printed number ("1.2")."""
    own = {"organization": organization}
    _saved(Vision(**own, **data.VISION))
    for number, text in enumerate(data.MISSIONS, start=1):
        _saved(Mission(**own, number=number, text=text))
    provincial = {}
    for kind, items in data.PROVINCIAL_STRATEGIES.items():
        for number, name in enumerate(items, start=1):
            row = _saved(ProvincialStrategy(**own, kind=kind, number=number, name=name))
            provincial[(kind, number)] = row
    national = {row.number: row for row in NationalStrategy.objects.all()}
    sdgs = {row.number: row for row in SustainableDevelopmentGoal.objects.all()}
    guidelines = {}
    goal_number = 0
    for number, spec in enumerate(data.STRATEGIES, start=1):
        strategy = _saved(Strategy(**own, number=number, name=spec["name"]))
        links = {"through_defaults": {"organization": organization}}
        strategy.provincial_strategies.set(
            [provincial[key] for key in spec.get("provincial", [])], **links
        )
        strategy.national_strategies.set([national[n] for n in spec.get("national", [])], **links)
        strategy.sdgs.set([sdgs[n] for n in spec.get("sdgs", [])], **links)
        for goal in spec.get("goals", []):
            goal_number += 1
            _saved(Goal(**own, strategy=strategy, number=goal_number, **goal))
        for guideline_number, name in enumerate(spec["guidelines"], start=1):
            guideline = _saved(
                Guideline(**own, strategy=strategy, number=guideline_number, name=name)
            )
            guidelines[guideline.printed_number] = guideline
    return guidelines


# ------------------------------------------------------------------ plans


class _PlanBuilder:
    def __init__(self, organization, planner, units, villages, agencies, guidelines, data):
        self.organization = organization
        self.planner = planner
        self.units = units
        self.villages = villages
        self.agencies = agencies
        self.guidelines = guidelines
        self.all_villages_location = data.ALL_VILLAGES_LOCATION
        self.work_plans = {row.name: row for row in WorkPlan.objects.all()}
        self.plan_edition = None
        # what each project was made from: its data, budgets by year and villages
        self.made: dict[int, tuple[dict, dict[int, Decimal | None], list[Village]]] = {}

    def create_plan(self, spec: dict) -> list[PlanProject]:
        plan = create_dev_plan(
            organization=self.organization,
            regime=spec["regime"],
            first_fiscal_year=spec["first_fiscal_year"],
            last_fiscal_year=spec["last_fiscal_year"],
        )
        self.plan_edition = plan.editions.get()
        years = plan.fiscal_years
        projects = []
        for group in spec["projects"]:
            defaults = {key: value for key, value in group.items() if key != "projects"}
            for item in group["projects"]:
                project_spec = {**defaults, **item}
                projects.append(self._create_project(project_spec, years))
        return projects

    def _create_project(self, spec: dict, years: list[int]) -> PlanProject:
        if len(spec["budgets"]) != len(years):
            raise DemoDataError(f"{spec['name']}: budgets for {len(years)} years expected")
        guideline = self._guideline(spec)
        villages = self._villages(spec)
        kind = spec.get("kind", ProjectKind.DEVELOPMENT)
        project = PlanProject(
            organization=self.organization,
            edition=self.plan_edition,
            kind=kind,
            name=spec["name"],
            objective=spec["objective"],
            target=spec["target"],
            kpi=spec["kpi"],
            expected_result=spec["expected_result"],
            unit=self.units[spec["unit"]],
            strategy=guideline.strategy,
            guideline=guideline,
            work_plan=self._work_plan(spec),
            location=spec.get("location") or self._location(spec, villages),
            equipment_category="ค่าครุภัณฑ์" if kind == ProjectKind.EQUIPMENT else "",
            equipment_type=spec.get("equipment_type", ""),
            agency=self.agencies[spec["agency"]] if spec.get("agency") else None,
        )
        budgets = {
            year: None if amount is None else Decimal(amount)
            for year, amount in zip(years, spec["budgets"], strict=True)
        }
        try:
            save_plan_project(project=project, by=self.planner, budgets=budgets, villages=villages)
        except ValidationError as error:
            raise DemoDataError(f"{spec['name']}: {error}") from error
        self.made[project.pk] = (spec, budgets, villages)
        return project

    def create_operational_plan(self, spec: dict, projects: list[PlanProject]):
        fiscal_year = spec["fiscal_year"]
        plan = create_operational_plan(
            organization=self.organization,
            fiscal_year=fiscal_year,
            budget_announced_on=spec.get("budget_announced_on"),
        )
        edition = plan.editions.get()
        count = 0
        for project, amount in self._projects_carried_out(spec, projects):
            project_spec, _budgets, villages = self.made[project.pk]
            entry = OpsEntry(
                organization=self.organization,
                edition=edition,
                plan_project=project,
                name=project.name,
                details=project_spec.get("details") or project.target,
                budget=amount,
                budget_source=project_spec.get("source", BudgetSource.ORDINANCE),
                location=project.location,
                unit=project.unit,
                months=months_mask(project_spec["months"], fiscal_year),
            )
            save_entry(entry=entry, by=self.planner, villages=villages)
            count += 1
        for item in spec.get("other_agencies", []):
            guideline = self._guideline(item)
            villages = self._villages(item)
            entry = OpsEntry(
                organization=self.organization,
                edition=edition,
                agency=self.agencies[item["agency"]],
                kind=item.get("kind", ProjectKind.DEVELOPMENT),
                name=item["name"],
                details=item["details"],
                budget=Decimal(item["budget"]),
                budget_source=item["source"],
                location=item.get("location") or self._location(item, villages),
                strategy=guideline.strategy,
                guideline=guideline,
                work_plan=self._work_plan(item),
                months=months_mask(item["months"], fiscal_year),
            )
            save_entry(entry=entry, by=self.planner, villages=villages)
            count += 1
        return edition, count

    def _projects_carried_out(self, spec: dict, projects: list[PlanProject]):
        """The plan projects of the year that reached the budget: every project with a
        budget that year, except coordination projects (another agency carries them out),
        those the data leaves out, and, for a plan still being drafted, those of units that
        have not sent theirs in yet."""
        fiscal_year = spec["fiscal_year"]
        left_out = set(spec.get("left_out", []))
        unknown = left_out - {project.name for project in projects}
        if unknown:
            raise DemoDataError(f"left_out names no project: {sorted(unknown)}")
        units = spec.get("units")
        for project in projects:
            amount = self.made[project.pk][1].get(fiscal_year)
            if amount is None or project.kind == ProjectKind.COORDINATION:
                continue
            if project.name in left_out:
                continue
            if units is not None and project.unit.name not in units:
                continue
            yield project, amount

    # -------------------------------------------------------------- lookups with clear errors

    def _guideline(self, spec: dict) -> Guideline:
        try:
            return self.guidelines[spec["guideline"]]
        except KeyError:
            raise DemoDataError(f"{spec['name']}: no guideline {spec['guideline']}") from None

    def _work_plan(self, spec: dict) -> WorkPlan:
        try:
            return self.work_plans[spec["work_plan"]]
        except KeyError:
            raise DemoDataError(f"{spec['name']}: no แผนงาน {spec['work_plan']}") from None

    def _villages(self, spec: dict) -> list[Village]:
        numbers = spec.get("villages", [])
        if numbers == ALL_VILLAGES:
            return list(self.villages.values())
        return [self.villages[number] for number in numbers]

    def _location(self, spec: dict, villages: list[Village]) -> str:
        if spec.get("villages") == ALL_VILLAGES:
            return self.all_villages_location
        return ", ".join(str(village) for village in villages)


def months_mask(span: str, fiscal_year: int) -> int:
    """ "ม.ค.–เม.ย." or "ต.ค.–ก.ย." (a run, in fiscal order) or "พ.ย., เม.ย." (a list) → mask."""
    bits = {month.abbreviation: month for month in fiscal_months(fiscal_year)}
    mask = 0
    for part in span.split(","):
        first, _dash, last = part.strip().partition("–")
        start = bits[first.strip()].index
        end = bits[(last or first).strip()].index
        if end < start:
            raise DemoDataError(f"months run backwards: {span}")
        for index in range(start, end + 1):
            mask |= 1 << (index - 1)
    return mask
