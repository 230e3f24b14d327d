"""Cross-validated NLU quality on the project's own data (a benchmark, not a test).

    .venv/bin/python bench/nlu_cv.py [--folds 5] [--config config.yml] [--out bench/out/nlu_cv]

Runs `rasa test nlu --cross-validation` with the project's config on data/nlu and prints
the weighted intent F1 and entity F1 (DIET), the F1 per entity, the weakest intents and
the most frequent confusions. Predictions that the FallbackClassifier turns into
`nlu_fallback` count as wrong: the figure is what the conversation really gets.
Targets: both F1 at least 0.95. The full reports stay in the --out folder.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AVERAGES = ("weighted avg", "macro avg", "micro avg", "accuracy")


def per_label(report: dict) -> dict[str, dict]:
    return {k: v for k, v in report.items() if isinstance(v, dict) and k not in AVERAGES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--config", default="config.yml")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "nlu_cv"))
    args = parser.parse_args(argv)
    rasa = Path(sys.executable).parent / "rasa"
    env = dict(os.environ, PYTHONPATH=str(ROOT), RASA_TELEMETRY_ENABLED="false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    started = time.monotonic()
    with (out / "rasa.log").open("w") as log:
        subprocess.run(
            [
                str(rasa),
                "test",
                "nlu",
                "--cross-validation",
                "--folds",
                str(args.folds),
                "--config",
                args.config,
                "--nlu",
                "data/nlu",
                "--out",
                str(out),
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            check=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    seconds = time.monotonic() - started
    intents = json.loads((out / "intent_report.json").read_text())
    entities = json.loads((out / "DIETClassifier_report.json").read_text())
    intent_f1 = intents["weighted avg"]["f1-score"]
    entity_f1 = entities["weighted avg"]["f1-score"]
    examples = sum(v["support"] for v in per_label(intents).values())
    print(
        f"{args.folds}-fold cross-validation, {args.config}, {examples} examples ({seconds:.0f} s)"
    )
    print(f"{'':<22} {'F1':>6} {'target':>7}")
    print(f"{'intents':<22} {intent_f1:>6.3f} {'0.95':>7}")
    print(f"{'entities':<22} {entity_f1:>6.3f} {'0.95':>7}")
    for name, values in sorted(per_label(entities).items()):
        if name != "no_entity":
            print(f"  {name:<20} {values['f1-score']:>6.3f}  ({values['support']} spans)")
    worst = sorted((v["f1-score"], k) for k, v in per_label(intents).items())[:6]
    print("weakest intents:", ", ".join(f"{k} {f:.2f}" for f, k in worst))
    errors_file = out / "intent_errors.json"
    if errors_file.exists():
        pairs = collections.Counter(
            (e["intent"], e["intent_prediction"]["name"])
            for e in json.loads(errors_file.read_text())
        )
        print("most frequent confusions (true -> predicted):")
        for (true, predicted), count in pairs.most_common(8):
            print(f"  {count:>3}  {true} -> {predicted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
