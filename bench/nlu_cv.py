"""Cross-validated NLU quality on the project's own data (a benchmark, not a test).

    .venv/bin/python bench/nlu_cv.py [--folds 5] [--seeds 0 1 2] [--config config.yml]
                                     [--out bench/out/nlu_cv]

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

The folds are seeded. Rasa draws them with scikit-learn's `StratifiedKFold(shuffle=True)`
and no seed, so every run used to test on other folds and a change could not be told
from the luck of the draw (about 0.01 of intent F1). Each seed fixes numpy's generator
before Rasa draws them: the same seed gives the same folds, so two versions of the
pipeline are compared on the same held-out examples. `--seeds 0 1 2` runs three
different draws (one after the other, a folder per seed) and prints their mean, which
is the figure to report, and each draw to four places (0.9497 is under 0.95, though it
prints as 0.950 above).

Each fold's names are kept out of the lookup it uses. data/nlu/names.yml is a general
list of first names (the `voornaam` lookup), read by the RegexFeaturizer (a feature for
DIET) and by `NameRoles` (which adds a known first name DIET missed). In Rasa's
cross-validation every fold keeps the whole list, so a name that only the held-out
examples hold is known anyway (mentor_name 0.986 and youth_name 1.000 on 2026-12-02
were measured so). Now each fold trains and tests with the list minus the names
(`youth_name`, `mentor_name`) of its test examples that none of its training examples
has: the RegexFeaturizer gets that list in the fold's training data, and `NameRoles`
reads it from a temporary copy of names.yml (`$JIM_NAMES_FILE`). `--leaky-names` runs
the old way, to compare. `--only-folds K` tests on the first K folds of the draw only
(each still trained on the other four fifths): a shorter run on a busy machine, with
fewer test examples. Rasa's scoring of each fold's training half (logged, never in the
reports) is skipped.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Rasa's command line, with numpy's global generator seeded first (argv[1] is the seed:
# Rasa's `generate_folds` shuffles with it) and the folds wrapped by keep_fold_names_out
# (argv[2]: a folder for the per-fold name files).
FOLD_SAFE_RASA = (
    "import sys, numpy; numpy.random.seed(int(sys.argv[1])); "
    "sys.path.insert(0, 'bench'); import nlu_cv; nlu_cv.keep_fold_names_out(sys.argv[2]); "
    "from rasa.__main__ import main; sys.argv = ['rasa'] + sys.argv[3:]; main()"
)
NAME_ENTITIES = ("youth_name", "mentor_name")
ONLY_FOLDS_ENV = "JIM_CV_ONLY_FOLDS"
LEAKY_ENV = "JIM_CV_LEAKY_NAMES"
NAMES_LOOKUP = "voornaam"
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


def pipeline_entity_report(out: Path, only: set[str] | None = None) -> dict:
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
            if only is not None and item["text"].lower() not in only:
                continue
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
    from bot.nlu.nlp_pipeline import pipeline_dir

    return pipeline_dir(ROOT)


def example_names(examples: list) -> set[str]:
    """The names (youth_name, mentor_name) of training examples, as typed, lowercased."""
    names = set()
    for example in examples:
        text = example.get("text") or ""
        for entity in example.get("entities") or []:
            if entity.get("entity") in NAME_ENTITIES:
                names.add(text[entity["start"] : entity["end"]].strip().lower())
                names.add(str(entity.get("value", "")).strip().lower())
    return names - {""}


def without_names(lookup_tables: list[dict], names: set[str]) -> list[dict]:
    """The lookup tables with `names` (lowercase) taken out of the first-name table."""
    tables = []
    for table in lookup_tables:
        elements = table.get("elements")
        if table.get("name") == NAMES_LOOKUP and isinstance(elements, list):
            table = {**table, "elements": [e for e in elements if e.strip().lower() not in names]}
        tables.append(table)
    return tables


def write_names_file(path: Path, lookup_tables: list[dict]) -> None:
    """A names.yml holding only the first-name table (what `NameRoles` reads)."""
    import yaml

    table = next(t for t in lookup_tables if t.get("name") == NAMES_LOOKUP)
    examples = "".join(f"- {name}\n" for name in table["elements"])
    block = {"lookup": NAMES_LOOKUP, "examples": examples}
    path.write_text(yaml.safe_dump({"version": "3.1", "nlu": [block]}, allow_unicode=True))


def keep_fold_names_out(folder: str) -> None:
    """Makes Rasa's cross-validation (in this process) use fold-safe name lookups.

    Wraps `rasa.nlu.test.generate_folds` (the same draw, the same folds): before each
    fold is trained, the names only its test examples hold leave the first-name lookup
    of both halves (the RegexFeaturizer reads it from the training data) and a copy of
    names.yml without them becomes `$JIM_NAMES_FILE` (NameRoles reads it when it parses).
    """
    import rasa.nlu.test as nlu_test

    from bot.nlu.name_roles import NAMES_FILE_ENV

    original = nlu_test.generate_folds
    Path(folder).mkdir(parents=True, exist_ok=True)
    only = int(os.environ.get(ONLY_FOLDS_ENV) or 0)
    leaky = os.environ.get(LEAKY_ENV) == "1"
    training_halves: list = []

    # Rasa also scores every fold's training half (logged, never in the reports read here):
    # the slowest part of a fold after training; skipped.
    original_combine = nlu_test.combine_result

    async def combine_result(*args, **kwargs):
        data = args[4] if len(args) > 4 else kwargs.get("data")
        if any(data is half for half in training_halves):
            return args[0], args[1], args[2]
        return await original_combine(*args, **kwargs)

    nlu_test.combine_result = combine_result

    def generate_folds(n, training_data):
        for index, (train, test) in enumerate(original(n, training_data)):
            if only and index >= only:
                return  # the same draw, only its first folds (a shorter run)
            training_halves.append(train)
            if leaky:
                yield train, test  # the whole names lookup, as Rasa does
                continue
            held_out = example_names(test.training_examples) - example_names(
                train.training_examples
            )
            tables = without_names(train.lookup_tables, held_out)
            train.lookup_tables = tables
            test.lookup_tables = tables
            names_file = Path(folder) / f"names_fold{index}.yml"
            write_names_file(names_file, tables)
            os.environ[NAMES_FILE_ENV] = str(names_file)
            print(f"fold {index}: {len(held_out)} names only in its test half", file=sys.stderr)
            yield train, test

    nlu_test.generate_folds = generate_folds


def run_folds(
    folds: int, seed: int, config: str, out: Path, leaky_names: bool = False, only_folds: int = 0
) -> float:
    """Runs Rasa's cross-validation on folds drawn with `seed`; returns the seconds taken."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), RASA_TELEMETRY_ENABLED="false")
    if only_folds:
        env[ONLY_FOLDS_ENV] = str(only_folds)
    if leaky_names:
        env[LEAKY_ENV] = "1"
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    started = time.monotonic()
    with (out / "rasa.log").open("w") as log:
        subprocess.run(
            [
                sys.executable,
                "-c",
                FOLD_SAFE_RASA,
                str(seed),
                str(out / "names"),
                "test",
                "nlu",
                "--cross-validation",
                "--folds",
                str(folds),
                "--config",
                config,
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
    return time.monotonic() - started


def report(out: Path, title: str) -> tuple[float, float]:
    """Prints the figures of one cross-validation; returns (intent F1, entity F1)."""
    intents = json.loads((out / "intent_report.json").read_text())
    entities = json.loads((out / "DIETClassifier_report.json").read_text())
    intent_f1 = intents["weighted avg"]["f1-score"]
    diet_f1 = entities["weighted avg"]["f1-score"]
    pipeline = pipeline_entity_report(out)
    entity_f1 = pipeline["weighted avg"]["f1-score"]
    examples = sum(v["support"] for v in per_label(intents).values())
    print(f"{title}, {examples} examples")
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
        errors = json.loads(errors_file.read_text())
        pairs = collections.Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors)
        print(f"wrong intents: {len(errors)}; most frequent (true -> predicted):")
        for (true, predicted), count in pairs.most_common(8):
            print(f"  {count:>3}  {true} -> {predicted}")
    return intent_f1, entity_f1


def texts_at(revision: str) -> set[str]:
    """The example texts (lowercase) of data/nlu at a git revision."""
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout

    texts = set()
    for path in git("ls-tree", "-r", "--name-only", revision, "data/nlu/").split():
        if path.endswith((".yml", ".yaml")):
            data = RasaYAMLReader().reads(git("show", f"{revision}:{path}"))
            texts |= {m.get("text").lower() for m in data.intent_examples if m.get("text")}
    return texts


def report_on(out: Path, revision: str) -> None:
    """Intent and entity F1 of the same run on the examples data/nlu held at `revision`:
    like with like when newer, harder examples were added since (issue 20: "F1 does not
    drop" is about the messages understood before, on the same folds' predictions)."""
    from sklearn.metrics import f1_score

    only = texts_at(revision)
    rows = []
    for name in ("intent_successes.json", "intent_errors.json"):
        if (out / name).exists():
            rows += json.loads((out / name).read_text())
    kept = [r for r in rows if r["text"].lower() in only]
    truth = [r["intent"] for r in kept]
    guess = [r["intent_prediction"]["name"] for r in kept]
    intent_f1 = f1_score(truth, guess, average="weighted", zero_division=0) if kept else 0.0
    entity_f1 = pipeline_entity_report(out, only)["weighted avg"]["f1-score"]
    print(
        f"on the {len(kept)} of {len(rows)} test examples that data/nlu held at {revision}:"
        f" intents {intent_f1:.3f}, entities {entity_f1:.3f} (all extractors)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--seeds", type=int, nargs="+", default=[0], help="one run per seed (default: 0)"
    )
    parser.add_argument("--config", default="config.yml")
    parser.add_argument(
        "--leaky-names",
        action="store_true",
        help="every fold keeps the whole names lookup (the old, flattering figure)",
    )
    parser.add_argument(
        "--only-folds",
        type=int,
        default=0,
        metavar="K",
        help="test on the first K folds of the draw only (a shorter run)",
    )
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "nlu_cv"))
    parser.add_argument(
        "--examples-of",
        metavar="REV",
        help="also the F1 on the test examples that data/nlu held at this git revision",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="score the run already in --out again (no training)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # the report loads spaCy (TensorFlow)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    figures = []
    for seed in args.seeds:
        out = Path(args.out) if len(args.seeds) == 1 else Path(args.out) / f"seed{seed}"
        seconds = 0.0
        if not args.report_only:
            seconds = run_folds(
                args.folds, seed, args.config, out, args.leaky_names, args.only_folds
            )
        names = "whole names lookup" if args.leaky_names else "fold-safe names"
        if args.only_folds:
            names += f", tested on folds 1-{args.only_folds} of {args.folds} only"
        title = (
            f"{args.folds}-fold cross-validation, seed {seed}, {args.config}, {names}"
            f" ({seconds:.0f} s)"
        )
        figures.append(report(out, title))
        if args.examples_of:
            report_on(out, args.examples_of)
        print(flush=True)
    if len(figures) > 1:
        intent_f1s, entity_f1s = zip(*figures, strict=True)
        print(f"mean of {len(figures)} draws (seeds {' '.join(map(str, args.seeds))}):")
        for name, values in (("intents", intent_f1s), ("entities", entity_f1s)):
            draws = ", ".join(f"{value:.4f}" for value in values)
            print(f"  {name:<9} {statistics.mean(values):.4f}  (draws {draws})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
