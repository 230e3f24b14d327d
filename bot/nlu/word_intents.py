"""A second opinion on the intent, from the words and letter groups of a message.

Why: DIET is one neural network trained for 50 epochs on about 2,000 short examples. A
linear model over word pairs and letter groups (logistic regression on tf-idf counts)
makes different mistakes. Pooling both rankings corrects many of the mistakes of each
(figures in `config.yml` and the README, from `bench/nlu_cv.py`).

Crisis is pooled like every other intent (issue 24: keeping DIET's crisis confidence as
a floor turned ordinary questions into alarms). DIET's own crisis confidence is kept
beside the pooled ranking, and `CrisisGuard` (bot/nlu/safety.py) reads both: a crisis that
DIET alone saw still gets at least the gentle check.

Nothing here imports Rasa. The model is stored as plain arrays and a word list
(`to_files` / `from_files`), not as a pickle, so loading a model runs no code.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

CRISIS = "crisis"
FLOOR = 1e-3  # the confidence an intent gets from a model that did not rank it
# the analyzers: (kind, smallest n-gram, largest n-gram)
ANALYZERS = (("word", 1, 2), ("char_wb", 1, 5))
TOKEN_PATTERN = r"(?u)\b\w+\b"  # one-letter words count too ("k", "j")


def _vectorizer(analyzer: str, low: int, high: int) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer=analyzer,
        ngram_range=(low, high),
        sublinear_tf=True,
        lowercase=True,
        token_pattern=TOKEN_PATTERN if analyzer == "word" else None,
        dtype=np.float64,
    )


class WordIntentModel:
    """Logistic regression over tf-idf word 1-2-grams and letter 1-5-grams."""

    def __init__(self, c: float = 100.0) -> None:
        self.c = c
        self.vectorizers = [_vectorizer(*spec) for spec in ANALYZERS]
        self.classes: list[str] = []
        self.coef = np.zeros((0, 0))
        self.intercept = np.zeros(0)

    @property
    def trained(self) -> bool:
        return bool(self.classes)

    def _features(self, texts: list[str]) -> csr_matrix:
        return hstack([v.transform(texts) for v in self.vectorizers]).tocsr()

    def fit(self, texts: list[str], intents: list[str]) -> WordIntentModel:
        """Learns from example texts and their intents (needs at least two intents)."""
        if len(set(intents)) < 2:
            raise ValueError("WordIntentModel needs examples of at least two intents")
        for vectorizer in self.vectorizers:
            vectorizer.fit(texts)
        model = LogisticRegression(C=self.c, max_iter=5000)
        model.fit(self._features(texts), intents)
        self.classes = [str(c) for c in model.classes_]
        self.coef = np.asarray(model.coef_, dtype=np.float64)
        self.intercept = np.asarray(model.intercept_, dtype=np.float64)
        if len(self.classes) == 2:  # sklearn keeps one row for two classes
            self.coef = np.vstack([-self.coef, self.coef])
            self.intercept = np.concatenate([-self.intercept, self.intercept])
        return self

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        """For each text, every known intent with its probability (they sum to 1)."""
        if not self.trained:
            return [{} for _ in texts]
        scores = self._features(texts) @ self.coef.T + self.intercept
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        probs = exp / exp.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, map(float, row), strict=True)) for row in probs]

    def to_files(self, folder: Path) -> None:
        """Writes the model as JSON (words, classes) and .npy arrays (no pickle)."""
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"c": self.c, "classes": self.classes, "vectorizers": []}
        for i, vectorizer in enumerate(self.vectorizers):
            fitted = hasattr(vectorizer, "vocabulary_")
            vocabulary = {k: int(v) for k, v in vectorizer.vocabulary_.items()} if fitted else {}
            meta["vectorizers"].append(vocabulary)
            if fitted:
                np.save(folder / f"idf{i}.npy", vectorizer.idf_, allow_pickle=False)
        (folder / "word_intents.json").write_text(json.dumps(meta, ensure_ascii=False))
        np.save(folder / "coef.npy", self.coef, allow_pickle=False)
        np.save(folder / "intercept.npy", self.intercept, allow_pickle=False)

    @classmethod
    def from_files(cls, folder: Path) -> WordIntentModel:
        """Reads a model written by `to_files`."""
        meta = json.loads((folder / "word_intents.json").read_text())
        model = cls(c=float(meta["c"]))
        model.classes = list(meta["classes"])
        for i, (vectorizer, vocabulary) in enumerate(
            zip(model.vectorizers, meta["vectorizers"], strict=True)
        ):
            if vocabulary:
                vectorizer.vocabulary_ = vocabulary
                vectorizer.idf_ = np.load(folder / f"idf{i}.npy", allow_pickle=False)
        model.coef = np.load(folder / "coef.npy", allow_pickle=False)
        model.intercept = np.load(folder / "intercept.npy", allow_pickle=False)
        return model


def combine(ranking: Iterable[dict], probabilities: dict[str, float], weight: float) -> list[dict]:
    """DIET's ranking pooled with the word model's: `weight` is DIET's share.

    The pooling is geometric (p ~ diet^weight * words^(1 - weight), then scaled to sum to
    1): an intent both models like stands out clearly, so the answer stays as sure as it
    is and the FallbackClassifier does not fire on every doubt one model has. An intent
    missing from one side (DIET keeps only its top few) counts as `FLOOR` there.

    Crisis is pooled like the others; `diet_crisis` gives DIET's own confidence for it,
    which CrisisGuard reads beside the pooled one.
    """
    first = {item["name"]: float(item.get("confidence") or 0.0) for item in ranking}
    names = list(dict.fromkeys([*first, *probabilities]))
    logs = {
        name: weight * math.log(max(first.get(name, 0.0), FLOOR))
        + (1 - weight) * math.log(max(probabilities.get(name, 0.0), FLOOR))
        for name in names
    }
    top = max(logs.values())
    raw = {name: math.exp(value - top) for name, value in logs.items()}
    total = sum(raw.values())
    mixed = {name: value / total for name, value in raw.items()}
    ordered = sorted(mixed.items(), key=lambda item: (-item[1], item[0]))
    return [{"name": name, "confidence": confidence} for name, confidence in ordered]


def diet_crisis(ranking: Iterable[dict]) -> float:
    """DIET's own confidence for crisis (0 when it did not rank it)."""
    return max(
        (float(item.get("confidence") or 0.0) for item in ranking if item.get("name") == CRISIS),
        default=0.0,
    )
