"""Small read helpers for integration tests: find demo products and count what a command wrote."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select

from pos_app.bootstrap import Terminal
from pos_app.config import HardwareSettings
from pos_app.persistence.models import OcsInventory, OcsProduct
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
