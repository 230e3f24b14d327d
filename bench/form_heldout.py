"""Intent, relation and name accuracy on form answers written apart from the data (a benchmark).

    .venv/bin/python bench/form_heldout.py [--model models/jim-....tar.gz] [--show]

Why: the form's answers are where a youth types in their own words: typos in who they
mean ("buuvrouw", "trainr"), people the buttons do not name ("een meneer bij de
moskee"), names with words around them ("bas van groep 8"). `bench/form_heldout.yml`
holds 394 such answers, each with the question it answers, written by someone who read
only DESIGN.md and LANGUAGE.md. Some of them also occur in data/nlu (they were written
apart, the words are common); those are left out here, after normalising case, accents,
spaces and punctuation, so that the figures are about messages the model never saw.

Each answer is parsed as the product parses it: with the form's question in the message's
metadata (the Rasa server puts it there, `rasa_addons/server.py`; `bot/nlu/at_the_question.py`
reads it). `--without-question` parses each answer alone, as before 2026-12-06: the same
model both ways shows what the question alone changes.

Figures, each over the messages that carry it:
- intent: the pipeline's intent is the expected one;
- intent at the question: the same, except at the two name questions, where the form
  stores the name whatever the intent (the slot mappings read the text): a first name
  alone ("sem") is right there when the form stores that name, although the NLU cannot
  know whether it is the youth's own name or the chosen person's; and at the reason
  question, whose slot keeps the text of any answer that is not "no answer" (the
  domain's from_text mapping), and a reason in own words read as out of scope;
- relation: the `relation` entity is the expected canonical value of DESIGN.md (with the
  fuzzy step of the pipeline, if the model has it); for `anders` with a description, the
  description must be kept (`relation_text`);
- name: what the form would store as the name at that question (the name entity of the
  question's kind, else the whole text, as the domain's slot mappings do), tidied by the
  form's own `bot.vocabulary` code, equals the expected name (case aside). At a name
  question, an answer that holds no name (only "de buurman") must give no name.
- safety check / help lines at once: answers (all harmless) that got the gentle check or
  the help lines at their question.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import os
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = ROOT / "bench" / "form_heldout.yml"


@functools.cache
def not_an_answer() -> frozenset[str]:
    """Intents after which the form's `from_text` mappings do not read the text: the
    domain's `not_an_answer` list, read from domain.yml (a copy here had drifted)."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    mapping = next(m for m in domain["slots"]["youth_name"]["mappings"] if m["type"] == "from_text")
    return frozenset(mapping["not_intent"])


def normalise(text: str) -> str:
    """Lowercase, without accents, punctuation, emoji and extra spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", text))


def training_texts() -> set[str]:
    from rasa.shared.nlu.training_data.loading import load_data

    return {normalise(m.get("text")) for m in load_data(str(ROOT / "data" / "nlu")).intent_examples}


# The set's question names and the form's slots (the `question` the server puts in the
# metadata: rasa_addons/server.py).
FORM_SLOT = {
    "youth_name": "youth_name",
    "age": "youth_age",
    "relation": "relation",
    "mentor_name": "mentor_name",
    "reason": "mentor_reason",
    "knows_already": "knows_already",
    "contact": "contact",
}


def held_out(path: Path = HELD_OUT) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]


def entity(parse: dict, kind: str) -> dict | None:
    return next((e for e in parse.get("entities", []) if e.get("entity") == kind), None)


def stored_name(item: dict, parse: dict) -> str | None:
    """The name the form would keep for this answer (slot mapping, then the form's tidying)."""
    from bot import vocabulary

    question = item["question"]
    kind = "youth_name" if question == "youth_name" else "mentor_name"
    found = entity(parse, kind)
    intent = parse["intent"]["name"]
    if found is not None and (kind == "youth_name" or intent == "inform_mentor"):
        value = found.get("value")
    elif question == kind and intent not in not_an_answer() and intent != "deny":
        value = item["text"]  # the from_text mapping
    elif question == kind and intent == "out_of_scope" and hasattr(vocabulary, "lone_name"):
        value = vocabulary.lone_name(item["text"])  # a rare name (actions/jim_form.py)
        if value is None:
            return None
    else:
        return None
    if not hasattr(vocabulary, "name_from_answer"):
        return vocabulary.clean_name(value)
    # validate_youth/mentor_name: the youth is called as asked, the JIM by the name given
    return vocabulary.name_from_answer(value, item["text"], called_by=kind == "youth_name")


def reason_taken(text: str) -> bool:
    """The form's reading of an out-of-scope answer at the reason question."""
    from bot.dialogue import conversation

    if not hasattr(conversation, "answer_out_of_scope"):
        return False
    return conversation.answer_out_of_scope("mentor_reason", text, "Riet") is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, help="a trained model (default: the current one)")
    parser.add_argument("--show", action="store_true", help="print every wrong answer")
    parser.add_argument(
        "--set", type=Path, default=HELD_OUT, help="a held-out set (default: the first one)"
    )
    parser.add_argument(
        "--without-question",
        action="store_true",
        help="parse each answer alone, without the form's question in the metadata",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.path.insert(0, str(ROOT))
    from bot.run.training import model_path

    items = held_out(args.set)
    seen = training_texts()
    kept = [item for item in items if normalise(item["text"]) not in seen]
    model = args.model or model_path(ROOT)
    if not model.exists():
        print(f"no model at {model}: run scripts/setup first (it trains one)")
        return 2

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))

    from rasa.core.channels.channel import UserMessage

    async def parse_at(text: str, question: str) -> dict:
        metadata = None if args.without_question else {"question": FORM_SLOT[question]}
        return await agent.processor.parse_message(UserMessage(text, metadata=metadata))

    counts = {"intent": [0, 0], "intent_q": [0, 0], "relation": [0, 0], "name": [0, 0]}
    danger = {"check": 0, "clear": 0}
    wrong: dict[str, list[str]] = {key: [] for key in counts}

    def score(key: str, ok: bool, line: str) -> None:
        counts[key][1] += 1
        counts[key][0] += ok
        if not ok:
            wrong[key].append(line)

    for item in kept:
        text = item["text"]
        parse = asyncio.run(parse_at(text, item["question"]))
        intent = parse["intent"]["name"]
        level = (parse.get("danger") or {}).get("level")
        if level in danger:
            danger[level] += 1
        score("intent", intent == item["intent"], f"{item['intent']} -> {intent}: {text}")
        at_question = intent == item["intent"]
        name_kind = item["question"] if item["question"] in ("youth_name", "mentor_name") else None
        if not at_question and name_kind and item.get(name_kind):
            stored = stored_name(item, parse)
            at_question = (stored or "").lower() == str(item[name_kind]).lower()
        if not at_question and item["question"] == "reason" and item["intent"] == "inform_support":
            # the reason slot maps the text of any answer (from_text), so the youth's reason
            # is kept whatever the intent, unless it is no answer; and the form takes a
            # reason in own words that the NLU read as out of scope (reason_taken)
            at_question = intent not in not_an_answer() or (
                intent == "out_of_scope" and reason_taken(text)
            )
        score("intent_q", at_question, f"{item['intent']} -> {intent}: {text}")
        if "relation" in item:
            found = entity(parse, "relation")
            got = found.get("value") if found else None
            ok = got == item["relation"]
            if ok and "description" in item:
                ok = bool(found.get("relation_text"))
            score("relation", ok, f"{item['relation']} -> {got}: {text}")
        want = (
            item.get("youth_name") if item["question"] == "youth_name" else item.get("mentor_name")
        )
        asks_name = item["question"] in ("youth_name", "mentor_name") and item["intent"] in (
            "inform_name",
            "inform_mentor",
        )
        if want is not None or asks_name:
            got = stored_name(item, parse)
            ok = (got or "").lower() == (want or "").lower()
            score("name", ok, f"{want} -> {got}: {text}")

    print(f"{model.name}: {len(kept)} of {len(items)} held-out form answers")
    print(f"  ({len(items) - len(kept)} left out: also in data/nlu after normalising)")
    for key, (right, total) in counts.items():
        label = "intent at the question" if key == "intent_q" else key
        print(f"  {label:<22} {right:>4} / {total:<4} {right / max(total, 1):.3f}")
    print(f"  safety check           {danger['check']:>4} / {len(kept):<4}")
    print(f"  help lines at once     {danger['clear']:>4} / {len(kept):<4}")
    if args.show:
        for key, lines in wrong.items():
            label = "at question" if key == "intent_q" else key
            for line in lines:
                print(f"    {label}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
