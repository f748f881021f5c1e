"""The promotions the register prices with: the replica's, loaded once and again only when a sync changed them,
and a sale's pricing at the store's own local time (services.clock.StoreClock)."""

from __future__ import annotations

import threading
import uuid
from datetime import tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.promotions import PromotionBook, PromotionSet
from pos_app.persistence.models import DiscountCode, Promotion
from pos_app.persistence.promotions import codes_used_locally, load_promotion_set, promotions_file

__all__ = ["PromotionCatalog", "codes_used_locally", "promotions_file"]


class PromotionCatalog:
    """The engine for this store's active promotions. `book()` re-reads the replica only when its promotions or
    codes changed (their highest feed version and their count), so a scan costs one small query at most."""

    def __init__(self, session_factory: sessionmaker[Session], store_id: uuid.UUID | None, zone: tzinfo) -> None:
        self._session_factory = session_factory
        self._store_id = store_id
        self.zone = zone
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._book = PromotionBook(PromotionSet())

    def _current_stamp(self, session: Session) -> tuple:
        promotions = session.execute(select(func.max(Promotion.version), func.count(Promotion.id))).one()
        codes = session.execute(select(func.max(DiscountCode.version), func.count(DiscountCode.id))).one()
        return (*promotions, *codes)

    def book(self) -> PromotionBook:
        with self._lock, self._session_factory() as session:
            stamp = self._current_stamp(session)
            if stamp != self._stamp:
                self._book = PromotionBook(load_promotion_set(session, self._store_id, self.zone))
                self._stamp = stamp
            return self._book

    def used_locally(self) -> dict[str, int]:
        with self._session_factory() as session:
            return codes_used_locally(session)
