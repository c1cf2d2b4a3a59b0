"""Schemathesis against /api/openapi.json: generated valid and invalid requests to every
operation never get a 500, and every answer matches the documented status, content type
and schema. The same run against a live server (e.g. the demo data):

    .venv/bin/schemathesis run http://127.0.0.1:8000/api/openapi.json --checks all
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from localplan.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def data(announced, draft):
    return announced


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.django_db
def test_the_api_keeps_its_documented_promises(case, data):
    case.call_and_validate()
