"""Load: whole conversations at once against the real product, beside a bare `rasa init`.

A benchmark, not a test: it prints a table and writes bench/out/load.json and load.png.

    .venv/bin/python bench/load.py                 # everything (10-15 min on 2 cores)
    .venv/bin/python bench/load.py --quick         # a small run to try it out (~4 min)
    .venv/bin/python bench/load.py --levels 1,20,50 --long 50 --rounds 2 --no-scaleout

What it does (every address is on 127.0.0.1; every loop is bounded in count and in time):

- starts the product the way the tests and bench/conversation.py do (bot.run.launcher.Stack:
  Rasa server, action server, web app, a temp SQLite database) and, side by side, a bare
  `rasa init` assistant (`rasa run`, made and trained as bench/startup.py does);
- at each level (`--levels`, conversations at once) every simulated youth plays a whole
  conversation over the REST channel (POST /webhooks/rest/webhook) and sends its next
  message only after the reply, like a person. Ours: the happy path by buttons of
  bench/conversation.py, through the custom actions and the database, ending in a consented
  nomination with a code `JIM-XXXX`. The bare one: hello, great, sad, yes, ... (its own
  data) for as many messages. Each level runs against ours and the bare one in turn (the
  order flips every level and round), so a busy machine hits both alike; `--rounds`
  repeats everything and the figures pool the rounds;
- figures: reply latency per message (p50, p95, p99), throughput (messages/s), errors
  (non-200, empty reply, timeout, a button that is not there; for ours also no code at
  the end, or a nomination that is not in the database), the resident memory of each
  process (VmRSS with its children, as bench/startup.py measures it: after the start, and
  the peak sampled every second under load), and the reply time per turn of ours;
- one long conversation each (`--long 50`): ours chooses, consents, withdraws and chooses
  again, and after the last handoff asks what a JIM is, says thanks, ... (each reply still
  names the code); p95 of messages 1-10 against the last 11 (40-50);
- scale-out (unless `--no-scaleout`): bot.run.scaleout.ScaleOutStack (two Rasa servers, two
  action servers, PostgreSQL tracker store, Redis lock store, nginx); the same 20
  conversations at once sent to Rasa server 1 alone and through nginx to both, in turn:
  the throughput factor of two servers over one on the same shared database and locks
  (Rasa server 1 reaches the action servers through nginx in both).

Our model: the one trained on the current config, domain and data; while those are being
edited (no such model yet) the newest in models/, and the output says so; or `--model`.

The machine may be shared: the load average before and after is in the output.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
sys.path[:0] = [str(PROJECT_DIR), str(BENCH_DIR)]

from conversation import BY_BUTTONS  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from startup import (  # noqa: E402
    MIB,
    descendants,
    kill_leftovers,
    loadavg,
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
from bot.storage import Nomination, make_engine  # noqa: E402
from testkit.chat import CODE, Chat  # noqa: E402
from testkit.env import make_settings  # noqa: E402

OUT = PROJECT_DIR / "bench" / "out"
OURS, BARE = "ours", "bare"
NAMES = {OURS: "JIM-kiezer", BARE: "bare rasa init"}

# Ours after the last handoff: questions that are answered, each reply names the code again.
AFTER_HANDOFF = ["wat is een jim", "bedankt", "ben jij een robot", "hoi"]
WITHDRAW = "tap:Toch niet sturen"
CONSENT = BY_BUTTONS[-1]
# The bare assistant's own data (rasa init): greet, mood_great, mood_unhappy, affirm, deny,
# bot_challenge; as many messages as our happy path.
BARE_STEPS = [
    "hello",
    "great",
    "hi",
    "I am sad",
    "yes",
    "hey",
    "not good",
    "no",
    "are you a bot?",
    "good morning",
    "perfect",
]
EARLY = 10  # flatness: messages 1-10 ...
LATE = 11  # ... against the last 11 (40-50 of 50)

TARGET_RATIO_20 = 0.8  # at 20 at once: our p95 <= 0.8 x bare p95, no errors
TARGET_FLAT = 1.2  # long conversation: p95 of the last 11 <= 1.2 x p95 of messages 1-10
SAMPLE_EVERY_S = 1.0


# --- conversations -----------------------------------------------------------------------


@dataclass(frozen=True)
class Script:
    """What one simulated youth sends ("tap:<title>" taps a button of the last reply)."""

    steps: tuple[str, ...]
    code_at: frozenset[int] = frozenset()  # indexes whose reply must name a code JIM-XXXX
    # Ours answers every message; the bare assistant's TED may choose to say nothing (its
    # stories do not cover every order of messages): that is its answer, not an error.
    reply_required: bool = True


def ours_script() -> Script:
    return Script(tuple(BY_BUTTONS), frozenset({len(BY_BUTTONS) - 1}))


def ours_long_script(length: int) -> Script:
    """The happy path again and again (consent, withdraw, /start), then questions after the
    last handoff, so that the conversation stays valid and ends with its code."""
    loop = [*BY_BUTTONS, WITHDRAW]
    steps: list[str] = []
    while len(steps) + len(loop) + len(BY_BUTTONS) <= length:
        steps += loop
    steps += BY_BUTTONS
    steps += itertools.islice(itertools.cycle(AFTER_HANDOFF), max(0, length - len(steps)))
    steps = steps[:length]
    last_consent = max(i for i, step in enumerate(steps) if step == CONSENT)
    code_at = {i for i, step in enumerate(steps) if step == CONSENT}
    code_at |= set(range(last_consent, len(steps)))
    return Script(tuple(steps), frozenset(code_at))


def bare_script(length: int = len(BARE_STEPS)) -> Script:
    return Script(
        tuple(itertools.islice(itertools.cycle(BARE_STEPS), length)), reply_required=False
    )


class LoadChat(Chat):
    """One simulated youth: testkit/chat.py's Chat, asynchronous, on a shared client.

    It talks through the product's one Rasa client (bot/rasa_client.py's `AsyncRasa`, on
    the bench's shared connection pool). `tap()` (inherited) finds the button by its title
    and returns `send(payload)`, here a coroutine. Nothing is kept but the last reply.
    """

    def __init__(self, client: httpx.AsyncClient, rasa_url: str, sender: str) -> None:
        super().__init__(rasa_url, sender)
        self.async_rasa = AsyncRasa(rasa_url, client=client)

    async def send(self, message: str) -> list[dict]:
        self.turns += 1
        self.last = []
        self.last = await self.async_rasa.send(self.sender, message)  # RasaError on failure
        return self.last


def failure(error: RasaError) -> str:
    """The bench's word for a failed reply: timeout, HTTP 500, not JSON, ConnectError."""
    if error.status is not None:
        return "not JSON" if error.reason == "not JSON" else f"HTTP {error.status}"
    return "timeout" if "Timeout" in error.reason else error.reason


async def play(
    client: httpx.AsyncClient, rasa_url: str, script: Script, sender: str, deadline: float
) -> dict:
    """One whole conversation; stops at the first error. Times are seconds per reply."""
    chat = LoadChat(client, rasa_url, sender)
    times: list[tuple[int, float]] = []
    error = None
    for index, step in enumerate(script.steps):
        if time.monotonic() > deadline:
            error = "time limit"
            break
        began = time.perf_counter()
        try:
            if step.startswith("tap:"):
                await chat.tap(step[4:])
            else:
                await chat.send(step)
        except AssertionError:
            error = "no such button"
            break
        except RasaError as exc:
            error = failure(exc)
            break
        seconds = time.perf_counter() - began
        if not chat.last and script.reply_required:
            error = "empty reply"
            break
        times.append((index, seconds))
        if index in script.code_at and not CODE.search(chat.text):
            error = "no code JIM-XXXX"
            break
    return {"times": times, "error": error}


class Sampler:
    """The resident memory of named process trees, its peak sampled every second."""

    def __init__(self) -> None:
        self.peak: dict[str, dict[str, int]] = {}

    def sample(self, groups: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
        parents = parent_map()
        now = {}
        for group, pids in groups.items():
            figures = {name: round(tree_rss(pid, parents) / MIB) for name, pid in pids.items()}
            figures["total"] = sum(figures.values())
            now[group] = figures
            peak = self.peak.setdefault(group, {})
            for name, mib in figures.items():
                peak[name] = max(peak.get(name, 0), mib)
        return now

    async def run(self, groups: dict[str, dict[str, int]], stop: asyncio.Event) -> None:
        while not stop.is_set():
            await asyncio.to_thread(self.sample, groups)
            try:
                await asyncio.wait_for(stop.wait(), SAMPLE_EVERY_S)
            except asyncio.TimeoutError:
                pass


async def _load(rasa_url, script, conversations, tag, timeout, limit_s, sampler, groups):
    limits = httpx.Limits(
        max_connections=conversations + 4,
        max_keepalive_connections=conversations + 4,
        keepalive_expiry=2.0,  # below Sanic's 5 s, so no request meets a closing connection
    )
    stop = asyncio.Event()
    sampling = asyncio.create_task(sampler.run(groups, stop))
    async with httpx.AsyncClient(timeout=timeout, limits=limits) as client:
        deadline = time.monotonic() + limit_s
        began = time.perf_counter()
        plays = [
            play(client, rasa_url, script, f"load-{tag}-{n}-{uuid.uuid4().hex[:8]}", deadline)
            for n in range(conversations)
        ]
        try:
            results = await asyncio.wait_for(asyncio.gather(*plays), limit_s + timeout + 15)
        except asyncio.TimeoutError:
            results = [{"times": [], "error": "time limit"} for _ in range(conversations)]
        wall = time.perf_counter() - began
    stop.set()
    await sampling
    return results, wall


def run_load(
    rasa_url: str,
    script: Script,
    conversations: int,
    tag: str,
    args,
    sampler: Sampler,
    groups: dict,
    database_url: str | None = None,
) -> dict:
    """`conversations` youths at once, each through `script`; the raw figures."""
    results, wall = asyncio.run(
        _load(rasa_url, script, conversations, tag, args.timeout, args.limit, sampler, groups)
    )
    errors = Counter(r["error"] for r in results if r["error"])
    completed = sum(1 for r in results if r["error"] is None)
    if database_url is not None and completed:
        stored = stored_nominations(database_url, f"load-{tag}-")
        expected = completed if script.code_at else 0
        if stored < expected:
            errors["nomination not stored"] += expected - stored
    return {
        "conversations": conversations,
        "messages_per_conversation": len(script.steps),
        "completed": completed,
        "wall_s": round(wall, 3),
        "times": [[i, round(s, 4)] for r in results for i, s in r["times"]],
        "errors": dict(errors),
    }


def stored_nominations(database_url: str, prefix: str) -> int:
    """Nominations with status `nieuw` whose conversation id starts with `prefix`."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                select(func.count())
                .select_from(Nomination)
                .where(Nomination.conversation_id.like(prefix + "%"), Nomination.status == "nieuw")
            ).scalar_one()
    finally:
        engine.dispose()


# --- statistics --------------------------------------------------------------------------


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


def pooled(runs: list[dict], steps: tuple[str, ...] | None = None) -> dict:
    """The rounds of one assistant at one level together."""
    latencies = [s for run in runs for _, s in run["times"]]
    messages = len(latencies)
    wall = sum(run["wall_s"] for run in runs)
    errors: Counter = Counter()
    for run in runs:
        errors.update(run["errors"])
    figures = {
        "rounds": len(runs),
        "conversations": sum(run["conversations"] for run in runs),
        "completed": sum(run["completed"] for run in runs),
        "messages": messages,
        "throughput_msg_s": round(messages / wall, 2) if wall else None,
        "throughput_per_round": [
            round(len(run["times"]) / run["wall_s"], 2) if run["wall_s"] else None for run in runs
        ],
        "p50_ms": ms(percentile(latencies, 50)),
        "p95_ms": ms(percentile(latencies, 95)),
        "p99_ms": ms(percentile(latencies, 99)),
        "max_ms": ms(max(latencies, default=None)),
        "p95_per_round_ms": [ms(percentile([s for _, s in r["times"]], 95)) for r in runs],
        "errors": dict(errors),
        "error_count": sum(errors.values()),
    }
    if steps is not None:
        per_step = {}
        for index, step in enumerate(steps):
            values = [s for run in runs for i, s in run["times"] if i == index]
            per_step[f"{index + 1:>2} {step}"] = {
                "p50_ms": ms(percentile(values, 50)),
                "p95_ms": ms(percentile(values, 95)),
            }
        figures["per_turn"] = per_step
    return figures


def flatness(runs: list[dict], length: int) -> dict:
    early = [s for run in runs for i, s in run["times"] if i < EARLY]
    late = [s for run in runs for i, s in run["times"] if i >= length - LATE]
    p95_early, p95_late = percentile(early, 95), percentile(late, 95)
    errors: Counter = Counter()
    for run in runs:
        errors.update(run["errors"])
    return {
        "length": length,
        "rounds": len(runs),
        "early": f"1-{EARLY}",
        "late": f"{length - LATE + 1}-{length}",
        "p50_early_ms": ms(percentile(early, 50)),
        "p50_late_ms": ms(percentile(late, 50)),
        "p95_early_ms": ms(p95_early),
        "p95_late_ms": ms(p95_late),
        "ratio_p95": round(p95_late / p95_early, 2) if p95_early and p95_late else None,
        "median_ms": ms(statistics.median([s for run in runs for _, s in run["times"]] or [0])),
        "errors": dict(errors),
        "error_count": sum(errors.values()),
    }


# --- the two assistants ------------------------------------------------------------------


def choose_model(given: Path | None) -> tuple[Path, str]:
    """The model for the current data; else (the tree is being edited) the newest one."""
    if given is not None:
        return given, "given with --model"
    wanted = training.model_path(PROJECT_DIR)
    if wanted.exists():
        return wanted, "trained on the current data"
    found = sorted(wanted.parent.glob("jim-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not found:
        raise SystemExit("no trained model in models/: run scripts/setup first")
    return found[-1], f"NOT the current data (no {wanted.name}): the newest model"


def stop_bare(process, port: int) -> None:
    pids = [process.pid, *descendants(process.pid)]
    if process.poll() is None:
        stop_with_sigint(process, [port], pids)
    kill_leftovers([p for p in pids if Path(f"/proc/{p}").exists()])


def warm_up(rasa_url: str, script: Script, args) -> dict:
    """One conversation, not measured: the first messages load what Rasa loads lazily."""
    return run_load(rasa_url, script, 1, "warm-" + uuid.uuid4().hex[:6], args, Sampler(), {})


def alternate(pair: list, flip: bool) -> list:
    return pair[::-1] if flip else pair


def single_phase(args, tmp: Path, model: Path, bare_dir: Path, figures: dict) -> None:
    """Ours (one Rasa server, SQLite) and the bare one, running side by side."""
    settings = make_settings(tmp, host="127.0.0.1")  # every address on this machine
    setup_steps.migrate(settings)
    setup_steps.ensure_base_data(settings)
    stack = Stack(settings, model, tmp / "logs-ours")
    bare_process, _reader, bare_port, began = start_bare(tmp, bare_dir, "run-bare-load.log")
    bare_url = f"http://127.0.0.1:{bare_port}"
    try:
        print("starting JIM-kiezer (Stack) and the bare assistant side by side...", flush=True)
        stack.start(timeout=420, progress=lambda line: None)
        ready_ours = time.monotonic() - began
        ready_bare = wait_bare_ready(bare_process, bare_port, began)
        if ready_bare is None:
            raise SystemExit(f"the bare assistant did not start; see {tmp / 'run-bare-load.log'}")
        figures["start_s"] = {OURS: round(ready_ours, 1), BARE: ready_bare}
        groups = {
            OURS: {s.name: s.process.pid for s in stack.services},
            BARE: {"Rasa server": bare_process.pid},
        }
        sampler = Sampler()
        figures["rss_after_start_mib"] = sampler.sample(groups)
        sampler.peak = {}
        urls = {OURS: settings.rasa_url, BARE: bare_url}
        scripts = {OURS: ours_script(), BARE: bare_script()}
        warm = {name: warm_up(urls[name], scripts[name], args)["errors"] for name in urls}
        figures["warm_up_errors"] = warm
        raw: dict = {OURS: {}, BARE: {}}
        for round_ in range(args.rounds):
            for number, level in enumerate(args.levels):
                for name in alternate([OURS, BARE], bool((round_ + number) % 2)):
                    tag = f"{name}-{level}-{round_}"
                    run = run_load(
                        urls[name],
                        scripts[name],
                        level,
                        tag,
                        args,
                        sampler,
                        groups,
                        settings.database_url if name == OURS else None,
                    )
                    raw[name].setdefault(level, []).append(run)
                    print(
                        f"  round {round_ + 1}/{args.rounds}, {level:>3} at once, "
                        f"{NAMES[name]:<14}: {short(pooled([run]))}",
                        flush=True,
                    )
        figures["levels"] = {
            name: {
                str(level): pooled(runs, scripts[name].steps if name == OURS else None)
                for level, runs in by_level.items()
            }
            for name, by_level in raw.items()
        }
        figures["raw_levels"] = raw
        if args.long:
            long_scripts = {OURS: ours_long_script(args.long), BARE: bare_script(args.long)}
            long_runs: dict = {OURS: [], BARE: []}
            for round_ in range(args.rounds):
                for name in alternate([OURS, BARE], bool(round_ % 2)):
                    run = run_load(
                        urls[name],
                        long_scripts[name],
                        1,
                        f"{name}-long-{round_}",
                        args,
                        sampler,
                        groups,
                        settings.database_url if name == OURS else None,
                    )
                    long_runs[name].append(run)
                    print(
                        f"  long conversation ({args.long} messages), {NAMES[name]:<14}: "
                        f"{short(pooled([run]))}",
                        flush=True,
                    )
            figures["long"] = {
                name: {**flatness(runs, args.long), "steps": list(long_scripts[name].steps)}
                for name, runs in long_runs.items()
            }
            figures["raw_long"] = long_runs
        figures["rss_after_load_mib"] = sampler.sample(groups)
        figures["rss_peak_mib"] = sampler.peak
    finally:
        stack.stop()
        stop_bare(bare_process, bare_port)


def scaleout_phase(args, model: Path, figures: dict) -> None:
    """The same load on one Rasa server and on two behind nginx (shared PostgreSQL, Redis)."""
    from bot.run.scaleout import ScaleOutStack, missing_programs

    missing = missing_programs()
    if missing:
        figures["scaleout"] = {"skipped": f"missing {', '.join(missing)}: scripts/ensure-services"}
        print("  scale-out skipped: " + figures["scaleout"]["skipped"])
        return
    base = Path(tempfile.mkdtemp(prefix="jim-load-scale-"))
    base.chmod(0o711)  # as root PostgreSQL runs as the postgres user, which must enter it
    stack = ScaleOutStack(
        make_settings(base, host="127.0.0.1"), model, base / "run", servers=2, web=False
    )
    print(
        "starting the scale-out stack (2 Rasa + 2 action servers, PostgreSQL, Redis, nginx)...",
        flush=True,
    )
    began = time.monotonic()
    try:
        stack.start(timeout=600, progress=lambda line: None)
        result: dict = {"start_s": round(time.monotonic() - began, 1), "base": str(base)}
        groups = {"scaleout": {s.name: s.process.pid for s in stack.stack.services}}
        pid_file = stack.postgres.data_dir / "postmaster.pid" if stack.postgres else None
        if pid_file and pid_file.exists():
            groups["scaleout"]["PostgreSQL"] = int(pid_file.read_text().split()[0])
        sampler = Sampler()
        result["rss_after_start_mib"] = sampler.sample(groups)["scaleout"]
        sampler.peak = {}
        script = ours_script()
        result["warm_up_errors"] = [warm_up(url, script, args)["errors"] for url in stack.servers]
        modes = {"one": stack.servers[0], "two": stack.rasa_url}
        raw: dict = {"one": [], "two": []}
        n = args.scale_conversations
        for round_ in range(args.scale_rounds):
            for mode in alternate(["one", "two"], bool(round_ % 2)):
                run = run_load(
                    modes[mode],
                    script,
                    n,
                    f"scale-{mode}-{round_}",
                    args,
                    sampler,
                    groups,
                    stack.database_url,
                )
                raw[mode].append(run)
                print(
                    f"  round {round_ + 1}/{args.scale_rounds}, {n} at once, "
                    f"{mode} Rasa server(s): {short(pooled([run]))}",
                    flush=True,
                )
        result["conversations"] = n
        result["modes"] = {mode: pooled(runs) for mode, runs in raw.items()}
        one, two = (result["modes"][m]["throughput_msg_s"] for m in ("one", "two"))
        result["factor"] = round(two / one, 2) if one and two else None
        result["rss_peak_mib"] = sampler.peak.get("scaleout", {})
        result["raw"] = raw
        figures["scaleout"] = result
    finally:
        stack.stop()
        shutil.rmtree(stack.postgres_dir, ignore_errors=True)  # logs stay for a post-mortem


# --- report ------------------------------------------------------------------------------


def short(figures: dict) -> str:
    errors = ", ".join(f"{k} {v}" for k, v in figures["errors"].items()) or "no errors"
    return (
        f"p50 {fmt_ms(figures['p50_ms'])}, p95 {fmt_ms(figures['p95_ms'])}, "
        f"{figures['throughput_msg_s']} msg/s, {errors}"
    )


def fmt_ms(value) -> str:
    return "-" if value is None else f"{value:.0f} ms"


def fmt_errors(figures: dict | None) -> str:
    if not figures:
        return "-"
    if not figures["error_count"]:
        return "0"
    return (
        f"{figures['error_count']} ("
        + ", ".join(f"{k}: {v}" for k, v in figures["errors"].items())
        + ")"
    )


def ratio(a, b) -> str:
    return f"{a / b:.2f}" if a and b else "-"


def verdict(ok: bool | None) -> str:
    return "not run" if ok is None else ("PASS" if ok else "FAIL")


def targets(figures: dict) -> list[dict]:
    levels = figures.get("levels", {})
    ours, bare = levels.get(OURS, {}), levels.get(BARE, {})
    found = []
    o20, b20 = ours.get("20"), bare.get("20")
    ok = None
    if o20 and b20 and o20["p95_ms"] and b20["p95_ms"]:
        ok = o20["p95_ms"] <= TARGET_RATIO_20 * b20["p95_ms"] and o20["error_count"] == 0
    found.append(
        {
            "target": f"20 at once: our p95 <= {TARGET_RATIO_20} x bare p95, no errors",
            "figure": f"{fmt_ms(o20 and o20['p95_ms'])} vs {fmt_ms(b20 and b20['p95_ms'])} "
            f"(x{ratio(o20 and o20['p95_ms'], b20 and b20['p95_ms'])}), "
            f"errors {fmt_errors(o20)}",
            "ok": ok,
        }
    )
    long = figures.get("long", {}).get(OURS)
    ok = (
        None
        if not long or long["ratio_p95"] is None
        else (long["ratio_p95"] <= TARGET_FLAT and long["error_count"] == 0)
    )
    found.append(
        {
            "target": f"long conversation: p95 last {LATE} <= {TARGET_FLAT} x p95 1-{EARLY}",
            "figure": "-"
            if not long
            else (
                f"{fmt_ms(long['p95_late_ms'])} vs {fmt_ms(long['p95_early_ms'])} "
                f"(x{long['ratio_p95']}), errors {fmt_errors(long)}"
            ),
            "ok": ok,
        }
    )
    o50 = ours.get("50")
    found.append(
        {
            "target": "50 at once: no errors",
            "figure": f"errors {fmt_errors(o50)}" if o50 else "-",
            "ok": None if not o50 else o50["error_count"] == 0,
        }
    )
    scale = figures.get("scaleout", {})
    factor = scale.get("factor")
    found.append(
        {
            "target": f"{scale.get('conversations', 20)} at once: two Rasa servers give more "
            "throughput than one (factor > 1)",
            "figure": f"x{factor}" if factor else scale.get("skipped", "-"),
            "ok": None if factor is None else factor > 1,
        }
    )
    return found


def render(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def table(figures: dict) -> str:
    rows = [("figure", NAMES[OURS], NAMES[BARE], "ours/bare")]
    levels = figures.get("levels", {})
    for level in [str(x) for x in figures["args"]["levels"]]:
        o, b = levels.get(OURS, {}).get(level), levels.get(BARE, {}).get(level)
        if not o or not b:
            continue
        lat = "p50 / p95 / p99"
        rows.append(
            (
                f"{level:>2} at once: {lat}",
                trio(o),
                trio(b),
                ratio(o["p95_ms"], b["p95_ms"]) + " (p95)",
            )
        )
        rows.append(
            (
                f"{level:>2} at once: throughput",
                f"{o['throughput_msg_s']} msg/s",
                f"{b['throughput_msg_s']} msg/s",
                ratio(o["throughput_msg_s"], b["throughput_msg_s"]),
            )
        )
        rows.append(
            (
                f"{level:>2} at once: errors / conversations",
                f"{fmt_errors(o)} / {o['conversations']}",
                f"{fmt_errors(b)} / {b['conversations']}",
                "",
            )
        )
    long = figures.get("long")
    if long:
        o, b = long[OURS], long[BARE]
        rows.append(
            (
                f"long ({o['length']} msgs): p95 {o['early']} / {o['late']}",
                f"{fmt_ms(o['p95_early_ms'])} / {fmt_ms(o['p95_late_ms'])} (x{o['ratio_p95']})",
                f"{fmt_ms(b['p95_early_ms'])} / {fmt_ms(b['p95_late_ms'])} (x{b['ratio_p95']})",
                "",
            )
        )
        rows.append(
            (
                f"long ({o['length']} msgs): p50 {o['early']} / {o['late']}",
                f"{fmt_ms(o['p50_early_ms'])} / {fmt_ms(o['p50_late_ms'])}",
                f"{fmt_ms(b['p50_early_ms'])} / {fmt_ms(b['p50_late_ms'])}",
                "",
            )
        )
        rows.append(("long: errors", fmt_errors(o), fmt_errors(b), ""))
    start = figures.get("rss_after_start_mib", {})
    peak = figures.get("rss_peak_mib", {})
    for name in [n for n in start.get(OURS, {}) if n != "total"]:
        rows.append(
            (
                f"RSS {name}: after start / peak",
                f"{start[OURS][name]} / {peak.get(OURS, {}).get(name, '-')} MiB",
                "",
                "",
            )
        )
    if start:
        rows.append(
            (
                "RSS all processes: after start / peak",
                f"{start[OURS]['total']} / {peak.get(OURS, {}).get('total', '-')} MiB",
                f"{start[BARE]['total']} / {peak.get(BARE, {}).get('total', '-')} MiB",
                ratio(peak.get(OURS, {}).get("total"), peak.get(BARE, {}).get("total")),
            )
        )
    scale = figures.get("scaleout")
    if scale and "modes" in scale:
        n = scale["conversations"]
        for mode, label in (("one", "1 Rasa server"), ("two", "2 Rasa servers, nginx")):
            m = scale["modes"][mode]
            rows.append(
                (
                    f"{n} at once, PostgreSQL+Redis, {label}",
                    f"{m['throughput_msg_s']} msg/s, p95 {fmt_ms(m['p95_ms'])}, "
                    f"errors {fmt_errors(m)}",
                    "",
                    "",
                )
            )
        rows.append(("throughput factor two / one", f"x{scale['factor']}", "", ""))
        rss = scale.get("rss_peak_mib", {})
        if rss:
            rows.append(
                ("RSS scale-out stack, peak (all processes)", f"{rss['total']} MiB", "", "")
            )
    elif scale:
        rows.append(("scale-out", scale.get("skipped", "-"), "", ""))
    load = figures["load"]
    rows.append(
        (
            "load average (1 min) before / after",
            f"{load['before'][0]:.2f} / {load['after'][0]:.2f}",
            f"{load['cpus']} CPUs",
            "",
        )
    )
    return render(rows)


def trio(f: dict) -> str:
    return (
        " / ".join(fmt_ms(f[k]).removesuffix(" ms") for k in ("p50_ms", "p95_ms", "p99_ms")) + " ms"
    )


def turns_table(figures: dict) -> str:
    """Reply time per turn of ours at the busiest level up to 20: which turn is slow."""
    ours = figures.get("levels", {}).get(OURS, {})
    candidates = [lv for lv in figures["args"]["levels"] if lv <= 20 and str(lv) in ours]
    if not candidates:
        return ""
    level = str(max(candidates))
    rows = [(f"turn of ours ({level} at once)", "p50", "p95")]
    for step, values in ours[level]["per_turn"].items():
        rows.append((step, fmt_ms(values["p50_ms"]), fmt_ms(values["p95_ms"])))
    return render(rows)


def plot(figures: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    styles = {OURS: "tab:blue", BARE: "tab:orange"}
    for name, by_level in figures.get("levels", {}).items():
        levels = sorted(int(level) for level in by_level)
        for key, line in (("p95_ms", "-"), ("p50_ms", "--")):
            ax.plot(
                levels,
                [by_level[str(lv)][key] for lv in levels],
                line,
                marker="o",
                color=styles[name],
                label=f"{NAMES[name]} {key[:3]}",
            )
    ax.set_xticks(sorted({int(level) for by in figures.get("levels", {}).values() for level in by}))
    ax.set_xlabel("conversations at once")
    ax.set_ylabel("reply latency (ms)")
    ax.set_title("Reply latency over REST, whole conversations")
    ax.grid(True, alpha=0.3)
    ax.legend()
    load = figures["load"]
    fig.text(
        0.01,
        0.01,
        f"{load['cpus']} CPUs, load {load['before'][0]:.1f} -> " f"{load['after'][0]:.1f}",
        fontsize=7,
        color="gray",
    )
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


# --- main ----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default=None, help="conversations at once (default 1,20,50)")
    parser.add_argument(
        "--long",
        type=int,
        default=None,
        help="messages of the long conversation (default 50; 0 skips it)",
    )
    parser.add_argument("--no-scaleout", action="store_true", help="skip the two-server phase")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a small run to try it out: levels 1,5, long 24, 1 round",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help="repeat every level and the long conversation (default 2)",
    )
    parser.add_argument(
        "--scale-conversations",
        type=int,
        default=None,
        help="conversations at once in the scale-out phase (default 20)",
    )
    parser.add_argument("--scale-rounds", type=int, default=None, help="default 2")
    parser.add_argument("--timeout", type=float, default=60, help="seconds for one reply")
    parser.add_argument(
        "--limit", type=float, default=None, help="seconds for one load run at most (default 600)"
    )
    parser.add_argument("--model", type=Path, help="our model (default: the current one)")
    parser.add_argument(
        "--bare-dir", type=Path, help="keep the bare `rasa init` assistant in DIR/bare and reuse it"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args(argv)
    quick = args.quick
    args.levels = [int(x) for x in (args.levels or ("1,5" if quick else "1,20,50")).split(",")]
    if any(level < 1 or level > 200 for level in args.levels):
        parser.error("--levels: each between 1 and 200")
    args.long = (24 if quick else 50) if args.long is None else args.long
    if args.long and not EARLY + LATE + 1 <= args.long <= 500:
        parser.error(f"--long: 0 or between {EARLY + LATE + 1} and 500")
    args.rounds = args.rounds or (1 if quick else 2)
    args.scale_conversations = args.scale_conversations or (5 if quick else 20)
    args.scale_rounds = args.scale_rounds or (1 if quick else 2)
    args.limit = args.limit or (180 if quick else 600)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    model, model_note = choose_model(args.model)
    tmp = Path(tempfile.mkdtemp(prefix="jim-load-"))
    figures: dict = {
        "load": {"before": loadavg(), "cpus": os.cpu_count()},
        "python": sys.version.split()[0],
        "model": {"file": model.name, "note": model_note},
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "tmp": str(tmp),
    }
    print(f"model {model.name} ({model_note}); load average {figures['load']['before']}")
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        home = args.bare_dir or tmp
        bare_dir = home / "bare"
        if not list((bare_dir / "models").glob("*.tar.gz")):
            print("rasa init --no-prompt (makes and trains the bare assistant)...", flush=True)
            shutil.rmtree(bare_dir, ignore_errors=True)  # half made: make it again
            home.mkdir(parents=True, exist_ok=True)
            figures["init_bare"], bare_dir = measure_bare_init(home)
        single_phase(args, tmp, model, bare_dir, figures)
        if not args.no_scaleout:
            scaleout_phase(args, model, figures)
    finally:
        figures["load"]["after"] = loadavg()
        figures["targets"] = targets(figures)
        (OUT / "load.json").write_text(json.dumps(figures, indent=1) + "\n")
        if figures.get("levels"):
            plot(figures, OUT / "load.png")
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(table(figures))
    print()
    print(turns_table(figures))
    print()
    for target in figures["targets"]:
        print(f"{verdict(target['ok']):<8} {target['target']}: {target['figure']}")
    if args.quick:
        print("(--quick: a small run to try the benchmark; its verdicts say little)")
    print(
        f"\nAll figures: {(OUT / 'load.json').relative_to(PROJECT_DIR)}, plot "
        f"{(OUT / 'load.png').relative_to(PROJECT_DIR)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
