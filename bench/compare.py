"""Three columns measured in one run with the same messages (a benchmark, not a test).

    .venv/bin/python bench/compare.py                       # 3 rounds, 1 and 20 at once
    .venv/bin/python bench/compare.py --rounds 5 --levels 1,20,50
    .venv/bin/python bench/compare.py --rounds 3 --levels 1 --channels rest   # short

Why: bench/load.py and bench/startup.py put this assistant (its own config, 8 of 11
messages button payloads that skip NLU) against a bare `rasa init` (Rasa's default
config, all typed English): their figures measured mostly the config, not `rasa_addons/`.
This bench measures, side by side in every round:

- **stock**: this assistant's model on Rasa's own `rasa run` (`python -m rasa run`, Rasa's
  SQL tracker store on the same SQLite file, `rasa run actions` as the action server):
  what the launcher changes is left out. The launcher (bot/run/launcher.py) applies
  rasa_addons in three places: the Rasa server is `python -m rasa_addons.server run`,
  endpoints.yml names `rasa_addons.tracker_store.CachingSQLTrackerStore`, and the action
  server is `python -m rasa_addons.action_server`; here the three are Rasa's own;
- **addons**: the same model as `jim run` starts it (bot.run.launcher.Stack);
- **bare**: a bare `rasa init --no-prompt` project (Rasa's default config and data), made
  in a temporary folder and trained once, then kept in bench/out/bare-init/.

Messages: the simulated youths of bench/conversation.py, half of them by buttons (BY_BUTTONS:
"/start", two typed answers, eight taps) and half typing (BY_TYPING: "/start" and nine
typed answers): 21 messages, 10 of them payloads. The bare assistant gets the same
messages as typed Dutch text: it has none of these buttons, so a tap is sent as the
button's title typed ("15", "Oma of opa"), and "/start" as "hoi" (it has no start
intent): every one of its messages goes through NLU, as a youth's would there. For the
two columns of this assistant a conversation must end with its code JIM-XXXX and every
message must get a reply; the bare assistant may say nothing (its stories do not cover
these messages) and that is not counted as an error.

Both ways in: Rasa's REST channel (POST /webhooks/rest/webhook) and the product's web app
(POST /chat/new, then /chat/send with the conversation's secret), which every column gets
(the web app forwards to that column's Rasa server; its rate limits are raised for the
bench).

Rounds: every round starts the three columns one after another (the start-up time: until
the Rasa server answers /status; the memory of each process tree after the start), then
runs each level (`--levels`: youths at once) on each channel against each column in
turn, the order of the columns rotating every round, and stops them. The figures are the
median and the range (lowest - highest) over the rounds: never the best round. The
header holds the date, the commit, the machine and its load (`uptime`) before and after.
Writes bench/out/compare.json.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import httpx

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
sys.path[:0] = [str(PROJECT_DIR), str(BENCH_DIR)]

from conversation import BY_BUTTONS, BY_TYPING  # noqa: E402
from startup import (  # noqa: E402
    MIB,
    descendants,
    kill_leftovers,
    measure_bare_init,
    parent_map,
    start_bare,
    stop_with_sigint,
    tree_rss,
    wait_bare_ready,
)

from bot.rasa_client import AsyncRasa, RasaError  # noqa: E402
from bot.run import setup_steps, training  # noqa: E402
from bot.run.launcher import Stack  # noqa: E402
from testkit.chat import CODE  # noqa: E402
from testkit.env import make_settings  # noqa: E402

OUT = PROJECT_DIR / "bench" / "out" / "compare.json"
BARE_CACHE = PROJECT_DIR / "bench" / "out" / "bare-init"
COLUMNS = ("stock", "addons", "bare")
TITLES = {
    "stock": "ours, stock rasa run",
    "addons": "ours, rasa_addons",
    "bare": "bare rasa init",
}
CHANNELS = ("rest", "web")
CHANNEL_TITLES = {"rest": "REST channel", "web": "/chat/send"}
# The web app's limits would refuse a bench's many conversations from one address.
NO_LIMITS = {"RATE_CHAT_PER_IP": "1000000", "RATE_CHAT_PER_SENDER": "1000000"}


def typed_for_bare(step: str) -> str:
    """The same message as typed text: a tap as the button's title, /start as "hoi"."""
    if step.startswith("tap:"):
        return step[4:]
    if step.startswith("/start"):
        return "hoi"
    return step


SCRIPTS = (tuple(BY_BUTTONS), tuple(BY_TYPING))
BARE_SCRIPTS = tuple(tuple(typed_for_bare(s) for s in script) for script in SCRIPTS)


# --- one simulated youth ----------------------------------------------------------------


class Youth:
    """One conversation over one channel; sends the next message only after the reply."""

    def __init__(self, client: httpx.AsyncClient, channel: str, rasa_url: str, web_url: str):
        self.client, self.channel = client, channel
        self.rasa_url, self.web_url = rasa_url, web_url
        self.sender = "cmp-" + uuid.uuid4().hex[:16]
        self.secret = ""
        self.last: list[dict] = []

    async def open(self) -> None:
        if self.channel == "web":
            response = await self.client.post(f"{self.web_url}/chat/new", json={})
            response.raise_for_status()
            made = response.json()
            self.sender, self.secret = made["sender"], made["secret"]

    async def send(self, message: str) -> int:
        if self.channel == "rest":  # through the product's one Rasa client, on the shared pool
            try:
                self.last = await AsyncRasa(self.rasa_url, client=self.client).send(
                    self.sender, message
                )
            except RasaError as error:
                self.last = []
                if error.status is None:
                    raise  # play() names it: timeout or the transport error
                return error.status
            return 200
        else:
            response = await self.client.post(
                f"{self.web_url}/chat/send",
                json={"sender": self.sender, "message": message},
                headers={"X-Chat-Secret": self.secret},
            )
            self.last = response.json()["messages"] if response.status_code == 200 else []
        return response.status_code

    def payload(self, title: str) -> str | None:
        for reply in self.last:
            for button in reply.get("buttons") or []:
                if title.lower() in button.get("title", "").lower():
                    return button["payload"]
        return None

    @property
    def text(self) -> str:
        return "\n".join(reply.get("text") or "" for reply in self.last)


async def play(youth: Youth, script: tuple[str, ...], ours: bool) -> dict:
    """One whole conversation; stops at the first error. Times in seconds per reply."""
    times: list[float] = []
    try:
        await youth.open()
        for step in script:
            message = step
            if step.startswith("tap:"):
                message = youth.payload(step[4:])
                if message is None:
                    return {"times": times, "error": f"no button {step[4:]!r}"}
            began = time.perf_counter()
            status = await youth.send(message)
            seconds = time.perf_counter() - began
            if status != 200:
                return {"times": times, "error": f"HTTP {status}"}
            if ours and not youth.last:
                return {"times": times, "error": "empty reply"}
            times.append(seconds)
    except httpx.TimeoutException:
        return {"times": times, "error": "timeout"}
    except RasaError as exc:  # the REST channel, through bot/rasa_client.py
        return {"times": times, "error": "timeout" if "Timeout" in exc.reason else exc.reason}
    except (httpx.HTTPError, ValueError, KeyError) as exc:
        return {"times": times, "error": type(exc).__name__}
    if ours and not CODE.search(youth.text):
        return {"times": times, "error": "no code JIM-XXXX"}
    return {"times": times, "error": None}


async def _level(column: dict, channel: str, youths: int, timeout: float) -> dict:
    ours = column["name"] != "bare"
    scripts = SCRIPTS if ours else BARE_SCRIPTS
    limits = httpx.Limits(max_connections=youths + 4, keepalive_expiry=2.0)
    async with httpx.AsyncClient(timeout=timeout, limits=limits) as client:
        began = time.perf_counter()
        if youths == 1:  # one youth at a time: one of each kind, one after the other
            results = []
            for script in scripts:
                youth = Youth(client, channel, column["rasa_url"], column["web_url"])
                results.append(await play(youth, script, ours))
        else:
            results = await asyncio.gather(
                *(
                    play(
                        Youth(client, channel, column["rasa_url"], column["web_url"]),
                        scripts[n % 2],
                        ours,
                    )
                    for n in range(youths)
                )
            )
        wall = time.perf_counter() - began
    times = [t for r in results for t in r["times"]]
    errors: dict[str, int] = {}
    for result in results:
        if result["error"]:
            errors[result["error"]] = errors.get(result["error"], 0) + 1
    return {
        "messages": len(times),
        "wall_s": round(wall, 3),
        "per_s": round(len(times) / wall, 2) if wall else None,
        "p50_ms": ms(percentile(times, 50)),
        "p95_ms": ms(percentile(times, 95)),
        "errors": errors,
    }


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


# --- the three columns -------------------------------------------------------------------


def stock_endpoints(tmp: Path, database_file: Path) -> Path:
    """endpoints.yml with Rasa's own SQL tracker store on the same SQLite file."""
    path = tmp / "endpoints.stock.yml"
    path.write_text(
        "action_endpoint:\n"
        "  url: ${ACTION_ENDPOINT_URL}\n"
        "  token: ${ACTION_SERVER_TOKEN}\n"
        "tracker_store:\n"
        "  type: SQL\n"
        "  dialect: sqlite\n"
        f"  db: {database_file}\n"
    )
    return path


def make_stock(stack: Stack, tmp: Path, database_file: Path) -> None:
    """The launcher's services with Rasa's own server, tracker store and action server."""
    settings = stack.settings
    endpoints = stock_endpoints(tmp, database_file)
    for service in stack.services:
        command = list(service.command)
        if service.name == "Rasa server":
            assert command[1:3] == ["-m", "rasa_addons.server"], command
            command[2] = "rasa"
            command[command.index("--endpoints") + 1] = str(endpoints)
            # stock Rasa reads the token only from its command line
            command += ["--auth-token", settings.rasa_auth_token]
        elif service.name == "action server":
            assert command[1:3] == ["-m", "rasa_addons.action_server"], command
            command = [sys.executable, "-m", "rasa", "run", "actions", *command[3:]]
        service.command = command


def start_ours(name: str, model: Path, tmp: Path) -> dict:
    folder = tmp / name
    folder.mkdir()
    settings = make_settings(folder)
    setup_steps.migrate(settings)
    setup_steps.ensure_base_data(settings)
    stack = Stack(settings, model, folder / "logs", extra_env=NO_LIMITS)
    if name == "stock":
        make_stock(stack, folder, folder / "jim.db")
    began = time.monotonic()
    stack.start(timeout=900, progress=lambda line: None)
    ready = {s.name: round(s.ready_after, 1) for s in stack.services}
    return {
        "name": name,
        "stack": stack,
        "rasa_url": settings.rasa_url,
        "web_url": settings.web_url,
        "start_s": ready["Rasa server"],
        "all_ready_s": round(time.monotonic() - began, 1),
        "pids": {s.name: s.process.pid for s in stack.services},
    }


def start_bare_column(bare: Path, model: Path, tmp: Path) -> dict:
    folder = tmp / "bare"
    folder.mkdir()
    process, _reader, port, began = start_bare(folder, bare)
    ready = wait_bare_ready(process, port, began, timeout=900)
    if ready is None:
        process.kill()
        raise RuntimeError(f"the bare assistant did not start; see {folder / 'run-bare.log'}")
    settings = dataclasses.replace(make_settings(folder), rasa_port=port)
    setup_steps.migrate(settings)
    setup_steps.ensure_base_data(settings)
    web = Stack(settings, model, folder / "logs", only=("web app",), extra_env=NO_LIMITS)
    web.start(timeout=300, progress=lambda line: None)
    return {
        "name": "bare",
        "process": process,
        "stack": web,
        "rasa_url": f"http://127.0.0.1:{port}",
        "web_url": settings.web_url,
        "start_s": ready,
        "all_ready_s": round(time.monotonic() - began, 1),
        "pids": {"Rasa server": process.pid, "web app": web.services[0].process.pid},
    }


def memory(column: dict) -> dict:
    parents = parent_map()
    figures = {name: round(tree_rss(pid, parents) / MIB) for name, pid in column["pids"].items()}
    figures["total"] = sum(figures.values())
    return figures


def stop(column: dict) -> None:
    column["stack"].stop()
    process = column.get("process")
    if process is not None and process.poll() is None:
        pids = [process.pid, *descendants(process.pid)]
        stop_with_sigint(process, [], pids)
        kill_leftovers([p for p in pids if Path(f"/proc/{p}").exists()])


def bare_project(tmp: Path) -> tuple[Path, dict | None]:
    """The cached bare `rasa init` project; made and trained once when missing."""
    if list((BARE_CACHE / "models").glob("*.tar.gz")):
        return BARE_CACHE, None
    made, folder = measure_bare_init(tmp)
    if made["exit_code"] != 0:
        raise RuntimeError(f"rasa init failed; see {tmp / 'init-bare.log'}")
    shutil.rmtree(BARE_CACHE, ignore_errors=True)
    shutil.copytree(folder, BARE_CACHE)
    return BARE_CACHE, made


# --- the run -----------------------------------------------------------------------------


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kib = int(Path("/proc/meminfo").read_text().split()[1])
    return f"{platform.node()}, {os.cpu_count()} cores ({cpu}), {memory_kib / 1024**2:.0f} GiB"


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=PROJECT_DIR, capture_output=True, text=True
        ).stdout.strip()

    dirty = " (with changes not committed)" if git("status", "--porcelain", "-uno") else ""
    return git("rev-parse", "--short", "HEAD") + dirty


def run(args) -> dict:
    model = args.model or training.model_path(PROJECT_DIR)
    if not model.exists():
        raise SystemExit(f"no model at {model}: run .venv/bin/python -m bot.cli setup first")
    figures: dict = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "machine": machine(),
        "uptime_before": uptime(),
        "model": model.name,
        "rounds": [],
        "levels": args.levels,
        "channels": args.channels,
    }
    with tempfile.TemporaryDirectory(prefix="jim-compare-") as tmp_name:
        tmp = Path(tmp_name)
        bare, made = bare_project(tmp)
        figures["bare_init"] = made or "cached in bench/out/bare-init"
        for number in range(args.rounds):
            order = COLUMNS[number % 3 :] + COLUMNS[: number % 3]
            print(f"round {number + 1}/{args.rounds}: {', '.join(order)}; {uptime()}", flush=True)
            round_dir = tmp / f"round{number}"
            round_dir.mkdir()
            columns: dict[str, dict] = {}
            result: dict = {"order": order, "columns": {}}
            try:
                for name in order:
                    if name == "bare":
                        columns[name] = start_bare_column(bare, model, round_dir)
                    else:
                        columns[name] = start_ours(name, model, round_dir)
                    columns[name]["memory_after_start"] = memory(columns[name])
                    print(f"  {name} started in {columns[name]['start_s']} s", flush=True)
                peak = {name: dict(columns[name]["memory_after_start"]) for name in order}
                for youths in args.levels:
                    for channel in args.channels:
                        for name in order:
                            key = f"{channel}@{youths}"
                            got = asyncio.run(_level(columns[name], channel, youths, args.timeout))
                            result["columns"].setdefault(name, {})[key] = got
                            now = memory(columns[name])
                            peak[name] = {k: max(v, peak[name].get(k, 0)) for k, v in now.items()}
                            print(f"  {name:<6} {key:<8} p50 {got['p50_ms']} ms, p95 "
                                  f"{got['p95_ms']} ms, {got['per_s']}/s, errors {got['errors']}",
                                  flush=True)  # fmt: skip
                for name in order:
                    result["columns"].setdefault(name, {}).update(
                        start_s=columns[name]["start_s"],
                        all_ready_s=columns[name]["all_ready_s"],
                        memory_after_start=columns[name]["memory_after_start"],
                        memory_peak=peak[name],
                    )
            finally:
                for column in columns.values():
                    stop(column)
            figures["rounds"].append(result)
            figures["uptime_after"] = uptime()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(figures, indent=2))  # what is done so far
    figures["uptime_after"] = uptime()
    return figures


# --- the table ---------------------------------------------------------------------------


def spread(values: list) -> str:
    """Median and range: "123 (110-140)"; a dash when nothing was measured."""
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    middle = statistics.median(values)

    def show(value: float) -> str:
        return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"

    if len(values) == 1:
        return show(middle)
    return f"{show(middle)} ({show(min(values))}-{show(max(values))})"


def table(figures: dict, markdown: bool = False) -> str:
    rounds = figures["rounds"]

    def values(name: str, *path: str) -> list:
        found = []
        for result in rounds:
            value = result["columns"].get(name, {})
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            found.append(value)
        return found

    rows = [("figure (median of rounds, range)", *(TITLES[c] for c in COLUMNS))]
    rows.append(("Rasa server start, s", *(spread(values(c, "start_s")) for c in COLUMNS)))
    rows.append(("all processes ready, s", *(spread(values(c, "all_ready_s")) for c in COLUMNS)))
    for part, label in (("Rasa server", "Rasa server"), ("total", "all processes")):
        rows.append(
            (
                f"memory after start, {label}, MiB",
                *(spread(values(c, "memory_after_start", part)) for c in COLUMNS),
            )
        )
        rows.append(
            (
                f"memory peak, {label}, MiB",
                *(spread(values(c, "memory_peak", part)) for c in COLUMNS),
            )
        )
    for youths in figures["levels"]:
        for channel in figures["channels"]:
            key = f"{channel}@{youths}"
            at = f"{youths} at once, {CHANNEL_TITLES[channel]}"
            for figure, label in (("p50_ms", "reply p50, ms"), ("p95_ms", "reply p95, ms"),
                                  ("per_s", "messages/s")):  # fmt: skip
                rows.append((f"{at}: {label}", *(spread(values(c, key, figure)) for c in COLUMNS)))
            errors = []
            for c in COLUMNS:
                total: dict[str, int] = {}
                for found in values(c, key, "errors"):
                    for kind, count in (found or {}).items():
                        total[kind] = total.get(kind, 0) + count
                errors.append(", ".join(f"{k} {v}" for k, v in total.items()) or "0")
            rows.append((f"{at}: errors (all rounds)", *errors))
    if markdown:
        out = ["| " + " | ".join(map(str, rows[0])) + " |", "|" + " --- |" * len(rows[0])]
        out += ["| " + " | ".join(map(str, row)) + " |" for row in rows[1:]]
        return "\n".join(out)
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = [
        f"{figures['date']}, commit {figures['commit']}, model {figures['model']}",
        f"machine: {figures['machine']}",
        f"load before: {figures['uptime_before']}",
        f"load after:  {figures['uptime_after']}",
        f"{len(rounds)} rounds; messages: {len(SCRIPTS[0]) + len(SCRIPTS[1])} per pair of youths "
        f"(bench/conversation.py BY_BUTTONS and BY_TYPING; bare: the same typed)",
        "",
    ]
    for index, row in enumerate(rows):
        cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append(" | ".join(cells).rstrip())
        if index == 0:
            lines.append("-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def parse_args(argv: list[str] | None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="at least 3 (default 3)")
    parser.add_argument(
        "--levels",
        default="1,20",
        type=lambda text: [int(x) for x in text.split(",") if x.strip()],
        help="youths at once, comma-separated (default 1,20)",
    )
    parser.add_argument(
        "--channels",
        default="rest,web",
        type=lambda text: [c for c in text.split(",") if c in CHANNELS],
        help="rest, web or both (default rest,web)",
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per reply")
    parser.add_argument("--model", type=Path, help="our model (default: the current one)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--show", type=Path, metavar="JSON", help="print the table of a saved run, run nothing"
    )
    parser.add_argument("--markdown", action="store_true", help="with --show: a Markdown table")
    args = parser.parse_args(argv)
    if args.show:
        return args
    if args.rounds < 3:
        parser.error("--rounds must be at least 3: one round is no spread")
    if not args.channels or not args.levels:
        parser.error("give at least one level and one channel")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.show:
        print(table(json.loads(args.show.read_text()), markdown=args.markdown))
        return 0
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    figures = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2))
    print()
    print(table(figures))
    print(f"\nfigures: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
