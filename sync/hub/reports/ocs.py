"""The OCS daily sales and inventory report of one store and one store-local day, computed from the ledger.

Every figure comes from the inventory ledger (`ocs_inventory_transactions`), placed in the day of its
``occurred_at`` in the store's time zone, and from the order lines its sales point at; never from the current
stock. A day runs from local midnight to the next (23 or 25 hours on daylight-saving days), so the opening of a
day is the ledger's sum before its midnight and is, by construction, the closing of the day before.

Each SKU must balance: closing = opening + received − sold + returned + adjustments. The closing is summed apart
from the columns, so a movement no column takes (a kind or reason the report does not know) leaves the SKU
unbalanced, and the day is refused with those SKUs named: it is never exported silently.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Integer, case, func, select, type_coerce
from sqlalchemy.orm import Session

from sync.hub.models import OcsInventoryTransaction, OcsProduct, OrderItem, ProvinceTerritory, Store
from sync.hub.store_time import day_bounds
from sync.protocol import OCS_GROUP
from sync.sentence import Sentence

LEDGER = OcsInventoryTransaction
ADJUSTMENT_GROUPS = ("destroyed", "lost_stolen", "other")
SOLD_KINDS = ("sale", "void")  # a void puts back what its sale took: both are "sold", netted
RECEIVED_KINDS = ("receipt", "opening")  # "opening": the stock a store's ledger was started with, that day
MOST_SKUS_NAMED = 20


class ReportRefused(Exception):
    """The report of this day cannot be made or exported; the message says why and what to do."""


class DayNotReportable(ReportRefused):
    """A future day, a day before the store's first stock, or a store with no stock at all."""


class DayUnbalanced(ReportRefused):
    def __init__(self, day: date, skus: list[str]) -> None:
        named: str = ", ".join(skus[:MOST_SKUS_NAMED])
        if len(skus) > MOST_SKUS_NAMED:
            named = Sentence("%(names)s and %(count)s more", names=named, count=len(skus) - MOST_SKUS_NAMED)
        if len(skus) == 1:
            said = Sentence("The report of %(day)s does not balance for 1 SKU (%(named)s): its stock moved in a way "
                            "the report has no column for (a reason outside the OCS grouping, or an unknown kind of "
                            "movement). It was not exported; check that SKU's movements that day.", day=day,
                            named=named)
        else:
            said = Sentence("The report of %(day)s does not balance for %(count)s SKUs (%(named)s): their stock moved "
                            "in a way the report has no column for (a reason outside the OCS grouping, or an unknown "
                            "kind of movement). It was not exported; check those SKUs' movements that day.", day=day,
                            count=len(skus), named=named)
        super().__init__(said)
        self.day = day
        self.skus = skus


@dataclass
class SkuDay:
    """One SKU's day. Adjustments are signed: negative took stock out, positive put it back."""

    sku: str
    opening: int = 0
    received: int = 0
    sold: int = 0
    returned: int = 0
    adjustments: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ADJUSTMENT_GROUPS, 0))
    closing: int = 0
    sales_value: Decimal = Decimal("0.00")  # dollars, after discounts and before taxes, of the units sold
    unplaced: int = 0  # kinds of movement (or reasons) no column took: any leaves the SKU unbalanced

    @property
    def balances(self) -> bool:
        expected = self.opening + self.received - self.sold + self.returned + sum(self.adjustments.values())
        return self.unplaced == 0 and expected == self.closing


@dataclass(frozen=True)
class DailyReport:
    store_id: uuid.UUID
    store_code: str
    licence: str
    province: str
    day: date
    starts: datetime  # UTC instants of the local midnights around the day
    ends: datetime
    rows: list[SkuDay]


@dataclass(frozen=True)
class StoreClock:
    zone: ZoneInfo
    first_day: date | None  # the local day of the store's first stock movement
    today: date

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        """The UTC instants of the day's local midnight and the next one (23, 24 or 25 hours apart)."""
        return day_bounds(day, self.zone)


def store_clock(session: Session, store: Store, now: datetime | None = None) -> StoreClock:
    try:
        zone = ZoneInfo(store.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ReportRefused(Sentence("The store %(code)s has the time zone %(zone)s, which is not one; set an IANA "
                                     "name such as America/Toronto on the store.", code=store.store_code,
                                     zone=repr(store.timezone))) from None
    first = session.scalar(select(func.min(LEDGER.occurred_at)).where(LEDGER.store_id == store.id))
    now = now or datetime.now(UTC)
    return StoreClock(zone, first.astimezone(zone).date() if first else None, now.astimezone(zone).date())


def check_reportable(store: Store, clock: StoreClock, day: date) -> None:
    if clock.first_day is None:
        raise DayNotReportable(Sentence("The store %(code)s has no stock recorded yet, so it has no day to report.",
                                        code=store.store_code))
    if day > clock.today:
        raise DayNotReportable(Sentence("%(day)s has not come yet in the store's time zone (%(zone)s); ask for "
                                        "%(today)s or an earlier day.", day=day, zone=clock.zone.key,
                                        today=clock.today))
    if day < clock.first_day:
        raise DayNotReportable(Sentence("The store %(code)s had no stock before %(first)s; ask for %(first)s or a "
                                        "later day.", code=store.store_code, first=clock.first_day))


def daily_report(session: Session, store: Store, day: date, *, now: datetime | None = None) -> DailyReport:
    """The day's figures per OCS SKU; raises `DayNotReportable` or `DayUnbalanced` with a sentence."""
    clock = store_clock(session, store, now)
    check_reportable(store, clock, day)
    starts, ends = clock.bounds(day)
    skus = set(session.scalars(select(OcsProduct.ocs_variant_number).where(OcsProduct.tenant_id == store.tenant_id)))
    rows: dict[str, SkuDay] = {}

    def row(sku: str) -> SkuDay:
        return rows.setdefault(sku, SkuDay(sku))

    for sku, opening, closing in _positions(session, store.id, starts, ends):
        if sku in skus and (opening or closing):
            row(sku).opening, row(sku).closing = int(opening), int(closing)
    for sku, kind, reason, quantity in _movements(session, store.id, starts, ends):
        if sku in skus:
            _place(row(sku), kind, reason, int(quantity))
    for sku, value in _sales_values(session, store.id, starts, ends).items():
        if sku in skus:
            row(sku).sales_value = value
    ordered = [rows[sku] for sku in sorted(rows)]
    unbalanced = [r.sku for r in ordered if not r.balances]
    if unbalanced:
        raise DayUnbalanced(day, unbalanced)
    province = session.scalar(select(ProvinceTerritory.code).where(
        ProvinceTerritory.id == store.province_territory_id)) or ""
    return DailyReport(store.id, store.store_code, store.license_number or "", province, day, starts, ends, ordered)


def _place(row: SkuDay, kind: str, reason: str | None, quantity: int) -> None:
    if kind in SOLD_KINDS:
        row.sold -= quantity
    elif kind == "refund":
        row.returned += quantity
    elif kind in RECEIVED_KINDS:
        row.received += quantity
    elif kind == "adjustment" and reason in OCS_GROUP:
        row.adjustments[OCS_GROUP[reason]] += quantity
    else:
        row.unplaced += 1  # even movements of unknown kinds that net to zero are worth a look


def _positions(session: Session, store_id: uuid.UUID, starts: datetime, ends: datetime):
    """Per SKU: the ledger's sum before the day (opening) and before its end (closing), in one pass."""
    return session.execute(
        select(LEDGER.sku, func.sum(case((LEDGER.occurred_at < starts, LEDGER.quantity), else_=0)),
               func.sum(LEDGER.quantity))
        .where(LEDGER.store_id == store_id, LEDGER.occurred_at < ends).group_by(LEDGER.sku)).all()


def _movements(session: Session, store_id: uuid.UUID, starts: datetime, ends: datetime):
    return session.execute(
        select(LEDGER.sku, LEDGER.transaction_type, LEDGER.reason_code, func.sum(LEDGER.quantity))
        .where(LEDGER.store_id == store_id, LEDGER.occurred_at >= starts, LEDGER.occurred_at < ends)
        .group_by(LEDGER.sku, LEDGER.transaction_type, LEDGER.reason_code)).all()


def _sales_values(session: Session, store_id: uuid.UUID, starts: datetime, ends: datetime) -> dict[str, Decimal]:
    """The pre-tax value of the units sold (less voided): each ledger row takes its share of its order line's
    taxable amount (a line split over lots has a row per lot). Summed exactly, rounded to the cent per SKU."""
    taxable_cents = type_coerce(OrderItem.taxable_amount, Integer)
    groups = session.execute(
        select(LEDGER.sku, OrderItem.quantity, func.sum(-LEDGER.quantity * taxable_cents))
        .join(OrderItem, OrderItem.id == LEDGER.line_id)
        .where(LEDGER.store_id == store_id, LEDGER.occurred_at >= starts, LEDGER.occurred_at < ends,
               LEDGER.transaction_type.in_(SOLD_KINDS))
        .group_by(LEDGER.sku, OrderItem.quantity)).all()
    cents: dict[str, Fraction] = defaultdict(Fraction)
    for sku, line_quantity, total in groups:
        if line_quantity:
            cents[sku] += Fraction(int(total), int(line_quantity))
    return {sku: (Decimal(value.numerator) / Decimal(value.denominator) / 100).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP) for sku, value in cents.items()}
