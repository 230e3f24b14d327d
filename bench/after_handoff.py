"""After the handoff: is a youth's choice ever undone by a misunderstood message? (issue 22)

    .venv/bin/python bench/after_handoff.py [--jobs 3] [--only after_handoff]

Plays every message of `bench/after_handoff_set.yml` (written apart from data/nlu, never
to be copied into it: the script stops when one of them is in data/nlu) through the real
Rasa server, action server and database (`bot.run.launcher.Stack`, as the tests' `live`
fixture): each in a fresh conversation that first goes through a real handoff by buttons
(stage `after_handoff`), or to the summary or the consent question. Then it sends the
message. When the bot asks to confirm, it answers "ja" only when the message's meaning
is an act at that stage (withdraw, change, restart; at the consent question also "no,
don't send"); when the bot asks what the youth means, it taps the button of that
meaning first. For every other message the message alone must change nothing.

It prints:
- unintended: a nomination withdrawn, a choice forgotten or replaced, or a nomination
  sent, for a message that did not mean it (target 0);
- real acts carried out after the confirmation (target: all);
- the NLU confidence figures behind `bot.dialogue.confirm.MIN_CONFIDENCE`: the confidence of the
  act intents (withdraw_consent, change_choice, start) for the real acts and for the
  other messages that the NLU took for an act, and what each threshold would do.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "bench" / "after_handoff_set.yml"
ACT_INTENTS = ("withdraw_consent", "change_choice", "start")
# What counts as an act at each stage (the bench answers "ja" only to these).
ACTS = {
    "after_handoff": {"withdraw", "change", "restart"},
    "summary": {"withdraw", "change", "restart"},
    "consent": {"withdraw", "change", "restart", "deny"},
}
CLARIFY_TAP = {"withdraw": "Keuze weghalen", "change": "Iets veranderen",
               "restart": "Opnieuw beginnen", "deny": "Keuze weghalen"}  # fmt: skip
CONFIRM_TITLES = ("Ja, haal weg", "Ja, vergeet het")


# data/nlu before this set was written (the branch point of issue 22). Stock phrases
# of the set ("ja", "nee", "hoi") were already there; they are played, and counted apart.
BASE_COMMIT = "7f9e0e6"


def nlu_texts(folder: Path) -> set[str]:
    sys.path.insert(0, str(ROOT))
    from bench.heldout import nlu_texts as normalised_texts

    return normalised_texts(folder)


def base_nlu_texts() -> set[str]:
    """The examples of data/nlu at BASE_COMMIT (read from git, nothing checked out)."""
    import io
    import subprocess
    import tarfile

    archive = subprocess.run(
        ["git", "archive", BASE_COMMIT, "data/nlu"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="jim-nlu-base-"))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder)
    return nlu_texts(folder / "data" / "nlu")


def to_stage(chat, stage: str) -> None:
    from testkit.chat import TO_CONSENT, TO_SUMMARY

    chat.play(TO_SUMMARY)
    assert "Je kiest oma Riet." in chat.text, chat.dump()
    if stage == "summary":
        return
    chat.play(TO_CONSENT[len(TO_SUMMARY) :])  # "klopt", and under 16 the parents question
    assert "Mag dat?" in chat.text, chat.dump()
    if stage == "consent":
        return
    chat.tap("Ja, dat mag")
    assert "JIM-" in chat.text, chat.dump()


@dataclasses.dataclass
class Outcome:
    text: str
    stage: str
    meaning: str
    asked: str = ""  # "confirm", "clarify" or ""
    acted: bool = False  # withdrawn / forgotten / replaced
    sent: bool = False  # a nomination exists (summary, consent)
    reply: str = ""
    nlu: str = ""


def play(stack, item: dict) -> Outcome:
    from sqlalchemy.orm import Session

    from bot.storage import make_engine, repo
    from testkit.chat import Chat

    chat = Chat(stack.settings.rasa_url, sender="bench-" + uuid.uuid4().hex[:12])
    stage, meaning = item["stage"], item["meaning"]
    to_stage(chat, stage)
    out = Outcome(item["text"], stage, meaning)
    mark = len(chat.transcript)
    chat.send(item["text"])
    out.reply = chat.text.replace("\n", " / ")[:160]
    is_act = meaning in ACTS[stage]
    for _ in range(2):
        titles = [b["title"] for b in chat.buttons]
        if any(t in " ".join(titles) for t in CONFIRM_TITLES):
            out.asked = out.asked or "confirm"
            if is_act:
                chat.send("ja")
            break
        if any("Niks, laat staan" in t for t in titles):
            out.asked = "clarify"
            if not is_act:
                break
            try:
                chat.tap(CLARIFY_TAP[meaning])
            except AssertionError:
                break
            continue
        break
    tracker = rasa(stack).tracker(chat.sender)
    slots = tracker.get("slots", {})
    engine = make_engine(stack.settings.database_url)
    try:
        with Session(engine) as session:
            nomination = repo.get_nomination_by_conversation(session, chat.sender)
            status = nomination.status if nomination else None
    finally:
        engine.dispose()
    if stage == "after_handoff":
        out.acted = status != "nieuw"
    else:
        out.sent = nomination is not None
        out.acted = slots.get("mentor_name") != "Riet" or slots.get("stage") == "declined"
        said = " ".join(text for who, text in chat.transcript[mark:] if who == "bot")
        if meaning == "change" and (
            "Wat wil je veranderen?" in said or slots.get("stage") == "form"
        ):
            out.acted = True  # before the handoff a change keeps the rest: the menu opens
    return out


def rasa(stack):
    from bot.rasa_client import Rasa

    return Rasa(stack.settings.rasa_url, stack.settings.rasa_auth_token, timeout=30)


def parse(stack, texts: list[str]) -> list[dict]:
    client = rasa(stack)
    return [client.parse(text) for text in texts]


def confidence_figures(items: list[dict], parsed: list[dict]) -> None:
    real, other = [], []
    for item, result in zip(items, parsed, strict=True):
        intent = result["intent"]["name"]
        if intent not in ACT_INTENTS:
            continue
        confidence = result["intent"]["confidence"]
        (real if item["meaning"] in ACTS[item["stage"]] else other).append(confidence)
    real.sort()
    other.sort()
    print(
        "\nNLU confidence where the top intent is an act (withdraw_consent, change_choice, start):"
    )
    print(f"  real acts ({len(real)}): " + " ".join(f"{c:.2f}" for c in real))
    print(f"  other messages ({len(other)}): " + " ".join(f"{c:.2f}" for c in other))
    print("  threshold | real acts confirmed at once | others asked 'wat bedoel je' instead")
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        at_once = sum(c >= threshold for c in real)
        clarified = sum(c < threshold for c in other)
        print(f"  {threshold:>9.2f} | {at_once:>3}/{len(real):<3} | {clarified:>3}/{len(other)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=3, help="conversations at once")
    parser.add_argument("--only", help="one stage: after_handoff, summary or consent")
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.path.insert(0, str(ROOT))
    import yaml

    items = yaml.safe_load(SET.read_text(encoding="utf-8"))["messages"]
    if args.only:
        items = [i for i in items if i["stage"] == args.only]
    from bench.heldout import normalise

    trained, stock = nlu_texts(ROOT / "data" / "nlu"), base_nlu_texts()
    leaked = [i["text"] for i in items if normalise(i["text"]) in trained - stock]
    if leaked:
        print(f"{len(leaked)} messages of the set are in data/nlu; take them out: {leaked}")
        return 2
    known = [i["text"] for i in items if normalise(i["text"]) in stock]
    print(f"{len(known)} messages of the set were in data/nlu before the set was written "
          f"(stock phrases, played all the same): {known}")  # fmt: skip

    from bot.run import training
    from testkit.live import start_live

    model = training.model_path(ROOT)
    if not model.exists():
        print(f"no model at {model}: run .venv/bin/python -m bot.cli setup first")
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="jim-bench-"))
    print(f"{len(items)} messages; starting Rasa, actions and the web app ...", flush=True)
    no_limits = {"RATE_CHAT_PER_IP": "0", "RATE_CHAT_PER_SENDER": "0"}
    stack = start_live(tmp, model, environ=no_limits, timeout=600)
    try:
        parsed = parse(stack, [i["text"] for i in items])
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = list(pool.map(lambda item: play(stack, item), items))
    finally:
        stack.stop()
    for outcome, result in zip(outcomes, parsed, strict=True):
        outcome.nlu = ", ".join(
            f"{r['name']} {r['confidence']:.2f}" for r in result.get("intent_ranking", [])[:2]
        )
    report(outcomes)
    confidence_figures(items, parsed)
    return 0


def report(outcomes: list[Outcome]) -> None:
    unintended = [o for o in outcomes if o.meaning not in ACTS[o.stage] and o.acted]
    sent_wrongly = [
        o for o in outcomes if o.sent and not (o.stage == "consent" and o.meaning == "affirm")
    ]
    real = [o for o in outcomes if o.meaning in ACTS[o.stage]]
    carried = [o for o in real if o.acted]
    others = [o for o in outcomes if o.meaning not in ACTS[o.stage]]
    print(f"\nmessages: {len(outcomes)} (real acts {len(real)}, others {len(others)})")
    print(f"unintended withdrawals/changes/restarts: {len(unintended)} (target 0)")
    print(f"sent without a yes: {len(sent_wrongly)} (target 0)")
    print(f"real acts carried out after the confirmation: {len(carried)}/{len(real)} (target all)")
    asked = {k: sum(o.asked == k for o in others) for k in ("confirm", "clarify")}
    none = len(others) - sum(asked.values())
    print(
        f"others that got a question first: confirm {asked['confirm']}, "
        f"'wat bedoel je' {asked['clarify']}, none {none}"
    )
    for o in unintended + sent_wrongly:
        print(f"  UNINTENDED [{o.stage}/{o.meaning}] {o.text!r} ({o.nlu}) -> {o.reply!r}")
    for o in real:
        if not o.acted:
            print(f"  not carried out [{o.stage}/{o.meaning}] asked={o.asked or '-'} "
                  f"{o.text!r} ({o.nlu}) -> {o.reply!r}")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
