"""Each store's change feed: a per-store version counter and the latest change of every entity.

A writing transaction records what it changed with `record_put`/`record_delete`; `publish_pending` runs just
before its commit, row-locks the touched stores' counters (in a fixed order, so writers never deadlock), takes
the next version and stamps the changes with it. Because the lock is held until commit, version v+1 can only
be taken after v has committed, so a puller that has seen v never misses a change committed later.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, String, Text, cast, delete, func, literal, select, tuple_, update
from sqlalchemy.orm import Session

from sync.hub.database import dialect_insert
from sync.hub.models import (
    Accessory,
    AccessoryCategory,
    BatchTracking,
    DiscountCode,
    OcsInventory,
    OcsProduct,
    ProvinceTerritory,
    ProvincialSupplier,
    PurchaseOrder,
    RolePermission,
    ShelfLocation,
    Store,
    StoreFeed,
    SyncChange,
    TaxRate,
    Tenant,
    User,
)
from sync.hub.models.base import Base

ENTITY_OF = {
    Store: "store", TaxRate: "tax_rate", User: "staff_user", RolePermission: "role_permission",
    OcsProduct: "product", Accessory: "accessory", OcsInventory: "inventory_level", BatchTracking: "batch",
    ShelfLocation: "shelf_location", PurchaseOrder: "purchase_order", DiscountCode: "discount_code",
    # Parents the replica's foreign keys point at: a store's province (its tax rates refer to it too), its
    # tenant, the accessories' categories and the suppliers named on lots and purchase orders.
    ProvinceTerritory: "province", Tenant: "tenant", AccessoryCategory: "accessory_category",
    ProvincialSupplier: "supplier",
}
_PENDING = "feed_pending"
_CHUNK = 500


def new_epoch() -> str:
    return secrets.token_hex(4)


def ensure_feed(session: Session, store_id: uuid.UUID) -> None:
    if session.get(StoreFeed, store_id) is None:
        session.add(StoreFeed(store_id=store_id, epoch=new_epoch(), version=0, compacted_through=0))
        session.flush()


def json_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


def row_data(obj: Base) -> dict[str, Any]:
    """The row under the terminal replica's column names, without the hub's own columns."""
    mapper = obj.__mapper__
    data = {}
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if column.info.get("hub_only"):
            continue
        data[column.name] = json_value(getattr(obj, prop.key))
    if isinstance(obj, PurchaseOrder):
        data["lines"] = [row_data(item) for item in obj.items]
    return data


@dataclass
class _Pending:
    entity: str
    entity_id: str
    op: str
    obj: Base | None
    store_ids: tuple[uuid.UUID, ...]
    # A row written with Core has no ORM object: its data (read back by RETURNING) stands in.
    data: dict[str, Any] | None = None


def _pending(session: Session) -> dict[tuple[str, str], _Pending]:
    return session.info.setdefault(_PENDING, {})


def _tenant_stores(session: Session, tenant_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
    cache = session.info.setdefault("feed_tenant_stores", {})
    if tenant_id not in cache:
        cache[tenant_id] = tuple(session.scalars(select(Store.id).where(Store.tenant_id == tenant_id)))
    return cache[tenant_id]


def stores_for(session: Session, obj: Base) -> tuple[uuid.UUID, ...]:
    """Which stores' feeds carry this row."""
    if isinstance(obj, Store):
        return (obj.id,)
    if isinstance(obj, Tenant):
        return _tenant_stores(session, obj.id)
    if isinstance(obj, ProvinceTerritory):
        return tuple(session.scalars(select(Store.id).where(Store.province_territory_id == obj.id)))
    if isinstance(obj, ProvincialSupplier):  # suppliers are shared by every tenant
        return tuple(session.scalars(select(Store.id)))
    if isinstance(obj, TaxRate):
        return tuple(session.scalars(select(Store.id).where(Store.province_territory_id == obj.province_territory_id)))
    if isinstance(obj, User | DiscountCode) and obj.store_id is not None:
        return (obj.store_id,)
    tenant_id = getattr(obj, "tenant_id", None)
    if isinstance(obj, OcsInventory | BatchTracking | ShelfLocation | PurchaseOrder):
        return (obj.store_id,)
    if tenant_id is not None:
        return _tenant_stores(session, tenant_id)
    return ()


def record_put(session: Session, obj: Base) -> None:
    entity = ENTITY_OF[type(obj)]
    _pending(session)[(entity, str(obj.id))] = _Pending(entity, str(obj.id), "put", obj, ())


def record_put_row(session: Session, model: type[Base], row: Any) -> None:
    """Feed a row of a store-scoped table that was written with Core (``row`` as read back by RETURNING),
    with its ``version`` column set already to the version `lock_store` took for its store."""
    table = model.__table__
    values = row._mapping
    data = {column.name: json_value(values[column]) for column in table.columns if not column.info.get("hub_only")}
    entity = ENTITY_OF[model]
    entity_id = str(values[table.c.id])
    _pending(session)[(entity, entity_id)] = _Pending(entity, entity_id, "put", None, (values[table.c.store_id],),
                                                      data)


def record_delete(session: Session, obj: Base) -> None:
    entity = ENTITY_OF[type(obj)]
    stores = stores_for(session, obj)
    _pending(session)[(entity, str(obj.id))] = _Pending(entity, str(obj.id), "delete", None, stores)


def lock_store(session: Session, store_id: uuid.UUID) -> int:
    """Take the store's next version now, row-locking its counter until this transaction ends.

    Writers that read before they write (stock levels, order state) call this first, so they run one at a
    time per store and never act on a stale read.
    """
    taken = session.info.setdefault("feed_versions", {})
    if store_id not in taken:
        taken[store_id] = bump_version(session, store_id)
    return taken[store_id]


@contextmanager
def savepoint(session: Session) -> Iterator[None]:
    """A SAVEPOINT whose rollback also forgets the feed versions and changes taken inside it.

    A version taken inside it was rolled back with it (and its row lock let go), so it must be taken again.
    """
    versions = dict(session.info.get("feed_versions", {}))
    pending = dict(_pending(session))
    try:
        with session.begin_nested():
            yield
    except BaseException:
        session.info["feed_versions"] = versions
        session.info[_PENDING] = pending
        raise


def feed_new_store(session: Session, store: Store) -> None:
    """A new store's feed starts with the shared rows that already apply to it (taxes, catalog, roles)."""
    session.flush()
    shared = [
        *session.scalars(select(Tenant).where(Tenant.id == store.tenant_id)),
        *session.scalars(select(ProvinceTerritory).where(ProvinceTerritory.id == store.province_territory_id)),
        *session.scalars(select(ProvincialSupplier)),
        *session.scalars(select(AccessoryCategory).where(AccessoryCategory.tenant_id == store.tenant_id)),
        *session.scalars(select(TaxRate).where(TaxRate.province_territory_id == store.province_territory_id)),
        *session.scalars(select(RolePermission).where(RolePermission.tenant_id == store.tenant_id)),
        *session.scalars(select(OcsProduct).where(OcsProduct.tenant_id == store.tenant_id)),
        *session.scalars(select(Accessory).where(Accessory.tenant_id == store.tenant_id)),
        *session.scalars(select(User).where(User.tenant_id == store.tenant_id, User.store_id.is_(None))),
        *session.scalars(select(DiscountCode).where(DiscountCode.tenant_id == store.tenant_id,
                                                    DiscountCode.store_id.is_(None))),
    ]
    pending = _pending(session)
    for obj in shared:
        key = (ENTITY_OF[type(obj)], str(obj.id))
        if key not in pending:
            pending[key] = _Pending(key[0], key[1], "put", obj, (store.id,))
    record_put(session, store)


def bump_version(session: Session, store_id: uuid.UUID) -> int:
    version = session.execute(
        update(StoreFeed).where(StoreFeed.store_id == store_id).values(version=StoreFeed.version + 1)
        .returning(StoreFeed.version)
    ).scalar_one_or_none()
    if version is None:
        ensure_feed(session, store_id)
        return bump_version(session, store_id)
    return int(version)


def publish_pending(session: Session) -> dict[uuid.UUID, int]:
    """Stamp this transaction's changes with each touched store's next version. Returns store -> version."""
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return dict(session.info.get("feed_versions", {}))
    session.flush()
    by_store: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for change in pending.values():
        stores = change.store_ids or stores_for(session, change.obj)
        data = change.data if change.obj is None else row_data(change.obj)
        for store_id in stores:
            by_store.setdefault(store_id, []).append(
                {"store_id": store_id, "entity": change.entity, "entity_id": change.entity_id, "op": change.op,
                 "data": data}
            )
    versions = {}
    for store_id in sorted(by_store, key=str):
        version = versions[store_id] = lock_store(session, store_id)
        rows = by_store[store_id]
        for row in rows:
            row["version"] = version
            if row["data"] is not None:
                row["data"] = {**row["data"], "version": version}
        _replace_changes(session, store_id, rows)
    _stamp_row_versions(pending, versions, session)
    return versions


def _replace_changes(session: Session, store_id: uuid.UUID, rows: list[dict[str, Any]]) -> None:
    # One row per entity: a newer change overwrites the older one in place (an upsert, not delete + insert).
    upsert = dialect_insert(session, SyncChange.__table__)
    upsert = upsert.on_conflict_do_update(
        index_elements=["store_id", "entity", "entity_id"],
        set_={"version": upsert.excluded.version, "op": upsert.excluded.op, "data": upsert.excluded.data})
    for start in range(0, len(rows), _CHUNK):
        session.execute(upsert, rows[start:start + _CHUNK])


def _stamp_row_versions(pending: dict, versions: dict[uuid.UUID, int], session: Session) -> None:
    # A row fed to several stores keeps the highest version; the feed rows carry each store's own.
    for change in pending.values():
        if change.obj is not None and hasattr(change.obj, "version"):
            stores = [versions[s] for s in change.store_ids or stores_for(session, change.obj) if s in versions]
            if stores:
                change.obj.version = max(change.obj.version or 0, *stores)
    session.flush()


# -- reading ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    version: int
    entity: str = ""
    entity_id: str = ""

    @property
    def complete(self) -> bool:
        """True when everything up to and including `version` has been delivered."""
        return self.entity == ""


@dataclass(frozen=True)
class Tally:
    """How many changes were left after a catch-up cursor, counted when the feed stood at `feed_version`.

    A catch-up cursor carries it so the next page's `remaining` is a subtraction, not a count over the rest
    of the feed (which, page after page, made a first sync quadratic). Only progress bars read it.
    """

    remaining: int
    feed_version: int


_TALLY = "|"  # neither epochs, versions, entity names nor ids hold it


def encode_cursor(epoch: str, position: Position, tally: Tally | None = None) -> str:
    cursor = f"{epoch}:{position.version}"
    if not position.complete:
        cursor += f":{position.entity}:{position.entity_id}"
    if tally is not None:
        cursor += f"{_TALLY}{tally.remaining}{_TALLY}{tally.feed_version}"
    return cursor


def decode_tally(cursor: str) -> Tally | None:
    parts = cursor.split(_TALLY)
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    return Tally(int(parts[1]), int(parts[2]))


def decode_cursor(cursor: str, feed: StoreFeed) -> Position | None:
    """The position a cursor stands for, or None when it is unknown, from another epoch or compacted away."""
    parts = cursor.split(_TALLY, 1)[0].split(":", 3)
    if len(parts) not in (2, 4) or parts[0] != feed.epoch or not parts[1].isdigit():
        return None
    position = Position(int(parts[1]), *parts[2:4]) if len(parts) == 4 else Position(int(parts[1]))
    if position.version > feed.version:
        return None
    if position.version < feed.compacted_through or (
        position.version == feed.compacted_through and not position.complete and position.version > 0
    ):
        return None
    return position


class FeedRow(NamedTuple):
    """One change as the feed query returns it, its data still the JSON text the database holds."""

    entity: str
    entity_id: str
    op: str
    version: int
    data_json: str | None


@dataclass
class Page:
    changes: list[FeedRow]
    cursor: str
    has_more: bool
    reset: bool
    remaining: int = 0
    last_mutation_id: int = 0  # the pulling client's, read in the same snapshot as the changes

    def wire_json(self) -> bytes:
        """The pull answer (``sync.protocol.PullResponse``) as JSON text, written straight from the feed rows.

        A first sync reads 100,000 changes: parsing each row's data and building a model per change only
        to write the same JSON again cost the hub most of its time. The client validates the answer.
        """
        changes = ",".join(
            f'{{"entity":{_text(row.entity)},"id":{_text(row.entity_id)},"op":{_text(row.op)},'
            f'"version":{int(row.version)},"data":{row.data_json or "null"}}}'
            for row in self.changes)
        head = json.dumps({"cursor": self.cursor, "last_mutation_id": self.last_mutation_id,
                           "has_more": self.has_more, "reset": self.reset, "remaining": self.remaining})
        return f'{head[:-1]},"changes":[{changes}]}}'.encode()


_text = json.JSONEncoder(ensure_ascii=False).encode


def _after(position: Position):
    if position.complete:
        return SyncChange.version > position.version
    # One row-value comparison, so the (store_id, version, entity, entity_id) index seeks straight to the
    # position; spelt out with OR it became a filter over every row before it, page after page.
    return tuple_(SyncChange.version, SyncChange.entity, SyncChange.entity_id) > tuple_(
        literal(position.version, BigInteger), literal(position.entity, String),
        literal(position.entity_id, String))


_FEED_COLUMNS = (SyncChange.entity, SyncChange.entity_id, SyncChange.op, SyncChange.version,
                 cast(SyncChange.data, Text))  # the JSON as stored: no parse here, no dump again on the wire


def read_page(session: Session, store_id: uuid.UUID, cursor: str | None, limit: int) -> Page:
    feed = session.get(StoreFeed, store_id)
    if feed is None:
        return Page([], encode_cursor("none", Position(0)), False, cursor is not None)
    position = Position(0) if cursor is None else decode_cursor(cursor, feed)
    reset = position is None
    if position is None:
        position = Position(0)
    rows = [FeedRow(*row) for row in session.execute(
        select(*_FEED_COLUMNS).where(SyncChange.store_id == store_id, _after(position))
        .order_by(SyncChange.version, SyncChange.entity, SyncChange.entity_id).limit(limit + 1)
    )]
    has_more = len(rows) > limit
    page = rows[:limit]
    if not page:
        return Page([], encode_cursor(feed.epoch, Position(position.version)), False, reset)
    last = page[-1]
    mid_version = has_more and rows[limit].version == last.version
    end = Position(last.version, last.entity, last.entity_id) if mid_version else Position(last.version)
    if not has_more:
        return Page(page, encode_cursor(feed.epoch, end), False, reset)
    # How much is left after this page, so a terminal catching up can show a real progress bar.
    tally = None if reset or cursor is None else decode_tally(cursor)
    remaining = _remaining(session, store_id, feed, end, page, tally)
    return Page(page, encode_cursor(feed.epoch, end, Tally(remaining, feed.version)), True, reset, remaining)


def _remaining(session: Session, store_id: uuid.UUID, feed: StoreFeed, end: Position, page: list[FeedRow],
               tally: Tally | None) -> int:
    """Changes after `end`: counted once per catch-up, then carried forward by the cursor's tally."""
    def count(*where) -> int:
        return int(session.scalar(select(func.count()).select_from(SyncChange).where(
            SyncChange.store_id == store_id, *where)))

    if tally is None or tally.feed_version > feed.version:
        return count(_after(end))
    old_rows = sum(1 for row in page if row.version <= tally.feed_version)
    left = max(tally.remaining - old_rows, 0)
    if feed.version > tally.feed_version:
        # Writes since the tally sit at the end of the feed; the older rows they replaced may have been
        # counted already, so this can run a little high until the catch-up ends (then it is 0).
        left += count(SyncChange.version > tally.feed_version, _after(end))
    return left


def compact_tombstones(session: Session, store_id: uuid.UUID, through_version: int) -> int:
    """Drop tombstones up to a version; cursors older than it then get a reset and a full snapshot."""
    removed = session.execute(
        delete(SyncChange).where(SyncChange.store_id == store_id, SyncChange.op == "delete",
                                 SyncChange.version <= through_version)
    ).rowcount
    session.execute(update(StoreFeed).where(StoreFeed.store_id == store_id)
                    .values(compacted_through=through_version))
    return removed

