import pytest
from django.core.cache import cache

from tests.portal.factories import announced_operational_plan, draft_amendment


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def announced(org):
    """The FY2552 operational plan of อบต.ผไทรินทร์, announced: four entries, two strategies."""
    return announced_operational_plan(org)


@pytest.fixture
def draft(announced):
    """A draft amendment of the same plan (and of its development plan) with a row that
    exists nowhere else."""
    return draft_amendment(announced)


@pytest.fixture
def dev_edition(announced):
    return announced.entries.get(code="E0001").plan_project.edition
