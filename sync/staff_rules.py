"""Staff rules the hub and the terminals read alike.

How far each role may discount, unless the staff member has a limit of their own (``discount_cap_percent``).

Which stores a staff member works in: ``store_id`` alone for one store, ``store_ids`` (a list of store ids) for
several chosen stores, neither for every store of the tenant. A terminal accepts a PIN only from staff who work in
its store.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from decimal import Decimal

ROLE_DISCOUNT_CAP_PERCENT: dict[str, Decimal] = {"cashier": Decimal("10"), "manager": Decimal("50"),
                                                 "admin": Decimal("100")}


def discount_cap(role: str, own: Decimal | None = None) -> Decimal:
    """The staff member's own limit when one is set, else their role's."""
    return own if own is not None else ROLE_DISCOUNT_CAP_PERCENT[str(role)]


def stores_of(store_id: uuid.UUID | None, store_ids: Iterable[str | uuid.UUID] | None) -> frozenset[uuid.UUID] | None:
    """The stores, or None for every store."""
    if store_id is not None:
        return frozenset({store_id})
    if store_ids:
        return frozenset(uuid.UUID(str(one)) for one in store_ids)
    return None


def works_in(store_id: uuid.UUID, home: uuid.UUID | None, store_ids: Iterable[str | uuid.UUID] | None) -> bool:
    stores = stores_of(home, store_ids)
    return stores is None or store_id in stores


def placement(stores: Iterable[uuid.UUID] | None) -> tuple[uuid.UUID | None, list[str] | None]:
    """The (``store_id``, ``store_ids``) columns for a set of stores (None: every store)."""
    if stores is None:
        return None, None
    chosen = sorted(set(stores), key=str)
    if len(chosen) == 1:
        return chosen[0], None
    return None, [str(one) for one in chosen]
