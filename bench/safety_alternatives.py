"""Other ways to decide the classifier's check, compared on the same parsed messages.

    .venv/bin/python bench/safety_alternatives.py --model M \\
        --seen bench/safety_set_fifth.yml [...] --blind bench/safety_set_seventeenth.yml

Why: most harmless checks come from the classifier's lowest crisis band (issue 24), and
that band also holds danger told without a word of danger. This bench asks whether a
different rule for that band loses fewer danger messages for the checks it saves. Each
message is parsed once (`safety_levels.parse_all`, with the whole intent ranking); every
rule is worked out from the same rows with `bot.nlu.safety.assess`, so the figures compare
like with like. It prints missed danger / harmless full alarms / harmless checks for the
`--seen` sets together and for the `--blind` sets together:

- `CHECK_AT` alone, for several values (the product's rule);
- a danger classifier of its own as a gate: a logistic regression, crisis against all
  else, on the word pairs and letter groups of `bot.nlu.word_intents`, trained on
  `data/nlu` only; the classifier's check stands only when it says at least T;
- the crisis confidence pooled with that classifier (mean, geometric mean, maximum) in
  place of the crisis confidence, at the highest threshold that misses no more on the seen
  sets than `CHECK_AT` does now;
- no check from the band when a harmless intent is at least X sure and crisis under Y.

Only the classifier's band is changed: the words, `CLEAR_AT` and the other rules of
`assess` stay as they are. Figures of 2026-12-06 (stop 38) in the README, Safety.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHECK_VALUES = (0.01, 0.015, 0.02, 0.025, 0.04, 0.06, 0.1, 0.15, 0.2)
GATES = (0.05, 0.1, 0.2)
SURE = ((0.5, 0.05), (0.6, 0.1), (0.8, 0.1), (0.9, 0.1))
NOT_HARMLESS = {"crisis", "crisis_check", "nlu_fallback"}
_ENTITY = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


def nlu_examples(folder: Path) -> tuple[list[str], list[str]]:
    """The examples of data/nlu as plain text, labelled crisis or other."""
    texts, labels = [], []
    for path in sorted(folder.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" not in item:
                continue
            for line in str(item.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    texts.append(_ENTITY.sub(lambda m: m.group(1) or m.group(2), line[2:]))
                    labels.append("crisis" if item["intent"] == "crisis" else "other")
    return texts, labels


def danger_model(texts: list[str], labels: list[str]):
    """Crisis against all else: the word model's features, class-balanced, C 10."""
    from sklearn.linear_model import LogisticRegression

    from bot.nlu.word_intents import WordIntentModel

    words = WordIntentModel(c=10.0)
    for vectorizer in words.vectorizers:
        vectorizer.fit(texts)
    model = LogisticRegression(C=10.0, max_iter=5000, class_weight="balanced")
    model.fit(words._features(texts), labels)
    crisis = list(model.classes_).index("crisis")
    return lambda batch: model.predict_proba(words._features(batch))[:, crisis]


def tally(rows: list[dict], levels: list[str]) -> str:
    out = []
    for part in ("seen", "blind"):
        mine = [(r, lv) for r, lv in zip(rows, levels, strict=True) if r["part"] == part]
        if not mine:
            continue
        missed = sum(r["group"] == "danger" and lv == "none" for r, lv in mine)
        full = sum(r["group"] == "harmless" and lv == "clear" for r, lv in mine)
        checks = sum(r["group"] == "harmless" and lv == "check" for r, lv in mine)
        out.append(f"{part} {missed} / {full} / {checks}")
    return "   ".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--seen", type=Path, action="append", default=[])
    parser.add_argument("--blind", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from safety_levels import parse_all

    from bot.nlu import safety

    rows = []
    for part, sets in (("seen", args.seen), ("blind", args.blind)):
        for row in asyncio.run(parse_all(args.model, sets)):
            rows.append({**row, "part": part})

    def assess(row: dict, crisis: float | None = None, check_at: float | None = None) -> str:
        return safety.assess(
            row["text"],
            crisis=row["crisis"] if crisis is None else crisis,
            crisis_on_top=row["top"] == "crisis" and crisis is None,
            check=row["check"],
            check_at=check_at,
        ).level

    now = [assess(r) for r in rows]
    without_band = [assess(r, check_at=1.01) for r in rows]
    print("missed danger / harmless full alarms / harmless checks\n")
    print(f"CHECK_AT now ({safety.CHECK_AT})   {tally(rows, now)}")
    for value in CHECK_VALUES:
        print(
            f"CHECK_AT {value:<5}          {tally(rows, [assess(r, check_at=value) for r in rows])}"
        )

    danger = danger_model(*nlu_examples(ROOT / "data" / "nlu"))([r["text"] for r in rows])
    for gate in GATES:
        levels = [
            "none" if lv == "check" and bare == "none" and p < gate else lv
            for lv, bare, p in zip(now, without_band, danger, strict=True)
        ]
        print(f"gate: danger model >= {gate:<4}  {tally(rows, levels)}")

    seen_missed = sum(
        r["part"] == "seen" and r["group"] == "danger" and lv == "none"
        for r, lv in zip(rows, now, strict=True)
    )
    pools = {
        "mean": [(r["crisis"] + p) / 2 for r, p in zip(rows, danger, strict=True)],
        "geometric": [
            math.sqrt(max(r["crisis"], 1e-6) * p) for r, p in zip(rows, danger, strict=True)
        ],
        "maximum": [max(r["crisis"], p) for r, p in zip(rows, danger, strict=True)],
    }
    for name, scores in pools.items():
        band = [
            assess(r, crisis=s, check_at=0.0) == "check" for r, s in zip(rows, scores, strict=True)
        ]
        best = None
        for step in range(60):
            threshold = 0.005 * (180 ** (step / 59))  # 0.005 to 0.9, evenly on a log scale
            levels = [
                "check" if bare == "none" and ok and s >= threshold else bare
                for bare, ok, s in zip(without_band, band, scores, strict=True)
            ]
            missed = sum(
                r["part"] == "seen" and r["group"] == "danger" and lv == "none"
                for r, lv in zip(rows, levels, strict=True)
            )
            if missed <= seen_missed:
                best = (threshold, levels)
        if best:
            print(f"pooled ({name}) at {best[0]:.3f}  {tally(rows, best[1])}")

    def sure(row: dict) -> float:
        ranking = row.get("ranking") or []
        return next((c for n, c in ranking if n not in NOT_HARMLESS), 0.0)

    for least, under in SURE:
        levels = [
            "none"
            if lv == "check" and bare == "none" and sure(r) >= least and r["crisis"] < under
            else lv
            for r, lv, bare in zip(rows, now, without_band, strict=True)
        ]
        print(f"sure of a harmless intent >= {least}, crisis < {under}  {tally(rows, levels)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
