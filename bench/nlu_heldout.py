"""Intent accuracy on held-out messages that are not in the training data (a benchmark).

    .venv/bin/python bench/nlu_heldout.py [--model models/jim-....tar.gz]

Why: `bench/nlu_cv.py` cross-validates on data/nlu, and data written to fix the errors
it shows makes that figure rise partly because the data gets denser around its own
examples. `bench/nlu_heldout.yml` holds messages written apart from the data, which must
never be copied into it: the script stops when one of them is in data/nlu. It runs the
whole pipeline of a trained model (default: the model of the current data and config,
as `scripts/setup` trains it) and counts each message as right, asked again
(`nlu_fallback`: the youth is asked to say it in other words) or wrong. Texts are compared
normalised (case, accents, spacing and punctuation do not count: bench/heldout.py).

It also scores the entities written in the set (relation by its canonical value,
mentor_name and youth_name as typed, without case): right, missed, wrong, and F1 per
kind, from the pipeline's output (DIET, the synonym mapper and NameRoles together).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = ROOT / "bench" / "nlu_heldout.yml"


SCORED_ENTITIES = ("relation", "mentor_name", "youth_name")


def examples(path: Path) -> list[tuple[str, str, list[dict]]]:
    """(intent, text, entities) of every example of an NLU file or folder."""
    from rasa.shared.nlu.training_data.loading import load_data

    return [
        (m.get("intent"), m.get("text"), list(m.get("entities") or []))
        for m in load_data(str(path)).intent_examples
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, help="a trained model (default: the current one)")
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.path.insert(0, str(ROOT))
    from bench.heldout import entity_values, in_training, nlu_texts, score_entities
    from bot.run.training import model_path

    held_out = examples(HELD_OUT)
    leaked = in_training([text for _, text, _ in held_out], nlu_texts(ROOT / "data" / "nlu"))
    if leaked:
        print(f"{len(leaked)} held-out messages are in data/nlu; take them out: {leaked}")
        return 2
    model = args.model or model_path(ROOT)
    if not model.exists():
        print(f"no model at {model}: run scripts/setup first (it trains one)")
        return 2

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa would print every parsed message
    agent = Agent.load(str(model))
    right, again, wrong, entity_pairs = 0, 0, [], []
    for intent, text, entities in held_out:
        parsed = asyncio.run(agent.parse_message(text))
        got = parsed["intent"]["name"]
        if any(e["entity"] in SCORED_ENTITIES for e in entities + parsed.get("entities", [])):
            entity_pairs.append((text, entities, parsed.get("entities", [])))
        if got == intent:
            right += 1
        elif got == "nlu_fallback":
            again += 1
        else:
            wrong.append((intent, got, text))
    total = len(held_out)
    print(f"{model.name}: {total} held-out messages")
    print(f"  right       {right:>4}  ({right / total:.1%})")
    print(f"  asked again {again:>4}  (nlu_fallback)")
    print(f"  wrong       {len(wrong):>4}")
    for intent, got, text in wrong:
        print(f"    {intent} -> {got}: {text}")
    scores = score_entities(((e, f) for _, e, f in entity_pairs), SCORED_ENTITIES)
    print(f"entities ({len(entity_pairs)} messages with one written or found):")
    print(f"  {'':<12} {'right':>5} {'missed':>6} {'wrong':>5} {'F1':>6}")
    for kind, score in scores.items():
        print(f"  {kind:<12} {score.right:>5} {score.missed:>6} {score.wrong:>5} {score.f1:>6.3f}")
    for text, expected, found in entity_pairs:
        exp = sorted(entity_values(e for e in expected if e["entity"] in SCORED_ENTITIES))
        got = sorted(entity_values(e for e in found if e["entity"] in SCORED_ENTITIES))
        if exp != got:
            print(f"    {text}: expected {exp}, found {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
