"""Intent accuracy on held-out messages that are not in the training data (a benchmark).

    .venv/bin/python bench/nlu_heldout.py [--model models/jim-....tar.gz]

Why: `bench/nlu_cv.py` cross-validates on data/nlu, and data written to fix the errors
it shows makes that figure rise partly because the data gets denser around its own
examples. `bench/nlu_heldout.yml` holds messages written apart from the data, which must
never be copied into it: the script stops when one of them is in data/nlu. It runs the
whole pipeline of a trained model (default: the model of the current data and config,
as `scripts/setup` trains it) and counts each message as right, asked again
(`nlu_fallback`: the youth is asked to say it in other words) or wrong.
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


def examples(path: Path) -> list[tuple[str, str]]:
    """(intent, text) of every example of an NLU file or folder."""
    from rasa.shared.nlu.training_data.loading import load_data

    return [(m.get("intent"), m.get("text")) for m in load_data(str(path)).intent_examples]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, help="a trained model (default: the current one)")
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.path.insert(0, str(ROOT))
    from bot.run.training import model_path

    held_out = examples(HELD_OUT)
    trained_on = {text.lower() for _, text in examples(ROOT / "data" / "nlu")}
    leaked = [text for _, text in held_out if text.lower() in trained_on]
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
    right, again, wrong = 0, 0, []
    for intent, text in held_out:
        got = asyncio.run(agent.parse_message(text))["intent"]["name"]
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
