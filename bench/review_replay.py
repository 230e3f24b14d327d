"""Replay labelled review messages against the current model, as a held-out set (issue 19).

    .venv/bin/python bench/review_replay.py geleerd.yml           # an export of "Leren"
    .venv/bin/python bench/review_replay.py --queue               # the queue's labelled items
    .venv/bin/python bench/review_replay.py geleerd.yml --model models/jim-....tar.gz
    .venv/bin/python bench/review_replay.py geleerd.yml --rasa-url http://127.0.0.1:5005

Why: the review queue holds messages the model got wrong or was unsure of, labelled by a
person. Parsed by the model of today they show how it does on real unclear messages; run
again after the examples went into data/nlu and the model was trained, the figure shows
what the review work changed (those examples are then trained, no longer held out: the
script says how many of them data/nlu holds). Prints per intent: right of total, and
overall right, asked again (`nlu_fallback`) and wrong. Through the model file (Rasa's
Agent, default: the model of the current data and config) or a running Rasa server's
`/model/parse` (`--rasa-url`, token from RASA_AUTH_TOKEN).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def score(pairs: Iterable[tuple[str, str]]) -> dict:
    """(expected, got) pairs -> per intent (right, total), and right / again / wrong overall."""
    per_intent: dict[str, list[int]] = {}
    overall = Counter()
    for expected, got in pairs:
        counts = per_intent.setdefault(expected, [0, 0])
        counts[1] += 1
        if got == expected:
            counts[0] += 1
            overall["right"] += 1
        elif got == "nlu_fallback":
            overall["again"] += 1
        else:
            overall["wrong"] += 1
    total = sum(total for _, total in per_intent.values())
    return {
        "per_intent": {k: tuple(v) for k, v in sorted(per_intent.items())},
        "right": overall["right"],
        "again": overall["again"],
        "wrong": overall["wrong"],
        "total": total,
        "accuracy": overall["right"] / total if total else 0.0,
    }


def report(result: dict, name: str, trained: int = 0) -> str:
    lines = [f"{name}: {result['total']} labelled messages"]
    if trained:
        lines.append(f"  ({trained} of them are in data/nlu now: trained, not held out)")
    lines.append(f"  {'intent':<20} {'right':>5} {'of':>4} {'accuracy':>9}")
    for intent, (right, total) in result["per_intent"].items():
        lines.append(f"  {intent:<20} {right:>5} {total:>4} {right / total:>9.1%}")
    lines.append(
        f"  {'overall':<20} {result['right']:>5} {result['total']:>4} {result['accuracy']:>9.1%}"
        f"   asked again {result['again']}, wrong {result['wrong']}"
    )
    return "\n".join(lines)


def queue_file(folder: Path) -> Path:
    """The queue's labelled items as an export file (DATABASE_URL of .env)."""
    from sqlalchemy.orm import Session

    from bot.review import export, queue
    from bot.settings import get_settings
    from bot.storage import make_engine

    engine = make_engine(get_settings().database_url)
    with Session(engine) as session:
        body = export.to_yaml(queue.labelled_items(session))
    path = folder / "queue.yml"
    path.write_text(body, encoding="utf-8")
    return path


def parser_for(args) -> tuple[Callable[[str], str], str]:
    """A function text -> intent name, and the name of what answers."""
    if args.rasa_url:
        from bot.rasa_client import Rasa

        rasa = Rasa(args.rasa_url, os.environ.get("RASA_AUTH_TOKEN"))
        return (lambda text: rasa.parse(text)["intent"]["name"]), args.rasa_url
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    from bot.run.training import model_path

    model = args.model or model_path(ROOT)
    if not model.exists():
        raise SystemExit(f"no model at {model}: run scripts/setup first (it trains one)")
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))
    return (lambda text: asyncio.run(agent.parse_message(text))["intent"]["name"]), model.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path, help="an export of the Leren page")
    parser.add_argument("--queue", action="store_true", help="the queue's labelled items")
    parser.add_argument("--model", type=Path, help="a trained model (default: the current one)")
    parser.add_argument("--rasa-url", help="a running Rasa server instead of the model file")
    args = parser.parse_args(argv)
    if not args.file and not args.queue:
        parser.error("give an exported file or --queue")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.path.insert(0, str(ROOT))
    from rasa.shared.nlu.training_data.loading import load_data

    from bench.heldout import in_training, nlu_texts

    with tempfile.TemporaryDirectory() as folder:
        path = args.file or queue_file(Path(folder))
        examples = [(m.get("intent"), m.get("text")) for m in load_data(str(path)).intent_examples]
    if not examples:
        print("no labelled messages to replay")
        return 1
    trained = len(in_training([text for _, text in examples], nlu_texts(ROOT / "data" / "nlu")))
    parse, name = parser_for(args)
    result = score((intent, parse(text)) for intent, text in examples)
    print(report(result, name, trained))
    return 0


if __name__ == "__main__":
    sys.exit(main())
