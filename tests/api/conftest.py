# The public test data of the portal: the API answers the same editions.
from tests.portal.conftest import announced, dev_edition, draft, empty_cache  # noqa: F401
