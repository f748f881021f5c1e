"""A store's sync health: what its terminals sent that the hub refused, what needs a manager's look, and which
terminals have gone quiet. The console's health pages and the admin API both read and acknowledge through here.

- Rejected mutations (`sync_mutations` with status `rejected`) with the hub's own sentence. A manager
  acknowledges one once looked at (audited); acknowledged ones are hidden unless asked for.
- Oversells (`oversell_events`), kiosk claims that came second (`kiosk_claim_conflicts`) and discount codes used
  beyond their limit while terminals were offline (`discount_usage.over_limit`): facts the hub accepted.
- Terminals silent for longer than the store's setting (`terminal_silent_minutes`, default 15): their last push.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.models import (
    ApiToken,
    DiscountUsage,
    KioskClaimConflict,
    OversellEvent,
    Store,
    SyncClient,
    SyncMutation,
    Terminal,
)
from sync.hub.tenancy import Invalid, NotFound, Scope, audit, list_stores, scoped_store

SILENT_SETTING = "terminal_silent_minutes"
DEFAULT_SILENT_MINUTES = 15
MAX_SILENT_MINUTES = 7 * 24 * 60
PAGE_SIZE = 50
RECENT = 20  # oversells, conflicts and over-limit uses shown: the newest, with the total beside them


@dataclass(frozen=True)
class Rejected:
    client_id: uuid.UUID
    mutation_id: int
    terminal_id: uuid.UUID
    terminal_name: str
    name: str
    code: str | None
    message: str | None
    received_at: datetime
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class Fact:
    """An oversell, a late kiosk claim or an over-limit code use: when, and the words that say what happened."""

    kind: str  # oversell, kiosk_conflict, code_over_limit
    at: datetime
    subject: str  # the SKU, the ticket's kind of action, or the code
    detail: dict[str, Any]


@dataclass(frozen=True)
class SilentTerminal:
    terminal_id: uuid.UUID
    name: str
    last_sync: datetime | None  # None: it never pushed


@dataclass(frozen=True)
class StoreHealth:
    store: Store
    rejected: list[Rejected]
    rejected_total: int  # of the list as filtered (acknowledged shown or not, the search)
    unacknowledged: int
    oversells: list[Fact]
    oversell_total: int
    conflicts: list[Fact]
    conflict_total: int
    over_limit: list[Fact]
    over_limit_total: int
    silent: list[SilentTerminal]
    silent_minutes: int

    @property
    def problems(self) -> int:
        return (self.unacknowledged + self.oversell_total + self.conflict_total + self.over_limit_total
                + len(self.silent))


def silent_minutes(store: Store) -> int:
    value = (store.settings or {}).get(SILENT_SETTING)
    return value if isinstance(value, int) and 0 < value <= MAX_SILENT_MINUTES else DEFAULT_SILENT_MINUTES


def set_silent_minutes(session: Session, scope: Scope, store_id: uuid.UUID, minutes: str | int) -> Store:
    """After how long without a push a terminal is listed as silent, for this store."""
    store = scoped_store(session, scope, store_id)
    try:
        value = int(str(minutes).strip())
    except ValueError:
        raise Invalid("%(text)s is not a number of minutes; type a whole number such as 15.",
                      text=str(minutes).strip() or "—") from None
    if not 1 <= value <= MAX_SILENT_MINUTES:
        raise Invalid("Give from 1 to %(most)s minutes (a week); %(value)s is outside that.", most=MAX_SILENT_MINUTES,
                      value=value)
    before = silent_minutes(store)
    store.settings = {**(store.settings or {}), SILENT_SETTING: value}
    audit(session, scope, "store.silent_minutes_set", store_id=store.id, entity=store,
          details={"before": before, "after": value})
    session.flush()
    return store


def _rejected_query(store_id: uuid.UUID, *, acknowledged: bool, search: str) -> Select:
    query = (select(SyncMutation, Terminal.id, Terminal.name)
             .join(SyncClient, SyncClient.client_id == SyncMutation.client_id)
             .join(Terminal, Terminal.id == SyncClient.terminal_id)
             .where(SyncMutation.store_id == store_id, SyncMutation.status == "rejected"))
    if not acknowledged:
        query = query.where(SyncMutation.acknowledged_at.is_(None))
    if search:
        like = f"%{search}%"
        query = query.where(or_(SyncMutation.message.ilike(like), SyncMutation.name.ilike(like),
                                SyncMutation.code.ilike(like), Terminal.name.ilike(like)))
    return query


def _count(session: Session, query: Select) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def store_health(session: Session, scope: Scope, store_id: uuid.UUID, *, acknowledged: bool = False,
                 search: str = "", offset: int = 0, limit: int = PAGE_SIZE, now: datetime | None = None
                 ) -> StoreHealth:
    """Everything the health page of one store shows; rejected mutations newest first, a page at a time."""
    store = scoped_store(session, scope, store_id)
    search = search.strip()[:100]
    query = _rejected_query(store.id, acknowledged=acknowledged, search=search)
    rows = session.execute(query.order_by(SyncMutation.received_at.desc(), SyncMutation.mutation_id.desc())
                           .limit(limit).offset(max(offset, 0))).all()
    rejected = [_rejected(*row) for row in rows]
    unacknowledged = (_count(session, _rejected_query(store.id, acknowledged=False, search=""))
                      if acknowledged or search else None)
    total = _count(session, query)
    oversells, oversell_total = _oversells(session, store.id)
    conflicts, conflict_total = _conflicts(session, store.id)
    over_limit, over_limit_total = _over_limit(session, store.id)
    minutes = silent_minutes(store)
    return StoreHealth(store, rejected, total, total if unacknowledged is None else unacknowledged, oversells,
                       oversell_total, conflicts, conflict_total, over_limit, over_limit_total,
                       silent_terminals(session, store.id, minutes, now or utcnow()), minutes)


def _oversells(session: Session, store_id: uuid.UUID) -> tuple[list[Fact], int]:
    query = select(OversellEvent).where(OversellEvent.store_id == store_id, OversellEvent.resolved.is_(False))
    rows = session.scalars(query.order_by(OversellEvent.created_at.desc()).limit(RECENT))
    facts = [Fact("oversell", e.created_at, e.sku, {"lot": e.batch_lot, "on_hand": e.quantity_on_hand})
             for e in rows]
    return facts, _count(session, query)


def _conflicts(session: Session, store_id: uuid.UUID) -> tuple[list[Fact], int]:
    query = (select(KioskClaimConflict, Terminal.name)
             .outerjoin(Terminal, Terminal.id == KioskClaimConflict.terminal_id)
             .where(KioskClaimConflict.store_id == store_id, KioskClaimConflict.resolved.is_(False)))
    rows = session.execute(query.order_by(KioskClaimConflict.created_at.desc()).limit(RECENT)).all()
    facts = [Fact("kiosk_conflict", c.created_at, c.kind, {"terminal": name or "", "ticket_id": str(c.ticket_id)})
             for c, name in rows]
    return facts, _count(session, query)


def _over_limit(session: Session, store_id: uuid.UUID) -> tuple[list[Fact], int]:
    query = (select(DiscountUsage, Terminal.name).outerjoin(Terminal, Terminal.id == DiscountUsage.terminal_id)
             .where(DiscountUsage.store_id == store_id, DiscountUsage.over_limit.is_(True)))
    rows = session.execute(query.order_by(DiscountUsage.used_at.desc()).limit(RECENT)).all()
    facts = [Fact("code_over_limit", u.used_at, u.code, {"use": u.use_number, "limit": u.usage_limit,
                                                         "terminal": name or ""}) for u, name in rows]
    return facts, _count(session, query)


def silent_terminals(session: Session, store_id: uuid.UUID, minutes: int, now: datetime) -> list[SilentTerminal]:
    """Paired, not revoked, and no push for `minutes` (or never): the longest silent first."""
    live = select(ApiToken.terminal_id).where(ApiToken.revoked_at.is_(None), ApiToken.terminal_id.is_not(None))
    last = func.max(SyncClient.last_push_at)
    rows = session.execute(
        select(Terminal.id, Terminal.name, last).outerjoin(SyncClient, SyncClient.terminal_id == Terminal.id)
        .where(Terminal.store_id == store_id, Terminal.id.in_(live)).group_by(Terminal.id, Terminal.name)
        .having(or_(last.is_(None), last < now - timedelta(minutes=minutes)))
        .order_by(last.asc().nulls_first(), Terminal.name)).all()
    return [SilentTerminal(terminal_id, name, at) for terminal_id, name, at in rows]


@dataclass(frozen=True)
class StoreSummary:
    store: Store
    unacknowledged: int
    oversells: int
    conflicts: int
    over_limit: int
    silent: int

    @property
    def problems(self) -> int:
        return self.unacknowledged + self.oversells + self.conflicts + self.over_limit + self.silent


def overview(session: Session, scope: Scope, now: datetime | None = None) -> list[StoreSummary]:
    """Every store the person reaches, with how many of each problem it has (the tenant's owners see all)."""
    stores = list_stores(session, scope)
    ids = [store.id for store in stores]
    if not ids:
        return []

    def per_store(column, *where) -> dict[uuid.UUID, int]:
        return dict(session.execute(select(column, func.count()).where(column.in_(ids), *where)
                                    .group_by(column)).all())

    rejected = per_store(SyncMutation.store_id, SyncMutation.status == "rejected",
                         SyncMutation.acknowledged_at.is_(None))
    oversells = per_store(OversellEvent.store_id, OversellEvent.resolved.is_(False))
    conflicts = per_store(KioskClaimConflict.store_id, KioskClaimConflict.resolved.is_(False))
    over_limit = per_store(DiscountUsage.store_id, DiscountUsage.over_limit.is_(True))
    moment = now or utcnow()
    return [StoreSummary(store, rejected.get(store.id, 0), oversells.get(store.id, 0), conflicts.get(store.id, 0),
                         over_limit.get(store.id, 0),
                         len(silent_terminals(session, store.id, silent_minutes(store), moment)))
            for store in stores]


def acknowledge(session: Session, scope: Scope, store_id: uuid.UUID, client_id: uuid.UUID | str,
                mutation_id: int | str) -> Rejected:
    """Mark a rejected mutation as looked at: hidden from the health page by default, kept for ever. Audited;
    acknowledging it again changes nothing."""
    store = scoped_store(session, scope, store_id)
    try:
        key = (uuid.UUID(str(client_id)), int(mutation_id))
    except ValueError:
        raise NotFound("There is no such rejected mutation in this store.") from None
    row = session.get(SyncMutation, key)
    if row is None or row.store_id != store.id or row.status != "rejected":
        raise NotFound("There is no such rejected mutation in this store.")
    if row.acknowledged_at is None:
        row.acknowledged_at, row.acknowledged_by = utcnow(), scope.user_id
        audit(session, scope, "sync_mutation.acknowledged", store_id=store.id,
              details={"client_id": str(row.client_id), "mutation_id": row.mutation_id, "name": row.name,
                       "code": row.code})
        session.flush()
    found = session.execute(_rejected_query(store.id, acknowledged=True, search="").where(
        SyncMutation.client_id == row.client_id, SyncMutation.mutation_id == row.mutation_id)).one()
    return _rejected(*found)


def _rejected(m: SyncMutation, terminal_id: uuid.UUID, terminal_name: str) -> Rejected:
    return Rejected(m.client_id, m.mutation_id, terminal_id, terminal_name, m.name, m.code, m.message, m.received_at,
                    m.acknowledged_at)
