"""Every bot text follows ../shared/LANGUAGE.md, measured (tools/language_check.py).

The checker needs wordfreq, which needs a newer `regex` than Rasa allows, so it runs in its
own venv (scripts/lang-venv) as a subprocess.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
LANG_PY = ROOT / ".venv-lang" / "bin" / "python"


@pytest.fixture(scope="module")
def checker():
    subprocess.run([str(ROOT / "scripts" / "lang-venv")], check=True, timeout=600)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(LANG_PY), str(ROOT / "tools" / "language_check.py"), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def test_every_response_button_and_action_text_follows_the_rules(checker):
    result = checker()
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(checker("--json").stdout)
    assert figures["max_words_per_sentence"] <= 10
    assert figures["common_word_share"] >= 0.97
    assert figures["messages"] > 50, "the domain and bot/dialogue/texts.py were both read"


def one_response(tmp_path: Path, text: str, buttons: list[str] | None = None) -> list[str]:
    domain = {"responses": {"utter_x": [{"text": text}]}}
    if buttons is not None:
        domain["responses"]["utter_x"][0]["buttons"] = [
            {"title": b, "payload": "/affirm"} for b in buttons
        ]
    path = tmp_path / "domain.yml"
    path.write_text(yaml.safe_dump(domain, allow_unicode=True), encoding="utf-8")
    return ["--domain", str(path), "--texts", str(tmp_path / "none.py")]


@pytest.mark.parametrize(
    "text, buttons, problem",
    [
        ("Dit is een zin met echt veel te veel woorden erin hoor.", None, "words"),
        ("Een. Twee. Drie. Vier.", None, "sentences"),
        ("Wie is het? Wat doet die?", None, "question"),
        ("Mag ik je persoonsgegevens delen?", None, "jargon"),
        ("Kies je oma/opa?", None, "read aloud"),
        ("Kies nu.", ["Ja", "Nee", "A", "B", "C", "D", "E", "F", "G"], "buttons"),
        ("Kies nu.", ["Ja dat is echt goed"], "button"),
        ("Je kiest een 😀 oma.", None, "emoji"),
        ("Heb je een epistemologische kwestie?", None, "under"),
    ],
)
def test_a_broken_rule_fails_the_check(checker, tmp_path, text, buttons, problem):
    result = checker(*one_response(tmp_path, text, buttons))
    assert result.returncode == 1, result.stdout
    assert problem in result.stdout


def test_a_plain_message_passes(checker, tmp_path):
    args = one_response(
        tmp_path, "Wie vind jij fijn om mee te praten?", ["👵 Oma of opa", "🤷 Ik weet het niet"]
    )
    result = checker(*args)
    assert result.returncode == 0, result.stdout


def test_the_action_texts_and_the_jim_page_are_measured_by_default(checker, tmp_path):
    """issue 18: the default once pointed at bot/texts.py, gone since issue 21, so the texts
    of the actions were not measured; now they are, and the /jim page's text too."""
    domain_only = json.loads(checker("--json", "--texts", str(tmp_path / "none.py")).stdout)
    default = json.loads(checker("--json").stdout)
    texts_only = json.loads(
        checker("--json", "--texts", str(ROOT / "bot" / "dialogue" / "texts.py")).stdout
    )
    assert texts_only["messages"] > domain_only["messages"]
    assert default["messages"] > texts_only["messages"], "bot/coach/jim_text.py is measured"
