"""The kiosk listing (migrations 0010, 0018): a shelf's pages read in sort order from its index, the next page sought
by the last row's key, in the very order and with the very rows the full query gives; filters tested on the index
alone; kept current by triggers, or made in one go after a first sync."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import text

from pos_app.domain.kiosk_browse import Filters, Sort
from pos_app.persistence import kiosk_listing
from pos_app.persistence.kiosk_catalog import BrowseQuery, browse_statement
from tests.kiosk_listing_check import listing_mismatches


def _all_pages(catalog, filters: Filters, size: int) -> list[str]:
    skus, last = [], None
    while True:
        page = catalog.page(filters, offset=len(skus), limit=size, after=last)
        skus += [card.sku for card in page]
        if len(page) < size:
            return skus
        last = page[-1].sku


def test_seeking_pages_gives_the_same_products_in_the_same_order_as_the_full_sort(terminal):
    catalog = terminal.kiosk_catalog
    for category in ("flower", "accessories"):
        for sort in Sort:
            for in_stock_only in (True, False):
                filters = Filters(category=category, sort=sort, in_stock_only=in_stock_only)
                listed = _all_pages(catalog, filters, 7)
                everything = [card.sku for card in catalog.page(filters, limit=10_000)]
                assert listed == everything and len(everything) > 7, (category, sort)
                # The same shelf asked for by its SKUs takes the catalog's own query and sort (no listing).
                by_skus = catalog.page(Filters(category=category, sort=sort, in_stock_only=in_stock_only,
                                               skus=tuple(everything)), limit=10_000)
                assert [card.sku for card in by_skus] == everything, (category, sort)


def _plan(terminal, query: BrowseQuery) -> str:
    statement = browse_statement(terminal.context.store_id, query).limit(48)
    compiled = statement.compile(terminal.engine, compile_kwargs={"literal_binds": True})
    with terminal.engine.connect() as connection:
        return "\n".join(row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))


def test_a_shelf_page_reads_down_the_listing_index_without_sorting(terminal):
    for sort in Sort:
        for query in (BrowseQuery(forms=("dried_flower", "fresh"), sort=str(sort)),
                      BrowseQuery(accessories=True, sort=str(sort))):
            plan = _plan(terminal, query)
            assert "kiosk_listing_" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_every_filter_is_tested_on_the_listing_index_alone(terminal):
    """A filter few products pass reads the whole shelf: from the index's entries, not a table row per product."""
    for sort in Sort:
        query = BrowseQuery(forms=("dried_flower", "fresh"), sort=str(sort), plant_types=("Indica",),
                            thc=(Decimal(20), Decimal(30)), cbd=(Decimal(0), None), price=(Decimal(10), Decimal(60)),
                            brands=("Redecan", "Versus"), sizes=(("3.5", "g"),), in_stock_only=True)
        plan = _plan(terminal, query)
        assert f"SCAN kiosk_listing USING COVERING INDEX {kiosk_listing.index_hint(str(sort)).split()[-1]}" in plan \
            or f"SEARCH kiosk_listing USING COVERING INDEX {kiosk_listing.index_hint(str(sort)).split()[-1]}" in plan, \
            plan


def test_a_product_with_nothing_pulled_but_a_local_return_is_in_stock(terminal):
    """The listing's on-hand level only lets the query skip products early: the stock shown is still the
    register's (pulled level plus what this terminal moved since)."""
    catalog = terminal.kiosk_catalog
    shown = catalog.page(Filters(category="flower", sort=Sort.NEWEST), limit=10_000)
    sku = shown[0].sku
    with terminal.engine.begin() as connection:
        connection.execute(text("UPDATE ocs_inventory SET quantity_on_hand = 0 WHERE sku = :sku"), {"sku": sku})
    in_stock = {card.sku for card in catalog.page(Filters(category="flower", sort=Sort.NEWEST), limit=10_000)}
    assert sku not in in_stock
    with terminal.engine.begin() as connection:
        store = connection.execute(text("SELECT store_id FROM ocs_inventory WHERE sku = :sku"), {"sku": sku}).scalar()
        connection.execute(text(
            "INSERT INTO ocs_inventory_transactions (id, store_id, sku, transaction_type, quantity, reference_type, "
            "reference_id, mutation_id, created_at) VALUES (:id, :store, :sku, 'refund', 2, 'refund', :ref, "
            "999999999, '2026-01-01 00:00:00')"), {"id": uuid.uuid4().hex, "store": store, "sku": sku,
                                                    "ref": uuid.uuid4().hex})
    cards = {card.sku: card for card in catalog.page(Filters(category="flower", sort=Sort.NEWEST), limit=10_000)}
    assert cards[sku].available == 2


def test_the_listing_holds_the_store_price_and_units_sold_as_they_change(terminal):
    with terminal.engine.begin() as connection:
        assert listing_mismatches(connection) == []
        sku = connection.execute(text("SELECT sku FROM ocs_inventory LIMIT 1")).scalar()
        connection.execute(text("UPDATE ocs_inventory SET override_price = 123 WHERE sku = :sku"), {"sku": sku})
        assert connection.execute(text("SELECT price FROM kiosk_listing WHERE sku = :sku"), {"sku": sku}).scalar() \
            == 123
        line = connection.execute(text("SELECT id, quantity FROM order_items WHERE sku = :sku LIMIT 1"),
                                  {"sku": sku}).first()
        before = connection.execute(text("SELECT sold FROM kiosk_listing WHERE sku = :sku"), {"sku": sku}).scalar()
        if line is not None:
            connection.execute(text("UPDATE order_items SET quantity = quantity + 2 WHERE id = :id"), {"id": line[0]})
            assert connection.execute(text("SELECT sold FROM kiosk_listing WHERE sku = :sku"),
                                      {"sku": sku}).scalar() == before + 2


def test_a_rebuilt_listing_is_the_one_the_triggers_keep_and_they_keep_it_after(terminal):
    with terminal.engine.begin() as connection:
        kept = connection.execute(text("SELECT * FROM kiosk_listing ORDER BY sku")).all()
        kiosk_listing.pause(connection)
        sku = connection.execute(text("SELECT sku FROM ocs_inventory ORDER BY sku LIMIT 1")).scalar()
        connection.execute(text("UPDATE ocs_inventory SET override_price = 4321, quantity_on_hand = 0 "
                                "WHERE sku = :sku"), {"sku": sku})
        connection.execute(text("UPDATE ocs_product_catalog SET brand_name = 'Renamed' WHERE ocs_variant_number "
                                "= (SELECT max(ocs_variant_number) FROM ocs_product_catalog)"))
        assert len(listing_mismatches(connection)) == 2, "paused: the triggers left both rows as they were"
        kiosk_listing.rebuild(connection)
        assert listing_mismatches(connection) == []
        assert not kiosk_listing.paused(connection)
        connection.execute(text("UPDATE ocs_inventory SET override_price = NULL, quantity_on_hand = 7 "
                                "WHERE sku = :sku"), {"sku": sku})
        assert listing_mismatches(connection) == [], "the triggers keep it again"
        rebuilt_indexes = connection.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                                  "AND tbl_name = 'kiosk_listing' AND sql IS NOT NULL")).scalar()
        assert rebuilt_indexes == 5
    assert len(kept) > 100
