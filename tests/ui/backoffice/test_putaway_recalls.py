"""Put-away (scan a shelf label, then items; two shelves in one batch; a move) and the Recalls tab's quarantine,
as a manager does them on the demo store."""

from __future__ import annotations

from sqlalchemy import select

from pos_app.persistence.models import AuditLog, InventoryShelfAssignment, OcsProduct, ShelfLocation, SyncOutbox


def _outbox(till, name: str) -> list[dict]:
    with till.session_factory() as session:
        return [row.args for row in session.scalars(select(SyncOutbox).where(SyncOutbox.name == name)
                                                    .order_by(SyncOutbox.mutation_id))]


def _shelf(till, code: str, sku: str) -> InventoryShelfAssignment | None:
    with till.session_factory() as session:
        return session.scalar(select(InventoryShelfAssignment).join(
            ShelfLocation, ShelfLocation.id == InventoryShelfAssignment.location_id).where(
            ShelfLocation.location_code == code, InventoryShelfAssignment.sku == sku))


def test_put_away_on_two_shelves_is_one_batch_and_shows_at_once(manager):
    tab = manager.open_tab("putaway")
    first, second = manager.till.catalog.in_stock_codes(2, ("dried_flower",))
    manager.scan(first)
    assert "Scan a shelf label first" in manager.notice and not tab.lines
    manager.scan("LOC:ZZ-09-09-Z")
    assert "no shelf location ZZ-09-09-Z" in manager.notice
    manager.scan("LOC:VAULT-01-01-A")
    manager.scan(first)
    manager.scan(first)
    manager.scan("LOC:BACK-02-03-B")
    manager.click(tab.primary)
    manager.scan(second)
    assert [(line.location.code, line.quantity, line.primary) for line in tab.lines] == [
        ("VAULT-01-01-A", 2, False), ("BACK-02-03-B", 1, True)]
    manager.click(tab.save_button)
    assert "Put away 3 units on 2 shelf locations" in manager.notice and tab.table.rowCount() == 0

    [batch] = _outbox(manager.till, "shelf.assigned.v1")
    assert [(p["sku"], p["quantity"], p["is_primary"]) for p in batch["placements"]] == [
        (tab.t.backoffice.putaway.item(first).sku, 2, False), (tab.t.backoffice.putaway.item(second).sku, 1, True)]
    placed = _shelf(manager.till, "VAULT-01-01-A", batch["placements"][0]["sku"])
    assert placed.quantity == 2 and placed.version < 0  # kept over older pulls until the hub has it
    card = manager.till.backoffice.stock.by_code(second.rjust(14, "0"))
    assert card.locations[0].code == "BACK-02-03-B" and card.locations[0].primary

    # Move one of the two units to another shelf: the labels and the product scanned into the move form.
    for field, code in ((tab.move_from, "LOC:VAULT-01-01-A"), (tab.move_to, "LOC:VAULT-01-02-A"),
                        (tab.move_item, first)):
        field.setFocus()
        manager.scan(code)
    assert (tab.move_from.text(), tab.move_to.text()) == ("VAULT-01-01-A", "VAULT-01-02-A")
    assert len(tab.lines) == 0  # the scans filled the form; they put nothing away
    tab.move_quantity.setValue(5)
    manager.click(tab.move_button)
    assert "holds 2" in manager.notice
    tab.move_quantity.setValue(1)
    manager.click(tab.move_button)
    assert "Moved 1 of" in manager.notice
    moved = _outbox(manager.till, "shelf.assigned.v1")[1]["placements"][0]
    assert moved["from_assignment_id"] == str(placed.id) and moved["quantity"] == 1
    assert _shelf(manager.till, "VAULT-01-01-A", placed.sku).quantity == 1
    assert _shelf(manager.till, "VAULT-01-02-A", placed.sku).quantity == 1


def test_quarantining_the_recalled_lot_takes_it_out_of_stock_with_the_reason(manager):
    tab = manager.open_tab("recalls")
    assert tab.table.rowCount() == 1  # the demo store's recalled lot
    lot = tab.lots[0]
    assert lot.on_hand > 0 and lot.recall and "VAULT-99-01-Q" in tab.table.text(0, 5)
    assert not tab.quarantine_button.isEnabled()
    tab.choose(lot.batch_lot)
    manager.click(tab.quarantine_button)
    assert f"Quarantined {lot.on_hand} units of lot {lot.batch_lot}" in manager.notice
    [adjusted] = _outbox(manager.till, "inventory.adjusted.v1")
    assert (adjusted["reason"], adjusted["quantity_delta"], adjusted["batch_lot"]) == (
        "recall_quarantine", -lot.on_hand, lot.batch_lot)
    assert tab.table.text(0, 4) == "0" and not tab.quarantine_button.isEnabled()
    with manager.till.session_factory() as session:
        assert session.scalar(select(AuditLog.action).order_by(AuditLog.seq.desc()).limit(1)) == "stock.adjusted"


def test_a_case_scanned_at_put_away_puts_the_case_away_and_a_case_label_its_count(manager):
    tab = manager.open_tab("putaway")
    with manager.till.session_factory() as session:
        sku, case_gtin, each_gtin, per_case = session.execute(
            select(OcsProduct.ocs_variant_number, OcsProduct.case_gtin, OcsProduct.each_gtin, OcsProduct.case_quantity)
            .where(OcsProduct.case_gtin.is_not(None), OcsProduct.case_quantity > 1)
            .order_by(OcsProduct.ocs_variant_number).limit(1)).one()
    manager.scan("LOC:VAULT-01-01-A")
    manager.scan(case_gtin)  # the case's own GTIN: a case's worth
    manager.scan(each_gtin)  # one unit
    manager.scan(f"(01){case_gtin}(17)271031(37){per_case - 1}(10)CASE-7")  # a case label: the count it prints
    assert [(line.sku, line.batch_lot, line.quantity) for line in tab.lines] == [
        (sku, None, per_case + 1), (sku, "CASE-7", per_case - 1)]
    assert f"{per_case - 1} × " in manager.notice
