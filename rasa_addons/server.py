"""`python -m rasa_addons.server run ...`: Rasa's own command line, with one repair.

Why: for every answer of the action server Rasa checks the answer against a fixed JSON
schema with `jsonschema.validate()`, and jsonschema 4.17 (what Rasa 3.6 installs) first
checks that fixed schema itself against the JSON Schema meta-schema, every single time
(python-jsonschema/jsonschema#853). Measured here (bench/load.py, py-spy): 17.7 ms per
action call, 13.7 ms of it on that repeated self-check; about half of the Rasa server's
CPU time at 20 conversations at once, since every form turn calls the action server twice.

The repair builds the validator once, for the same schema, and validates each answer with
it exactly as `jsonschema.validate()` does (the best matching error is raised). What Rasa
accepts and refuses stays the same; only the repeated self-check of a constant is gone.
Everything else is `rasa` itself: the arguments are passed on unchanged.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

import jsonschema
from rasa.core.actions.action import RemoteAction


@lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """The validator of Rasa's action-server answers, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result with the validator made once."""
    error = jsonschema.exceptions.best_match(action_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response "
        "from the Action endpoint is valid."
    )
    raise error


def install() -> None:
    """Put the repair in place (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result


def main() -> int:
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
