"""The hub's models and the terminal replica's agree on every entity of the pull feed.

Each synced column is written four times (hub model, hub migration, replica model, replica migration); the
migrations are held to their models elsewhere (tests/sync/hub/test_migrations.py and the terminal's). This holds
the two models to each other: same columns, same types, same nullability, or a reason written down here.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Table
from sqlalchemy.types import TypeDecorator

from pos_app.persistence.models import Base as ReplicaBase
from pos_app.persistence.replica import ENTITY_TABLES
from sync.hub.feed import ENTITY_OF
from sync.hub.models import KioskTicketLine, PurchaseOrderItem

# Feed entities the terminal keeps no table for: the replica skips their changes.
NOT_REPLICATED: dict[str, str] = {}  # none today: discount codes reach the replica (the register prices with them)
# (table, column) -> why the two sides differ; "*" stands for every table.
KNOWN_DIFFERENCES = {
    ("*", "version"): "BigInteger on the hub; the replica's Integer is SQLite's INTEGER, 64 bits already.",
    ("ocs_product_catalog", "dried_equivalent_g"): "The hub may not know a product's Schedule 3 equivalent; the "
                                                   "terminal works it out on arrival (replica._derived), so it "
                                                   "always has one.",
}
# Rows carried inside another entity's change: a purchase order's or a kiosk ticket's `lines`
# (sync.hub.feed.row_data).
NESTED = {"purchase_order_items": PurchaseOrderItem.__table__, "kiosk_ticket_lines": KioskTicketLine.__table__}


def _type(column: Column) -> tuple:
    kind = column.type
    impl = kind.impl if isinstance(kind, TypeDecorator) else None
    return (type(kind).__name__, getattr(kind, "length", None), getattr(kind, "precision", None),
            getattr(kind, "scale", None), None if impl is None else type(impl).__name__)


def _shape(column: Column) -> tuple:
    return (*_type(column), column.nullable)


def _pairs() -> list[tuple[str, Table, Table]]:
    pairs = []
    for model, entity in ENTITY_OF.items():
        if entity in NOT_REPLICATED:
            continue
        pairs.append((entity, model.__table__, ReplicaBase.metadata.tables[ENTITY_TABLES[entity]]))
    for name, hub_table in NESTED.items():
        pairs.append((f"{name} (nested)", hub_table, ReplicaBase.metadata.tables[name]))
    return pairs


def _known(table: str, column: str) -> bool:
    return (table, column) in KNOWN_DIFFERENCES or ("*", column) in KNOWN_DIFFERENCES


def test_every_feed_entity_has_a_replica_table_or_a_reason():
    assert set(ENTITY_OF.values()) - set(NOT_REPLICATED) == set(ENTITY_TABLES)
    assert set(NOT_REPLICATED) <= set(ENTITY_OF.values()), "a reason for an entity the feed no longer has"


@pytest.mark.parametrize(("entity", "hub", "replica"), _pairs(), ids=[p[0] for p in _pairs()])
def test_the_hub_and_the_replica_agree_on_an_entitys_columns(entity, hub, replica):
    sent = {c.name: c for c in hub.columns if not c.info.get("hub_only")}  # what the feed's `data` carries
    kept = {c.name: c for c in replica.columns}
    assert set(sent) == set(kept), f"{entity}: columns on one side only"
    differing = {name for name in sent if _shape(sent[name]) != _shape(kept[name])}
    unexplained = {name: (_shape(sent[name]), _shape(kept[name])) for name in differing
                   if not _known(replica.name, name)}
    assert unexplained == {}, f"{entity}: (hub, replica) type and nullability differ"


def test_every_listed_difference_is_still_a_difference():
    shapes = {(replica.name, name): (_shape(column), _shape(replica.columns[name]))
              for _entity, hub, replica in _pairs() for name, column in hub.columns.items()
              if name in replica.columns}
    for table, column in KNOWN_DIFFERENCES:
        matching = [pair for (t, c), pair in shapes.items() if c == column and table in ("*", t)]
        assert matching and any(hub != kept for hub, kept in matching), f"{table}.{column} no longer differs"
