"""The back office's services, built together for the back-office window (see pos_app.bootstrap)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from pos_app.services.clock import StoreClock
from pos_app.services.low_stock import LowStockService
from pos_app.services.printing import PrintService
from pos_app.services.putaway import PutawayService
from pos_app.services.recalls import RecallsService
from pos_app.services.stock_lookup import StockLookup
from pos_app.services.terminal import TerminalContext


@dataclass(frozen=True)
class BackOfficeServices:
    stock: StockLookup
    putaway: PutawayService
    recalls: RecallsService
    low_stock: LowStockService


def build_backoffice(session_factory: sessionmaker[Session], context: TerminalContext, clock: StoreClock,
                     printing: PrintService) -> BackOfficeServices:
    del clock, printing  # for the tabs that record and print; the Stock tab only reads
    return BackOfficeServices(stock=StockLookup(session_factory, context.store_id),
                              putaway=PutawayService(session_factory, context),
                              recalls=RecallsService(session_factory, context),
                              low_stock=LowStockService(session_factory, context))
