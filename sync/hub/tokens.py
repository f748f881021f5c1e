"""Bearer tokens and pairing codes. Only their sha256 is stored; the secret itself is shown once."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.models import ApiToken, PairingCode, Store, Tenant

PAIRING_CODE_TTL = timedelta(hours=24)
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Principal:
    kind: str  # terminal, admin
    tenant_id: uuid.UUID
    store_id: uuid.UUID | None
    terminal_id: uuid.UUID | None


def issue_token(session: Session, *, kind: str, tenant_id: uuid.UUID, store_id: uuid.UUID | None = None,
                terminal_id: uuid.UUID | None = None) -> str:
    token = f"{'hubt' if kind == 'terminal' else 'huba'}_{secrets.token_urlsafe(32)}"
    session.add(ApiToken(token_hash=digest(token), kind=kind, tenant_id=tenant_id, store_id=store_id,
                         terminal_id=terminal_id))
    session.flush()
    return token


def principal_for(session: Session, token: str) -> Principal | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == digest(token),
                                                ApiToken.revoked_at.is_(None)))
    if row is None:
        return None
    return Principal(row.kind, row.tenant_id, row.store_id, row.terminal_id)


def issue_pairing_code(session: Session, store: Store) -> str:
    code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
    session.add(PairingCode(code_hash=digest(normalize_code(code)), tenant_id=store.tenant_id, store_id=store.id,
                            expires_at=utcnow() + PAIRING_CODE_TTL))
    session.flush()
    return f"{code[:5]}-{code[5:]}"


def normalize_code(code: str) -> str:
    return code.replace("-", "").replace(" ", "").upper()


def tenant_pin_pepper(tenant: Tenant) -> str:
    """The tenant's PIN pepper, made on first use; PIN hashes on the hub and on its terminals use it."""
    if tenant.pin_pepper is None:
        tenant.pin_pepper = secrets.token_hex(32)
    return tenant.pin_pepper


def store_ticket_key(store: Store) -> str:
    """The store's kiosk ticket key, made on first use; its terminals sign and check ticket QR codes with it."""
    if store.kiosk_ticket_key is None:
        store.kiosk_ticket_key = secrets.token_hex(32)
    return store.kiosk_ticket_key
