"""Promotions and codes as a signed-in person changes them (the console, and the admin API's one-at-a-time
routes): scoped to their tenant and stores, numbered, listed by status, paused and resumed, every change audited.
The rules are `sync.hub.promotions`' (and through it `sync.promotions_rules`'): nothing is checked here twice."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.models import Accessory, AccessoryCategory, DiscountCode, OcsProduct, Promotion, Store
from sync.hub.promotions import save_promotions, set_active
from sync.hub.tenancy import NotFound, OutOfScope, Scope, Taken, audit, scoped_store
from sync.promotions_file import DiscountCodeRow, PromotionRow, PromotionsFile

STATUSES = ("active", "scheduled", "paused", "expired")
PAGE_SIZE = 50


def promotion_status(obj: Promotion | DiscountCode, now: datetime | None = None) -> str:
    """active, scheduled (its validity starts later), paused, or expired (its validity is over)."""
    now = now or utcnow()
    start, end = ((obj.start_date, obj.end_date) if isinstance(obj, Promotion) else (obj.valid_from, obj.valid_until))
    if end is not None and end <= now:
        return "expired"
    if not obj.is_active:
        return "paused"
    if start is not None and start > now:
        return "scheduled"
    return "active"


def next_number(session: Session, tenant_id: uuid.UUID, model: type[Promotion] | type[DiscountCode]) -> int:
    """The id a new promotion (or code) gets in promotions files when none is given: one past the highest."""
    return (session.scalar(select(func.max(model.number)).where(model.tenant_id == tenant_id)) or 0) + 1


def scoped_promotion(session: Session, scope: Scope, model: type[Promotion] | type[DiscountCode],
                     obj_id: uuid.UUID, *, store_id: uuid.UUID | None = None, changing: bool = True):
    """The promotion or code, if the person reaches it: a store's own ones for that store's managers; one of
    every store is changed only by an owner or admin of the tenant. With `store_id`: it must apply there."""
    obj = session.get(model, obj_id)
    promotion = model is Promotion
    if obj is None or (store_id is not None and obj.store_id not in (None, store_id)):
        if promotion:
            raise NotFound("There is no such promotion in this store.")
        raise NotFound("There is no such discount code in this store.")
    if obj.tenant_id != scope.tenant_id or (obj.store_id is not None and not scope.reaches(obj.store_id)):
        if promotion:
            raise OutOfScope("That promotion is not one of yours; ask an owner or admin of the tenant.")
        raise OutOfScope("That discount code is not one of yours; ask an owner or admin of the tenant.")
    if changing and obj.store_id is None and scope.store_ids is not None:
        if promotion:
            raise OutOfScope("This promotion runs in every store; only an owner or admin of the tenant changes it.")
        raise OutOfScope("This discount code runs in every store; only an owner or admin of the tenant changes it.")
    return obj


def _target_store(session: Session, scope: Scope, store_id: uuid.UUID | None) -> Store | None:
    if store_id is not None:
        return scoped_store(session, scope, store_id)
    if scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin of the tenant makes a promotion for every store.")
    return None


def create_promotion(session: Session, scope: Scope, row: PromotionRow, store_id: uuid.UUID | None = None,
                     zone_name: str | None = None) -> Promotion:
    """A new promotion for one store (or, `store_id` None, every store); refused whole with its sentences."""
    store = _target_store(session, scope, store_id)
    if session.scalar(select(Promotion.id).where(Promotion.tenant_id == scope.tenant_id,
                                                 Promotion.number == row.id)) is not None:
        raise Taken("Promotion %(id)s exists already. Give the new one another id.", id=row.id)
    save_promotions(session, scope.tenant_id, PromotionsFile(store_time_zone=zone_name, promotions=[row]),
                    store and store.id)
    promotion = session.scalar(select(Promotion).where(Promotion.tenant_id == scope.tenant_id,
                                                       Promotion.number == row.id))
    audit(session, scope, "promotion.created", store_id=promotion.store_id, entity=promotion,
          details={"number": row.id, "kind": row.kind})
    return promotion


def update_promotion(session: Session, scope: Scope, promotion_id: uuid.UUID, row: PromotionRow,
                     zone_name: str | None = None, store_id: uuid.UUID | None = None) -> Promotion:
    """Change a promotion as a whole (its id stays); checked with the tenant's others like a new one."""
    promotion = scoped_promotion(session, scope, Promotion, promotion_id, store_id=store_id)
    row = row.model_copy(update={"id": promotion.number, "active": promotion.is_active})  # a pause stays
    save_promotions(session, scope.tenant_id, PromotionsFile(store_time_zone=zone_name, promotions=[row]),
                    promotion.store_id)
    audit(session, scope, "promotion.updated", store_id=promotion.store_id, entity=promotion,
          details={"number": promotion.number, "kind": row.kind})
    return promotion


def create_code(session: Session, scope: Scope, row: DiscountCodeRow, store_id: uuid.UUID | None = None,
                zone_name: str | None = None) -> DiscountCode:
    store = _target_store(session, scope, store_id)
    text = row.code.strip().upper()
    if session.scalar(select(DiscountCode.id).where(DiscountCode.tenant_id == scope.tenant_id,
                                                    func.upper(DiscountCode.code) == text)) is not None:
        raise Taken("The code %(code)s exists already. Choose another code.", code=text)
    save_promotions(session, scope.tenant_id, PromotionsFile(store_time_zone=zone_name, discount_codes=[row]),
                    store and store.id)
    code = session.scalar(select(DiscountCode).where(DiscountCode.tenant_id == scope.tenant_id,
                                                     DiscountCode.code == text))
    audit(session, scope, "discount_code.created", store_id=code.store_id, entity=code, details={"code": text})
    return code


def change_active(session: Session, scope: Scope, model: type[Promotion] | type[DiscountCode], obj_id: uuid.UUID,
                  active: bool, store_id: uuid.UUID | None = None):
    """Pause or resume, audited; the terminals learn it from the feed."""
    obj = scoped_promotion(session, scope, model, obj_id, store_id=store_id)
    set_active(session, obj, active)
    audit(session, scope, f"{obj.__tablename__.removesuffix('s')}.{'resumed' if active else 'paused'}",
          store_id=obj.store_id, entity=obj)
    return obj


def store_listing(session: Session, scope: Scope, model: type[Promotion] | type[DiscountCode], store_id: uuid.UUID,
                  search: str = "", offset: int = 0, limit: int = PAGE_SIZE) -> tuple[list, int]:
    """The promotions (or codes) that apply in a store, its own and the tenant-wide, a page at a time."""
    store = scoped_store(session, scope, store_id)
    query = select(model).where(model.tenant_id == scope.tenant_id,
                                or_(model.store_id.is_(None), model.store_id == store.id))
    search = search.strip()[:100]
    if search:
        text = model.name if model is Promotion else model.code
        query = query.where(or_(text.ilike(f"%{search}%"), model.description.ilike(f"%{search}%")))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    order = (Promotion.priority.desc(), Promotion.number) if model is Promotion else (DiscountCode.code,)
    return list(session.scalars(query.order_by(*order).limit(limit).offset(max(offset, 0)))), total


def catalog_names(session: Session, tenant_id: uuid.UUID, limit: int = 500) -> tuple[list[str], list[str]]:
    """The categories and brands a promotion may name (the form offers them), cannabis and accessories."""
    categories = set(session.scalars(select(OcsProduct.category).where(OcsProduct.tenant_id == tenant_id)
                                     .distinct().limit(limit)))
    categories |= set(session.scalars(select(AccessoryCategory.name).join(
        Accessory, Accessory.category_id == AccessoryCategory.id).where(Accessory.tenant_id == tenant_id)
        .distinct().limit(limit)))
    brands = set(session.scalars(select(OcsProduct.brand_name).where(OcsProduct.tenant_id == tenant_id)
                                 .distinct().limit(limit)))
    brands |= set(session.scalars(select(Accessory.brand).where(Accessory.tenant_id == tenant_id,
                                                                 Accessory.brand.is_not(None)).distinct().limit(limit)))
    return sorted(c for c in categories if c), sorted(b for b in brands if b)
