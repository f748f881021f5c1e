"""Receiving a 500-line purchase order: a scan updating its line (the Receiving tab's handle_scan: the draft, the
line's write, the table row), finishing it (the local ledger rows, lots, draft and outbox row in one commit), and
the hub applying the po.received.v1 it made (the handler inside one PostgreSQL transaction, levels moved at the end
as a push batch does)."""

from __future__ import annotations

import random
import time
import uuid
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import insert, select

from tests.perf.metrics import Metric, at_most
from tests.perf.stats import p50, p99

LINES = 500
SEED = 15


def _purchase_order(terminal) -> uuid.UUID:
    """A shipped 500-line PO of products with case GTINs, written into the replica as the hub's feed would."""
    from pos_app.persistence.models import OcsProduct, PurchaseOrder, PurchaseOrderItem
    from pos_app.persistence.types import utcnow

    with terminal.session_factory() as session:
        products = session.execute(select(OcsProduct.ocs_variant_number, OcsProduct.product_name,
                                          OcsProduct.case_quantity)
                                   .where(OcsProduct.case_gtin.is_not(None), OcsProduct.each_gtin.is_not(None))
                                   .order_by(OcsProduct.ocs_variant_number).limit(LINES)).all()
        order_id, now = uuid.uuid4(), utcnow()
        session.execute(insert(PurchaseOrder), [dict(
            id=order_id, po_number=f"PO-BENCH-{order_id.hex[:6]}", store_id=terminal.context.store_id,
            tenant_id=uuid.uuid4(), order_date=now, status="shipped", total_amount=Decimal(0), version=0,
            created_at=now, updated_at=now)])
        session.execute(insert(PurchaseOrderItem), [dict(
            id=uuid.uuid4(), purchase_order_id=order_id, sku=sku, product_name=name, quantity_ordered=case * 4,
            quantity_received=0, unit_cost=Decimal("4.00"), total_cost=Decimal("16.00"), batch_lot=f"ASN-{i}",
            status="pending", version=0, created_at=now, updated_at=now) for i, (sku, name, case) in
            enumerate(products)])
        session.commit()
    return order_id


def terminal_rows(size, progress) -> tuple[list[Metric], object]:
    from PySide6.QtWidgets import QApplication

    from hardware.codes.classify import ScanKind, ScanResult
    from pos_app.domain.staff import Role
    from pos_app.services.staff import first_staff_with_role
    from pos_app.ui.backoffice.receiving_tab import ReceivingTab
    from tests.perf.terminal_env import open_bench_terminal

    app = QApplication.instance() or QApplication([])
    terminal = open_bench_terminal(size, "receiving", progress)
    tab = None
    try:
        order_id = _purchase_order(terminal)
        manager = first_staff_with_role(terminal.session_factory, Role.MANAGER)
        tab = ReceivingTab(terminal)
        tab.resize(1280, 700)
        tab.show()
        tab.begin(manager)
        tab.open_order(order_id)
        lines = tab.draft.lines
        assert len(lines) == LINES
        rng = random.Random(SEED)
        expiry = date(2027, 6, 30)
        scans = []
        for number in range(size.scans):
            line = rng.choice(lines)
            scans.append(ScanResult(ScanKind.GS1, gtin=line.case_gtin, lot=line.asn_lot,
                                    expiry=expiry + timedelta(days=number % 3), count=1))
        samples = []
        for result in scans:
            started = time.perf_counter()
            tab.handle_scan(result)
            app.processEvents()
            samples.append((time.perf_counter() - started) * 1000)
        progress(f"{len(samples)} scans: p99 {p99(samples):.2f} ms")
        for line in lines:  # every line received, with its lot
            if not line.quantity:
                tab.handle_scan(ScanResult(ScanKind.GS1, gtin=line.case_gtin, lot=line.asn_lot, expiry=expiry,
                                           count=1))
        draft = tab.draft
        started = time.perf_counter()
        finished = terminal.backoffice.receiving.finish(manager)
        finish_ms = (time.perf_counter() - started) * 1000
        progress(f"finish: {finish_ms:.1f} ms")
        from pos_app.persistence.models import SyncOutbox

        with terminal.session_factory() as session:
            args = session.scalar(select(SyncOutbox.args).where(SyncOutbox.mutation_id == finished.mutation_id))
        how_scan = (f"{len(samples):,} GS1-128 case labels (count 1, lot, expiry) on random lines of a {LINES}-line "
                    "PO through ReceivingTab.handle_scan: ReceivingService.scan (draft, the line's UPDATE, commit "
                    "without fsync), the table row redrawn, processEvents; offscreen")
        how_finish = (f"ReceivingService.finish on {LINES} received lines with their lots: po.received.v1 built and "
                      "queued, receipt ledger rows, lots and the draft, one SQLite commit (synchronous=FULL)")
        rows = [Metric("receiving scan → line updated p50", p50(samples), "ms", how=how_scan),
                at_most(Metric("receiving scan → line updated p99", p99(samples), "ms", how=how_scan), 10),
                at_most(Metric("finish a 500-line receipt", finish_ms, "ms", how=how_finish), 200)]
        del draft
        return rows, (terminal.context.store_id, args)
    finally:
        if tab is not None:  # run in-process by the smoke test: no window may outlive it
            tab.close()
            tab.deleteLater()
        terminal.close()


def hub_rows(size, progress, args: dict) -> list[Metric]:
    """The same mutation applied by the hub's handler on a copy of the bench hub, its PO made to match."""
    from sync.hub.batch_rows import gathered_rows, write_gathered
    from sync.hub.database import Database
    from sync.hub.handlers import Context, handle
    from sync.hub.inventory import deferred_levels, settle_deferred
    from sync.hub.migrate import upgrade
    from sync.hub.models import OcsProduct, PurchaseOrder, PurchaseOrderItem, Store, Terminal
    from sync.hub.purchasing import LineIn, create_purchase_order
    from tests.perf import pg
    from tests.perf.datagen import hub_template

    database = pg.clone_database(hub_template(size, progress), prefix="bench_receiving")
    db = Database(pg.url_of(database))
    try:
        upgrade(pg.url_of(database))
        with db.write() as session:
            store = session.scalar(select(Store).where(Store.store_code == "ON001"))
            skus = {line["sku"] for line in args["lines"]}
            names = dict(session.execute(select(OcsProduct.ocs_variant_number, OcsProduct.product_name)
                                         .where(OcsProduct.ocs_variant_number.in_(skus))).all())
            order = create_purchase_order(session, store, po_number=f"PO-BENCH-{uuid.uuid4().hex[:6]}", lines=[
                LineIn(line["sku"], names.get(line["sku"], line["sku"]), 4 * line["quantity"], Decimal("4.00"))
                for line in args["lines"]], status="shipped")
            items = {item.sku: item.id for item in session.scalars(
                select(PurchaseOrderItem).where(PurchaseOrderItem.purchase_order_id == order.id))}
            terminal_id = session.scalar(select(Terminal.id).where(Terminal.store_id == store.id).limit(1))
            ctx = Context(store.tenant_id, store.id, terminal_id, uuid.uuid4(), 1)
            order_id = order.id
        payload = {**args, "store_id": str(ctx.store_id), "purchase_order_id": str(order_id),
                   "lines": [{**line, "po_item_id": str(items[line["sku"]])} for line in args["lines"]]}
        started = time.perf_counter()
        # A push's quick run (sync_service._push_batch): rows gathered, then levels, then the gathered rows
        # written table by table (stamped in lock order while still in memory), then the commit.
        with db.write() as session, deferred_levels(session), gathered_rows(session):
            handle(session, ctx, "po.received.v1", payload)
            settle_deferred(session)
            write_gathered(session)
        hub_ms = (time.perf_counter() - started) * 1000
        with db.read() as session:
            status = session.get(PurchaseOrder, order_id).status
        progress(f"hub applied it in {hub_ms:.1f} ms; the PO is {status}")
        how = (f"The po.received.v1 of the {LINES}-line finish applied by its handler (validation, PO lines, lots "
               "with expiry, ledger rows, levels, the receipt row, the feed) in one transaction on PostgreSQL, "
               "as a push's quick run writes it (rows gathered, then written table by table), commit included; "
               "a copy of the bench hub")
        return [at_most(Metric("hub applies a 500-line receipt", hub_ms, "ms", how=how), 500)]
    finally:
        db.dispose()
        pg.drop_database(database)


def run(size, progress):
    rows, (_store_id, args) = terminal_rows(size, progress)
    return rows + hub_rows(size, progress, args), []
