"""The Dutch spaCy pipeline Rasa's SpacyNLP loads, built from installed packages only.

There is no Dutch spaCy model on the package registry and nothing may be downloaded, so
the pipeline is spaCy's blank `nl` language (tokenizer, lexical attributes) plus a lookup
lemmatizer whose tables come from `spacy-lookups-data`. The folder name carries a version:
Rasa's training cache keys on the path string and does not pack the folder into the model,
so a changed pipeline must get a new name (and config.yml must name it).
"""

from __future__ import annotations

from pathlib import Path

PIPELINE_NAME = "nl_jim_v1"


def pipeline_dir(project_dir: Path) -> Path:
    return project_dir / "pipelines" / PIPELINE_NAME


def build_pipeline(target: Path) -> bool:
    """Build the pipeline into `target` unless it is there already; True if built."""
    if (target / "meta.json").exists():
        return False
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = PIPELINE_NAME.removeprefix("nl_")
    nlp.meta["description"] = "Blank Dutch with lookup lemmas, for JIM-kiezer"
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return True
