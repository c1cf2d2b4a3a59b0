"""The operational-plan page costs the same few queries whatever the number of entries."""

import pytest
from django.urls import reverse

from localplan.core.models import Role
from tests.factories import (
    AgencyFactory,
    MembershipFactory,
    OpsEditionFactory,
    OpsEntryFactory,
    PlanProjectFactory,
    UnitFactory,
    VillageFactory,
)

QUERY_BUDGET = 10


def fill(edition, count):
    unit = UnitFactory(organization=edition.organization)
    project = PlanProjectFactory(edition__plan__organization=edition.organization)
    VillageFactory(organization=edition.organization)
    for index in range(count):
        if index % 10 == 9:
            agency = AgencyFactory(organization=edition.organization)
            OpsEntryFactory(
                edition=edition,
                plan_project=None,
                agency=agency,
                name=f"โครงการของหน่วยงานอื่น {index}",
                strategy=project.strategy,
                guideline=None,
                work_plan=project.work_plan,
                unit=None,
            )
        else:
            OpsEntryFactory(edition=edition, plan_project=project, unit=unit)


@pytest.mark.parametrize("count", [10, 300])
def test_the_page_makes_at_most_ten_queries(
    count, db, member_client, django_assert_max_num_queries
):
    edition = OpsEditionFactory()
    fill(edition, count)
    client = member_client(MembershipFactory(organization=edition.organization, role=Role.PLANNER))
    url = reverse(
        "opsplan:edition", kwargs={"org": edition.organization.slug, "edition_id": edition.pk}
    )
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["tree"].count == count
