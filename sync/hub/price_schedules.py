"""A store's price changes set for a minute ahead, and the store's price history. The one set of rules the console
and the admin API both call.

A schedule is typed in the store's own time zone (``stores.timezone``) and kept in UTC. It goes into the store's
feed at once, so every register has it ahead of time and switches at that minute with or without the hub: the
register prices with a pending schedule whose minute has passed (pos_app.persistence.catalog_repository), and
re-prices the lines of a cart not yet paid, as it does when a promotion begins. Once due, the hub makes it the
store's override (`sync.hub.prices.apply_due_schedules`). A pending schedule can be cancelled; one that has
applied is changed by a new override or a new schedule.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.feed.record import record_put
from sync.hub.models import ConsoleUser, OcsInventory, PriceHistory, PriceSchedule
from sync.hub.prices import apply_due_schedules, catalog_item, parse_price, record_history, selling_price
from sync.hub.store_time import store_zone
from sync.hub.tenancy import Invalid, NotFound, Scope, audit, scoped_store
from sync.sentence import Dollars

HISTORY_PAGE = 25
FURTHEST_AHEAD = timedelta(days=366)


@dataclass(frozen=True)
class HistoryRow:
    sku: str
    kind: str  # override, scheduled, cancelled, applied
    old_price: Decimal | None
    new_price: Decimal | None
    effective_at: datetime  # store-local, for reading
    changed_at: datetime  # store-local
    who: str | None  # the console user's name; None for the admin API
    via: str  # console, api, schedule (applied at its minute)


def parse_effective_at(text: str | datetime | None, zone: ZoneInfo, now: datetime) -> datetime:
    """A minute typed in the store's time ("2026-12-24 09:00", as a browser's date and time field sends it), or an
    aware datetime; in UTC. A minute that has passed, or more than a year ahead, is refused with a sentence."""
    if isinstance(text, datetime):
        moment = text
    else:
        cleaned = (text or "").strip().replace(" ", "T")
        if not cleaned:
            raise Invalid("Give the date and time the new price starts, in the store's time.")
        try:
            moment = datetime.fromisoformat(cleaned)
        except ValueError:
            raise Invalid("%(text)s is not a date and time; type it like 2026-12-24 09:00.", text=text) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    moment = moment.astimezone(UTC).replace(second=0, microsecond=0)
    if moment <= now:
        local = moment.astimezone(zone)
        raise Invalid("%(moment)s has already passed in the store's time. Choose a later minute, or set the price "
                      "override to change it now.", moment=f"{local:%Y-%m-%d %H:%M}")
    if moment > now + FURTHEST_AHEAD:
        raise Invalid("A price change can be set up to a year ahead; choose an earlier date.")
    return moment


def schedule_price(session: Session, scope: Scope, store_id: uuid.UUID, sku: str, price: str | Decimal | None,
                   effective_at: str | datetime | None) -> PriceSchedule:
    """Sell ``sku`` at ``price`` in this store from the minute ``effective_at`` (store-local when it has no zone)."""
    store = scoped_store(session, scope, store_id)
    sku, _name, catalog_price = catalog_item(session, scope, sku)
    value = parse_price(price)
    if value is None:
        raise Invalid("Give the new price, like 24.99.")
    now = utcnow()
    moment = parse_effective_at(effective_at, store_zone(store), now)
    apply_due_schedules(session, store.id, now)
    level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == store.id, OcsInventory.sku == sku))
    schedule = PriceSchedule(tenant_id=scope.tenant_id, store_id=store.id, sku=sku, price=value, effective_at=moment,
                             status="pending", created_by=scope.user_id)
    session.add(schedule)
    session.flush()
    record_put(session, schedule)
    audit(session, scope, "price.scheduled", store_id=store.id, entity=schedule,
          details={"sku": sku, "price": str(value), "effective_at": moment.isoformat()})
    record_history(session, scope, store.id, sku, "scheduled", old=selling_price(level, catalog_price), new=value,
                   effective_at=moment, schedule_id=schedule.id)
    return schedule


def cancel_schedule(session: Session, scope: Scope, store_id: uuid.UUID, schedule_id: uuid.UUID) -> PriceSchedule:
    """Call off a pending change; one whose minute has passed has applied and stays."""
    store = scoped_store(session, scope, store_id)
    apply_due_schedules(session, store.id)
    schedule = session.get(PriceSchedule, schedule_id, with_for_update=True)
    if schedule is None or schedule.store_id != store.id:
        raise NotFound("There is no such price change in this store.")
    if schedule.status != "pending":
        if schedule.status == "cancelled":
            raise Invalid("The change of %(sku)s to %(price)s has cancelled already; set a new price instead.",
                          sku=schedule.sku, price=Dollars(schedule.price))
        raise Invalid("The change of %(sku)s to %(price)s has applied already; set a new price instead.",
                      sku=schedule.sku, price=Dollars(schedule.price))
    schedule.status = "cancelled"
    record_put(session, schedule)
    audit(session, scope, "price.schedule_cancelled", store_id=store.id, entity=schedule,
          details={"sku": schedule.sku, "price": str(schedule.price),
                   "effective_at": schedule.effective_at.isoformat()})
    record_history(session, scope, store.id, schedule.sku, "cancelled", old=schedule.price, new=None,
                   effective_at=schedule.effective_at, schedule_id=schedule.id)
    return schedule


def pending_schedules(session: Session, scope: Scope, store_id: uuid.UUID, *, limit: int = 100) -> list[PriceSchedule]:
    """The store's changes still to come, soonest first."""
    store = scoped_store(session, scope, store_id)
    return list(session.scalars(select(PriceSchedule).where(
        PriceSchedule.store_id == store.id, PriceSchedule.status == "pending", PriceSchedule.effective_at > utcnow())
        .order_by(PriceSchedule.effective_at, PriceSchedule.sku).limit(limit)))


def price_history(session: Session, scope: Scope, store_id: uuid.UUID, *, sku: str = "", page: int = 1,
                  per_page: int = HISTORY_PAGE) -> tuple[list[HistoryRow], int]:
    """One page of the store's price changes, newest first (for one SKU when given), and how many there are."""
    store = scoped_store(session, scope, store_id)
    zone = store_zone(store)
    where = [PriceHistory.store_id == store.id]
    if sku.strip():
        where.append(PriceHistory.sku == sku.strip())
    total = session.scalar(select(func.count()).select_from(PriceHistory).where(*where)) or 0
    rows = session.execute(
        select(PriceHistory, ConsoleUser.display_name, ConsoleUser.username)
        .outerjoin(ConsoleUser, ConsoleUser.id == PriceHistory.changed_by)
        .where(*where).order_by(PriceHistory.changed_at.desc(), PriceHistory.id)
        .offset((max(page, 1) - 1) * per_page).limit(per_page))
    return [HistoryRow(h.sku, h.kind, h.old_price, h.new_price, h.effective_at.astimezone(zone),
                       h.changed_at.astimezone(zone), name or username, h.via) for h, name, username in rows], total
