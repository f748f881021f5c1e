"""The store, province and tax rates this terminal sells under."""

from __future__ import annotations

import uuid
from datetime import UTC, date, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.domain.tax import TaxComponent
from pos_app.persistence.models import ProvinceTerritory, RolePermission, Store, TaxRate, User


def the_store(session: Session) -> Store | None:
    return session.scalar(select(Store).order_by(Store.store_code).limit(1))


def province_of(session: Session, store: Store) -> ProvinceTerritory:
    return session.get_one(ProvinceTerritory, store.province_territory_id)


def tax_components(session: Session, store: Store, on: date) -> list[TaxComponent]:
    rates = session.scalars(
        select(TaxRate).where(
            TaxRate.province_territory_id == store.province_territory_id,
            TaxRate.is_active.is_(True),
            TaxRate.effective_from <= on,
        ).order_by(TaxRate.tax_type)
    )
    return [TaxComponent(rate.tax_type, rate.rate) for rate in rates
            if rate.effective_to is None or rate.effective_to >= on]


def tax_components_on(session: Session, store_id: uuid.UUID, on: date) -> list[TaxComponent]:
    """The rates in force on a day at this store; none when the replica does not have the store."""
    store = session.get(Store, store_id)
    return tax_components(session, store, on) if store is not None else []


def staff_by_code(session: Session, staff_code: str) -> User | None:
    return session.scalar(select(User).where(User.staff_code == staff_code))


def active_staff(session: Session) -> list[User]:
    return list(session.scalars(select(User).where(User.is_active.is_(True)).order_by(User.staff_code)))


def staff_by_id(session: Session, user_id: uuid.UUID) -> User | None:
    return session.get(User, user_id)


def store_zone(session: Session) -> tzinfo:
    """The store's time zone, for times a person reads (receipts, lock messages); UTC if unknown."""
    store = the_store(session)
    try:
        return ZoneInfo(store.timezone) if store is not None and store.timezone else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def store_settings(session: Session) -> dict:
    store = the_store(session)
    return dict(store.settings) if store is not None else {}


def permissions_by_role(session: Session) -> dict[str, set[str]]:
    """What each role may do, as synced from the hub; empty until the first sync brings the table."""
    table: dict[str, set[str]] = {}
    for row in session.scalars(select(RolePermission)):
        table.setdefault(row.role, set()).add(row.permission)
    return table
