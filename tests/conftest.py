import pytest
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils import translation

from localplan.core.models import Role
from tests.factories import MembershipFactory, OrganizationFactory


def pytest_configure(config):
    # A real password hash costs about a second; tests make hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Static files under their own names, found in the apps' folders: no collectstatic
    # before the tests (tests/core/test_static_files.py checks the production storage).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    post_migrate.connect(_reference_lists_after_flush, dispatch_uid="tests-reference-lists")


def _reference_lists_after_flush(sender, **kwargs):
    """A test on a transactional database (the browser tests) flushes every table when it
    ends, the reference lists of the data migration too. The flush then sends post_migrate:
    put the lists back, for whatever test comes next on the same worker."""
    if sender.label == "strategy":
        from localplan.strategy.reference_data import ensure_reference_lists

        ensure_reference_lists()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language (Thai). A request in English leaves English
    active in the thread (LocaleMiddleware activates it, nothing resets it), and a later test
    on the same worker would then record English labels in the audit log."""
    translation.deactivate()
    yield
    translation.deactivate()


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
