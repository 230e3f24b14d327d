"""Labelled review items as a Rasa NLU training file (YAML, `version: "3.1"`).

The masked tokens become ordinary values (a first name from `data/nlu/names.yml`, a
made-up phone number, ...), so the examples read like the youth's own messages and the
model never learns the token itself. An entity is written in Rasa's `[text](entity)`
form around the first place its substring stands. Examples the project's data already
holds (compared without case and spacing) are left out, so `rasa data validate` finds no
example in two intents.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.review import masking
from bot.storage.models import ReviewItem

PLACEHOLDERS = {
    masking.PHONE: "06 12345678",
    masking.EMAIL: "naam@voorbeeld.nl",
    masking.POSTCODE: "1234 AB",
    masking.HOUSE_NUMBER: "12",
    masking.STREET: "Dorpsstraat",
}
EXAMPLE_NAMES = ("Riet", "Ahmed", "Sanne", "Kofi", "Yara", "Bram", "Fatma", "Milan")
_ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _norm(text: str) -> str:
    return " ".join(_ANNOTATION.sub(r"\1", text).lower().split())


def existing_examples(data_dir: Path) -> set[str]:
    """Every NLU example of the project's data, normalised."""
    found: set[str] = set()
    for path in sorted(Path(data_dir).rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            if "intent" not in block:
                continue
            for line in str(block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    found.add(_norm(line[2:]))
    return found


def example_text(item: ReviewItem) -> str:
    """The item's masked text with its entities annotated and the tokens filled in."""
    text = item.text
    for entity in item.label_entities or []:
        value = entity["value"]
        at = text.find(value)
        if at < 0 or "](" in value:
            continue
        text = f"{text[:at]}[{value}]({entity['entity']}){text[at + len(value):]}"
    name = EXAMPLE_NAMES[item.id % len(EXAMPLE_NAMES)]
    text = text.replace(masking.NAME, name)
    for token, value in PLACEHOLDERS.items():
        text = text.replace(token, value)
    return " ".join(text.split())


def to_yaml(items: list[ReviewItem], data_dir: Path | None = None) -> str:
    """The Rasa NLU YAML of the labelled items (intents in order, no duplicates)."""
    known = existing_examples(data_dir) if data_dir else set()
    by_intent: dict[str, list[str]] = {}
    seen: set[str] = set()
    for item in items:
        if not item.label_intent:
            continue
        example = example_text(item)
        key = _norm(example)
        if not key or key in known or key in seen:
            continue
        seen.add(key)
        by_intent.setdefault(item.label_intent, []).append(example)
    lines = [
        'version: "3.1"',
        "# Exported from the review queue (Leren) of JIM-kiezer: masked messages the bot did",
        "# not understand, labelled by a beheerder. Read them before adding to data/nlu.",
        "nlu:",
    ]
    for intent in sorted(by_intent):
        lines.append(f"  - intent: {intent}")
        lines.append("    examples: |")
        lines.extend(f"      - {example}" for example in by_intent[intent])
    if not by_intent:
        lines[-1] = "nlu: []"
    return "\n".join(lines) + "\n"
