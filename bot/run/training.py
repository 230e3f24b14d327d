"""Train the Rasa model only when config, domain, data or the language pipeline changed.

The model file is named after a fingerprint of its inputs, so "is there a model for what
we have now?" is a file-exists check and a second start needs no Rasa import at all.
"""

from __future__ import annotations

import ast
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from bot.nlu.nlp_pipeline import PIPELINE_NAME

MODEL_PREFIX = "jim-"
KEEP_MODELS = 3


def _project_imports(path: Path, project_dir: Path) -> set[Path]:
    """The project's own modules that `path` imports (`from bot.x import ...`, `import bot.x`)."""
    found: set[Path] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            base = project_dir.joinpath(*name.split("."))
            for candidate in (base.with_suffix(".py"), base / "__init__.py"):
                if candidate.is_file():
                    found.add(candidate)
    return found


def code_inputs(project_dir: Path) -> list[Path]:
    """The NLU components and every project module they import, followed to the end.

    `bot/nlu/word_intents.py` defines the features the saved word model was trained on; a
    change there must give a new model, as a change in `nlu_components/` does.
    """
    todo = sorted((project_dir / "nlu_components").glob("*.py"))
    todo.append(project_dir / "bot" / "nlu" / "nlp_pipeline.py")
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        todo.extend(_project_imports(path, project_dir) - seen)
    return sorted(seen)


def training_inputs(project_dir: Path) -> list[Path]:
    """Every file whose change must give a new model: config, domain, data and code."""
    files = [project_dir / "config.yml"]
    domain_dir = project_dir / "domain"
    files += sorted(domain_dir.rglob("*.yml")) if domain_dir.is_dir() else []
    files += [project_dir / "domain.yml"] if (project_dir / "domain.yml").exists() else []
    files += sorted((project_dir / "data").rglob("*.yml"))
    files += code_inputs(project_dir)
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
