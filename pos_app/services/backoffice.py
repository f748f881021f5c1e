"""The back office's services, built together for the back-office window (see pos_app.bootstrap)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from pos_app.services.adjustments import AdjustmentService
from pos_app.services.clock import StoreClock
from pos_app.services.counts import CountService
from pos_app.services.low_stock import LowStockService
from pos_app.services.printing import PrintService
from pos_app.services.putaway import PutawayService
from pos_app.services.recalls import RecallsService
from pos_app.services.receiving import ReceivingService
from pos_app.services.stock_lookup import StockLookup
from pos_app.services.store_summary import Fetch, StoreSummaryService
from pos_app.services.terminal import TerminalContext


@dataclass(frozen=True)
class BackOfficeServices:
    stock: StockLookup
    counts: CountService
    adjustments: AdjustmentService
    receiving: ReceivingService
    putaway: PutawayService
    recalls: RecallsService
    low_stock: LowStockService
    reports: StoreSummaryService


def build_backoffice(session_factory: sessionmaker[Session], context: TerminalContext, clock: StoreClock,
                     printing: PrintService, fetch_day: Fetch) -> BackOfficeServices:
    adjustments = AdjustmentService(session_factory, context.store_id)
    return BackOfficeServices(stock=StockLookup(session_factory, context.store_id),
                              counts=CountService(session_factory, context.store_id),
                              adjustments=adjustments,
                              receiving=ReceivingService(session_factory, context, clock, printing),
                              putaway=PutawayService(session_factory, context),
                              recalls=RecallsService(session_factory, context, adjustments),
                              low_stock=LowStockService(session_factory, context),
                              reports=StoreSummaryService(session_factory, context, clock, fetch_day))
