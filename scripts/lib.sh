# shellcheck shell=bash
# Shared by scripts/setup, scripts/run, scripts/test and scripts/lint: one way to find
# Python 3.10 and one virtual environment, so local runs and CI are the same.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${JIM_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export PYTHONDONTWRITEBYTECODE="${PYTHONDONTWRITEBYTECODE:-}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
export RASA_TELEMETRY_ENABLED=false  # never send anything to third parties

step() { printf '\n\033[1m[%s] %s\033[0m\n' "$1" "$2"; }
die() { printf '\033[31mjim-kiezer: %s\033[0m\n' "$1" >&2; exit 1; }

is_python310() {
  "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1
}

# Print the path of a Python 3.10: $JIM_PYTHON, then PATH, then pyenv's versions.
find_python310() {
  local candidates=() c
  if [ -n "${JIM_PYTHON:-}" ]; then
    if is_python310 "$JIM_PYTHON"; then echo "$JIM_PYTHON"; return 0; fi
    die "JIM_PYTHON=$JIM_PYTHON is not a Python 3.10. Rasa 3.6 needs Python 3.10 (3.11 installs a broken Rasa 1.10)."
  fi
  candidates+=(python3.10)
  if command -v pyenv >/dev/null 2>&1; then
    for c in "$(pyenv root)"/versions/3.10*/bin/python3.10; do candidates+=("$c"); done
  fi
  for c in "$HOME"/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
    candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    if [ -x "$c" ] || command -v "$c" >/dev/null 2>&1; then
      if is_python310 "$c"; then command -v "$c" || echo "$c"; return 0; fi
    fi
  done
  die "no Python 3.10 found. Rasa 3.6 needs Python 3.10 (3.11 installs a broken Rasa 1.10). Install it (e.g. 'pyenv install 3.10') or set JIM_PYTHON=/path/to/python3.10."
}

# Make the venv and install the pinned packages; skipped when nothing changed.
ensure_venv() {
  local python stamp want
  step "1/7" "Looking for Python 3.10"
  python="$(find_python310)"
  echo "Using $python ($("$python" --version 2>&1))"
  step "2/7" "Virtual environment in ${VENV#"$ROOT"/}"
  if [ -x "$PY" ] && ! is_python310 "$PY"; then
    echo "The existing environment is not Python 3.10: making it again."
    rm -rf "$VENV"
  fi
  if [ ! -x "$PY" ]; then
    "$python" -m venv "$VENV"
    "$PY" -m pip install --quiet --upgrade "pip>=23" "setuptools>=65,<71" wheel
  else
    echo "Reusing it."
  fi
  step "3/7" "Packages (pinned in constraints.txt)"
  stamp="$VENV/.jim-installed"
  want="$(cat "$ROOT/requirements.txt" "$ROOT/constraints.txt" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "Up to date."
  else
    echo "Installing; the first time this takes a few minutes (Rasa, TensorFlow, spaCy)..."
    "$PY" -m pip install --progress-bar on -r "$ROOT/requirements.txt" -c "$ROOT/constraints.txt"
    "$PY" -m pip install --quiet --no-deps -e "$ROOT"
    "$PY" -m pip check || die "pip check found broken requirements (see above)."
    echo "$want" > "$stamp"
  fi
}
