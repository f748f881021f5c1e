"""The card batch closes terminals report (`card.settled.v1`): the one query the console and the admin API share."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import Select, select

from sync.hub.models import CardSettlement


def settlements_query(store_ids: Iterable[uuid.UUID], *, mismatched_only: bool = False) -> Select:
    """Newest first; the ones that do not match, alone when asked (what a manager looks for)."""
    query = select(CardSettlement).where(CardSettlement.store_id.in_(list(store_ids)))
    if mismatched_only:
        query = query.where(CardSettlement.balanced.is_(False))
    return query.order_by(CardSettlement.settled_at.desc(), CardSettlement.terminal_no)
