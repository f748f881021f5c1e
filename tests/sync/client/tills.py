"""Terminals for sync tests: a real terminal folder (SQLite, keyring file) paired with a real hub."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select, update

from pos_app.bootstrap import Terminal, open_terminal
from pos_app.config import load_settings
from pos_app.domain.money import Money
from pos_app.domain.order import Order
from pos_app.persistence.models import OcsInventory, OcsProduct, SyncOutbox, SyncState
from pos_app.persistence.outbox import take_mutation_id
from pos_app.persistence.stock import available_on_hand
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.selling import SaleService
from pos_app.services.staff import find_staff
from pos_app.services.sync_service import SyncService
from sync.canonical import mutation_hash

CASHIER = "1001"


# Each cannabis sale gives the hub two changes: the customer's age check, then the order.
PER_SALE = 2


@dataclass
class Till:
    terminal: Terminal
    sync: SyncService

    @property
    def folder(self) -> Path:
        return self.terminal.settings.data_dir

    def sell(self, code: str, quantity: int = 1) -> Order:
        # Sales as facts, past the till's own stock if need be: these tests drive the hub into oversells.
        sales = SaleService(self.terminal.session_factory, self.terminal.context, stock_checks=False)
        cashier = find_staff(self.terminal.session_factory, CASHIER)
        sales.start_sale(cashier)
        for _ in range(quantity):
            sales.scan(code)
        self.terminal.age_checks.attest(sales, cashier)  # the cashier checked the customer's ID
        sales.tender_cash(Money.of(sales.totals().total.amount + 100))
        return sales.complete()

    def products(self, count: int, *, min_stock: int = 1) -> list[tuple[str, str]]:
        """(each GTIN, SKU) of products with at least `min_stock` on hand, in a stable order; each 7 g or less of
        dried equivalent, so a test may sell a few of one (a 28 g jar twice is over the 30 g limit), whichever
        products earlier tests left in stock."""
        with self.terminal.session_factory() as session:
            rows = session.execute(
                select(OcsProduct.each_gtin, OcsProduct.ocs_variant_number, OcsProduct.dried_equivalent_g)
                .join(OcsInventory, OcsInventory.sku == OcsProduct.ocs_variant_number)
                .where(OcsInventory.quantity_on_hand >= min_stock, OcsProduct.is_active.is_(True),
                       OcsProduct.product_form == "dried_flower")
                .order_by(OcsProduct.ocs_variant_number)).all()
        # Compared here: the replica keeps exact decimals as text, which SQL would compare as text.
        rows = [(gtin, sku) for gtin, sku, grams in rows if grams <= 7][:count]
        assert len(rows) == count
        return [tuple(row) for row in rows]

    def stock(self, sku: str) -> int:
        with self.terminal.session_factory() as session:
            return available_on_hand(session, self.terminal.context.store_id, [sku]).get(sku, 0)

    def outbox(self) -> list[SyncOutbox]:
        with self.terminal.session_factory() as session:
            return list(session.scalars(select(SyncOutbox).order_by(SyncOutbox.mutation_id)))

    def queue_raw(self, name: str, args: dict) -> int:
        """An outbox row no model vouches for (an older build's, say), queued in order like any other."""
        uow = UnitOfWork(self.terminal.session_factory)
        with uow as session:
            mutation_id = take_mutation_id(session)
            session.execute(insert(SyncOutbox.__table__).values(mutation_id=mutation_id, name=name, args=args,
                                                                hash=mutation_hash(args)))
            uow.commit()
        return mutation_id

    def count(self, model) -> int:
        with self.terminal.session_factory() as session:
            return session.scalar(select(func.count()).select_from(model))

    def close(self) -> None:
        self.sync.close()
        self.terminal.close()


def open_till(folder: Path, *, hub_timeout: float = 30.0, page_size: int | None = None) -> Till:
    terminal = open_terminal(load_settings(folder), log_to_file=False)
    return Till(terminal, SyncService(terminal.engine, terminal.session_factory, terminal.secrets,
                                      hub_timeout=hub_timeout, page_size=page_size))


def copy_as_new_terminal(template: Path, folder: Path) -> Path:
    """A copy of a bootstrapped terminal that is a different terminal: its own client id, no token."""
    shutil.copytree(template, folder, ignore=shutil.ignore_patterns("keyring.cfg", "logs", "backups"))
    terminal = open_terminal(load_settings(folder), log_to_file=False)
    with terminal.session_factory() as session:
        session.execute(update(SyncState).values(client_id=uuid.uuid4(), hub_url=None, terminal_id=None))
        session.commit()
    terminal.close()
    return folder
