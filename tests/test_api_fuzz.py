"""Schema-driven fuzzing of the coach API: schemathesis reads /openapi.json and sends
generated requests, valid ones and broken ones, to every operation.

In-process (ASGI) against create_app() on a real, migrated SQLite database that holds a
team with a nomination, once with a valid coach token, once without a token and once with
a wrong one. Whatever comes in: never a 500, and every answer (status code, content type,
headers, body) is one the OpenAPI description promises. Bounded: a few examples per
operation and mode, no shrinking, so the whole file runs in well under a minute.
"""

from __future__ import annotations

import dataclasses

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from bot.web.app import create_app
from tests.coach_helpers import make_coach, make_nomination

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 25
# Without a coach nothing is ever 2xx. A PATCH body that is not JSON is refused (400)
# before the token is looked at: that tells nothing about the team.
REFUSED = {400, 401, 404, 405, 422}


@pytest.fixture
def coach(engine) -> tuple[dict[str, str], str]:
    """(headers with a valid token, id of a nomination of that coach's team)."""
    _, token, _ = make_coach(engine, "team-fuzz", "Fuzz")
    nomination_id = make_nomination(engine, "team-fuzz")
    return {"Authorization": f"Bearer {token}"}, nomination_id


@pytest.fixture
def api_schema(settings, engine):
    # A high failure limit: hundreds of wrong tokens in a row are the point here. The 429
    # itself is tested in tests/test_security.py.
    app = create_app(
        dataclasses.replace(settings, rate_api_failures=100_000, rate_api_failures_per_ip=100_000)
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    schema.config.generation.update(
        modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
        max_examples=EXAMPLES,
        no_shrink=True,
        deterministic=True,
        database="none",
    )
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@BOUNDED
def test_with_a_coach_token_every_answer_is_as_the_schema_says(case, coach):
    headers, nomination_id = coach
    case.call_and_validate(headers=headers, checks=CHECKS)
    if case.path_parameters and "nomination_id" in case.path_parameters:
        # A generated id is never one of the team's: send it once more for a real one, so
        # the 200 and 409 answers (PATCH with generated bodies) are fuzzed too.
        case.path_parameters["nomination_id"] = nomination_id
        case.call_and_validate(headers=headers, checks=CHECKS)


@schema.parametrize()
@BOUNDED
def test_without_a_token_nothing_is_given_away(case):
    response = case.call_and_validate(checks=CHECKS)
    assert response.status_code in REFUSED


@schema.parametrize()
@BOUNDED
def test_with_a_wrong_token_nothing_is_given_away(case, coach):
    response = case.call_and_validate(
        headers={"Authorization": "Bearer not-a-real-token"}, checks=CHECKS
    )
    assert response.status_code in REFUSED


@pytest.fixture
def integration(engine) -> tuple[dict[str, str], str, str]:
    """(headers with a team integration token, a nomination of its team, one of another)."""
    from sqlalchemy.orm import Session

    from bot.accounts import tokens
    from bot.storage import repo

    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, "team-koppeling")
        _, token = tokens.create(session, team.id, "fuzz", None)
    return (
        {"Authorization": f"Bearer {token}"},
        make_nomination(engine, "team-koppeling"),
        make_nomination(engine, "team-ander"),
    )


@schema.parametrize()
@BOUNDED
def test_with_an_integration_token_answers_match_the_schema_and_stay_in_the_team(case, integration):
    """Issue 17: a team's integration token gets the same API, and never another team."""
    headers, own, foreign = integration
    case.call_and_validate(headers=headers, checks=CHECKS)
    if case.path_parameters and "nomination_id" in case.path_parameters:
        case.path_parameters["nomination_id"] = own
        case.call_and_validate(headers=headers, checks=CHECKS)
        case.path_parameters["nomination_id"] = foreign
        assert case.call_and_validate(headers=headers, checks=CHECKS).status_code in REFUSED
