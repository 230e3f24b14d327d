"""Train the Rasa model only when config, domain, data or the language pipeline changed.

The model file is named after a fingerprint of its inputs, so "is there a model for what
we have now?" is a file-exists check and a second start needs no Rasa import at all.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from bot.nlp_pipeline import PIPELINE_NAME

MODEL_PREFIX = "jim-"
KEEP_MODELS = 3


def training_inputs(project_dir: Path) -> list[Path]:
    files = [project_dir / "config.yml"]
    domain_dir = project_dir / "domain"
    files += sorted(domain_dir.rglob("*.yml")) if domain_dir.is_dir() else []
    files += [project_dir / "domain.yml"] if (project_dir / "domain.yml").exists() else []
    files += sorted((project_dir / "data").rglob("*.yml"))
    files += sorted((project_dir / "nlu_components").glob("*.py"))
    return files


def fingerprint(project_dir: Path) -> str:
    digest = hashlib.sha256(PIPELINE_NAME.encode())
    for path in training_inputs(project_dir):
        digest.update(str(path.relative_to(project_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def model_path(project_dir: Path) -> Path:
    return project_dir / "models" / f"{MODEL_PREFIX}{fingerprint(project_dir)}.tar.gz"


def train_if_changed(project_dir: Path, force: bool = False) -> tuple[Path, bool]:
    """Return (model file, trained now?)."""
    target = model_path(project_dir)
    if target.exists() and not force:
        return target, False
    command = [
        str(Path(sys.executable).parent / "rasa"),
        "train",
        "--config",
        "config.yml",
        "--domain",
        "domain.yml",
        "--data",
        "data",
        "--out",
        "models",
        "--fixed-model-name",
        target.name.removesuffix(".tar.gz"),
    ]
    env = dict(os.environ, PYTHONPATH=str(project_dir), RASA_TELEMETRY_ENABLED="false")
    subprocess.run(command, cwd=project_dir, check=True, env=env)
    old = sorted(
        (p for p in target.parent.glob(f"{MODEL_PREFIX}*.tar.gz") if p != target),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in old[KEEP_MODELS - 1 :]:
        stale.unlink()
    return target, True
