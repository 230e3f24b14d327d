"""Single sign-on with the organisation's identity provider over OpenID Connect.

Authorization code flow with PKCE (S256), a random `state` and `nonce` per sign-in,
through Authlib's OAuth 2 client; the ID token is checked with joserfc against the
provider's published keys: signature, issuer, audience (our client id), nonce, expiry.
Anything wrong ends in one `SsoError`; the portal shows a kind answer that tells nothing
about what was wrong.

Who may come in: a verified e-mail address in one of OIDC_ALLOWED_DOMAINS. An existing
account with that address signs in (and is bound to the provider's `sub` the first time;
a different `sub` later is refused). Without an account, and with OIDC_TEAM_CLAIM set,
an account with role `coach` is made in the team the claim names, if that team exists.
The second factor is the identity provider's business then.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

import httpx
from authlib.integrations.httpx_client import OAuth2Client
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.accounts import accounts
from bot.storage import repo
from bot.storage.models import Coach

SCOPES = "openid email profile"
ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA"]
TIMEOUT = 10.0


class SsoError(Exception):
    """The sign-in through the identity provider did not succeed (the reason is for logs)."""


@dataclass
class SsoConfig:
    issuer: str
    client_id: str
    client_secret: str
    allowed_domains: tuple[str, ...]
    team_claim: str = ""
    _metadata: dict = field(default_factory=dict, repr=False)
    _keys: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_settings(cls, settings) -> SsoConfig | None:
        if not settings.oidc_issuer:
            return None
        return cls(
            issuer=settings.oidc_issuer,
            client_id=settings.oidc_client_id,
            client_secret=settings.oidc_client_secret,
            allowed_domains=settings.oidc_allowed_domains,
            team_claim=settings.oidc_team_claim,
        )

    def metadata(self) -> dict:
        """The provider's discovery document (fetched once per process)."""
        if not self._metadata:
            url = self.issuer.rstrip("/") + "/.well-known/openid-configuration"
            response = httpx.get(url, timeout=TIMEOUT)
            response.raise_for_status()
            data = response.json()
            if data.get("issuer") != self.issuer:
                raise SsoError("discovery names another issuer")
            self._metadata.update(data)
        return self._metadata

    def keys(self, refresh: bool = False) -> KeySet:
        if refresh or not self._keys:
            response = httpx.get(self.metadata()["jwks_uri"], timeout=TIMEOUT)
            response.raise_for_status()
            self._keys.clear()
            self._keys.update(response.json())
        return KeySet.import_key_set(self._keys)

    def client(self, redirect_uri: str) -> OAuth2Client:
        return OAuth2Client(
            client_id=self.client_id,
            client_secret=self.client_secret,
            scope=SCOPES,
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
            timeout=TIMEOUT,
        )


@dataclass
class Pending:
    """What the browser keeps (signed) between leaving for the provider and coming back."""

    state: str
    nonce: str
    verifier: str


def start(config: SsoConfig, redirect_uri: str) -> tuple[str, Pending]:
    """The provider's address to send the browser to, and what to keep until it returns."""
    pending = Pending(
        state=secrets.token_urlsafe(24),
        nonce=secrets.token_urlsafe(24),
        verifier=secrets.token_urlsafe(48),
    )
    with config.client(redirect_uri) as client:
        url, _ = client.create_authorization_url(
            config.metadata()["authorization_endpoint"],
            state=pending.state,
            nonce=pending.nonce,
            code_verifier=pending.verifier,
        )
    return url, pending


def validate_id_token(config: SsoConfig, id_token: str, nonce: str, now: float | None = None):
    """The claims of a valid ID token for us: signature, iss, aud, nonce, exp, iat."""
    try:
        try:
            token = jwt.decode(id_token, config.keys(), algorithms=ALGORITHMS)
        except JoseError:  # the provider may have rotated its keys
            token = jwt.decode(id_token, config.keys(refresh=True), algorithms=ALGORITHMS)
        registry = jwt.JWTClaimsRegistry(
            now=int(now) if now is not None else None,
            leeway=60,
            iss={"essential": True, "value": config.issuer},
            aud={"essential": True, "value": config.client_id},
            nonce={"essential": True, "value": nonce},
            sub={"essential": True},
            exp={"essential": True},
        )
        registry.validate(token.claims)
    except (JoseError, ValueError) as error:
        raise SsoError(f"id token refused: {type(error).__name__}") from None
    claims = token.claims
    azp = claims.get("azp")
    if isinstance(claims.get("aud"), list) and len(claims["aud"]) > 1 and azp != config.client_id:
        raise SsoError("id token for several audiences without our azp")
    return claims


def finish(config: SsoConfig, redirect_uri: str, code: str, pending: Pending) -> dict:
    """Trade the code (with the PKCE verifier) for tokens; the checked ID token claims."""
    if not code:
        raise SsoError("no code")
    try:
        with config.client(redirect_uri) as client:
            tokens = client.fetch_token(
                config.metadata()["token_endpoint"],
                grant_type="authorization_code",
                code=code,
                code_verifier=pending.verifier,
            )
    except Exception as error:  # noqa: BLE001 - any failure of the exchange: one answer
        raise SsoError(f"token exchange failed: {type(error).__name__}") from None
    id_token = tokens.get("id_token")
    if not id_token:
        raise SsoError("no id token")
    claims = dict(validate_id_token(config, id_token, pending.nonce))
    if "email" not in claims and config.metadata().get("userinfo_endpoint"):
        # Many providers put the e-mail only in the userinfo answer; its sub must match.
        try:
            response = httpx.get(
                config.metadata()["userinfo_endpoint"],
                headers={"Authorization": f"Bearer {tokens['access_token']}"},
                timeout=TIMEOUT,
            )
            response.raise_for_status()
            info = response.json()
        except (httpx.HTTPError, KeyError, ValueError):
            raise SsoError("userinfo failed") from None
        if info.get("sub") != claims["sub"]:
            raise SsoError("userinfo is about someone else")
        claims.update({k: v for k, v in info.items() if k not in ("iss", "aud", "sub")})
    return claims


def account_for(session: Session, config: SsoConfig, claims: dict) -> Coach:
    """The account these (checked) claims sign in, made if the team claim allows it."""
    email = accounts.normalise_email(claims.get("email", ""))
    if not email or claims.get("email_verified") is False:
        raise SsoError("no verified e-mail address")
    domain = email.rsplit("@", 1)[-1]
    if domain not in config.allowed_domains:
        raise SsoError("e-mail domain not allowed")
    subject = f"{config.issuer}|{claims['sub']}"
    coach = session.execute(select(Coach).where(Coach.sso_subject == subject)).scalar_one_or_none()
    if coach is None:
        coach = accounts.find_by_email(session, email)
        if coach is not None:
            if coach.sso_subject and coach.sso_subject != subject:
                raise SsoError("account bound to another identity")
            coach.sso_subject = subject
    if coach is None and config.team_claim:
        team = repo.get_team(session, str(claims.get(config.team_claim) or ""))
        if team is not None and not team.is_demo:
            name = claims.get("name") or email
            coach = accounts.create_account(session, team, name, email, "coach")
            coach.sso_subject = subject
    if coach is None or not coach.active:
        raise SsoError("no (active) account")
    return coach
