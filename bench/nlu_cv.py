"""Cross-validated NLU quality on the project's own data (a benchmark, not a test).

    .venv/bin/python bench/nlu_cv.py [--folds 5] [--config config.yml] [--out bench/out/nlu_cv]

Runs `rasa test nlu --cross-validation` with the project's config on data/nlu and prints
the weighted intent F1 and entity F1 (DIET), the F1 per entity, the weakest intents and
the most frequent confusions. The intent is the pipeline's first choice: Rasa's
evaluation undoes the FallbackClassifier's `nlu_fallback` (it scores the intent the
fallback stood in for), so how often the youth is asked to say it again is not in this
figure.

Rasa reports entities per extractor. Besides DIET, `NameRoles` adds names DIET missed
(and changes the kind of DIET's names: those stay DIET's), so the entity F1 that
counts is the pipeline's: all extractors together, scored the way Rasa scores one
(per token, weighted over entity kinds). Both figures are printed.
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


def token_labels(tokens: list, entities: list[dict]) -> list[str]:
    """Each token's entity kind, as Rasa's evaluation labels it ("no_entity" if none)."""
    labels = []
    for token in tokens:
        start, end = token.idx, token.idx + len(token.text)
        hits = [e for e in entities if e["start"] < end and start < e["end"]]
        best = max(hits, key=lambda e: e.get("confidence_entity") or 0.0, default=None)
        labels.append(best["entity"] if best else "no_entity")
    return labels


def pipeline_entity_report(out: Path) -> dict:
    """Per-token entity report of every extractor together, from Rasa's written messages.

    Rasa writes each message with an entity (expected or found) into the successes or
    errors file of every extractor, with the entities of all extractors. Messages with
    none anywhere add only "no_entity" tokens, which the score leaves out.
    """
    import spacy
    from sklearn.metrics import classification_report

    messages: dict[tuple, dict] = {}
    for path in sorted(out.glob("*_errors.json")) + sorted(out.glob("*_successes.json")):
        if path.name.startswith(("intent_", "response_")):
            continue
        for item in json.loads(path.read_text()):
            key = (item["text"], json.dumps(item["entities"], sort_keys=True))
            messages[key] = item
    nlp = spacy.load(_spacy_pipeline())
    targets: list[str] = []
    predictions: list[str] = []
    for item in messages.values():
        tokens = [t for t in nlp.make_doc(item["text"]) if t.text.strip()]
        targets += token_labels(tokens, item["entities"])
        predictions += token_labels(tokens, item["predicted_entities"])
    labels = sorted(set(targets + predictions) - {"no_entity"})
    return classification_report(
        targets, predictions, labels=labels, output_dict=True, zero_division=0
    )


def _spacy_pipeline() -> Path:
    sys.path.insert(0, str(ROOT))
    from bot.nlp_pipeline import pipeline_dir

    return pipeline_dir(ROOT)


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
                "--successes",
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
    diet_f1 = entities["weighted avg"]["f1-score"]
    pipeline = pipeline_entity_report(out)
    entity_f1 = pipeline["weighted avg"]["f1-score"]
    examples = sum(v["support"] for v in per_label(intents).values())
    print(
        f"{args.folds}-fold cross-validation, {args.config}, {examples} examples ({seconds:.0f} s)"
    )
    print(f"{'':<22} {'F1':>6} {'target':>7}")
    print(f"{'intents':<22} {intent_f1:>6.3f} {'0.95':>7}")
    print(f"{'entities':<22} {entity_f1:>6.3f} {'0.95':>7}  (all extractors)")
    print(f"{'entities, DIET alone':<22} {diet_f1:>6.3f}")
    for name, values in sorted(per_label(pipeline).items()):
        if name != "no_entity":
            print(f"  {name:<20} {values['f1-score']:>6.3f}  ({values['support']} tokens)")
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
