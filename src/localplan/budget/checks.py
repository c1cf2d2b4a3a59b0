"""Consistency of the year's plan, budget and operational plan (domain.md §8, the seed's
benefit 2): named rules, each with a Thai message and links to the rows to fix, and the
ratios supervisors read.

`open_problems(edition)` is what the workflow asks before an operational plan goes to
review: the problems of that edition, empty when all is consistent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from localplan.budget.models import BUDGET_SOURCE_OF_KIND, BudgetItem
from localplan.budget.queries import announced_editions, operational_plan_of, working_edition
from localplan.core.thai_calendar import format_money, format_percent
from localplan.devplan.models import PlanProject, ProjectKind
from localplan.opsplan.models import OpsEdition, OpsEntry
from localplan.strategy.models import Strategy, WorkPlan

ZERO = Decimal("0.00")
BUDGETED_SOURCES = frozenset(BUDGET_SOURCE_OF_KIND.values())


PROBLEM, NOTICE = "problem", "notice"


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    why: str
    severity: str = PROBLEM  # a notice is shown, but is no reason to hold the plan back


RULES = [
    Rule(
        "budgeted_project_not_in_plan",
        _("ตั้งงบประมาณให้โครงการที่ไม่อยู่ในแผนพัฒนาที่ประกาศใช้"),
        _(
            "ระเบียบให้ตั้งงบประมาณได้เฉพาะโครงการที่อยู่ในแผนพัฒนา ให้เพิ่มโครงการในแผนพัฒนา (ฉบับเพิ่มเติม) หรือแก้รหัสโครงการของรายการ"
        ),
    ),
    Rule(
        "own_entry_without_plan_project",
        _("รายการขององค์กรที่ไม่ได้เชื่อมกับโครงการในแผนพัฒนา"),
        _("โครงการที่องค์กรดำเนินการเองต้องมาจากแผนพัฒนา"),
    ),
    Rule(
        "entry_budget_differs",
        _("งบประมาณในแผนการดำเนินงานไม่ตรงกับรายการในงบประมาณรายจ่าย"),
        _("งบประมาณของรายการต้องเท่ากับรายการในข้อบัญญัติ/เทศบัญญัติ งบเพิ่มเติม หรือเงินสะสมที่ตั้งไว้"),
    ),
    Rule(
        "budgeted_project_not_in_opsplan",
        _("โครงการที่ตั้งงบประมาณแล้วแต่ยังไม่อยู่ในแผนการดำเนินงาน"),
        _("ทุกโครงการที่ได้รับงบประมาณต้องอยู่ในแผนการดำเนินงาน ใช้ปุ่ม “ร่างจากงบประมาณ” เพื่อเพิ่ม"),
    ),
    Rule(
        "plan_project_not_budgeted",
        _("โครงการในแผนพัฒนาของปีนี้ที่ยังไม่ได้ตั้งงบประมาณ"),
        _(
            "โครงการที่แผนพัฒนากำหนดไว้สำหรับปีนี้ แต่ไม่มีรายการในงบประมาณรายจ่ายและไม่มีเงินอุดหนุนในแผนการดำเนินงาน "
            "(ไม่นับโครงการประสานหน่วยงานอื่น) เป็นข้อสังเกต ไม่ใช่ข้อผิดพลาด: โครงการที่วางแผนไว้อาจยังไม่ได้รับงบประมาณในปีนี้"
        ),
        NOTICE,
    ),
    Rule(
        "totals_differ",
        _("ยอดรวมตามยุทธศาสตร์/แผนงานไม่ตรงกันระหว่างงบประมาณกับแผนการดำเนินงาน"),
        _("ยอดรวมของโครงการที่ตั้งงบประมาณต้องเท่ากับยอดรวมในแผนการดำเนินงาน ทั้งรายยุทธศาสตร์และรายแผนงาน"),
    ),
    Rule(
        "entry_without_months",
        _("รายการที่ยังไม่ระบุเดือนที่ดำเนินการ"),
        _("ทุกรายการต้องระบุเดือนที่ดำเนินการอย่างน้อยหนึ่งเดือนในปีงบประมาณ (ต.ค.–ก.ย.)"),
    ),
    Rule(
        "entry_without_unit",
        _("รายการที่ยังไม่ระบุหน่วยงานรับผิดชอบหลัก"),
        _("รายการขององค์กรต้องมีหน่วยงานรับผิดชอบหลัก"),
    ),
]
RULE = {rule.code: rule for rule in RULES}


@dataclass
class Problem:
    rule: Rule
    message: str
    links: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.rule.title}: {self.message}"


@dataclass
class Ratio:
    label: str
    part: int
    whole: int

    @property
    def percent(self) -> str:
        return format_percent(self.part, self.whole)


@dataclass
class TotalRow:
    label: str
    plan: Decimal
    budget: Decimal
    opsplan: Decimal
    differs: bool


@dataclass
class CheckReport:
    """`problems` are to be fixed before the plan goes to review; `notices` are to be seen."""

    fiscal_year: int
    edition: OpsEdition | None
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    strategy_totals: list[TotalRow] = field(default_factory=list)
    work_plan_totals: list[TotalRow] = field(default_factory=list)
    has_announced_plan: bool = False

    def by_rule(self) -> list[tuple[Rule, list[Problem]]]:
        found = defaultdict(list)
        for problem in self.problems + self.notices:
            found[problem.rule.code].append(problem)
        return [(rule, found.get(rule.code, [])) for rule in RULES]

    def failed_rules(self) -> list[tuple[Rule, list[Problem]]]:
        """The rules with problems to fix: what the page shows first."""
        return [(r, found) for r, found in self.by_rule() if found and r.severity == PROBLEM]

    def noticed_rules(self) -> list[tuple[Rule, list[Problem]]]:
        """The rules with notices (to be seen, no reason to hold the plan back)."""
        return [(r, found) for r, found in self.by_rule() if found and r.severity == NOTICE]

    def passed_rules(self) -> list[Rule]:
        return [rule for rule, found in self.by_rule() if not found]

    def add(self, problem: Problem) -> None:
        (self.notices if problem.rule.severity == NOTICE else self.problems).append(problem)


class _Links:
    def __init__(self, organization, edition: OpsEdition | None):
        self.slug = organization.slug
        self.edition = edition

    def item(self, item: dict) -> tuple[str, str]:
        url = reverse("budget:item_edit", kwargs={"org": self.slug, "item_id": item["id"]})
        return (str(_("รายการ %(code)s")) % {"code": item["code"]}, url)

    def entry(self, entry: dict) -> tuple[str, str]:
        if self.edition is not None and self.edition.is_editable:
            url = reverse("opsplan:entry_edit", kwargs={"org": self.slug, "entry_id": entry["id"]})
        else:
            url = self.edition_url({"q": entry["name"]})
        return (str(_("รายการในแผนการดำเนินงาน")), url)

    def edition_url(self, query: dict | None = None) -> str:
        url = reverse("opsplan:edition", kwargs={"org": self.slug, "edition_id": self.edition.pk})
        return f"{url}?{urlencode(query)}" if query else url

    def project(self, project: dict) -> tuple[str, str]:
        url = reverse(
            "devplan:edition", kwargs={"org": self.slug, "edition_id": project["edition_id"]}
        )
        return (
            str(_("โครงการ %(code)s ในแผนพัฒนา")) % {"code": project["code"]},
            f"{url}?{urlencode({'q': project['code']})}",
        )

    def draft(self, fiscal_year: int) -> tuple[str, str]:
        url = reverse("budget:draft", kwargs={"org": self.slug, "fiscal_year": fiscal_year})
        return (str(_("ร่างจากงบประมาณ")), url)


def run_checks(organization, fiscal_year: int, edition: OpsEdition | None = None) -> CheckReport:
    """Every rule over the year's data, in a constant number of queries."""
    if edition is None:
        edition = working_edition(operational_plan_of(organization, fiscal_year))
    report = CheckReport(fiscal_year, edition)
    links = _Links(organization, edition)
    editions = announced_editions(organization, fiscal_year)
    report.has_announced_plan = bool(editions)
    projects = list(
        PlanProject.objects.filter(organization=organization, edition__in=editions)
        .annotate(year_budget=Sum("budgets__amount", filter=Q(budgets__fiscal_year=fiscal_year)))
        .values(
            "id", "code", "name", "kind", "strategy_id", "work_plan_id", "edition_id", "year_budget"
        )
        .order_by("strategy__number", "guideline__number", "number", "id")
    )
    project_of_code: dict[str, dict] = {}
    for project in projects:
        project_of_code.setdefault(project["code"], project)
    items = list(
        BudgetItem.objects.filter(organization=organization, document__fiscal_year=fiscal_year)
        .values(
            "id", "code", "name", "amount", "plan_project_code", "work_plan_id", "document__kind"
        )
        .order_by("document__kind", "document__sequence", "number", "id")
    )
    entries = []
    if edition is not None:
        entries = list(
            OpsEntry.objects.filter(organization=organization, edition=edition)
            .values(
                "id", "name", "budget", "budget_source", "plan_project_id", "plan_project__code",
                "agency_id", "unit_id", "months", "strategy_id", "work_plan_id",
            )
            .order_by("strategy__number", "number", "id")
        )  # fmt: skip
    problems = _Adder(report)

    # -- budget items of projects not in the announced plan
    linked = [item for item in items if item["plan_project_code"]]
    for item in linked:
        if item["plan_project_code"] not in project_of_code:
            problems.append(
                Problem(
                    RULE["budgeted_project_not_in_plan"],
                    _("รายการ “%(name)s” ตั้งงบประมาณ %(amount)s บาท ให้โครงการรหัส %(code)s ซึ่งไม่อยู่ในแผนพัฒนาฉบับที่ประกาศใช้ของปี %(year)s")
                    % {"name": item["name"], "amount": format_money(item["amount"]),
                       "code": item["plan_project_code"], "year": fiscal_year},
                    [links.item(item)],
                )
            )  # fmt: skip

    # -- entries
    item_total: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    items_of_code: dict[str, list[dict]] = defaultdict(list)
    for item in linked:
        source = BUDGET_SOURCE_OF_KIND[item["document__kind"]]
        item_total[(item["plan_project_code"], source)] += item["amount"]
        items_of_code[item["plan_project_code"]].append(item)
    entry_total: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    entries_of_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for entry in entries:
        own = entry["agency_id"] is None
        if own and entry["plan_project_id"] is None:
            problems.append(
                Problem(
                    RULE["own_entry_without_plan_project"],
                    _("“%(name)s” เป็นโครงการขององค์กรแต่ไม่ได้เลือกโครงการในแผนพัฒนา")
                    % {"name": entry["name"]},
                    [links.entry(entry)],
                )
            )
        if own and entry["unit_id"] is None:
            problems.append(
                Problem(
                    RULE["entry_without_unit"],
                    _("“%(name)s” ยังไม่ระบุหน่วยงานรับผิดชอบหลัก") % {"name": entry["name"]},
                    [links.entry(entry)],
                )
            )
        if not entry["months"]:
            problems.append(
                Problem(
                    RULE["entry_without_months"],
                    _("“%(name)s” ยังไม่ระบุเดือนที่ดำเนินการ") % {"name": entry["name"]},
                    [links.entry(entry)],
                )
            )
        if own and entry["plan_project_id"] and entry["budget_source"] in BUDGETED_SOURCES:
            key = (entry["plan_project__code"], entry["budget_source"])
            entry_total[key] += entry["budget"]
            entries_of_key[key].append(entry)
    for key, total in entry_total.items():
        budgeted = item_total.get(key, ZERO)
        if total != budgeted:
            code, _source = key
            entry_links = [links.entry(entry) for entry in entries_of_key[key]]
            item_links = [links.item(item) for item in items_of_code.get(code, [])]
            problems.append(
                Problem(
                    RULE["entry_budget_differs"],
                    _("“%(name)s” (โครงการ %(code)s) ในแผนการดำเนินงาน %(entry)s บาท แต่ในงบประมาณรายจ่าย %(budget)s บาท")
                    % {"name": entries_of_key[key][0]["name"], "code": code,
                       "entry": format_money(total, dash_for_none=False),
                       "budget": format_money(budgeted, dash_for_none=False)},
                    entry_links + item_links,
                )
            )  # fmt: skip

    # -- budgeted projects missing from the operational plan
    entry_codes = {entry["plan_project__code"] for entry in entries if entry["plan_project__code"]}
    missing = [
        code for code in items_of_code if code in project_of_code and code not in entry_codes
    ]
    if missing and edition is None:
        problems.append(
            Problem(
                RULE["budgeted_project_not_in_opsplan"],
                _(
                    "ยังไม่มีแผนการดำเนินงานของปี %(year)s โครงการที่ตั้งงบประมาณแล้ว %(count)s โครงการจึงยังไม่อยู่ในแผน"
                )
                % {"year": fiscal_year, "count": len(missing)},
                [links.draft(fiscal_year)],
            )
        )
    elif missing:
        for code in missing:
            project = project_of_code[code]
            amount = sum((item["amount"] for item in items_of_code[code]), ZERO)
            problems.append(
                Problem(
                    RULE["budgeted_project_not_in_opsplan"],
                    _("“%(name)s” (%(code)s) ได้รับงบประมาณ %(amount)s บาท แต่ไม่มีในแผนการดำเนินงาน")
                    % {"name": project["name"], "code": code, "amount": format_money(amount)},
                    [links.project(project), *[links.item(i) for i in items_of_code[code]], links.draft(fiscal_year)],
                )
            )  # fmt: skip

    # -- planned for the year but not budgeted (nor paid by a subsidy in the operational plan)
    subsidized = {
        entry["plan_project__code"]
        for entry in entries
        if entry["plan_project__code"] and entry["budget_source"] not in BUDGETED_SOURCES
    }
    year_projects = [
        p
        for p in project_of_code.values()
        if p["year_budget"] and p["kind"] != ProjectKind.COORDINATION
    ]
    for project in year_projects:
        if project["code"] not in items_of_code and project["code"] not in subsidized:
            problems.append(
                Problem(
                    RULE["plan_project_not_budgeted"],
                    _("“%(name)s” (%(code)s) แผนพัฒนากำหนดงบประมาณปี %(year)s ไว้ %(amount)s บาท แต่ไม่มีรายการในงบประมาณรายจ่าย")
                    % {"name": project["name"], "code": project["code"], "year": fiscal_year,
                       "amount": format_money(project["year_budget"])},
                    [links.project(project)],
                )
            )  # fmt: skip

    # -- totals per strategy and แผนงาน
    _totals(report, organization, year_projects, linked, project_of_code, entries, links)

    # -- ratios
    budgeted_codes = set(items_of_code)
    report.ratios = [
        Ratio(
            str(_("โครงการในแผนพัฒนาของปีนี้ที่ได้รับงบประมาณ")),
            sum(1 for p in year_projects if p["code"] in budgeted_codes),
            len(year_projects),
        ),
        Ratio(
            str(_("โครงการในแผนพัฒนาของปีนี้ที่อยู่ในแผนการดำเนินงาน")),
            sum(1 for p in year_projects if p["code"] in entry_codes),
            len(year_projects),
        ),
    ]
    return report


def _totals(report, organization, year_projects, linked, project_of_code, entries, links) -> None:
    strategies = {
        row["id"]: row
        for row in Strategy.objects.filter(organization=organization).values("id", "number", "name")
    }
    work_plans = {row["id"]: row for row in WorkPlan.objects.values("id", "name", "order")}
    plan_by = {"strategy": defaultdict(lambda: ZERO), "work_plan": defaultdict(lambda: ZERO)}
    budget_by = {"strategy": defaultdict(lambda: ZERO), "work_plan": defaultdict(lambda: ZERO)}
    ops_by = {"strategy": defaultdict(lambda: ZERO), "work_plan": defaultdict(lambda: ZERO)}
    for project in year_projects:
        plan_by["strategy"][project["strategy_id"]] += project["year_budget"]
        plan_by["work_plan"][project["work_plan_id"]] += project["year_budget"]
    for item in linked:
        project = project_of_code.get(item["plan_project_code"])
        if project is None:
            continue
        budget_by["strategy"][project["strategy_id"]] += item["amount"]
        budget_by["work_plan"][item["work_plan_id"]] += item["amount"]
    for entry in entries:
        if entry["agency_id"] is None and entry["budget_source"] in BUDGETED_SOURCES:
            ops_by["strategy"][entry["strategy_id"]] += entry["budget"]
            ops_by["work_plan"][entry["work_plan_id"]] += entry["budget"]
    compare = report.edition is not None
    for level, names, rows in (
        ("strategy", strategies, report.strategy_totals),
        ("work_plan", work_plans, report.work_plan_totals),
    ):
        keys = set(plan_by[level]) | set(budget_by[level]) | set(ops_by[level])
        number = "number" if level == "strategy" else "order"

        def order(key, names=names, number=number):
            return names.get(key, {}).get(number, 0)

        for key in sorted(keys, key=order):
            row = names.get(key, {})
            label = (
                f"{_('ยุทธศาสตร์ที่')} {row.get('number')} {row.get('name')}"
                if level == "strategy"
                else str(row.get("name", "-"))
            )
            budget, ops = budget_by[level][key], ops_by[level][key]
            differs = compare and budget != ops
            rows.append(TotalRow(label, plan_by[level][key], budget, ops, differs))
            if differs:
                query = {level: key}
                report.add(
                    Problem(
                        RULE["totals_differ"],
                        _("%(label)s: งบประมาณรายจ่าย %(budget)s บาท แผนการดำเนินงาน %(ops)s บาท")
                        % {"label": label, "budget": format_money(budget, dash_for_none=False),
                           "ops": format_money(ops, dash_for_none=False)},
                        [(label, links.edition_url(query))],
                    )
                )  # fmt: skip


class _Adder:
    """`problems.append(problem)` that files a notice under notices."""

    def __init__(self, report: CheckReport):
        self.report = report

    def append(self, problem: Problem) -> None:
        self.report.add(problem)


def open_problems(edition: OpsEdition) -> list[Problem]:
    """The consistency problems of an operational-plan edition: what the planner should see
    (and confirm) before the edition goes to review. Empty when everything agrees. Notices
    (planned projects without a budget this year) are not among them."""
    return run_checks(edition.organization, edition.plan.fiscal_year, edition=edition).problems
