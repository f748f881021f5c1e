"""Today's store summary for the back office's Reports tab: the hub's figures for the store's day, kept in the
replica so the tab still shows them offline, with when the hub worked them out and how many of this terminal's
sales it has not had yet.

Every terminal keeps only its own sales, so the store's day comes from the hub; asking it is a background job of
the tab, and a failure leaves the kept figures on screen with a sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from pos_app.persistence import store_summaries as kept
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import StoreClock
from pos_app.services.terminal import TerminalContext
from sync.protocol import StoreDaySummary

Fetch = Callable[[date], StoreDaySummary]


@dataclass(frozen=True)
class DaySummary:
    day: date
    summary: StoreDaySummary | None  # None: the hub has never answered for this day
    fetched_at: datetime | None
    sales_not_sent: int  # this terminal's sales the hub has not had yet, so not in the figures


class StoreSummaryService:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext, clock: StoreClock,
                 fetch: Fetch) -> None:
        self._session_factory = session_factory
        self._context = context
        self._clock = clock
        self._fetch = fetch

    def today(self) -> DaySummary:
        """What the replica holds for the store's today: instant, and offline too."""
        day = self._clock.today()
        with self._session_factory() as session:
            found = kept.kept_summary(session, self._context.store_id, day)
            not_sent = kept.sales_not_sent(session)
        if found is None:
            return DaySummary(day, None, None, not_sent)
        body, fetched_at = found
        return DaySummary(day, StoreDaySummary.model_validate(body), fetched_at, not_sent)

    def refresh(self) -> DaySummary:
        """Ask the hub for today's figures and keep them (raises a ServiceError with a sentence when it can't)."""
        day = self._clock.today()
        summary = self._fetch(day)
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            kept.keep_summary(session, self._context.store_id, day, summary.model_dump(mode="json"),
                              self._clock.now())
            uow.commit()
        return self.today()
