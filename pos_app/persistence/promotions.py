"""The promotions this terminal prices with: the hub's rows in the replica, turned into the engine's set (checked
by the same rules the hub checked them with), and the codes this terminal used that the hub has not counted yet."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, tzinfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pos_app.domain.promotions import PromotionSet
from pos_app.domain.promotions.from_file import promotion_set_from_file
from pos_app.persistence.models import DiscountCode, Promotion, Store, SyncOutbox
from sync.promotions_file import DiscountCodeRow, PromotionRow, PromotionsFile

ALLOW_BELOW_COST = "promotions_allow_below_cost"  # the store's setting (sync.hub.promotions names it too)
ORDER_COMPLETED = "order.completed.v1"


def _local(moment: datetime | None, zone: tzinfo) -> datetime | None:
    return None if moment is None else moment.astimezone(zone).replace(tzinfo=None)


def _store_filter(column, store_id: uuid.UUID | None):
    return or_(column.is_(None), column == store_id) if store_id is not None else column.is_(None)


def promotions_file(session: Session, store_id: uuid.UUID | None, zone: tzinfo) -> PromotionsFile:
    """The store's promotions and codes (its own and the tenant-wide ones), paused ones included, as a file."""
    promotions = [PromotionRow.model_validate({**p.definition, "active": p.is_active})
                  for p in session.scalars(select(Promotion).where(_store_filter(Promotion.store_id, store_id))
                                           .order_by(Promotion.number))]
    codes = list(session.scalars(select(DiscountCode).where(_store_filter(DiscountCode.store_id, store_id))
                                 .order_by(DiscountCode.code)))
    spare = max((c.number or 0 for c in codes), default=0)
    rows = []
    for code in codes:
        if code.number is None:
            spare += 1
        rows.append(DiscountCodeRow(
            id=code.number or spare, code=code.code, name=code.description or code.code,
            discount_type=code.discount_type, discount_value=code.discount_value,
            minimum_purchase=code.minimum_purchase, usage_limit=code.usage_limit, usage_count=code.usage_count,
            valid_from=_local(code.valid_from, zone), valid_until=_local(code.valid_until, zone),
            priority=code.priority, stackable=code.stackable, active=code.is_active))
    settings = session.scalar(select(Store.settings).where(Store.id == store_id)) if store_id else None
    return PromotionsFile(store_time_zone=getattr(zone, "key", None), promotions=promotions, discount_codes=rows,
                          allow_below_cost=bool((settings or {}).get(ALLOW_BELOW_COST)))


def load_promotion_set(session: Session, store_id: uuid.UUID | None, zone: tzinfo) -> PromotionSet:
    """The active promotions and codes; the hub checked them whole, so a refusal here means a damaged replica."""
    return promotion_set_from_file(promotions_file(session, store_id, zone))


def codes_used_locally(session: Session) -> dict[str, int]:
    """Codes on this terminal's sales the hub has not applied yet (its count does not include them)."""
    used: dict[str, int] = {}
    for args in session.scalars(select(SyncOutbox.args).where(SyncOutbox.name == ORDER_COMPLETED,
                                                              SyncOutbox.status == "pending")):
        for code in {share["code"].upper() for line in args.get("lines", ())
                     for share in line.get("promotions", ()) if share.get("code")}:
            used[code] = used.get(code, 0) + 1
    return used


def _utc(moment: datetime | None, zone: tzinfo) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=zone).astimezone(UTC)


def put_promotions_file(session: Session, data: PromotionsFile, zone: tzinfo) -> None:
    """Write a (checked) promotions file into the replica as if the hub had fed it: the demo store's own deals on
    a terminal with no hub (`pos-app demo-data --promotions`, the screenshots)."""
    for row in data.promotions:
        session.add(Promotion(id=uuid.uuid4(), number=row.id, name=row.name, promo_type=row.kind,
                              priority=row.priority, stackable=row.stackable, is_active=row.active,
                              definition=row.model_dump(mode="json", exclude={"active"})))
    for code in data.discount_codes:
        session.add(DiscountCode(id=uuid.uuid4(), code=code.code.strip().upper(), description=code.name,
                                 discount_type=code.discount_type, discount_value=code.discount_value,
                                 minimum_purchase=code.minimum_purchase, usage_limit=code.usage_limit,
                                 usage_count=code.usage_count, valid_from=_utc(code.valid_from, zone),
                                 valid_until=_utc(code.valid_until, zone), is_active=code.active, number=code.id,
                                 priority=code.priority, stackable=code.stackable))
