"""The demo's budget: consistent with its plans, importable from the template, and what the
automatic draft makes of it is exactly the demo's own operational plan."""

from collections import Counter
from decimal import Decimal

import pytest

from localplan.budget.checks import open_problems, run_checks
from localplan.budget.imports import importer_for
from localplan.budget.models import BudgetDocument, BudgetItem
from localplan.budget.services.draft import apply_draft, preview_draft
from localplan.core.models import Membership, Role
from localplan.opsplan.models import OperationalPlan, OpsEntry
from tests.budget.helpers import import_file, template_rows

demo = pytest.importorskip(
    "localplan.core.demo", reason="the demo loader is not on this branch yet"
)


@pytest.fixture
def phairin(db):
    from localplan.core.demo import phairin as data
    from localplan.core.demo.loader import load_organizations

    (loaded,) = load_organizations([data])
    loaded.data = data
    loaded.planner = Membership.objects.get(organization=loaded.organization, role=Role.PLANNER)
    return loaded


def test_the_demo_raises_no_problem_only_the_notices_its_data_documents(phairin):
    org, data = phairin.organization, phairin.data
    for plan in OperationalPlan.objects.filter(organization=org):
        report = run_checks(org, plan.fiscal_year)
        assert report.problems == [], [str(p) for p in report.problems]
        assert open_problems(plan.editions.get()) == []
    notices = run_checks(org, 2552).notices
    left_out = data.OPERATIONAL_PLANS[0]["left_out"]
    assert sorted(n.message.split("”")[0].lstrip("“") for n in notices) == sorted(left_out)
    assert not preview_draft(organization=org, fiscal_year=2553).changes_anything, (
        "the draft of 2553 agrees with the entries the demo made by hand"
    )


def test_the_2552_ordinance_imports_from_the_template_and_drafts_exactly_its_projects(phairin):
    org, planner = phairin.organization, phairin.planner
    annual = BudgetDocument.objects.get(organization=org, fiscal_year=2552, kind="annual")
    importer = importer_for("budget-items", org, annual.pk)
    typed = [
        {column.key: value for column, value in zip(importer.columns(), row, strict=True)}
        | {"code": ""}
        for row in importer.export_rows()
    ]  # what an officer types into the template: no codes of ours
    before = Counter((i.name, i.amount, i.plan_project_code) for i in annual.items.all())
    annual.delete()
    fresh = BudgetDocument.objects.create(organization=org, fiscal_year=2552, kind="annual")
    batch = import_file(
        "budget-items", fresh.pk, planner, template_rows("budget-items", org, fresh.pk, typed)
    )
    assert batch.preview["counts"]["create"] == len(typed)
    assert Counter((i.name, i.amount, i.plan_project_code) for i in fresh.items.all()) == before

    OperationalPlan.objects.filter(organization=org, fiscal_year=2552).delete()
    edition = apply_draft(organization=org, fiscal_year=2552, by=planner).edition
    budgeted = Counter()
    for item in BudgetItem.objects.filter(organization=org, document__fiscal_year=2552).exclude(
        plan_project_code=""
    ):
        budgeted[item.plan_project_code] += item.amount
    drafted = Counter()
    for entry in OpsEntry.objects.filter(edition=edition, agency__isnull=True).select_related(
        "plan_project"
    ):
        drafted[entry.plan_project.code] += entry.budget
    assert drafted == budgeted
    assert sum(budgeted.values(), Decimal(0)) > 0
    others = OpsEntry.objects.filter(edition=edition, agency__isnull=False).count()
    assert others == len(phairin.data.OPERATIONAL_PLANS[0]["other_agencies"])
