"""Cross-validated NLU quality on the project's own data (a benchmark, not a test).

    .venv/bin/python bench/nlu_cv.py [--folds 5]

Runs `rasa test nlu --cross-validation` with config.yml on data/nlu and prints the
weighted intent F1 and entity F1 (DIET). Targets: both at least 0.95.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    rasa = Path(sys.executable).parent / "rasa"
    env = dict(os.environ, PYTHONPATH=str(ROOT), RASA_TELEMETRY_ENABLED="false")
    with tempfile.TemporaryDirectory() as out:
        started = time.monotonic()
        subprocess.run(
            [
                str(rasa),
                "test",
                "nlu",
                "--cross-validation",
                "--folds",
                str(args.folds),
                "--config",
                "config.yml",
                "--nlu",
                "data/nlu",
                "--out",
                out,
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        seconds = time.monotonic() - started
        intents = json.loads((Path(out) / "intent_report.json").read_text())
        entities = json.loads((Path(out) / "DIETClassifier_report.json").read_text())
    intent_f1 = intents["weighted avg"]["f1-score"]
    entity_f1 = entities["weighted avg"]["f1-score"]
    print(f"{args.folds}-fold cross-validation on data/nlu ({seconds:.0f} s)")
    print(f"{'':<10} {'F1':>6} {'target':>7}")
    print(f"{'intents':<10} {intent_f1:>6.3f} {'0.95':>7}")
    print(f"{'entities':<10} {entity_f1:>6.3f} {'0.95':>7}")
    worst = sorted(
        (v["f1-score"], k) for k, v in intents.items() if isinstance(v, dict) and "support" in v
        and k not in ("weighted avg", "macro avg", "micro avg")
    )[:5]  # fmt: skip
    print("weakest intents:", ", ".join(f"{k} {f:.2f}" for f, k in worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
