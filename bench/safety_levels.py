"""Safety levels for other thresholds: every message of some safety sets parsed once.

    .venv/bin/python bench/safety_levels.py --model M --set bench/safety_set_fifth.yml [...]

Why: `bench/safety.py` plays each message through the real servers, which shows what a
youth gets but takes minutes per setting. The level of a message comes from the NLU
alone (CrisisGuard, `bot.nlu.safety.assess`), so this bench parses each message once with
the model in this process and works the level out again for other values of
`CLEAR_AT` and `CHECK_AT`. It prints, per set: danger at once / after the check / missed
and harmless full / check, for the current setting and for each other one, and where the
harmless alarms of the current setting come from (the words or the classifier).

DIET's own crisis confidence before pooling (`DIET_CHECK_AT`) is not in the parse output,
so it is left out here; the `pipeline` line is what the pipeline itself decided, to check
that the worked-out `current` line agrees with it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
_RANK = {"none": 0, "check": 1, "clear": 2}
SETTINGS = [
    (0.8, 0.2), (0.8, 0.15), (0.8, 0.1), (0.8, 0.05), (0.9, 0.2), (0.9, 0.1), (0.95, 0.2),
    (0.8, 0.3), (0.9, 0.05), (0.9, 0.07), (0.9, 0.03), (0.95, 0.05), (0.95, 0.1), (0.97, 0.05),
]  # fmt: skip


async def parse_all(model: Path, sets: list[Path]) -> list[dict]:
    """One row per message: its group, the classifier's confidences and the word level."""
    from rasa.core.agent import Agent

    from bot.nlu.safety import assess_words

    agent = Agent.load(str(model))
    quiet()
    rows = []
    for path in sets:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for group in ("danger", "harmless"):
            for item in data.get(group) or []:
                parsed = await agent.parse_message(item["text"])
                ranking = parsed.get("intent_ranking") or []
                confidence = {r["name"]: float(r["confidence"]) for r in ranking}
                words = assess_words(item["text"])
                rows.append(
                    {
                        "set": path.name,
                        "group": group,
                        "text": item["text"],  # kept for `assess`, never printed
                        "crisis": confidence.get("crisis", 0.0),
                        "check": confidence.get("crisis_check", 0.0),
                        "top": ranking[0]["name"] if ranking else None,
                        "ranking": [(r["name"], float(r["confidence"])) for r in ranking],
                        "words": words.level,
                        "pipeline": (parsed.get("danger") or {}).get("level", "none"),
                    }
                )
    return rows


def quiet() -> None:
    """No log lines while parsing: Rasa's debug log prints each message's text, and a
    blind set must stay unread (only the figures are printed)."""
    import logging

    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)


def level(row: dict, clear_at: float, check_at: float) -> str:
    """The level `bot.nlu.safety.assess` gives with these thresholds (DIET's own crisis
    confidence left out: the parse does not give it)."""
    from bot.nlu.safety import assess

    return assess(
        row["text"],
        crisis=row["crisis"],
        crisis_on_top=row["top"] == "crisis",
        check=row["check"],
        clear_at=clear_at,
        check_at=check_at,
    ).level


def counts(levels_danger: list[str], levels_harmless: list[str]) -> str:
    d, h = levels_danger, levels_harmless
    return (
        f"danger {d.count('clear'):3d} / {d.count('check'):3d} / {d.count('none'):3d} missed"
        f"   harmless full {h.count('clear'):3d}, check {h.count('check'):3d}"
        f"  (of {len(d)} and {len(h)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--set", type=Path, action="append", required=True, dest="sets")
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.path.insert(0, str(ROOT))
    from bot.nlu import safety

    rows = asyncio.run(parse_all(args.model, args.sets))
    current = (safety.CLEAR_AT, safety.CHECK_AT)
    for name in dict.fromkeys(r["set"] for r in rows):
        mine = [r for r in rows if r["set"] == name]
        danger = [r for r in mine if r["group"] == "danger"]
        harmless = [r for r in mine if r["group"] == "harmless"]
        print(f"\n{name} (danger: at once / check / missed)")
        decided = counts([r["pipeline"] for r in danger], [r["pipeline"] for r in harmless])
        print(f"  pipeline          {decided}")
        for clear_at, check_at in [current] + [s for s in SETTINGS if s != current]:
            label = "current" if (clear_at, check_at) == current else f"{clear_at} / {check_at}"
            print(
                f"  {label:17} "
                + counts(
                    [level(r, clear_at, check_at) for r in danger],
                    [level(r, clear_at, check_at) for r in harmless],
                )
            )
        alarms = [r for r in harmless if level(r, *current) != "none"]
        by_words = sum(_RANK[r["words"]] >= _RANK[level(r, *current)] for r in alarms)
        print(
            f"  harmless alarms now: {len(alarms)}, {by_words} from the words, "
            f"{len(alarms) - by_words} from the classifier"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
