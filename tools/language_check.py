"""Measure every text the bot says against ../shared/LANGUAGE.md.

Reads the responses and buttons of domain.yml and every string in bot/dialogue/texts.py (with
`ast`, without importing it). Runs in its own venv (scripts/lang-venv): wordfreq needs
a newer `regex` than Rasa allows.

    .venv-lang/bin/python tools/language_check.py [--json] [--domain F] [--texts F]

Exit 1 on any hard rule broken or a common-word share under 97 %.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
MAX_WORDS = 10
MAX_SENTENCES = 3
MAX_BUTTONS = 8
MAX_BUTTON_WORDS = 4
MIN_ZIPF = 3.0
MIN_COMMON_SHARE = 0.97
JARGON = [
    "hulpverlening", "indicatie", "traject", "uithuisplaatsing", "casus", "netwerk",
    "toestemming verlenen", "persoonsgegevens", "verwerken",
]  # fmt: skip
ALWAYS_OK = {"jim"}  # the name of what the youth chooses
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def is_emoji(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk") or 0x1F000 <= ord(char) <= 0x1FAFF


def strip_emoji(text: str) -> str:
    return "".join(" " if is_emoji(c) or c in "\ufe0f\u200d" else c for c in text)


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    parts = re.split(r"(?<=[.!?])\s+", text)
    return [p for p in parts if p.strip()]


def words(text: str) -> list[str]:
    return WORD.findall(PLACEHOLDER.sub(" ", strip_emoji(text)))


@dataclass
class Report:
    messages: int = 0
    sentences: int = 0
    max_words: int = 0
    words: int = 0
    common: int = 0
    buttons: int = 0
    violations: list[str] = field(default_factory=list)
    rare: dict[str, float] = field(default_factory=dict)

    @property
    def common_share(self) -> float:
        return self.common / self.words if self.words else 1.0

    def as_dict(self) -> dict:
        return {
            "messages": self.messages,
            "sentences": self.sentences,
            "max_words_per_sentence": self.max_words,
            "words": self.words,
            "common_word_share": round(self.common_share, 4),
            "buttons": self.buttons,
            "violations": self.violations,
            "rare_words": self.rare,
        }


def load_allow(path: Path) -> set[str]:
    allowed = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip().lower()
            if word:
                allowed.add(word)
    return allowed


def count_words(report: Report, text: str, allowed: set[str]) -> None:
    for word in words(text):
        lower = word.lower()
        report.words += 1
        if lower in ALWAYS_OK or lower in allowed or word.isupper():
            report.common += 1
            continue
        zipf = zipf_frequency(lower, "nl")
        if zipf >= MIN_ZIPF:
            report.common += 1
        else:
            report.rare[lower] = zipf


def check_message(report: Report, where: str, text: str, buttons: list, allowed: set) -> None:
    report.messages += 1
    found = sentences(text)
    report.sentences += len(found)
    if len(found) > MAX_SENTENCES:
        report.violations.append(f"{where}: {len(found)} sentences (max {MAX_SENTENCES})")
    if text.count("?") > 1:
        report.violations.append(f"{where}: more than one question")
    for sentence in found:
        n = len(words(sentence)) + len(re.findall(r"\d+", PLACEHOLDER.sub("", sentence)))
        report.max_words = max(report.max_words, n)
        if n > MAX_WORDS:
            report.violations.append(f"{where}: {n} words in {sentence!r}")
        core = sentence.strip()
        inner = core[1:-1] if len(core) > 2 else ""
        if any(is_emoji(c) for c in inner.rstrip(" !?.")):
            report.violations.append(f"{where}: emoji inside a sentence {sentence!r}")
    plain = PLACEHOLDER.sub("", text)
    if re.search(r"[/()]", plain):
        report.violations.append(f"{where}: '/' or '()' cannot be read aloud")
    lower = text.lower()
    for word in JARGON:
        if word in lower:
            report.violations.append(f"{where}: care jargon {word!r}")
    count_words(report, text, allowed)
    if len(buttons) > MAX_BUTTONS:
        report.violations.append(f"{where}: {len(buttons)} buttons (max {MAX_BUTTONS})")
    for button in buttons:
        title = button.get("title", "")
        report.buttons += 1
        n = len(words(title)) + len(re.findall(r"\d+", title))
        if n > MAX_BUTTON_WORDS:
            report.violations.append(f"{where}: button {title!r} has {n} words")
        for word in JARGON:
            if word in title.lower():
                report.violations.append(f"{where}: care jargon {word!r} in a button")
        count_words(report, title, allowed)


def texts_from_python(path: Path) -> list[tuple[str, str]]:
    """Every string constant of a plain module, named by its variable."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            for sub in ast.walk(node.value):
                if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                    found.append((name, sub.value))
    return found


def check(domain_file: Path, texts_file: Path | None, allow_file: Path) -> Report:
    allowed = load_allow(allow_file)
    report = Report()
    domain = yaml.safe_load(domain_file.read_text(encoding="utf-8"))
    for name, variants in (domain.get("responses") or {}).items():
        for index, variant in enumerate(variants):
            text = variant.get("text", "")
            check_message(report, f"{name}[{index}]", text, variant.get("buttons") or [], allowed)
    if texts_file and texts_file.exists():
        for name, text in texts_from_python(texts_file):
            if name.startswith("SUMMARY_BUTTON"):
                check_message(report, name, "", [{"title": text}], allowed)
                report.messages -= 1
            else:
                check_message(report, name, text, [], allowed)
    if report.common_share < MIN_COMMON_SHARE:
        report.violations.append(
            f"common-word share {report.common_share:.1%} is under {MIN_COMMON_SHARE:.0%}"
        )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--domain", type=Path, default=ROOT / "domain.yml")
    parser.add_argument("--texts", type=Path, default=ROOT / "bot" / "dialogue" / "texts.py")
    parser.add_argument("--allow", type=Path, default=ROOT / "tools" / "language_allow.txt")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = check(args.domain, args.texts, args.allow)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            f"{report.messages} messages, {report.sentences} sentences, {report.buttons} buttons; "
            f"longest sentence {report.max_words} words; "
            f"common words {report.common_share:.1%} of {report.words}"
        )
        for word, zipf in sorted(report.rare.items()):
            print(f"  rare word: {word} (Zipf {zipf:.2f})")
        for violation in report.violations:
            print(f"  VIOLATION {violation}")
    return 1 if report.violations else 0


if __name__ == "__main__":
    sys.exit(main())
