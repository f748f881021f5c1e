"""The tenant's promotions and discount codes on the hub: imported from a promotions.v1 file or created one at a
time, checked whole against the tenant's catalog, paused, fed to the terminals, and counted from the orders.

A file (or a new promotion) is checked together with the promotions the tenant already has, by the rules the
terminal checks with too (`sync.promotions_rules`, pure Python: the one place the rules and the law are written),
so two happy hours that clash are caught whichever came first. Any problem refuses the whole change with one
sentence per problem, and nothing is written.

Times in the file are the store's own local time; the hub keeps validity windows in UTC (converted with the
file's `store_time_zone`, else the tenant's first store's) and the definition as written, which the terminals
price with in their own store time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.hub.feed.record import record_put
from sync.hub.models import (
    Accessory,
    AccessoryCategory,
    BundleDeal,
    DiscountCode,
    DiscountUsage,
    OcsInventory,
    OcsProduct,
    PriceTier,
    PricingRule,
    Promotion,
    PromotionUsage,
    Store,
)
from sync.hub.store_time import DEFAULT_ZONE
from sync.promotions_file import DiscountCodeRow, PromotionRow, PromotionsFile
from sync.promotions_rules import Catalog, Product, check_promotions_file, refusal_message
from sync.sentence import Sentence

ALLOW_BELOW_COST = "promotions_allow_below_cost"  # a store setting: the store allows cannabis below its cost


class PromotionsRejected(ValueError):
    """The change was refused whole; `problems` are the sentences, the message lists them."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(refusal_message(problems))


@dataclass(frozen=True)
class ImportReport:
    promotions_created: int
    promotions_updated: int
    codes_created: int
    codes_updated: int


def tenant_catalog(session: Session, tenant_id: uuid.UUID) -> Catalog:
    """Every SKU the tenant sells, with its category, brand, price and (for cannabis) the highest unit cost any
    of its stores paid, so a promotion is checked against the strictest floor."""
    stores = select(Store.id).where(Store.tenant_id == tenant_id).scalar_subquery()
    costs = dict(session.execute(select(OcsInventory.sku, func.max(OcsInventory.unit_cost))
                                 .where(OcsInventory.store_id.in_(stores)).group_by(OcsInventory.sku)).all())
    products: dict[str, Product] = {}
    for sku, category, brand, price in session.execute(
            select(OcsProduct.ocs_variant_number, OcsProduct.category, OcsProduct.brand_name,
                   OcsProduct.price_per_unit).where(OcsProduct.tenant_id == tenant_id)):
        cost = costs.get(sku)
        products[sku] = Product(category, brand, True, Decimal(price), Decimal(cost) if cost else None)
    for sku, category, brand, price, cost in session.execute(
            select(Accessory.sku, AccessoryCategory.name, Accessory.brand, Accessory.retail_price, Accessory.unit_cost)
            .outerjoin(AccessoryCategory, AccessoryCategory.id == Accessory.category_id)
            .where(Accessory.tenant_id == tenant_id)):
        products[sku] = Product(category or "Accessories", brand or "", False, Decimal(price),
                                Decimal(cost) if cost is not None else None)
    return Catalog(products, complete=True)


def store_zone(session: Session, tenant_id: uuid.UUID, name: str | None = None) -> ZoneInfo:
    if name is None:
        name = session.scalar(select(Store.timezone).where(Store.tenant_id == tenant_id).order_by(Store.created_at)
                              .limit(1)) or DEFAULT_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise PromotionsRejected([Sentence("The store_time_zone %(name)s is not a time zone. Use an IANA name "
                                           "such as America/Toronto.", name=repr(name))]) from None


def _utc(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=zone).astimezone(UTC)


def _local(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    return None if moment is None else moment.astimezone(zone).replace(tzinfo=None)


def promotion_row(promotion: Promotion) -> PromotionRow:
    return PromotionRow.model_validate({**promotion.definition, "active": promotion.is_active})


def code_row(code: DiscountCode, number: int, zone: ZoneInfo) -> DiscountCodeRow:
    return DiscountCodeRow(
        id=number, code=code.code, name=code.description or code.code, discount_type=code.discount_type,
        discount_value=code.discount_value, minimum_purchase=code.minimum_purchase, usage_limit=code.usage_limit,
        usage_count=code.usage_count, valid_from=_local(code.valid_from, zone),
        valid_until=_local(code.valid_until, zone),
        priority=code.priority, stackable=code.stackable, active=code.is_active)


def check(session: Session, tenant_id: uuid.UUID, data: PromotionsFile) -> None:
    """Refuse `data` (with every problem) unless it and the tenant's other promotions and codes keep the rules."""
    zone = store_zone(session, tenant_id, data.store_time_zone)
    numbers = {row.id for row in data.promotions}
    codes = {row.code.strip().upper() for row in data.discount_codes}
    kept = [promotion_row(p) for p in session.scalars(select(Promotion).where(Promotion.tenant_id == tenant_id))
            if p.number not in numbers]
    kept_codes = [code_row(c, c.number or 0, zone) for c in session.scalars(
        select(DiscountCode).where(DiscountCode.tenant_id == tenant_id)) if c.code.upper() not in codes]
    taken = {row.id for row in kept_codes}
    clash = [Sentence("Discount code %(code)s has the id %(id)s, which code %(other)s already has. Give it another.",
                      code=row.code, id=row.id, other=other.code)
             for row in data.discount_codes for other in kept_codes if other.id == row.id and row.id in taken]
    # Below cost only where every store of the tenant allows it: the promotions reach them all.
    settings = list(session.scalars(select(Store.settings).where(Store.tenant_id == tenant_id)))
    allow = bool(settings) and all((s or {}).get(ALLOW_BELOW_COST) for s in settings)
    whole = PromotionsFile(store_time_zone=str(zone), allow_below_cost=data.allow_below_cost or allow,
                           promotions=[*kept, *data.promotions],
                           discount_codes=[*kept_codes, *(r for r in data.discount_codes)])
    problems = clash + check_promotions_file(whole, tenant_catalog(session, tenant_id))
    if problems:
        raise PromotionsRejected(problems)


def _children(promotion: Promotion, row: PromotionRow) -> None:
    # A bundle is one row per promotion: updated in place, since a new one would be inserted before the old one
    # is deleted (an import of the same file again).
    if row.kind != "bundle":
        promotion.bundle = None
    elif promotion.bundle is None:
        promotion.bundle = BundleDeal(bundle_size=row.bundle_size, bundle_price=row.bundle_price,
                                      mix_and_match=row.mix_and_match)
    else:
        promotion.bundle.bundle_size, promotion.bundle.bundle_price = row.bundle_size, row.bundle_price
        promotion.bundle.mix_and_match = row.mix_and_match
    promotion.tiers = [PriceTier(min_quantity=t.min_quantity, percent=t.percent) for t in row.tiers]
    promotion.rules = [PricingRule(rule_type="schedule", days=list(w.days), start_time=w.start, end_time=w.end)
                       for w in row.schedule]


def _value(row: PromotionRow) -> Decimal | None:
    return row.percent if row.percent is not None else row.amount if row.amount is not None else row.bundle_price


def save_promotions(session: Session, tenant_id: uuid.UUID, data: PromotionsFile,
                    store_id: uuid.UUID | None = None) -> ImportReport:
    """Check then write the file's promotions (matched by id) and codes (matched by code); all or nothing."""
    check(session, tenant_id, data)
    zone = store_zone(session, tenant_id, data.store_time_zone)
    existing = {p.number: p for p in session.scalars(select(Promotion).where(Promotion.tenant_id == tenant_id))}
    created = updated = 0
    for row in data.promotions:
        promotion = existing.get(row.id)
        if promotion is None:
            promotion = Promotion(tenant_id=tenant_id, store_id=store_id, number=row.id)
            session.add(promotion)
            created += 1
        else:
            updated += 1
        promotion.name, promotion.promo_type, promotion.value = row.name, row.kind, _value(row)
        promotion.priority, promotion.stackable, promotion.is_active = row.priority, row.stackable, row.active
        promotion.start_date, promotion.end_date = _utc(row.valid_from, zone), _utc(row.valid_until, zone)
        promotion.definition = row.model_dump(mode="json", exclude={"active"})
        _children(promotion, row)
        session.flush()
        record_put(session, promotion)
    codes = {c.code.upper(): c
             for c in session.scalars(select(DiscountCode).where(DiscountCode.tenant_id == tenant_id))}
    codes_created = codes_updated = 0
    for row in data.discount_codes:
        code = codes.get(row.code.strip().upper())
        if code is None:
            code = DiscountCode(tenant_id=tenant_id, store_id=store_id, code=row.code.strip().upper(), usage_count=0)
            session.add(code)
            codes_created += 1
        else:
            codes_updated += 1
        code.number, code.description, code.discount_type = row.id, row.name, row.discount_type
        code.discount_value, code.minimum_purchase, code.usage_limit = (row.discount_value, row.minimum_purchase,
                                                                        row.usage_limit)
        code.valid_from, code.valid_until = _utc(row.valid_from, zone), _utc(row.valid_until, zone)
        code.priority, code.stackable, code.is_active = row.priority, row.stackable, row.active
        session.flush()
        record_put(session, code)
    session.flush()
    return ImportReport(created, updated, codes_created, codes_updated)


def set_active(session: Session, obj: Promotion | DiscountCode, active: bool) -> None:
    """Pause (or resume) a promotion or code: kept, checked, never applied while paused."""
    obj.is_active = active
    session.flush()
    record_put(session, obj)


def record_usage(session: Session, tenant_id: uuid.UUID, store_id: uuid.UUID, terminal_id: uuid.UUID | None,
                 order_id: uuid.UUID, lines) -> None:
    """Add up what an order took of each promotion and code. A code used beyond its limit (terminals offline
    each counted only their own uses) is accepted, as the sale happened, and flagged for the manager."""
    promotions: dict[int, int] = {}
    codes: dict[str, int] = {}
    for line in lines:
        for share in line.promotions:
            if share.code:
                codes[share.code.upper()] = codes.get(share.code.upper(), 0) + share.amount_cents
            else:
                promotions[share.promotion_number] = promotions.get(share.promotion_number, 0) + share.amount_cents
    for number, cents in sorted(promotions.items()):
        promotion = session.scalar(select(Promotion).where(Promotion.tenant_id == tenant_id,
                                                           Promotion.number == number))
        if promotion is not None:
            promotion.usage_count += 1
        session.add(PromotionUsage(tenant_id=tenant_id, store_id=store_id, order_id=order_id,
                                   promotion_id=promotion and promotion.id, promotion_number=number,
                                   amount=Decimal(cents) / 100))
    for text, cents in sorted(codes.items()):
        code = session.scalar(select(DiscountCode).where(DiscountCode.tenant_id == tenant_id,
                                                         func.upper(DiscountCode.code) == text).with_for_update())
        use_number, limit = 1, None
        if code is not None:
            code.usage_count += 1
            use_number, limit = code.usage_count, code.usage_limit
            record_put(session, code)  # the terminals learn the count with their next pull
        session.add(DiscountUsage(tenant_id=tenant_id, store_id=store_id, terminal_id=terminal_id,
                                  discount_code_id=code and code.id, code=text, order_id=order_id,
                                  amount=Decimal(cents) / 100, use_number=use_number, usage_limit=limit,
                                  over_limit=limit is not None and use_number > limit))
    session.flush()


# The console and the admin API create, change, pause and list promotions and codes through the functions below,
# scoped like every other change (a person reaching one store changes only that store's own promotions) and
# audited; `save_promotions` checks them with the tenant's others by the same rules as an imported file.
