"""The OpenAPI schema against the API itself (schemathesis): for generated requests to every
operation, no server error and every response as the schema describes it.

Bounded to a few examples per operation so that it stays within `make test`'s budget;
the checks are those the API promises (a rejected value is a 400 by design, so the checks
that expect any schema-valid value to be accepted are not run).
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# Generating the schema reads no database, so it is loaded once, at collection.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
# Generated examples only: the coverage phase's hundreds of boundary cases per operation
# would take minutes; a bad value is rejected by the filters' own tests (test_endpoints.py).
schema.config.phases.update(phases=["examples", "fuzzing"])


@pytest.fixture
def in_process(settings):
    """Requests through the WSGI app in the test's own transaction, as Django's test client
    does: the app must not close the connection at the end of each request; and no rate limit."""
    settings.API_RATE = "100000/minute"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("in_process")
@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_answers_as_the_schema_says(case):
    case.call_and_validate(checks=CHECKS)
