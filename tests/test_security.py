"""Security headers, CORS and the rate limits of the API and the portal, over real routing.

The chat's own rate limits and bad input are in tests/test_chat_routes.py (they need the
stand-in Rasa server there).
"""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient

from bot.web.app import create_app
from bot.web.ratelimit import Lockout, SlidingWindow
from tests.coach_helpers import make_account, make_coach, make_nomination, portal_login
from tests.test_coach_portal import csrf_of

PATHS = [
    "/",
    "/?invite=abc",
    "/healthz",
    "/coach",
    "/demo",
    "/api/nominations",
    "/openapi.json",
    "/docs",
    "/static/chat.js",
    "/static/embed.js",
    "/no-such-page",
]


def policy(header: str) -> dict[str, str]:
    return dict((part.strip().split(" ", 1) + [""])[:2] for part in header.split(";"))


@pytest.fixture
def client(settings, engine):
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.parametrize("path", PATHS)
def test_every_response_has_the_security_headers(client, path):
    response = client.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in response.headers["permissions-policy"]
    csp = policy(response.headers["content-security-policy"])
    assert csp["object-src"] == "'none'" and csp["base-uri"] == "'none'"
    assert "strict-transport-security" not in response.headers  # PUBLIC_URL is http here
    if path.split("?")[0] == "/":
        # partner sites embed the youth's chat in an iframe (static/embed.js)
        assert "x-frame-options" not in response.headers
        assert "frame-ancestors" not in csp
    else:
        assert response.headers["x-frame-options"] == "DENY"
        assert csp["frame-ancestors"] == "'none'"
    assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'"
    assert "unsafe" not in response.headers["content-security-policy"]


def test_the_docs_page_loads_nothing_from_another_host_and_runs_no_script(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    csp = policy(docs.headers["content-security-policy"])
    assert csp["script-src"] == "'self'" and "cdn.jsdelivr.net" not in docs.text
    assert "<script" not in docs.text.lower() and "https://" not in docs.text
    # it still documents every endpoint of the API, from the OpenAPI description
    for operation in ("GET /api/nominations", "PATCH /api/nominations/{nomination_id}",
                      "POST /api/invites", "GET /api/nominations.csv"):  # fmt: skip
        assert operation in docs.text
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/redoc").status_code == 404


def test_portal_pages_need_no_inline_script_or_style(client, engine):
    """The portal's strict policy refuses inline code: the pages must not contain any."""
    anna = make_account(engine, "team-a", "Anna", totp=False)
    make_nomination(engine, "team-a")
    page = client.get("/coach")
    client.post(
        "/coach/login",
        data={"email": anna["email"], "password": anna["password"], "csrf": csrf_of(page.text)},
    )
    setup = client.get("/coach/tweede-stap")  # the authenticator set-up, with its QR code
    anna = make_account(engine, "team-a", "Anna2")
    portal_login(client, engine, anna)
    listing = client.get("/coach")
    invite = client.post("/coach/invites", data={"csrf": csrf_of(listing.text)})
    assert "<svg" in setup.text
    for html in (page.text, setup.text, listing.text, invite.text):
        assert "<style" not in html and " style=" not in html
        assert " onclick=" not in html and " onchange=" not in html
        assert "<script>" not in html
    assert "data-submit-on-change" in listing.text and "data-select-on-click" in invite.text
    assert client.get("/static/portal.css").status_code == 200
    assert client.get("/static/portal.js").status_code == 200


def test_https_adds_strict_transport_security(settings, engine):
    https = dataclasses.replace(settings, public_url="https://jim.example.org")
    with TestClient(create_app(https)) as client:
        assert client.get("/").headers["strict-transport-security"].startswith("max-age=")
        assert client.get("/api/nominations").headers["strict-transport-security"]


def test_cors_allows_only_the_configured_origins(settings, engine):
    allowed = "https://partner.example.org"
    app = create_app(dataclasses.replace(settings, allowed_origins=(allowed,)))
    with TestClient(app) as client:
        for origin, ok in ((allowed, True), ("https://evil.example.com", False)):
            preflight = client.options(
                "/api/nominations",
                headers={
                    "Origin": origin,
                    "Access-Control-Request-Method": "GET",
                    "Access-Control-Request-Headers": "authorization",
                },
            )
            assert (preflight.status_code == 200) is ok
            assert (preflight.headers.get("access-control-allow-origin") == origin) is ok
            assert preflight.headers["x-content-type-options"] == "nosniff"
            simple = client.get("/healthz", headers={"Origin": origin})
            assert (simple.headers.get("access-control-allow-origin") == origin) is ok
            assert "access-control-allow-credentials" not in simple.headers


def test_cors_default_is_the_public_url(client, settings):
    assert settings.allowed_origins == (settings.public_url,)
    ok = client.get("/healthz", headers={"Origin": settings.public_url})
    assert ok.headers["access-control-allow-origin"] == settings.public_url


# --- rate limits ----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sliding_window_counts_the_last_window_only():
    clock = Clock()
    window = SlidingWindow(3, 60, clock=clock)
    assert window.hit("a") == 0
    clock.now += 20
    assert [window.hit("a"), window.hit("a")] == [0, 0]
    assert window.hit("a") == 40  # refused hits are not counted
    assert window.hit("b") == 0  # another key has its own count
    clock.now += 30
    assert window.hit("a") == 10
    clock.now += 10
    assert window.hit("a") == 0  # the first hit left the window
    assert window.retry_after("a") == 20  # the two at +20 leave the window at +80


def test_sliding_window_forgets_quiet_keys_and_zero_means_off():
    clock = Clock()
    window = SlidingWindow(2, 60, clock=clock)
    for i in range(100):
        window.record(f"k{i}")
    clock.now += 120
    window.record("new")
    assert list(window._events) == ["new"]
    off = SlidingWindow(0, 60, clock=clock)
    assert all(off.hit("x") == 0 for _ in range(1000))


def typo(token: str) -> str:
    """The coach's own token, mistyped at the end (its start, the account, stays)."""
    return token[:-3] + ("abc" if not token.endswith("abc") else "xyz")


def test_api_locks_the_account_after_too_many_wrong_tokens_even_for_its_good_one(settings, engine):
    _, token, _ = make_coach(engine, "team-a", "Anna")
    app = create_app(dataclasses.replace(settings, rate_api_failures=3))
    with TestClient(app) as client:
        for _ in range(5):  # no token at all is not a guess: never counted
            assert client.get("/api/nominations").status_code == 401
        for _ in range(3):
            wrong = client.get(
                "/api/nominations", headers={"Authorization": f"Bearer {typo(token)}"}
            )
            assert wrong.status_code == 401
        blocked = client.get("/api/nominations", headers={"Authorization": f"Bearer {token}"})
        assert blocked.status_code == 429
        assert 1 <= int(blocked.headers["retry-after"]) <= 900
        assert "detail" in blocked.json()
        assert blocked.headers["x-frame-options"] == "DENY"


def test_one_coachs_wrong_tokens_do_not_lock_out_a_colleague_behind_the_same_nat(settings, engine):
    """Every request comes from the same address (the test client's), as behind a NAT."""
    _, anna, _ = make_coach(engine, "team-a", "Anna")
    _, bram, _ = make_coach(engine, "team-a", "Bram")
    app = create_app(dataclasses.replace(settings, rate_api_failures=3, rate_login_failures=3))
    anna_account = make_account(engine, "team-a", "Anna")
    bram_account = make_account(engine, "team-a", "Bram")
    with TestClient(app) as client:
        for _ in range(10):
            client.get("/api/nominations", headers={"Authorization": f"Bearer {typo(anna)}"})
        assert (
            client.get("/api/nominations", headers={"Authorization": f"Bearer {bram}"}).status_code
            == 200
        )
        anna_now = client.get("/api/nominations", headers={"Authorization": f"Bearer {anna}"})
        assert anna_now.status_code == 429
        csrf = csrf_of(client.get("/coach").text)
        for _ in range(10):
            client.post(
                "/coach/login",
                data={"email": anna_account["email"], "password": "typo", "csrf": csrf},
            )
        assert portal_login(client, engine, bram_account).status_code == 303


def test_many_guessed_tokens_from_one_address_meet_the_address_ceiling(settings, engine):
    _, token, _ = make_coach(engine, "team-a", "Anna")
    app = create_app(
        dataclasses.replace(settings, rate_api_failures=3, rate_api_failures_per_ip=20)
    )
    with TestClient(app) as client:
        for i in range(20):  # each guess a different "account"
            guess = client.get("/api/nominations", headers={"Authorization": f"Bearer g{i:07d}xyz"})
            assert guess.status_code == 401
        blocked = client.get("/api/nominations", headers={"Authorization": f"Bearer {token}"})
        assert blocked.status_code == 429


def test_lockout_backs_off_and_forgets_a_quiet_account():
    clock = Clock()
    lockout = Lockout(3, 900, base=60, clock=clock)
    for _ in range(2):
        lockout.record("a")
    assert lockout.retry_after("a") == 0
    lockout.record("a")
    assert lockout.retry_after("a") == 60
    clock.now += 60
    lockout.record("a")  # a fourth failure after the wait: twice as long
    assert lockout.retry_after("a") == 120
    clock.now += 120
    lockout.record("a")
    assert lockout.retry_after("a") == 240
    assert lockout.retry_after("b") == 0
    clock.now += 240 + 900  # quiet for a whole window: starts again
    lockout.record("a")
    assert lockout.retry_after("a") == 0
    lockout.clear("a")
    assert lockout.retry_after("a") == 0


def test_api_with_a_good_token_is_never_limited(settings, engine):
    _, token, _ = make_coach(engine, "team-a", "Anna")
    app = create_app(dataclasses.replace(settings, rate_api_failures=2))
    with TestClient(app) as client:
        for _ in range(30):
            ok = client.get("/api/nominations", headers={"Authorization": f"Bearer {token}"})
            assert ok.status_code == 200


def test_portal_login_answers_429_after_too_many_failures(settings, engine):
    anna = make_account(engine, "team-a", "Anna")
    app = create_app(dataclasses.replace(settings, rate_login_failures=2))
    with TestClient(app) as client:
        csrf = csrf_of(client.get("/coach").text)
        for _ in range(2):
            wrong = client.post(
                "/coach/login", data={"email": anna["email"], "password": "typo", "csrf": csrf}
            )
            assert wrong.status_code == 401
        blocked = client.post(
            "/coach/login",
            data={"email": anna["email"], "password": anna["password"], "csrf": csrf},
            follow_redirects=False,
        )
        assert blocked.status_code == 429
        assert int(blocked.headers["retry-after"]) >= 1
        assert "Probeer het over" in blocked.text and "minuten opnieuw" in blocked.text
        # an address without an account gets the very same answers
        for _ in range(2):
            nobody = client.post(
                "/coach/login", data={"email": "nie@mand.nl", "password": "x", "csrf": csrf}
            )
            assert nobody.status_code == 401
            assert nobody.text.replace("nie@mand.nl", "") == wrong.text.replace(anna["email"], "")
        assert (
            client.post(
                "/coach/login", data={"email": "nie@mand.nl", "password": "x", "csrf": csrf}
            ).status_code
            == 429
        )
        assert "jim_coach=" not in blocked.headers.get("set-cookie", "")


def test_portal_login_with_the_right_code_is_not_counted(settings, engine):
    anna = make_account(engine, "team-a", "Anna")
    app = create_app(dataclasses.replace(settings, rate_login_failures=1))
    with TestClient(app) as client:
        for _ in range(5):
            csrf = csrf_of(client.get("/coach").text)
            ok = client.post(
                "/coach/login",
                data={"email": anna["email"], "password": anna["password"], "csrf": csrf},
                follow_redirects=False,
            )
            assert ok.status_code == 303
