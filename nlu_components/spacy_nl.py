"""Rasa's SpacyNLP, but the Dutch pipeline is loaded once per process, not twice.

Rasa's graph asks for the spaCy pipeline from two nodes (`provide_…` and `run_…`) and
each loads it from disk. For the Dutch pipeline that is thousands of tokenizer
exceptions and the lemma tables: a few seconds each time, paid on every start of the
Rasa server. The class keeps Rasa's name because Rasa matches the components that need
a spaCy model (SpacyTokenizer) by the name `SpacyNLP`.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils import spacy_utils

_LOADED: dict[str, spacy_utils.SpacyModel] = {}


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="SpacyNLP",
)
class SpacyNLP(spacy_utils.SpacyNLP):
    """Provides the spaCy pipeline to the other components, loading it only once."""

    @staticmethod
    def load_model(spacy_model_name: str) -> spacy_utils.SpacyModel:
        if spacy_model_name not in _LOADED:
            _LOADED[spacy_model_name] = spacy_utils.SpacyNLP.load_model(spacy_model_name)
        return _LOADED[spacy_model_name]
