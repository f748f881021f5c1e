"""The promotions the register prices with: the replica's, loaded once and again only when a sync changed them,
and a sale's pricing at the store's own local time (services.clock.StoreClock)."""

from __future__ import annotations

import threading
import uuid
from datetime import tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.promotions import PromotionBook, PromotionSet
from pos_app.domain.sale_totals import SalePromotions
from pos_app.i18n.catalog import Message
from pos_app.persistence.models import DiscountCode, Promotion
from pos_app.persistence.promotions import codes_used_locally, load_promotion_set, promotions_file

__all__ = ["PromotionCatalog", "apply_code", "attach", "codes_used_locally", "enter_code", "promotions_file"]


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


def attach(sale, catalog: PromotionCatalog | None, store_now, codes: tuple[str, ...] = ()) -> None:
    """Price `sale` with the store's promotions from now on (the service calls this as a sale starts)."""
    if catalog is None:
        return
    used = catalog.used_locally() if codes else {}
    sale.promotions = SalePromotions(catalog.book(), store_now, tuple(codes), used)


def enter_code(sale, catalog: PromotionCatalog | None, store_now, entered: str) -> str | None:
    """Add a discount code to the sale. None when it applies, else the sentence saying why not (the code is not
    kept then): unknown, not started, expired, below its minimum purchase, used up, or not combinable."""
    refusal = apply_code(sale, catalog, store_now, entered)
    return None if refusal is None else refusal[1]


def apply_code(sale, catalog: PromotionCatalog | None, store_now, entered: str) -> tuple[str, str] | None:
    """enter_code's answer with its reason code first (the engine's, or empty, no_promotions, already_entered,
    saves_nothing), so a screen may word it for whoever reads it."""
    code = entered.strip().upper()
    if not code:
        return "empty", Message("promotion.empty")
    if catalog is None:
        return "no_promotions", Message("promotion.none_here")
    current = sale.promotions.codes if sale.promotions is not None else ()
    if code in current:
        return "already_entered", Message("promotion.already_entered", code=code)
    attach(sale, catalog, store_now, (*current, code))
    pricing = sale.totals.pricing
    refusal = next((n for n in (pricing.not_applied if pricing else ()) if n.code == code), None)
    if refusal is None and pricing is not None and any(a.code == code for a in pricing.applied):
        return None
    attach(sale, catalog, store_now, current)
    if refusal is not None:
        return refusal.reason_code, refusal.reason
    return "saves_nothing", Message("promotion.saves_nothing", code=code)
