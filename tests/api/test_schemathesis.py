"""Schemathesis against /api/openapi.json: generated valid and invalid requests to every
operation never get a 500, and every answer matches the documented status, content type
and schema. The same run against a live server (e.g. the demo data):

    .venv/bin/schemathesis run http://127.0.0.1:8000/api/openapi.json --checks all
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from localplan.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def data(announced, draft):
    """The test data, and the database connection kept open across calls into the WSGI
    application, as Django's own test client does (else PostgreSQL loses the test's
    transaction when a request finishes)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield announced
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.django_db
def test_the_api_keeps_its_documented_promises(case, data):
    # The WSGI transport reads bodies as sent; an HTTP client would undo the gzip.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
