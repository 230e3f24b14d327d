"""Passkeys (WebAuthn) as the second factor, through the `webauthn` library (py_webauthn).

The relying party is the host of PUBLIC_URL; the expected origin is PUBLIC_URL's origin.
Each ceremony has its own random challenge, kept by the caller (a signed, short-lived
cookie bound to the portal session) and checked here. The sign counter must go up when the
authenticator keeps one, so a cloned key is refused.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

from sqlalchemy import select
from sqlalchemy.orm import Session
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from bot.storage.models import Coach, Passkey, utcnow

RP_NAME = "JIM-kiezer coachportaal"


class PasskeyError(ValueError):
    """The browser's answer does not prove the passkey (the reason is for logs only)."""


def rp_id(public_url: str) -> str:
    return urlparse(public_url).hostname or "localhost"


def origin(public_url: str) -> str:
    parts = urlparse(public_url)
    return f"{parts.scheme}://{parts.netloc}"


def of(session: Session, coach_id: str) -> list[Passkey]:
    return list(
        session.execute(select(Passkey).where(Passkey.coach_id == coach_id)).scalars().all()
    )


def registration_options(session: Session, coach: Coach, public_url: str) -> tuple[str, str]:
    """(options JSON for navigator.credentials.create, challenge as base64url)."""
    options = generate_registration_options(
        rp_id=rp_id(public_url),
        rp_name=RP_NAME,
        user_name=coach.email or coach.name,
        user_id=coach.id.encode(),
        user_display_name=coach.name,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(p.credential_id))
            for p in of(session, coach.id)
        ],
    )
    return options_to_json(options), bytes_to_base64url(options.challenge)


def register(
    session: Session, coach: Coach, credential: dict, challenge: str, public_url: str
) -> Passkey:
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id(public_url),
            expected_origin=origin(public_url),
            require_user_verification=True,
        )
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as error:
        raise PasskeyError(type(error).__name__) from None
    passkey = Passkey(
        coach_id=coach.id,
        credential_id=bytes_to_base64url(verified.credential_id),
        public_key=bytes_to_base64url(verified.credential_public_key),
        sign_count=verified.sign_count,
    )
    session.add(passkey)
    session.flush()
    return passkey


def authentication_options(session: Session, coach: Coach, public_url: str) -> tuple[str, str]:
    options = generate_authentication_options(
        rp_id=rp_id(public_url),
        allow_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(p.credential_id))
            for p in of(session, coach.id)
        ],
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    return options_to_json(options), bytes_to_base64url(options.challenge)


def authenticate(
    session: Session, coach: Coach, credential: dict, challenge: str, public_url: str
) -> Passkey:
    """The account's passkey that signed this challenge; its counter moves on."""
    raw_id = (
        credential.get("rawId") or credential.get("id") if isinstance(credential, dict) else None
    )
    passkey = session.execute(
        select(Passkey).where(Passkey.coach_id == coach.id, Passkey.credential_id == raw_id)
    ).scalar_one_or_none()
    if passkey is None:
        raise PasskeyError("unknown credential")
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id(public_url),
            expected_origin=origin(public_url),
            credential_public_key=base64url_to_bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
            require_user_verification=True,
        )
    except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError) as error:
        raise PasskeyError(type(error).__name__) from None
    passkey.sign_count = verified.new_sign_count
    passkey.last_used_at = utcnow()
    return passkey


def parse(body: bytes) -> dict:
    try:
        data = json.loads(body)
    except ValueError:
        raise PasskeyError("not JSON") from None
    if not isinstance(data, dict):
        raise PasskeyError("not an object")
    return data
