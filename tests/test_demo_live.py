"""The trainer demo against the real running product (web app, Rasa server, action server).

Every scenario file in demo/scenarios/ is played through the demo's own endpoints, exactly
as the page plays it, to the end its file expects: this doubles as a conversation
regression suite. Demo data must stay out of a real team's API, CSV export and
notifications, and the reset must remove demo data only.
"""

from __future__ import annotations

import json
import re
import uuid

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.demo import demo_scenarios
from bot.storage import OutboxMessage, make_engine, repo
from testkit.chat import Chat
from tests.coach_helpers import make_coach

pytestmark = pytest.mark.integration

# Scenarios that find a bug in the current conversation. Strict: the test fails as soon as
# the bug is fixed, so the entry is removed then.
KNOWN_BUGS: dict[str, str] = {}  # scenario id -> reason, while a known bug is open


def scenario_params():
    scenarios, errors = demo_scenarios.load_all()
    assert errors == [], [str(e) for e in errors]
    params = []
    for scenario in scenarios:
        marks = []
        if scenario.id in KNOWN_BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[scenario.id]))
        params.append(pytest.param(scenario.id, id=scenario.id, marks=marks))
    return params


class DemoClient:
    """The demo page's calls, over real HTTP to the running web app, as one trainer's
    browser: its demo session cookie goes with every call."""

    def __init__(self, live) -> None:
        self.base = live.settings.web_url
        self.cookies = httpx.Cookies()
        self.sender: str | None = None
        self.secret_key = live.settings.secret_key

    @property
    def http(self) -> DemoClient:
        return self

    def _call(self, method: str, url: str, **options) -> httpx.Response:
        with httpx.Client(cookies=self.cookies, timeout=60) as client:
            response = client.request(method, url, **options)
            self.cookies = client.cookies
        return response

    def post(self, url: str, **options) -> httpx.Response:
        return self._call("POST", url, **options)

    def get(self, url: str, **options) -> httpx.Response:
        return self._call("GET", url, **options)

    @property
    def pseudonym(self) -> str:
        """What the coach API shows as youth.conversation_id for this conversation."""
        return repo.conversation_ref(self.secret_key, self.sender)

    def new(self, start: str = "/start") -> list[dict]:
        response = self.http.post(f"{self.base}/demo/api/new", json={"start": start})
        assert response.status_code == 200, response.text
        self.sender = response.json()["sender"]
        return response.json()["messages"]

    def reset(self) -> httpx.Response:
        return self.http.post(f"{self.base}/demo/api/reset", json={})

    def send(self, message: str) -> list[dict]:
        response = self.http.post(
            f"{self.base}/demo/api/send",
            json={"sender": self.sender, "message": message},
        )
        assert response.status_code == 200, response.text
        return response.json()["messages"]

    def step(self, scenario_id: str, index: int) -> httpx.Response:
        return self.http.post(
            f"{self.base}/demo/api/step",
            json={"sender": self.sender, "scenario": scenario_id, "step": index},
        )

    def play(self, scenario_id: str, start: str = "/start") -> dict:
        scenario = demo_scenarios.find(scenario_id)
        self.new(start)
        for index in range(len(scenario.steps)):
            response = self.step(scenario_id, index)
            assert response.status_code == 200, response.json()["error"]
        return self.state(scenario_id)

    def state(self, scenario_id: str = "") -> dict:
        response = self.http.get(
            f"{self.base}/demo/api/state",
            params={"sender": self.sender, "scenario": scenario_id},
        )
        assert response.status_code == 200, response.text
        return response.json()


def start_with(code: str) -> str:
    return "/start" + json.dumps({"invite_code": code})


def api(live, token: str, path: str) -> httpx.Response:
    response = httpx.get(
        f"{live.settings.web_url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    response.raise_for_status()
    return response


@pytest.fixture(scope="module")
def real_team(live):
    """A real team with a coach and a webhook, so a real nomination gets a notification."""
    engine = make_engine(live.settings.database_url)
    _, token, team_id = make_coach(engine, "team-echt-" + uuid.uuid4().hex[:6], "Sanne")
    with Session(engine) as session, session.begin():
        team = session.get(repo.Team, team_id)
        team.webhook_url = "http://127.0.0.1:9/hook"  # nothing listens: it would stay queued
    yield engine, token, team_id
    engine.dispose()


# A help line's number, as the help-lines messages give it (domain.yml utter_crisis*).
HELP_LINE_NUMBER = re.compile(r"\b(?:0800 \d{4}|113|112)\b")


def differences(expected, nomination: dict | None, bot_texts: list[str]) -> list[str]:
    """What differs from the scenario file's `verwacht`, worked out here, not by the product.

    The demo's own check (`state["check"]`, `demo_scenarios.check_end`) is product code:
    a bug there would hide every other one. This reads the nomination the demo coach got
    through the coach API and the words the bot said.
    """
    problems = []
    said = "\n".join(bot_texts)
    if expected.end == "nominatie":
        if nomination is None or nomination["status"] == "ingetrokken":
            return [f"no nomination: {nomination}"]
        mentor, youth = nomination["mentor"], nomination["youth"]
        wanted = {
            "youth name": (expected.youth_name, youth["name"]),
            "relation": (expected.relation, mentor["relation"]),
            "mentor name": (expected.mentor_name, mentor["name"]),
            "parents too": (expected.parent_consent_needed, youth["parent_consent_needed"]),
            "support": (expected.support, mentor["support"]),
            "knows already": (expected.knows_already, mentor["knows_already"]),
            "alternatives": (
                expected.alternatives,
                [a["relation"] for a in nomination["alternatives"]],
            ),
        }
        problems += [
            f"{name}: expected {want!r}, got {got!r}"
            for name, (want, got) in wanted.items()
            if want is not None and want != got
        ]
        if nomination["demo"] is not True:
            problems.append("not marked as demo")
        if not nomination["consent"]["given"]:
            problems.append("no consent stored")
    elif nomination is not None and nomination["status"] != "ingetrokken":
        problems.append(f"a nomination was made: {nomination['reference']}")
    help_lines = HELP_LINE_NUMBER.search(said) is not None
    if expected.end == "hulplijnen" or expected.crisis_shown:
        if not help_lines:
            problems.append("no help lines shown")
    elif expected.crisis_shown is False and help_lines:
        problems.append("help lines shown")
    problems += [
        f"never said {f!r}" for f in expected.bot_says if f.casefold() not in said.casefold()
    ]
    return problems


@pytest.mark.parametrize("scenario_id", scenario_params())
def test_every_scenario_plays_to_its_expected_end(live, scenario_id):
    demo = DemoClient(live)
    state = demo.play(scenario_id)
    transcript = "\n".join(f"{m['from']}: {m['text']}" for m in state["messages"])
    scenario = demo_scenarios.find(scenario_id)
    # what the demo coach really received, through the coach API
    mine = [
        n
        for n in api(live, live.demo_token, "/api/nominations?limit=500").json()
        if n["youth"]["conversation_id"] == demo.pseudonym
    ]
    assert len(mine) <= 1, mine
    bot_texts = [m["text"] for m in state["messages"] if m["from"] == "bot"]
    problems = differences(scenario.expected, mine[0] if mine else None, bot_texts)
    assert problems == [], f"{problems}\n{transcript}"
    assert state["check"] == [], "the demo page tells the trainer the same"
    if scenario.expected.end == "nominatie":
        assert state["notification"]["subject"].endswith(f"({mine[0]['reference']})")
        assert mine[0]["reference"] in [n["reference"] for n in state["team_list"]]
    else:
        assert state["notification"] is None


def test_a_wrong_button_in_a_scenario_stops_with_a_clear_message(live):
    demo = DemoClient(live)
    demo.new()
    response = demo.step("1-oma-meteen", 1)  # taps "17" while the bot asks for a name
    assert response.status_code == 409
    error = response.json()["error"]
    assert "Stap 2" in error and "'17'" in error and "Hoe wil je dat ik je noem" in error


def test_the_coach_view_fills_in_live_while_the_youth_answers(live):
    demo = DemoClient(live)
    demo.new()
    rows = {r["key"]: r for r in demo.state()["coach"]}
    assert rows["youth_name"]["asked"] and rows["youth_name"]["value"] is None
    demo.send("Sam")
    demo.send("14")
    rows = {r["key"]: r for r in demo.state()["coach"]}
    assert rows["youth_name"]["value"] == "Sam"
    assert rows["youth_age"]["value"] == "14"
    assert rows["parents"]["value"].startswith("ja")
    assert rows["relation"]["asked"] is True


def test_demo_data_never_reaches_a_real_team(live, real_team):
    engine, token, team_id = real_team
    invite = httpx.post(
        f"{live.settings.web_url}/api/invites",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    ).json()
    # Even a demo conversation opened with the real team's invite stays in the demo.
    demo = DemoClient(live)
    state = demo.play("1-oma-meteen", start=start_with(invite["code"]))
    reference = state["nomination"]["reference"]
    assert state["nomination"]["demo"] is True
    listed = api(live, token, "/api/nominations?limit=500").json()
    assert reference not in [n["reference"] for n in listed]
    assert demo.sender not in api(live, token, "/api/nominations.csv").text
    assert reference not in api(live, token, "/api/nominations.csv").text
    with Session(engine) as session:
        nomination_id = repo.get_nomination_by_conversation(session, demo.sender).id
        queued = session.execute(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.nomination_id == nomination_id)
        ).scalar_one()
    assert queued == 0, "no e-mail or webhook for a demo nomination"
    # The control: a real youth with the same invite does reach the real team and notifies.
    youth = Chat(live.settings.rasa_url)
    youth.send(start_with(invite["code"]))
    for message in [
        "Sam",
        "16",
        "mijn oma",
        "Riet",
        "ze luistert",
        "ja",
        "ik zelf",
        "nee",
        "ja",
        "ja",
    ]:
        youth.send(message)
    real = [
        n
        for n in api(live, token, "/api/nominations?limit=500").json()
        if n["youth"]["conversation_id"]
        == repo.conversation_ref(live.settings.secret_key, youth.sender)
    ]
    assert len(real) == 1 and real[0]["demo"] is False, youth.dump()
    with Session(engine) as session:
        assert (
            session.execute(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.nomination_id == real[0]["id"])
            ).scalar_one()
            == 1
        ), "the webhook notification of the real nomination is queued"


def test_the_reset_removes_demo_data_only(live, real_team):
    engine, token, _ = real_team
    demo = DemoClient(live)
    demo.play("6-veertien-jaar")
    assert demo.state()["nomination"] is not None
    real_before = api(live, token, "/api/nominations?limit=500").json()
    reference = demo.state()["nomination"]["reference"]
    other = DemoClient(live)  # another trainer's browser
    other.play("1-oma-meteen")
    other_reference = other.state()["nomination"]["reference"]
    assert other.reset().json()["nominations"] == 1  # its own only
    response = demo.reset()
    assert response.status_code == 200
    assert response.json() == {"conversations": 1, "nominations": 1}
    left = [n["reference"] for n in api(live, live.demo_token, "/api/nominations").json()]
    assert reference not in left and other_reference not in left
    gone = demo.http.get(f"{demo.base}/demo/api/state", params={"sender": demo.sender})
    assert gone.status_code == 404, "the conversation is gone, and no longer this session's"
    assert api(live, token, "/api/nominations?limit=500").json() == real_before


def test_the_summary_shows_both_sides_and_prints(live):
    demo = DemoClient(live)
    state = demo.play("4-twee-mensen")
    response = demo.http.get(
        f"{live.settings.web_url}/demo/samenvatting",
        params={"sender": demo.sender, "scenario": "4-twee-mensen"},
    )
    assert response.status_code == 200
    page = response.text
    assert "Wat de jongere zag" in page and "Wat de coach kreeg" in page
    assert state["nomination"]["reference"] in page
    assert "mijn oma en de buurman" in page
    assert "Zoals verwacht" in page
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert live.settings.rasa_auth_token not in page
