from tests.factories import OpsEntryFactory


def test_an_entry_and_its_plan_project_belong_to_one_organization(db):
    entry = OpsEntryFactory()
    assert entry.plan_project.organization_id == entry.organization_id
    assert entry.plan_project.edition.organization_id == entry.organization_id
    assert entry.unit.organization_id == entry.organization_id
    assert entry.strategy.organization_id == entry.organization_id
    assert entry.plan_project.budgets.count() == 3
