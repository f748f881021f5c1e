"""Recording each store's changes: a per-store version counter and the latest change of every entity.

A writing transaction records what it changed with `record_put`/`record_delete`; `publish_pending` runs just
before its commit, row-locks the touched stores' counters (in a fixed order, so writers never deadlock), takes
the next version and stamps the changes with it. Because the lock is held until commit, version v+1 can only
be taken after v has committed, so a puller that has seen v never misses a change committed later.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from sync.hub.dialect import dialect_insert
from sync.hub.feed.cursor import new_epoch
from sync.hub.feed.entities import ENTITY_OF, json_value, row_data, stores_for
from sync.hub.models import (
    Accessory,
    AccessoryCategory,
    DiscountCode,
    OcsProduct,
    Promotion,
    ProvinceTerritory,
    ProvincialSupplier,
    RolePermission,
    Store,
    StoreFeed,
    SyncChange,
    TaxRate,
    Tenant,
    User,
)
from sync.hub.models.base import Base

_PENDING = "feed_pending"
_CHUNK = 500


def ensure_feed(session: Session, store_id: uuid.UUID) -> None:
    if session.get(StoreFeed, store_id) is None:
        session.add(StoreFeed(store_id=store_id, epoch=new_epoch(), version=0, compacted_through=0))
        session.flush()


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


def record_put(session: Session, obj: Base, *, also_to: frozenset[uuid.UUID] = frozenset()) -> None:
    """Feed the row to the stores it belongs to, and to ``also_to`` (stores it no longer belongs to, so their
    terminals learn it from the row itself: a staff member taken off a store)."""
    entity = ENTITY_OF[type(obj)]
    if obj.id is None:  # a new row not flushed yet: its id now, as its column default would, so it is fed as itself
        obj.id = uuid.uuid4()
    stores = tuple(sorted(set(stores_for(session, obj)) | also_to, key=str)) if also_to else ()
    _pending(session)[(entity, str(obj.id))] = _Pending(entity, str(obj.id), "put", obj, stores)


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
        *session.scalars(select(ProvincialSupplier).where(or_(ProvincialSupplier.tenant_id.is_(None),
                                                              ProvincialSupplier.tenant_id == store.tenant_id))),
        *session.scalars(select(AccessoryCategory).where(AccessoryCategory.tenant_id == store.tenant_id)),
        *session.scalars(select(TaxRate).where(TaxRate.province_territory_id == store.province_territory_id)),
        *session.scalars(select(RolePermission).where(RolePermission.tenant_id == store.tenant_id)),
        *session.scalars(select(OcsProduct).where(OcsProduct.tenant_id == store.tenant_id)),
        *session.scalars(select(Accessory).where(Accessory.tenant_id == store.tenant_id)),
        *session.scalars(select(User).where(User.tenant_id == store.tenant_id, User.store_id.is_(None),
                                            User.store_ids.is_(None))),
        *session.scalars(select(DiscountCode).where(DiscountCode.tenant_id == store.tenant_id,
                                                    DiscountCode.store_id.is_(None))),
        *session.scalars(select(Promotion).where(Promotion.tenant_id == store.tenant_id,
                                                 Promotion.store_id.is_(None))),
    ]
    pending = _pending(session)
    for obj in shared:
        key = (ENTITY_OF[type(obj)], str(obj.id))
        if key not in pending:
            pending[key] = _Pending(key[0], key[1], "put", obj, (store.id,))
        elif pending[key].store_ids and store.id not in pending[key].store_ids:
            # Another store opened in this transaction has it pending for itself alone: this one needs it too.
            pending[key].store_ids = (*pending[key].store_ids, store.id)
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
