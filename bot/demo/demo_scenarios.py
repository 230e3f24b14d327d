"""Scenarios of the trainer demo: YAML files a trainer can copy and change without code.

A scenario is a realistic youth played step by step against the real assistant: what the
youth types (`typ`) or taps (`tik`), and what must come out at the end (`verwacht`). The
files are read on every visit of /demo, so a new or changed file shows up at once; a file
with a mistake is reported with its name, line and field, in plain Dutch, and the other
scenarios stay usable. The same files double as a conversation regression suite
(tests/test_demo_live.py plays each one to its expected end).

The keys are Dutch because trainers write these files. Imports nothing from Rasa.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_DIR
from bot.storage.models import ASKED_BY, PARENTS_ANSWERS
from bot.vocabulary import KNOWS_ALREADY, RELATIONS, SUPPORT_KINDS

SCENARIO_DIR = PROJECT_DIR / "demo" / "scenarios"
ENDS = ("nominatie", "geen_nominatie", "hulplijnen")
TOP_KEYS = ("titel", "jongere", "uitleg", "stappen", "verwacht")
STEP_KEYS = ("typ", "tik", "notitie")
EXPECT_KEYS = (
    "einde",
    "naam_jongere",
    "relatie",
    "naam",
    "ouders_ook_akkoord",
    "steun",
    "weet_het_al",
    "alternatieven",
    "wie_vraagt",
    "ouders_antwoord",
    "hulplijnen_getoond",
    "bot_zegt",
)
NOMINATION_ONLY = (
    "naam_jongere",
    "relatie",
    "naam",
    "ouders_ook_akkoord",
    "steun",
    "weet_het_al",
    "alternatieven",
    "wie_vraagt",
    "ouders_antwoord",
)
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
MAX_TEXT = 500
MAX_STEPS = 60


class ScenarioError(ValueError):
    """A mistake in a scenario file: which file, which line and field, and what is wrong.

    The message is meant for a trainer who edited the file by hand, so it is Dutch and
    says what to change.
    """

    def __init__(self, file: str, line: int | None, where: str, problem: str) -> None:
        self.file = file
        self.line = line
        self.where = where
        self.problem = problem
        place = f"regel {line}" if line else "hele bestand"
        field_part = f", {where}" if where else ""
        super().__init__(f"{file}, {place}{field_part}: {problem}")


@dataclass(frozen=True)
class Step:
    """One turn of the youth: typed text (`typ`) or a tapped button (`tik`)."""

    kind: str  # "typ" or "tik"
    text: str
    note: str = ""


@dataclass(frozen=True)
class Expected:
    """How the scenario must end; the fields under `verwacht`."""

    end: str
    youth_name: str | None = None
    relation: str | None = None
    mentor_name: str | None = None
    parent_consent_needed: bool | None = None
    support: list[str] | None = None
    knows_already: str | None = None
    alternatives: list[str] | None = None
    asked_by: str | None = None  # issue 25: mentor.asked_by
    parents_answer: str | None = None  # issue 25: youth.parents_answer
    crisis_shown: bool | None = None
    bot_says: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Scenario:
    """A youth the trainer can play: title, who the youth is, steps, expected end."""

    id: str
    title: str
    youth: str
    description: str
    steps: list[Step]
    expected: Expected
    file: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "youth": self.youth,
            "description": self.description,
            "steps": [{"kind": s.kind, "text": s.text, "note": s.note} for s in self.steps],
            "expected": {
                "end": self.expected.end,
                "youth_name": self.expected.youth_name,
                "relation": self.expected.relation,
                "mentor_name": self.expected.mentor_name,
                "parent_consent_needed": self.expected.parent_consent_needed,
                "support": self.expected.support,
                "knows_already": self.expected.knows_already,
                "alternatives": self.expected.alternatives,
                "asked_by": self.expected.asked_by,
                "parents_answer": self.expected.parents_answer,
                "crisis_shown": self.expected.crisis_shown,
                "bot_says": list(self.expected.bot_says),
            },
        }


class _Reader:
    """Walks the composed YAML nodes, so every error can name its line."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, node: yaml.Node | None, where: str, problem: str) -> ScenarioError:
        line = node.start_mark.line + 1 if node is not None else None
        return ScenarioError(self.file, line, where, problem)

    def mapping(
        self, node: yaml.Node, where: str, allowed: tuple[str, ...]
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, where, "hier hoort een lijstje met velden (veld: waarde)")
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            path = f"{where}.{key}" if where else str(key)
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                tip = f" Bedoel je '{hint[0]}'?" if hint else f" Kies uit: {', '.join(allowed)}."
                raise self.fail(key_node, path, f"onbekend veld '{key}'.{tip}")
            if key in result:
                raise self.fail(key_node, path, f"het veld '{key}' staat er twee keer")
            result[key] = (key_node, value_node)
        return result

    def text(self, node: yaml.Node, where: str, allow_number: bool = False) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, where, "hier hoort een tekst")
        value = yaml.SafeLoader("").construct_scalar(node)
        tag = node.tag
        if tag == "tag:yaml.org,2002:bool":
            raise self.fail(
                node,
                where,
                f"'{value}' leest YAML als ja/nee-waarde; zet de tekst tussen aanhalingstekens",
            )
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and not allow_number:
            raise self.fail(node, where, "hier hoort een tekst, geen getal")
        if tag == "tag:yaml.org,2002:null":
            raise self.fail(node, where, "deze tekst is leeg")
        text = str(value).strip()
        if not text:
            raise self.fail(node, where, "deze tekst is leeg")
        if len(text) > MAX_TEXT:
            raise self.fail(node, where, f"deze tekst is te lang (meer dan {MAX_TEXT} tekens)")
        return text

    def boolean(self, node: yaml.Node, where: str) -> bool:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
            raise self.fail(node, where, "hier hoort true of false")
        return bool(yaml.SafeLoader("").construct_yaml_bool(node))

    def text_list(self, node: yaml.Node, where: str) -> list[str]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, where, "hier hoort een lijst, zoals [een, twee]")
        return [self.text(item, f"{where}[{i + 1}]") for i, item in enumerate(node.value)]

    def choice(self, node: yaml.Node, where: str, allowed: tuple[str, ...] | list[str]) -> str:
        value = self.text(node, where)
        if value not in allowed:
            hint = difflib.get_close_matches(value, list(allowed), n=1)
            tip = f" Bedoel je '{hint[0]}'?" if hint else ""
            raise self.fail(
                node, where, f"'{value}' kan niet. Kies uit: {', '.join(allowed)}.{tip}"
            )
        return value


def _steps(reader: _Reader, node: yaml.Node) -> list[Step]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise reader.fail(node, "stappen", "hier hoort een lijst met minstens 1 stap")
    if len(node.value) > MAX_STEPS:
        raise reader.fail(node, "stappen", f"te veel stappen (meer dan {MAX_STEPS})")
    steps = []
    for number, item in enumerate(node.value, start=1):
        where = f"stappen[{number}]"
        fields = reader.mapping(item, where, STEP_KEYS)
        kinds = [kind for kind in ("typ", "tik") if kind in fields]
        if len(kinds) != 1:
            raise reader.fail(
                item, where, "elke stap heeft precies 1 van: typ (tekst) of tik (knop)"
            )
        kind = kinds[0]
        text = reader.text(fields[kind][1], f"{where}.{kind}", allow_number=True)
        if text.startswith("/"):
            raise reader.fail(
                fields[kind][1],
                f"{where}.{kind}",
                "een stap begint niet met /; de demo begint het gesprek zelf",
            )
        note = reader.text(fields["notitie"][1], f"{where}.notitie") if "notitie" in fields else ""
        steps.append(Step(kind=kind, text=text, note=note))
    return steps


def _expected(reader: _Reader, node: yaml.Node) -> Expected:
    fields = reader.mapping(node, "verwacht", EXPECT_KEYS)
    if "einde" not in fields:
        raise reader.fail(node, "verwacht.einde", f"ontbreekt; kies uit: {', '.join(ENDS)}")
    end = reader.choice(fields["einde"][1], "verwacht.einde", ENDS)
    if end != "nominatie":
        for key in NOMINATION_ONLY:
            if key in fields:
                raise reader.fail(
                    fields[key][0],
                    f"verwacht.{key}",
                    f"past alleen bij 'einde: nominatie' (hier is het einde '{end}')",
                )
    values: dict[str, Any] = {"end": end}
    if "relatie" in fields:
        values["relation"] = reader.choice(
            fields["relatie"][1], "verwacht.relatie", list(RELATIONS)
        )
    if "naam_jongere" in fields:
        values["youth_name"] = reader.text(fields["naam_jongere"][1], "verwacht.naam_jongere")
    if "naam" in fields:
        values["mentor_name"] = reader.text(fields["naam"][1], "verwacht.naam")
    if "ouders_ook_akkoord" in fields:
        values["parent_consent_needed"] = reader.boolean(
            fields["ouders_ook_akkoord"][1], "verwacht.ouders_ook_akkoord"
        )
    if "steun" in fields:
        support = reader.text_list(fields["steun"][1], "verwacht.steun")
        for i, kind in enumerate(support):
            if kind not in SUPPORT_KINDS:
                raise reader.fail(
                    fields["steun"][1].value[i],
                    f"verwacht.steun[{i + 1}]",
                    f"'{kind}' kan niet. Kies uit: {', '.join(SUPPORT_KINDS)}.",
                )
        values["support"] = support
    if "weet_het_al" in fields:
        values["knows_already"] = reader.choice(
            fields["weet_het_al"][1], "verwacht.weet_het_al", KNOWS_ALREADY
        )
    if "alternatieven" in fields:
        alternatives = reader.text_list(fields["alternatieven"][1], "verwacht.alternatieven")
        for i, relation in enumerate(alternatives):
            if relation not in RELATIONS:
                raise reader.fail(
                    fields["alternatieven"][1].value[i],
                    f"verwacht.alternatieven[{i + 1}]",
                    f"'{relation}' is geen relatie. Kies uit: {', '.join(RELATIONS)}.",
                )
        values["alternatives"] = alternatives
    if "wie_vraagt" in fields:
        values["asked_by"] = reader.choice(fields["wie_vraagt"][1], "verwacht.wie_vraagt", ASKED_BY)
    if "ouders_antwoord" in fields:
        values["parents_answer"] = reader.choice(
            fields["ouders_antwoord"][1], "verwacht.ouders_antwoord", PARENTS_ANSWERS
        )
    if "hulplijnen_getoond" in fields:
        values["crisis_shown"] = reader.boolean(
            fields["hulplijnen_getoond"][1], "verwacht.hulplijnen_getoond"
        )
    if "bot_zegt" in fields:
        values["bot_says"] = reader.text_list(fields["bot_zegt"][1], "verwacht.bot_zegt")
    return Expected(**values)


def parse_scenario(text: str, file: str) -> Scenario:
    """One scenario from YAML text; raises ScenarioError naming file, line and field."""
    scenario_id = Path(file).stem
    if not ID_RE.match(scenario_id):
        raise ScenarioError(
            file, None, "", "gebruik in de bestandsnaam alleen kleine letters, cijfers, - en _"
        )
    reader = _Reader(file)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ScenarioError(
            file, line, "", f"dit is geen geldige YAML ({exc.problem or exc.context})"
        ) from None
    except yaml.YAMLError as exc:
        raise ScenarioError(file, None, "", f"dit is geen geldige YAML ({exc})") from None
    if root is None:
        raise ScenarioError(file, None, "", "het bestand is leeg")
    fields = reader.mapping(root, "", TOP_KEYS)
    for required in ("titel", "stappen", "verwacht"):
        if required not in fields:
            raise reader.fail(root, required, "dit veld ontbreekt")
    title = reader.text(fields["titel"][1], "titel")
    youth = reader.text(fields["jongere"][1], "jongere") if "jongere" in fields else ""
    description = reader.text(fields["uitleg"][1], "uitleg") if "uitleg" in fields else ""
    return Scenario(
        id=scenario_id,
        title=title,
        youth=youth,
        description=description,
        steps=_steps(reader, fields["stappen"][1]),
        expected=_expected(reader, fields["verwacht"][1]),
        file=file,
    )


def load_file(path: Path) -> Scenario:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ScenarioError(path.name, None, "", "het bestand is geen UTF-8 tekst") from None
    return parse_scenario(text, path.name)


def load_all(directory: Path = SCENARIO_DIR) -> tuple[list[Scenario], list[ScenarioError]]:
    """Every scenario in the folder (sorted by file name), and the errors of broken files."""
    scenarios: list[Scenario] = []
    errors: list[ScenarioError] = []
    paths = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
    seen: set[str] = set()
    for path in sorted(paths, key=lambda p: p.name):
        try:
            scenario = load_file(path)
        except ScenarioError as error:
            errors.append(error)
            continue
        if scenario.id in seen:
            errors.append(ScenarioError(path.name, None, "", "er is al een scenario met deze naam"))
            continue
        seen.add(scenario.id)
        scenarios.append(scenario)
    return scenarios, errors


def find(scenario_id: str, directory: Path = SCENARIO_DIR) -> Scenario | None:
    if not ID_RE.match(scenario_id or ""):
        return None
    for suffix in (".yaml", ".yml"):
        path = directory / f"{scenario_id}{suffix}"
        if path.is_file():
            return load_file(path)
    return None


# --- playing and checking -----------------------------------------------------------------

_LEADING_SYMBOLS = re.compile(r"^[^\w]+", re.UNICODE)


def _plain(title: str) -> str:
    return " ".join(_LEADING_SYMBOLS.sub("", title).split()).casefold()


def find_button(buttons: list[dict[str, str]], wanted: str) -> dict[str, str] | None:
    """The button a `tik` step means: same title apart from its emoji, else one containing it."""
    target = _plain(wanted)
    for button in buttons:
        if _plain(button.get("title", "")) == target:
            return button
    for button in buttons:
        if target and target in _plain(button.get("title", "")):
            return button
    return None


def check_end(
    expected: Expected, nomination: dict | None, crisis_shown: bool, bot_texts: list[str]
) -> list[str]:
    """What differs from the expected end, in plain Dutch; an empty list when all is right."""
    problems: list[str] = []
    stored = nomination if nomination and nomination.get("status") != "ingetrokken" else None
    if expected.end == "nominatie":
        if stored is None:
            problems.append("er is geen nominatie opgeslagen")
        else:
            mentor, youth = stored["mentor"], stored["youth"]
            checks = [
                ("naam_jongere", expected.youth_name, youth.get("name")),
                ("relatie", expected.relation, mentor.get("relation")),
                ("naam", expected.mentor_name, mentor.get("name")),
                (
                    "ouders_ook_akkoord",
                    expected.parent_consent_needed,
                    youth.get("parent_consent_needed"),
                ),
                ("steun", expected.support, mentor.get("support")),
                ("weet_het_al", expected.knows_already, mentor.get("knows_already")),
                (
                    "alternatieven",
                    expected.alternatives,
                    [a.get("relation") for a in stored.get("alternatives", [])],
                ),
                ("wie_vraagt", expected.asked_by, mentor.get("asked_by")),
                ("ouders_antwoord", expected.parents_answer, youth.get("parents_answer")),
            ]
            for name, want, got in checks:
                if want is not None and want != got:
                    problems.append(f"{name}: verwacht {want!r}, maar het is {got!r}")
            if stored.get("demo") is not True:
                problems.append("de nominatie is niet als demo gemarkeerd")
    elif stored is not None:
        problems.append(f"er is toch een nominatie opgeslagen ({stored.get('reference')})")
    if expected.end == "hulplijnen" and not crisis_shown:
        problems.append("de hulplijnen zijn niet getoond")
    if expected.crisis_shown is not None and expected.crisis_shown != crisis_shown:
        problems.append(
            "de hulplijnen zijn getoond, dat was niet verwacht"
            if crisis_shown
            else "de hulplijnen zijn niet getoond"
        )
    said = "\n".join(bot_texts).casefold()
    for fragment in expected.bot_says:
        if fragment.casefold() not in said:
            problems.append(f"de bot zei nergens: {fragment!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.demo.demo_scenarios [folder]`: check the scenarios, print the mistakes."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else SCENARIO_DIR
    scenarios, errors = load_all(directory)
    for scenario in scenarios:
        print(f"ok    {scenario.file}: {scenario.title} ({len(scenario.steps)} stappen)")
    for error in errors:
        print(f"FOUT  {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
