import pytest
from django.conf import settings

from localplan.core.models import Role
from tests.factories import MembershipFactory, OrganizationFactory


def pytest_configure(config):
    # A real password hash costs about a second; tests make hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def org(db):
    return OrganizationFactory(name="ผไทรินทร์", slug="phairin")


@pytest.fixture
def other_org(db):
    return OrganizationFactory(name="หนองกี่", slug="nongki")


@pytest.fixture
def planner(org):
    return MembershipFactory(organization=org, role=Role.PLANNER)


@pytest.fixture
def member_client(client):
    """Log a client in as a member: member_client(membership) → client."""

    def login(membership):
        client.force_login(membership.user)
        return client

    return login


@pytest.fixture
def planner_client(member_client, planner):
    return member_client(planner)


@pytest.fixture(autouse=True)
def _reference_lists_after_flush(request):
    """Tests on a transactional database flush every table, the reference lists of the data
    migration too; put them back for the tests that need a real transaction."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        from localplan.strategy.reference_data import ensure_reference_lists

        ensure_reference_lists()
