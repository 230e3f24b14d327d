"""One source for each thing (issue 21): the boundaries between the folders hold.

Production code never imports test support; the benches share test support through
`testkit/`, never by importing `tests/`; only `bot/rasa_client.py` builds Rasa's HTTP
addresses in the product.
"""

from __future__ import annotations

import re

import pytest

from bot.settings import PROJECT_DIR

PRODUCT = ("bot", "actions", "nlu_components", "rasa_addons")
IMPORT = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][\w.]*)", re.M)
RASA_PATHS = re.compile(r"/webhooks/rest/webhook|/conversations/\{|/model/parse")


def imports(folder: str) -> list[tuple[str, str]]:
    found = []
    for path in (PROJECT_DIR / folder).rglob("*.py"):
        for module in IMPORT.findall(path.read_text(encoding="utf-8")):
            found.append((str(path.relative_to(PROJECT_DIR)), module))
    assert found, f"the scan finds no imports in {folder}: it is broken"
    return found


@pytest.mark.parametrize("folder", PRODUCT)
def test_the_product_imports_no_test_support(folder):
    wrong = [(f, m) for f, m in imports(folder) if m.split(".")[0] in ("tests", "testkit")]
    assert not wrong


def test_the_benches_import_nothing_from_tests():
    wrong = [(f, m) for f, m in imports("bench") if m.split(".")[0] == "tests"]
    assert not wrong


def test_test_support_imports_nothing_from_tests():
    wrong = [(f, m) for f, m in imports("testkit") if m.split(".")[0] == "tests"]
    assert not wrong


def test_the_tests_kit_and_benches_speak_to_rasa_through_the_one_client():
    """testkit/ and bench/ (bench/load.py, compare.py and startup.py had clients of their
    own) name Rasa's HTTP paths only in prose, never in a request they build."""
    built = re.compile(r"[\"'}]" + RASA_PATHS.pattern.replace("|", r"|[\"'}]"))
    for folder in ("testkit", "bench"):
        for path in (PROJECT_DIR / folder).rglob("*.py"):
            assert not built.search(path.read_text(encoding="utf-8")), path


def test_only_the_rasa_client_speaks_rasas_http_api_in_the_product():
    for folder in PRODUCT:
        for path in (PROJECT_DIR / folder).rglob("*.py"):
            if path.name == "rasa_client.py":
                continue
            assert not RASA_PATHS.search(path.read_text(encoding="utf-8")), path
