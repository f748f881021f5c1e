"""Small read helpers for integration tests: find demo products and count what a command wrote."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import func, or_, select

from pos_app.bootstrap import Terminal
from pos_app.config import HardwareSettings
from pos_app.persistence.models import BatchTracking, OcsInventory, OcsProduct
from pos_app.services.staff import StaffMember, find_staff


def staff(terminal, code: str) -> StaffMember:
    member = find_staff(terminal.session_factory, code)
    assert member is not None, f"demo staff {code} missing"
    return member


def product_codes(terminal, form: str, count: int = 1, *, in_stock: bool = True) -> list[OcsProduct]:
    with terminal.session_factory() as session:
        query = (select(OcsProduct).join(OcsInventory, OcsInventory.sku == OcsProduct.ocs_variant_number)
                 .where(OcsProduct.product_form == form).order_by(OcsProduct.ocs_variant_number))
        if in_stock:
            query = query.where(OcsInventory.quantity_on_hand > 0)
        products = list(session.scalars(query.limit(count)))
    assert len(products) == count, f"the demo store has fewer than {count} {form} products in stock"
    return products


def sellable_products(terminal, form: str, count: int = 1, *, min_units: int = 2) -> list[OcsProduct]:
    """Products with at least ``min_units`` in lots that may be sold today (not recalled, not expired)."""
    today = date.today()
    with terminal.session_factory() as session:
        units = (select(BatchTracking.sku).where(BatchTracking.is_recalled.is_(False),
                                                 or_(BatchTracking.expiry_date.is_(None),
                                                     BatchTracking.expiry_date >= today))
                 .group_by(BatchTracking.sku).having(func.sum(BatchTracking.quantity_remaining) >= min_units))
        products = list(session.scalars(select(OcsProduct).where(OcsProduct.product_form == form,
                                                                 OcsProduct.ocs_variant_number.in_(units))
                                        .order_by(OcsProduct.ocs_variant_number).limit(count)))
    assert len(products) == count, f"the demo store has fewer than {count} {form} products to sell today"
    return products


def count_rows(terminal, model) -> int:
    with terminal.session_factory() as session:
        return session.scalar(select(func.count()).select_from(model))


@contextmanager
def terminal_with(terminal: Terminal, **hardware) -> Iterator[Terminal]:
    """The same terminal (same database) with devices configured, as terminal.toml would configure them."""
    settings = terminal.settings.model_copy(update={"hardware": HardwareSettings(**hardware)})
    wired = Terminal(settings, terminal.engine, terminal.session_factory, terminal.secrets)
    try:
        yield wired
    finally:
        wired.close()
