"""The kiosk listing through a real hub: a first sync pauses the listing's triggers and makes it once with its last
page, also when it was cut off half-way and resumed; later pulls keep it right row by row."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from pos_app.persistence import kiosk_listing
from pos_app.persistence.models import OcsProduct as TerminalProduct
from sync.hub.feed.record import record_put
from sync.hub.models import Accessory as HubAccessory
from tests.kiosk_listing_check import listing_mismatches
from tests.sync.client.tills import open_till


def _listing_state(till) -> tuple[list, bool, int]:
    with till.terminal.engine.connect() as connection:
        wrong = listing_mismatches(connection)
        paused = kiosk_listing.paused(connection)
        rows = connection.exec_driver_sql("SELECT count(*) FROM kiosk_listing").scalar()
        connection.rollback()
    return wrong, paused, rows


def test_a_first_sync_makes_the_listing_once_and_later_pulls_keep_it(hub, make_till, tmp_path):
    till = open_till(tmp_path / "fresh", page_size=100)
    seller = make_till(hub.url)
    try:
        till.sync.pair(hub.url, hub.pairing_code(), terminal_no=503)
        report = till.sync.bootstrap()
        assert report.pages > 5
        wrong, paused, rows = _listing_state(till)
        assert (wrong, paused) == ([], False) and rows > 100

        # Incremental: the hub renames and reprices an accessory, and another till's sale lowers a drink's level.
        # (Neither is a flower other tests of the session pick by SKU, nor is the accessory left changed.)
        with till.terminal.engine.connect() as connection:
            code, sold_sku = connection.exec_driver_sql(
                "SELECT p.each_gtin, p.ocs_variant_number FROM ocs_product_catalog p JOIN ocs_inventory i "
                "ON i.sku = p.ocs_variant_number WHERE p.product_form = 'beverage' AND p.each_gtin IS NOT NULL "
                "AND i.quantity_on_hand >= 3 ORDER BY p.ocs_variant_number DESC LIMIT 1").one()
            connection.rollback()
        with hub.db.write() as session:
            accessory = session.scalars(select(HubAccessory).order_by(HubAccessory.sku.desc())).first()
            changed_sku, old_brand, old_price = accessory.sku, accessory.brand, accessory.retail_price
            accessory.brand, accessory.retail_price = "Relabelled", Decimal("77.70")
            record_put(session, accessory)
        level = till.stock(sold_sku)
        try:
            seller.sell(code, 2)
            seller.sync.engine.push()
            till.sync.sync_once()
            wrong, paused, _rows = _listing_state(till)
            assert (wrong, paused) == ([], False)
            with till.terminal.engine.connect() as connection:
                brand, on_hand = connection.exec_driver_sql(
                    "SELECT brand, (SELECT on_hand FROM kiosk_listing WHERE sku = ?) FROM kiosk_listing "
                    "WHERE sku = ?", (sold_sku, changed_sku)).one()
                connection.rollback()
            assert brand == "Relabelled"  # and the price the store sets, as listing_mismatches checked
            assert on_hand == till.stock(sold_sku) == level - 2, "the pulled level, two units lower"
        finally:
            with hub.db.write() as session:
                accessory = session.scalars(select(HubAccessory).where(HubAccessory.sku == changed_sku)).one()
                accessory.brand, accessory.retail_price = old_brand, old_price
                record_put(session, accessory)
    finally:
        till.close()


def test_a_first_sync_cut_off_half_way_leaves_the_listing_paused_and_the_resumed_one_makes_it(hub, tmp_path):
    folder = tmp_path / "cut-off"
    till = open_till(folder, page_size=100)
    till.sync.pair(hub.url, hub.pairing_code(), terminal_no=504)
    puller = till.sync.engine.puller
    while till.count(TerminalProduct) < 50:  # pages in until some products are, then the power goes
        page = puller.pull_page()
        assert page is not None and page.has_more
    wrong, paused, _rows = _listing_state(till)
    assert paused and wrong, "mid-way the listing waits for the end of the catch-up"
    till.close()

    till = open_till(folder, page_size=100)
    try:
        till.sync.bootstrap()
        wrong, paused, rows = _listing_state(till)
        assert (wrong, paused) == ([], False) and rows > 100
    finally:
        till.close()
