"""When an amendment of a multi-year plan comes into force, what points at its projects
follows them, by their stable code, to the new edition."""

from localplan.core.models import AmendmentKind, EditionState
from localplan.devplan.models import DevPlanEdition
from localplan.devplan.signals import edition_in_force
from tests.budget.factories import BudgetItemFactory
from tests.factories import (
    DevPlanEditionFactory,
    OpsEditionFactory,
    OpsEntryFactory,
    PlanProjectFactory,
)


def test_draft_entries_and_budget_items_move_to_the_edition_in_force(org):
    old = DevPlanEditionFactory(plan__organization=org)
    old_project = PlanProjectFactory(edition=old, code="P0007")
    draft = OpsEditionFactory(plan__organization=org, plan__fiscal_year=2553)
    drafted = OpsEntryFactory(edition=draft, plan_project=old_project)
    decided = OpsEntryFactory(
        edition=OpsEditionFactory(plan__organization=org, plan__fiscal_year=2552),
        plan_project=old_project,
    )
    item = BudgetItemFactory(
        document__organization=org, plan_project=old_project, plan_project_code="P0007"
    )
    decided.edition.state = EditionState.ANNOUNCED
    decided.edition.save()
    old.state = EditionState.SUPERSEDED
    old.save()
    new = DevPlanEditionFactory(
        plan=old.plan, kind=AmendmentKind.ADDITION, sequence=1, sequence_year=2552
    )
    new_project = PlanProjectFactory(edition=new, code="P0007", guideline=old_project.guideline)

    edition_in_force.send(sender=DevPlanEdition, edition=new, superseded=[old])

    drafted.refresh_from_db()
    decided.refresh_from_db()
    item.refresh_from_db()
    assert drafted.plan_project == new_project
    assert item.plan_project == new_project
    assert decided.plan_project == old_project  # the announced plan keeps what it decided on
