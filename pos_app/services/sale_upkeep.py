"""What keeps an open sale true to the till's replica while it is rung up, offline too: the stock its lines need
(checked as lines change, so a line that cannot be sold is marked at once), and the store's scheduled prices whose
minute has come (a cart not yet paid takes them, as it takes a promotion that begins)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.lots import Lot
from pos_app.domain.money import Money
from pos_app.domain.sale import Sale
from pos_app.domain.stock_check import unsellable_lines
from pos_app.persistence.catalog_repository import scheduled_prices
from pos_app.persistence.stock import on_hand_levels, sellable_lots


def mark_stock(session_factory: sessionmaker[Session], store_id: uuid.UUID, sale: Sale, skus: set[str], today: date,
               *, lots: dict[str, list[Lot]] | None = None) -> None:
    """One indexed query for the SKUs changed: their lots (cannabis) or their on-hand level (accessories)."""
    lines = [line for line in sale.lines if line.product.sku in skus]
    cannabis = {line.product.sku for line in lines if line.product.is_cannabis}
    others = skus - cannabis
    if lots is None or set(lots) != cannabis or others:
        with session_factory() as session:
            lots = sellable_lots(session, store_id, cannabis) if cannabis else {}
            ticket = sale.kiosk_ticket.ticket_id if sale.kiosk_ticket else None  # its stock is held for it
            levels = on_hand_levels(session, store_id, others, except_ticket=ticket) if others else {}
    else:
        levels = {}
    sale.set_stock_problems(skus, unsellable_lines(lines, lots, levels, today))


def reprice_unpaid(session_factory: sessionmaker[Session], store_id: uuid.UUID, sale: Sale | None,
                   now: datetime) -> bool:
    """The lines of a sale not yet paid at the price of a scheduled change whose minute has come, read from the
    replica; True when a line's price changed."""
    if sale is None or sale.is_empty or sale.tenders:
        return False
    with session_factory() as session:
        due = scheduled_prices(session, store_id, {line.product.sku for line in sale.lines}, now)
    return bool(due) and sale.reprice({sku: Money.of(price) for sku, price in due.items()})
