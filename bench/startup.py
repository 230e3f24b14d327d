"""Foundation figures: cold set-up, training, warm start and memory, beside a bare Rasa.

A benchmark, not a test: it prints a table and writes bench/out/startup.json.

    .venv/bin/python bench/startup.py               # everything (~15 min, downloads packages)
    .venv/bin/python bench/startup.py --skip-cold   # without the fresh-clone set-up
    .venv/bin/python bench/startup.py --skip-cold --repeat 3   # median of 3 warm starts

What it measures, each in its own temp folder so nothing real is touched:

- cold set-up: `git clone` of this checkout (its HEAD commit), then `scripts/setup` with a
  fresh venv (JIM_VENV in the temp folder). With `--pip-cache fresh` (default) pip gets an
  empty cache, as on a new machine; `--pip-cache shared` uses this user's cache and the
  output says how full it was.
- training: `rasa train --force` of our assistant into a temp folder, with an empty Rasa
  training cache; beside it `rasa init --no-prompt` (which trains the bare assistant).
- warm start: `python -m bot.cli run` (what `scripts/run` ends with) on free ports with a
  temp SQLite database, until it prints that it is running; then the resident memory of
  each process (VmRSS, with its child processes), one real conversation over REST, and
  SIGINT: exit code, time, ports free. The same for `rasa run --enable-api` of the bare
  assistant, until /status names a model.

The machine may be shared: the load average before and after is in the output.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from bot.rasa_client import Rasa, RasaError  # noqa: E402
from bot.run import setup_steps  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from testkit.env import free_port, port_open  # noqa: E402

BIN = Path(sys.executable).parent
OUT = PROJECT_DIR / "bench" / "out" / "startup.json"
MIB = 1024 * 1024

TARGET_TRAIN_S = 180
TARGET_TOTAL_RSS_MIB = 1536
WELCOME = "Ik help je kiezen"
SETTING_NAMES = (
    "JIM_DEMO JIM_HOST RASA_PORT ACTION_PORT WEB_PORT DATABASE_URL RASA_AUTH_TOKEN "
    "SECRET_KEY PUBLIC_URL DEFAULT_TEAM VIRTUAL_ENV PYTHONPATH JIM_VENV RASA_HOST ACTION_HOST "
    "ACTION_SERVER_TOKEN"
).split()


# --- helpers -------------------------------------------------------------------------


def loadavg() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
    env.update(
        TF_CPP_MIN_LOG_LEVEL="3",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        RASA_TELEMETRY_ENABLED="false",
        PYTHONUNBUFFERED="1",
    )
    return env


def parent_map() -> dict[int, int]:
    """pid -> parent pid of every process, from /proc/<pid>/stat."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name is in parentheses and may hold spaces
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def descendants(pid: int, parents: dict[int, int] | None = None) -> list[int]:
    parents = parents if parents is not None else parent_map()
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        kids = [p for p, pp in parents.items() if pp == current]
        found += kids
        todo += kids
    return found


def vm_rss(pid: int) -> int:
    """Resident memory in bytes (0 if the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int, parents: dict[int, int] | None = None) -> int:
    return sum(vm_rss(p) for p in [pid, *descendants(pid, parents)])


def cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


class Reader:
    """Reads a process's output in a thread, keeping each line with its time."""

    def __init__(self, process: subprocess.Popen, log: Path, echo: bool = False) -> None:
        self.process = process
        self.lines: list[tuple[float, str]] = []
        self.started = time.monotonic()
        self.log = log.open("w", encoding="utf-8")
        self.echo = echo
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        for raw in self.process.stdout:
            line = raw.decode(errors="replace").rstrip("\n")
            self.lines.append((time.monotonic() - self.started, line))
            self.log.write(line + "\n")
            self.log.flush()
            if self.echo:
                print("    | " + line[:160], flush=True)

    def wait_for(self, text: str, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for at, line in self.lines:
                if text in line:
                    return at
            if self.process.poll() is not None and not self.thread.is_alive():
                return None
            time.sleep(0.2)
        return None

    def text(self) -> str:
        self.thread.join(timeout=5)
        return "\n".join(line for _, line in self.lines)


def start(command: list[str], cwd: Path, env: dict[str, str], log: Path, echo=False):
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    return process, Reader(process, log, echo)


def run_timed(command: list[str], cwd: Path, env: dict[str, str], log: Path, echo=False):
    began = time.monotonic()
    process, reader = start(command, cwd, env, log, echo)
    code = process.wait()
    return time.monotonic() - began, code, reader


def stop_with_sigint(process: subprocess.Popen, ports: list[int], pids: list[int]) -> dict:
    began = time.monotonic()
    process.send_signal(signal.SIGINT)
    try:
        code = process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        code = process.wait()
        return {"exit_code": code, "seconds": None, "clean": False, "note": "killed after 60 s"}
    seconds = time.monotonic() - began
    time.sleep(0.5)
    listening = [p for p in ports if port_open(p)]
    alive = [p for p in pids if Path(f"/proc/{p}").exists() and vm_rss(p) > 0]
    return {
        "exit_code": code,
        "seconds": round(seconds, 1),
        "ports_still_listening": listening,
        "processes_left": alive,
        "clean": code == 0 and not listening and not alive,
    }


def kill_leftovers(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def dir_size(path: Path) -> int:
    if not path.exists():
        return 0
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# --- measurements ----------------------------------------------------------------------


def measure_cold(tmp: Path, pip_cache: str) -> dict:
    """A fresh clone, a fresh venv, `scripts/setup`: total time and its steps."""
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
    ).stdout.strip()
    clone = tmp / "clone"
    subprocess.run(["git", "clone", "--quiet", str(PROJECT_DIR), str(clone)], check=True)
    subprocess.run(["git", "checkout", "--quiet", head], cwd=clone, check=True)
    env = base_env()
    env["JIM_VENV"] = str(tmp / "venv")
    if pip_cache == "fresh":
        cache_dir = tmp / "pip-cache"
        env["PIP_CACHE_DIR"] = str(cache_dir)
    else:
        cache_dir = Path(
            subprocess.run(
                [sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True
            ).stdout.strip()
        )
    cache_before = dir_size(cache_dir)
    print(f"  cold set-up in {clone} (pip cache {pip_cache}: {cache_before / MIB:.0f} MiB)")
    seconds, code, reader = run_timed(
        [str(clone / "scripts" / "setup")], clone, env, tmp / "cold-setup.log", echo=True
    )
    output = reader.text()
    steps = {}
    marks = [
        (at, f"{m.group(1)} {m.group(2).strip()[:28]}")
        for at, line in reader.lines
        if (m := re.search(r"\[(\d/7)\] ([^\x1b]*)", line))
    ]
    for (at, name), (next_at, _) in zip(marks, [*marks[1:], (seconds, "")], strict=True):
        steps[name] = round(next_at - at, 1)
    trained = re.search(r"Trained (\S+) in (\d+) s\.", output)
    return {
        "commit": head,
        "uncommitted_changes_not_measured": bool(dirty),
        "exit_code": code,
        "total_s": round(seconds, 1),
        "steps_s": steps,
        "training_s": int(trained.group(2)) if trained else None,
        "pip_cache": pip_cache,
        "pip_cache_before_mib": round(cache_before / MIB, 1),
        "pip_cache_warm": cache_before > 50 * MIB,
        "venv_mib": round(dir_size(tmp / "venv") / MIB),
        "log": str(tmp / "cold-setup.log"),
    }


def measure_training(tmp: Path) -> dict:
    """`rasa train --force` of our assistant, empty training cache, temp output folder."""
    env = base_env()
    env["RASA_CACHE_DIRECTORY"] = str(tmp / "rasa-cache")
    command = [
        str(BIN / "rasa"),
        "train",
        "--config",
        "config.yml",
        "--domain",
        "domain.yml",
        "--data",
        "data",
        "--out",
        str(tmp / "models"),
        "--force",
    ]  # fmt: skip
    seconds, code, _ = run_timed(command, PROJECT_DIR, env, tmp / "train-ours.log")
    return {"exit_code": code, "seconds": round(seconds, 1)}


def measure_bare_init(tmp: Path) -> tuple[dict, Path]:
    """`rasa init --no-prompt`: scaffolds and trains the bare assistant."""
    bare = tmp / "bare"
    bare.mkdir()
    env = base_env()
    env["RASA_CACHE_DIRECTORY"] = str(tmp / "rasa-cache-bare")
    command = [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(bare)]
    seconds, code, _ = run_timed(command, tmp, env, tmp / "init-bare.log")
    return {"exit_code": code, "seconds": round(seconds, 1)}, bare


def conversation(rasa_url: str, message: str, expect: str) -> dict:
    began = time.monotonic()
    try:
        replies = Rasa(rasa_url, timeout=60).send(f"bench-{uuid.uuid4().hex[:8]}", message)
        texts = [m.get("text", "") for m in replies]
    except RasaError as error:
        return {"ok": False, "error": error.reason}
    return {
        "ok": any(expect in t for t in texts),
        "seconds": round(time.monotonic() - began, 2),
        "replies": len(texts),
    }


def measure_ours(tmp: Path) -> dict:
    """`python -m bot.cli run` on free ports with a temp database."""
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WEB_PORT": free_port()}
    env = base_env()
    env.update({k: str(v) for k, v in ports.items()})
    env.update(
        JIM_DEMO="true",
        DATABASE_URL=f"sqlite:///{tmp / 'ours.db'}",
        RASA_AUTH_TOKEN="bench-" + secrets.token_hex(16),
        SECRET_KEY="bench-" + secrets.token_hex(16),
    )
    settings = load_settings(environ=env)
    setup_steps.migrate(settings)  # as `jim setup` does; `jim run` expects a migrated DB
    began = time.monotonic()
    process, reader = start([sys.executable, "-m", "bot.cli", "run"], PROJECT_DIR, env,
                            tmp / "run-ours.log")  # fmt: skip
    result: dict = {"ports": ports}
    pids: list[int] = []
    try:
        running = reader.wait_for("JIM-kiezer is running", timeout=420)
        if running is None:
            result["error"] = "did not start; see " + str(tmp / "run-ours.log")
            result["output_tail"] = reader.text()[-2000:]
            return result
        result["ready_s"] = round(time.monotonic() - began, 1)
        result["services_ready_s"] = {
            m.group(1): int(m.group(2))
            for _, line in reader.lines
            if (m := re.search(r"^\s+(.+?) is ready after (\d+) s", line))
        }
        result["rss_after_start_mib"] = services_rss(process.pid)
        result["conversation"] = conversation(settings.rasa_url, "/start", WELCOME)
        result["rss_mib"] = services_rss(process.pid)
        pids = [process.pid, *descendants(process.pid)]
        result["stop"] = stop_with_sigint(process, list(ports.values()), pids)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        kill_leftovers([p for p in pids if Path(f"/proc/{p}").exists()])
    return result


def median_run(runs: list[dict]) -> dict:
    """The run with the median start time (its memory and stop figures with it)."""
    ok = sorted((r for r in runs if "ready_s" in r), key=lambda r: r["ready_s"])
    if not ok:
        return runs[-1]
    chosen = dict(ok[(len(ok) - 1) // 2])
    chosen["ready_s_all"] = [r.get("ready_s") for r in runs]
    return chosen


def services_rss(launcher_pid: int) -> dict[str, float]:
    """RSS per service (with its children) and of the launcher itself, in MiB."""
    parents = parent_map()
    rss = {"launcher (jim run)": vm_rss(launcher_pid)}
    for pid in [p for p, pp in parents.items() if pp == launcher_pid]:
        argv = cmdline(pid)
        if any("uvicorn" in a for a in argv):
            name = "web app"
        elif "actions" in argv:
            name = "action server"
        else:
            name = "Rasa server"
        rss[name] = rss.get(name, 0) + tree_rss(pid, parents)
    figures = {k: round(v / MIB) for k, v in rss.items()}
    figures["total"] = round(sum(rss.values()) / MIB)
    return figures


def start_bare(tmp: Path, bare: Path, log_name: str = "run-bare.log"):
    """Start `rasa run --enable-api` of the bare assistant on a free port of 127.0.0.1.

    Returns (process, reader, port, began); wait_bare_ready() tells when it answers.
    """
    port = free_port()
    command = [str(BIN / "rasa"), "run", "--enable-api", "-i", "127.0.0.1", "-p", str(port),
               "--model", "models"]  # fmt: skip
    began = time.monotonic()
    process, reader = start(command, bare, base_env(), tmp / log_name)
    return process, reader, port, began


def wait_bare_ready(process: subprocess.Popen, port: int, began: float, timeout=420):
    """Seconds from `began` until /status names a model; None if it stopped or timed out."""
    deadline = began + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if Rasa(f"http://127.0.0.1:{port}").model_loaded():
            return round(time.monotonic() - began, 1)
        time.sleep(0.5)
    return None


def measure_bare_run(tmp: Path, bare: Path) -> dict:
    """`rasa run --enable-api` of the bare assistant, until /status names a model."""
    process, _reader, port, began = start_bare(tmp, bare)
    result: dict = {"port": port}
    pids: list[int] = []
    try:
        ready = wait_bare_ready(process, port, began)
        if ready is None:
            result["error"] = "did not start; see " + str(tmp / "run-bare.log")
            return result
        result["ready_s"] = ready
        result["rss_after_start_mib"] = round(tree_rss(process.pid) / MIB)
        result["conversation"] = conversation(f"http://127.0.0.1:{port}", "hello", "")
        result["rss_mib"] = round(tree_rss(process.pid) / MIB)
        pids = [process.pid, *descendants(process.pid)]
        result["stop"] = stop_with_sigint(process, [port], pids)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        kill_leftovers([p for p in pids if Path(f"/proc/{p}").exists()])
    return result


# --- report ----------------------------------------------------------------------------


def fmt_s(value) -> str:
    return "-" if value is None else f"{value:.0f} s"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("OK" if ok else "MISSED")


def table(figures: dict) -> str:
    rows: list[tuple[str, str, str, str, str]] = []
    cold = figures.get("cold")
    if cold:
        note = "warm" if cold["pip_cache_warm"] else "empty"
        if cold.get("from_earlier_run"):
            rows.append(("(cold figures from an earlier run)", "", "", "", ""))
        rows.append(("cold set-up, fresh clone (scripts/setup)", fmt_s(cold["total_s"]), "",
                     f"pip cache {note}", f"exit {cold['exit_code']}"))  # fmt: skip
        for step, seconds in cold["steps_s"].items():
            rows.append((f"  step {step}", fmt_s(seconds), "", "", ""))
        rows.append(("  of which training", fmt_s(cold["training_s"]), "", "< 180 s",
                     verdict(cold["training_s"] is not None
                             and cold["training_s"] < TARGET_TRAIN_S)))  # fmt: skip
    train, init = figures["train_ours"], figures["init_bare"]
    rows.append(("training (rasa train --force, empty cache)", fmt_s(train["seconds"]),
                 fmt_s(init["seconds"]) + " (init)", "< 180 s",
                 verdict(train["exit_code"] == 0
                         and train["seconds"] < TARGET_TRAIN_S)))  # fmt: skip
    ours, bare = figures["run_ours"], figures["run_bare"]
    rows.append(("warm start until all answer", fmt_s(ours.get("ready_s")),
                 fmt_s(bare.get("ready_s")), "<= bare",
                 verdict(ours.get("ready_s") is not None and bare.get("ready_s") is not None
                         and ours["ready_s"] <= bare["ready_s"])))  # fmt: skip
    if len(ours.get("ready_s_all", [])) > 1:
        rows.append(("  each start (median above)", " ".join(fmt_s(x) for x in ours["ready_s_all"]),
                     " ".join(fmt_s(x) for x in bare.get("ready_s_all", [])), "", ""))  # fmt: skip
    for name, seconds in ours.get("services_ready_s", {}).items():
        rows.append((f"  {name} ready after", fmt_s(seconds), "", "", ""))
    rss = ours.get("rss_mib", {})
    for name, mib in rss.items():
        if name != "total":
            rows.append((f"RSS {name}", f"{mib} MiB", "", "", ""))
    if rss:
        rows.append(("RSS all our processes", f"{rss['total']} MiB",
                     f"{bare.get('rss_mib', '-')} MiB", "< 1536 MiB",
                     verdict(rss["total"] < TARGET_TOTAL_RSS_MIB)))  # fmt: skip
    conv_o, conv_b = ours.get("conversation", {}), bare.get("conversation", {})
    rows.append(("REST conversation answers (first reply)",
                 f"{'yes' if conv_o.get('ok') else 'NO'} {conv_o.get('seconds', '-')} s",
                 f"{'yes' if conv_b.get('ok') else 'NO'} {conv_b.get('seconds', '-')} s",
                 "answers", verdict(conv_o.get("ok"))))  # fmt: skip
    stop_o, stop_b = ours.get("stop", {}), bare.get("stop", {})
    rows.append(("stop on SIGINT",
                 f"exit {stop_o.get('exit_code')} in {stop_o.get('seconds')} s",
                 f"exit {stop_b.get('exit_code')} in {stop_b.get('seconds')} s",
                 "exit 0, ports free", verdict(stop_o.get("clean"))))  # fmt: skip
    load = figures["load"]
    rows.append(("load average (1 min) before / after", f"{load['before'][0]:.2f} / "
                 f"{load['after'][0]:.2f}", "", f"{load['cpus']} CPUs", ""))  # fmt: skip
    widths = [max(len(r[i]) for r in rows + [HEADER]) for i in range(5)]
    lines = []
    for row in [HEADER, tuple("-" * w for w in widths), *rows]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


HEADER = ("figure", "JIM-kiezer", "bare rasa init", "target", "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-cold", action="store_true", help="skip the fresh-clone set-up")
    parser.add_argument("--pip-cache", choices=["fresh", "shared"], default="fresh",
                        help="cold set-up with an empty pip cache (like a new machine, "
                        "default) or this user's cache")  # fmt: skip
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="warm starts of each, alternating; the table shows the median",
    )
    parser.add_argument(
        "--cold-from", type=Path, help="take the cold set-up figures from an earlier startup.json"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="jim-bench-"))
    figures: dict = {
        "load": {"before": loadavg(), "cpus": os.cpu_count()},
        "python": sys.version.split()[0],
        "tmp": str(tmp),
    }
    try:
        if args.cold_from:
            figures["cold"] = json.loads(args.cold_from.read_text())["cold"]
            figures["cold"]["from_earlier_run"] = str(args.cold_from)
        elif not args.skip_cold:
            print("cold set-up on a fresh clone (minutes)...", flush=True)
            figures["cold"] = measure_cold(tmp / "cold", args.pip_cache)
        (tmp / "cold").mkdir(exist_ok=True)
        print("training our assistant (rasa train --force)...", flush=True)
        figures["train_ours"] = measure_training(tmp)
        print("rasa init --no-prompt (trains the bare assistant)...", flush=True)
        figures["init_bare"], bare = measure_bare_init(tmp)
        runs_ours, runs_bare = [], []
        for round_ in range(1, args.repeat + 1):  # alternate, so load hits both alike
            print(f"warm start {round_}/{args.repeat} of JIM-kiezer (jim run)...", flush=True)
            runs_ours.append(measure_ours(tmp))
            print(f"warm start {round_}/{args.repeat} of the bare assistant...", flush=True)
            runs_bare.append(measure_bare_run(tmp, bare))
        figures["run_ours"], figures["run_bare"] = median_run(runs_ours), median_run(runs_bare)
        figures["runs_ours"], figures["runs_bare"] = runs_ours, runs_bare
        figures["load"]["after"] = loadavg()
    finally:
        figures["load"].setdefault("after", loadavg())
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(figures, indent=2) + "\n")
        if not args.keep:
            shutil.rmtree(tmp / "cold" / "venv", ignore_errors=True)
    print()
    print(table(figures))
    print(f"\nAll figures: {OUT.relative_to(PROJECT_DIR)}; logs in {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
