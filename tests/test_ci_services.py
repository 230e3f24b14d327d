"""In CI a missing service fails the run; on a developer's machine it is a skip.

Without this, a CI machine without PostgreSQL, Redis, nginx or Chromium would turn about
75 tests into skips and still report green.
"""

from __future__ import annotations

import pytest

from testkit.env import missing_service


@pytest.mark.parametrize("value", ["true", "1", "TRUE", "yes"])
def test_in_ci_a_missing_service_is_a_failure(monkeypatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL is not installed"):
        missing_service("PostgreSQL is not installed")


@pytest.mark.parametrize("value", [None, "", "false", "0"])
def test_outside_ci_a_missing_service_is_a_skip(monkeypatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL is not installed"):
        missing_service("PostgreSQL is not installed")
