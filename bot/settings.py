"""One place that reads the configuration.

Values come from the process environment first, then from `.env` in the project folder
(read once, with python-dotenv). Every setting is documented in `.env.example`. A missing
or wrong value raises :class:`SettingsError` with one line that says what to fix; the
command line prints that line instead of a traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from dotenv import dotenv_values

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Values that ship in .env.example; they must be replaced, in every mode.
PLACEHOLDER_PREFIX = "change-me"

TRUE_WORDS = {"1", "true", "yes", "ja", "on"}
FALSE_WORDS = {"0", "false", "no", "nee", "off", ""}


class SettingsError(ValueError):
    """A setting is missing or wrong; the message is one line a person can act on."""


def _as_bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise SettingsError(f"{name} in .env must be true or false, not {raw!r}.")


def _as_port(name: str, raw: str) -> int:
    try:
        port = int(raw)
    except ValueError:
        raise SettingsError(f"{name} in .env must be a port number, not {raw!r}.") from None
    if not 1 <= port <= 65535:
        raise SettingsError(f"{name} in .env must be between 1 and 65535, not {port}.")
    return port


def _as_positive_int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} in .env must be a whole number, not {raw!r}.") from None
    if value < 0:
        raise SettingsError(f"{name} in .env must not be negative.")
    return value


ORIGIN_RE = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")


def _as_origins(raw: str) -> tuple[str, ...]:
    """Comma-separated origins, each scheme://host[:port] without a path (as browsers send)."""
    origins = []
    for part in raw.split(","):
        origin = part.strip().rstrip("/")
        if not origin:
            continue
        if not ORIGIN_RE.fullmatch(origin):
            raise SettingsError(
                f"ALLOWED_ORIGINS in .env must be a comma-separated list of "
                f"http(s)://host[:port] without a path, not {part.strip()!r}."
            )
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


def _origin_of(url: str) -> str:
    parts = urlparse(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Settings:
    """The validated configuration of all processes (Rasa, actions, web app, CLI)."""

    demo: bool
    host: str  # JIM_HOST: where the web app listens (may be wide, e.g. for a proxy)
    rasa_port: int
    action_port: int
    web_port: int
    database_url: str
    rasa_auth_token: str
    secret_key: str
    public_url: str
    default_team: str
    invite_days: int
    consent_text_version: str
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_from: str = "jim-kiezer@localhost"
    notify_email: str = ""
    retention_days: int = 180
    # Empty: Rasa's in-memory lock store (one Rasa server). redis://host:port/db: Rasa's
    # Redis lock store, which several Rasa servers share (README: "Growing").
    lock_store_url: str = ""
    # Browser origins that may call the web app and Rasa from another page (CORS).
    # Default: the origin of PUBLIC_URL only.
    allowed_origins: tuple[str, ...] = ()
    # Rate limits, per process (README: "Security"); 0 switches one off.
    rate_chat_per_sender: int = 60  # chat messages a minute, per conversation
    rate_chat_per_ip: int = 600  # chat messages a minute, per client address
    rate_invite_per_ip: int = 100  # starts with an invite code an hour, per client address
    # issue 18: chat messages with a reference code ("JIM-7K3Q") an hour, per client address
    rate_status_code_per_ip: int = 20
    # Wrong coach tokens / failed log-ins in 15 minutes per account (the token's first
    # characters), then a growing wait; and a much higher ceiling per client address, so
    # one coach's mistakes never lock out every coach behind the same NAT.
    rate_api_failures: int = 20
    rate_login_failures: int = 10
    rate_api_failures_per_ip: int = 300
    rate_login_failures_per_ip: int = 100
    # Where the Rasa server and the action server listen: their own settings, loopback
    # by default whatever JIM_HOST says, so widening the web app never opens them.
    rasa_host: str = "127.0.0.1"
    action_host: str = "127.0.0.1"
    # Shared secret Rasa sends to the action server (`token` query parameter, from
    # endpoints.yml); the action server refuses calls without it (rasa_addons/action_server.py).
    action_server_token: str = ""
    rate_history_per_ip: int = 300  # history reads a minute, per client address
    rate_history_per_conversation: int = 30  # history reads a minute, per conversation
    # issue 22: minutes after a confirmed withdrawal in which "toch wel" restores it; the
    # details stay hidden until then and are removed for good afterwards.
    undo_minutes: int = 10
    # issue 17: portal sessions end after this long without a request, and in any case
    # this long after signing in; e-mail links work this long, once; access log kept this long.
    session_idle_minutes: int = 15
    session_max_hours: int = 8
    account_link_hours: int = 24
    access_log_days: int = 1825
    # failed sign-ins of one account before it waits (1 minute, doubling, at most an hour)
    account_lock_after: int = 5
    # issue 17: single sign-on (OpenID Connect); empty OIDC_ISSUER: off
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    oidc_allowed_domains: tuple[str, ...] = ()
    oidc_team_claim: str = ""
    # issue 19: keep masked messages the bot did not understand for the beheerder's review
    # queue ("Leren"); off unless the organisation turns it on; kept this many days.
    learn_from_chats: bool = False
    review_keep_days: int = 30
    project_dir: Path = field(default=PROJECT_DIR)

    @property
    def rasa_url(self) -> str:
        return f"http://{self.rasa_host}:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://{self.action_host}:{self.action_port}"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}"


def default_database_url(project_dir: Path = PROJECT_DIR) -> str:
    return f"sqlite:///{project_dir / 'var' / 'jim.db'}"


def derived_action_token(secret_key: str) -> str:
    """ACTION_SERVER_TOKEN when .env has none (an older .env): derived from SECRET_KEY."""
    return hmac.new(secret_key.encode(), b"action-server-token", hashlib.sha256).hexdigest()


def load_settings(env_file: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Read `.env` (once per call) and the environment, validate, and return Settings."""
    env_file = env_file if env_file is not None else PROJECT_DIR / ".env"
    file_values = {k: v for k, v in dotenv_values(env_file).items() if v is not None}
    source = {**file_values, **(environ if environ is not None else os.environ)}

    def get(name: str, default: str | None = None) -> str:
        value = source.get(name)
        if value is None or value == "":
            if default is None:
                raise SettingsError(
                    f"{name} is not set: add it to {env_file.name} (see .env.example)."
                )
            return default
        return value.strip()

    demo = _as_bool("JIM_DEMO", get("JIM_DEMO", "true"))
    database_url = get("DATABASE_URL", default_database_url())
    scheme = urlparse(database_url).scheme.split("+")[0]
    if scheme not in {"sqlite", "postgresql"}:
        raise SettingsError(
            f"DATABASE_URL must start with sqlite:/// or postgresql://, not {scheme or '?'}://."
        )
    lock_store_url = get("LOCK_STORE_URL", "")
    if lock_store_url and urlparse(lock_store_url).scheme != "redis":
        raise SettingsError("LOCK_STORE_URL must be empty or start with redis://.")
    web_port = _as_port("WEB_PORT", get("WEB_PORT", "8000"))
    public_url = get("PUBLIC_URL", f"http://localhost:{web_port}").rstrip("/")
    if urlparse(public_url).scheme not in {"http", "https"}:
        raise SettingsError("PUBLIC_URL must start with http:// or https://.")
    allowed_origins = _as_origins(get("ALLOWED_ORIGINS", _origin_of(public_url)))
    secret_key = get("SECRET_KEY")

    settings = Settings(
        demo=demo,
        host=get("JIM_HOST", "127.0.0.1"),
        rasa_port=_as_port("RASA_PORT", get("RASA_PORT", "5005")),
        action_port=_as_port("ACTION_PORT", get("ACTION_PORT", "5055")),
        web_port=web_port,
        database_url=database_url,
        rasa_auth_token=get("RASA_AUTH_TOKEN"),
        secret_key=secret_key,
        public_url=public_url,
        default_team=get("DEFAULT_TEAM", "standaard"),
        invite_days=_as_positive_int("INVITE_DAYS", get("INVITE_DAYS", "14")),
        consent_text_version=get("CONSENT_TEXT_VERSION", "v2"),  # v2: issue 25
        smtp_host=get("SMTP_HOST", ""),
        smtp_port=_as_port("SMTP_PORT", get("SMTP_PORT", "25")),
        smtp_from=get("SMTP_FROM", "jim-kiezer@localhost"),
        notify_email=get("NOTIFY_EMAIL", ""),
        retention_days=_as_positive_int("RETENTION_DAYS", get("RETENTION_DAYS", "180")),
        lock_store_url=lock_store_url,
        allowed_origins=allowed_origins,
        rate_chat_per_sender=_as_positive_int(
            "RATE_CHAT_PER_SENDER", get("RATE_CHAT_PER_SENDER", "60")
        ),
        rate_chat_per_ip=_as_positive_int("RATE_CHAT_PER_IP", get("RATE_CHAT_PER_IP", "600")),
        rate_invite_per_ip=_as_positive_int("RATE_INVITE_PER_IP", get("RATE_INVITE_PER_IP", "100")),
        rate_status_code_per_ip=_as_positive_int(
            "RATE_STATUS_CODE_PER_IP", get("RATE_STATUS_CODE_PER_IP", "20")
        ),
        rate_history_per_ip=_as_positive_int(
            "RATE_HISTORY_PER_IP", get("RATE_HISTORY_PER_IP", "300")
        ),
        rate_history_per_conversation=_as_positive_int(
            "RATE_HISTORY_PER_CONVERSATION", get("RATE_HISTORY_PER_CONVERSATION", "30")
        ),
        rate_api_failures=_as_positive_int("RATE_API_FAILURES", get("RATE_API_FAILURES", "20")),
        rate_login_failures=_as_positive_int(
            "RATE_LOGIN_FAILURES", get("RATE_LOGIN_FAILURES", "10")
        ),
        rate_api_failures_per_ip=_as_positive_int(
            "RATE_API_FAILURES_PER_IP", get("RATE_API_FAILURES_PER_IP", "300")
        ),
        rate_login_failures_per_ip=_as_positive_int(
            "RATE_LOGIN_FAILURES_PER_IP", get("RATE_LOGIN_FAILURES_PER_IP", "100")
        ),
        rasa_host=get("RASA_HOST", "127.0.0.1"),
        action_host=get("ACTION_HOST", "127.0.0.1"),
        action_server_token=get("ACTION_SERVER_TOKEN", "") or derived_action_token(secret_key),
        undo_minutes=_as_positive_int("UNDO_MINUTES", get("UNDO_MINUTES", "10")),
        session_idle_minutes=_as_positive_int(
            "SESSION_IDLE_MINUTES", get("SESSION_IDLE_MINUTES", "15")
        ),
        session_max_hours=_as_positive_int("SESSION_MAX_HOURS", get("SESSION_MAX_HOURS", "8")),
        account_link_hours=_as_positive_int("ACCOUNT_LINK_HOURS", get("ACCOUNT_LINK_HOURS", "24")),
        access_log_days=_as_positive_int("ACCESS_LOG_DAYS", get("ACCESS_LOG_DAYS", "1825")),
        account_lock_after=_as_positive_int("ACCOUNT_LOCK_AFTER", get("ACCOUNT_LOCK_AFTER", "5")),
        oidc_issuer=get("OIDC_ISSUER", "").rstrip("/"),
        oidc_client_id=get("OIDC_CLIENT_ID", ""),
        oidc_client_secret=get("OIDC_CLIENT_SECRET", ""),
        oidc_allowed_domains=tuple(
            d.strip().lower() for d in get("OIDC_ALLOWED_DOMAINS", "").split(",") if d.strip()
        ),
        oidc_team_claim=get("OIDC_TEAM_CLAIM", ""),
        learn_from_chats=_as_bool("LEARN_FROM_CHATS", get("LEARN_FROM_CHATS", "false")),
        review_keep_days=_as_positive_int("REVIEW_KEEP_DAYS", get("REVIEW_KEEP_DAYS", "30")),
    )
    if settings.oidc_issuer and not (
        settings.oidc_client_id and settings.oidc_client_secret and settings.oidc_allowed_domains
    ):
        raise SettingsError(
            "OIDC_ISSUER is set: set OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_ALLOWED_DOMAINS."
        )
    # In every mode, demo mode too: the demo coach token and the conversation pseudonyms are
    # made from SECRET_KEY, and RASA_AUTH_TOKEN opens every conversation in Rasa's HTTP API.
    # A value from .env.example (or a short one) would let anyone compute or guess them.
    # `jim setup` writes random values into a new .env, so a fresh machine never meets this.
    for name, value in (
        ("RASA_AUTH_TOKEN", settings.rasa_auth_token),
        ("SECRET_KEY", settings.secret_key),
        ("ACTION_SERVER_TOKEN", settings.action_server_token),
    ):
        if value.startswith(PLACEHOLDER_PREFIX) or len(value) < 16:
            raise SettingsError(
                f"{name} is a placeholder or too short: set a long random value in .env "
                "(or remove .env and run scripts/setup, which writes random values)."
            )
    return settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read once."""
    return load_settings()
