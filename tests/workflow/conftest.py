import pytest

from localplan.core.models import Role
from tests.factories import MembershipFactory
from tests.workflow.factories import dev_plan_edition, operational_plan_like_fy2552


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Eight members per test: hash their passwords quickly (PBKDF2 takes a second each)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def members(org):
    """One member of the organization per role: members[Role.EXECUTIVE] …"""
    return {role: MembershipFactory(organization=org, role=role) for role in Role}


@pytest.fixture
def as_role(client, members):
    """as_role(Role.EXECUTIVE) → the test client signed in as that member."""

    def sign_in(role):
        client.force_login(members[role].user)
        return client

    return sign_in


@pytest.fixture
def ops_edition(org):
    return operational_plan_like_fy2552(org)


@pytest.fixture
def dev_edition(org):
    return dev_plan_edition(org)
