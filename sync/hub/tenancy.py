"""Stores and terminals of a tenant: the one set of rules the console and the admin API both call.

Every function takes a `Scope` (which tenant, and which of its stores the caller may reach) and raises
`NotFound`, `OutOfScope` or `Invalid` with a sentence for the person; the callers turn those into 404/403/422.
Every change is written to the hub's audit trail with who did it and from where.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from demo.reference import PROVINCES
from sync.column_types import utcnow
from sync.hub.feed.record import ensure_feed, feed_new_store, record_put, savepoint
from sync.hub.models import ApiToken, HubAudit, ProvinceTerritory, Store, SyncClient, SyncMutation, TaxRate, Terminal
from sync.hub.tokens import issue_pairing_code

PROVINCE_CODES = tuple(code for code, *_ in PROVINCES)
STORE_FIELDS = ("name", "street", "city", "postal_code", "phone", "email", "timezone", "license_number",
                "license_expiry", "kiosk_enabled", "pos_enabled", "settings")


class TenancyError(Exception):
    """A sentence for the person who asked. Raised as `Invalid("... %(sku)s ...", sku=value)`, it keeps the
    template and its values, so the console can show the sentence in the person's language."""

    def __init__(self, message: str = "", /, **values: Any) -> None:
        super().__init__(message % values if values else message)
        self.template = message
        self.values = values


class NotFound(TenancyError):
    pass


class OutOfScope(TenancyError):
    pass


class Invalid(TenancyError):
    pass


class Taken(Invalid):
    """A code that must be unique is already used."""


@dataclass(frozen=True)
class Scope:
    """Who is asking: a tenant, the stores they may reach (None: all of the tenant's), and for the audit trail
    the console user (if any) and where the request came from."""

    tenant_id: uuid.UUID
    store_ids: frozenset[uuid.UUID] | None = None
    user_id: uuid.UUID | None = None
    via: str = "api"
    extra: dict[str, Any] = field(default_factory=dict)

    def reaches(self, store_id: uuid.UUID) -> bool:
        return self.store_ids is None or store_id in self.store_ids


def audit(session: Session, scope: Scope, action: str, *, store_id: uuid.UUID | None = None,
          entity: Any = None, details: dict[str, Any] | None = None) -> None:
    session.add(HubAudit(tenant_id=scope.tenant_id, store_id=store_id, user_id=scope.user_id, via=scope.via,
                         action=action, entity_type=entity and entity.__tablename__,
                         entity_id=entity and str(entity.id), details=details or {}))


def not_a_province(code: str) -> Invalid:
    """The refusal of a province or territory code that is not one (an empty one too)."""
    if not code:
        return Invalid("Choose a province or territory; use one of %(codes)s.", codes=", ".join(PROVINCE_CODES))
    return Invalid("%(code)s is not a Canadian province or territory code; use one of %(codes)s.", code=code,
                   codes=", ".join(PROVINCE_CODES))


def province(session: Session, code: str) -> ProvinceTerritory:
    """The province or territory by its code; a hub that has none yet gets it, with its tax rates."""
    code = (code or "").strip().upper()
    found = session.scalar(select(ProvinceTerritory).where(ProvinceTerritory.code == code))
    if found is not None:
        return found
    known = {row[0]: row for row in PROVINCES}
    if code not in known:
        raise not_a_province(code)
    _, name, min_age, rates = known[code]
    found = ProvinceTerritory(code=code, name=name, min_age=min_age)
    session.add(found)
    session.flush()
    for tax_type, rate, effective in rates:
        session.add(TaxRate(province_territory_id=found.id, tax_type=tax_type, rate=rate, effective_from=effective))
    session.flush()
    return found


def scoped_store(session: Session, scope: Scope, store_id: uuid.UUID) -> Store:
    store = session.get(Store, store_id)
    if store is None:
        raise NotFound("There is no such store.")
    if store.tenant_id != scope.tenant_id or not scope.reaches(store.id):
        raise OutOfScope("That store is not one of yours; ask an owner or admin of the tenant.")
    return store


def list_stores(session: Session, scope: Scope) -> list[Store]:
    query = select(Store).where(Store.tenant_id == scope.tenant_id).order_by(Store.store_code)
    if scope.store_ids is not None:
        query = query.where(Store.id.in_(scope.store_ids))
    return list(session.scalars(query))


def create_store(session: Session, scope: Scope, *, store_code: str, name: str, province_code: str,
                 **fields: Any) -> Store:
    if scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin of the tenant can open a store.")
    code = (store_code or "").strip().upper()
    if not code or len(code) > 20 or not code.replace("-", "").replace("_", "").isalnum():
        raise Invalid("The store code must be 1 to 20 letters, digits, - or _ (for example ON002).")
    if not (name or "").strip():
        raise Invalid("Give the store a name.")
    if session.scalar(select(Store.id).where(Store.store_code == code)) is not None:
        raise Taken("A store with the code %(code)s already exists; choose another code.", code=code)
    store = Store(tenant_id=scope.tenant_id, province_territory_id=province(session, province_code).id,
                  store_code=code, name=name.strip(), **_clean(fields))
    try:
        with savepoint(session):
            session.add(store)
            session.flush()
    except IntegrityError:
        raise Taken("A store with the code %(code)s already exists; choose another code.", code=code) from None
    ensure_feed(session, store.id)
    feed_new_store(session, store)
    audit(session, scope, "store.created", store_id=store.id, entity=store, details={"store_code": code})
    return store


def update_store(session: Session, scope: Scope, store_id: uuid.UUID, *, province_code: str | None = None,
                 **fields: Any) -> Store:
    store = scoped_store(session, scope, store_id)
    changes = _clean(fields)
    if "name" in changes and not changes["name"]:
        raise Invalid("Give the store a name.")
    if province_code and province_code.upper() != _province_code(session, store):
        if scope.store_ids is not None:
            raise OutOfScope("Only an owner or admin can move a store to another province.")
        store.province_territory_id = province(session, province_code).id
        changes["province"] = province_code.upper()
    for key, value in changes.items():
        if key != "province":
            setattr(store, key, value)
    record_put(session, store)
    audit(session, scope, "store.updated", store_id=store.id, entity=store, details={"fields": sorted(changes)})
    return store


def set_store_active(session: Session, scope: Scope, store_id: uuid.UUID, active: bool) -> Store:
    store = scoped_store(session, scope, store_id)
    if scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin can activate or deactivate a store.")
    store.status = "active" if active else "inactive"
    record_put(session, store)
    audit(session, scope, "store.activated" if active else "store.deactivated", store_id=store.id, entity=store)
    return store


def new_pairing_code(session: Session, scope: Scope, store_id: uuid.UUID) -> str:
    store = scoped_store(session, scope, store_id)
    if store.status != "active":
        raise Invalid("Store %(code)s is deactivated; activate it before pairing terminals.", code=store.store_code)
    code = issue_pairing_code(session, store)
    audit(session, scope, "pairing_code.issued", store_id=store.id, entity=store)
    return code


@dataclass(frozen=True)
class TerminalRow:
    id: uuid.UUID
    store_id: uuid.UUID
    name: str
    paired_at: datetime
    last_sync: datetime | None
    deferred: int
    rejected: int
    revoked: bool


def list_terminals(session: Session, scope: Scope, store_id: uuid.UUID) -> list[TerminalRow]:
    store = scoped_store(session, scope, store_id)
    rows = []
    for terminal in session.scalars(select(Terminal).where(Terminal.store_id == store.id)
                                    .order_by(Terminal.paired_at.desc())):
        clients = select(SyncClient.client_id).where(SyncClient.terminal_id == terminal.id)
        counts = dict(session.execute(
            select(SyncMutation.status, func.count()).where(SyncMutation.client_id.in_(clients),
                                                             SyncMutation.status.in_(("deferred", "rejected")))
            .group_by(SyncMutation.status)).all())
        last = session.scalar(select(func.max(SyncClient.last_push_at)).where(SyncClient.terminal_id == terminal.id))
        live = session.scalar(select(func.count()).select_from(ApiToken).where(
            ApiToken.terminal_id == terminal.id, ApiToken.revoked_at.is_(None)))
        rows.append(TerminalRow(terminal.id, terminal.store_id, terminal.name, terminal.paired_at, last,
                                counts.get("deferred", 0), counts.get("rejected", 0), not live))
    return rows


def revoke_terminal(session: Session, scope: Scope, terminal_id: uuid.UUID) -> Terminal:
    """The terminal's token stops working at once; it must be paired again with a new code."""
    terminal = session.get(Terminal, terminal_id)
    if terminal is None:
        raise NotFound("There is no such terminal.")
    scoped_store(session, scope, terminal.store_id)
    session.execute(update(ApiToken).where(ApiToken.terminal_id == terminal.id, ApiToken.revoked_at.is_(None))
                    .values(revoked_at=utcnow()))
    audit(session, scope, "terminal.revoked", store_id=terminal.store_id, entity=terminal,
          details={"name": terminal.name})
    return terminal


def _province_code(session: Session, store: Store) -> str:
    return session.scalar(select(ProvinceTerritory.code).where(ProvinceTerritory.id == store.province_territory_id))


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(STORE_FIELDS)
    if unknown:
        raise Invalid("A store has no field named %(names)s.", names=", ".join(sorted(unknown)))
    return {key: value.strip() if isinstance(value, str) else value for key, value in fields.items()}
