"""The kiosk listing (migration 0010): a shelf's pages read in sort order from its index, the next page sought
by the last row's key, in the very order and with the very rows the full query gives; kept current by triggers."""

from __future__ import annotations

from sqlalchemy import text

from pos_app.domain.kiosk_browse import Filters, Sort
from pos_app.persistence.kiosk_catalog import BrowseQuery, browse_statement


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
    for sort in Sort:
        for in_stock_only in (True, False):
            filters = Filters(category="flower", sort=sort, in_stock_only=in_stock_only)
            listed = _all_pages(catalog, filters, 7)
            everything = [card.sku for card in catalog.page(filters, limit=10_000)]
            assert listed == everything, sort
            # The same shelf asked for by its SKUs takes the catalog's own query and sort (no listing).
            by_skus = catalog.page(Filters(category="flower", sort=sort, in_stock_only=in_stock_only,
                                           skus=tuple(everything)), limit=10_000)
            assert [card.sku for card in by_skus] == everything, sort


def test_a_shelf_page_reads_down_the_listing_index_without_sorting(terminal):
    for sort in Sort:
        statement = browse_statement(terminal.context.store_id,
                                     BrowseQuery(forms=("dried_flower", "fresh"), sort=str(sort))).limit(48)
        compiled = statement.compile(terminal.engine, compile_kwargs={"literal_binds": True})
        with terminal.engine.connect() as connection:
            plan = "\n".join(row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert "kiosk_listing_" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_the_listing_holds_the_store_price_and_units_sold_as_they_change(terminal):
    with terminal.engine.begin() as connection:
        stale = connection.execute(text(
            "SELECT count(*) FROM kiosk_listing l JOIN ocs_product_catalog p ON p.ocs_variant_number = l.sku "
            "LEFT JOIN ocs_inventory i ON i.sku = l.sku "
            "WHERE l.price IS NOT COALESCE(i.override_price, i.retail_price, p.price_per_unit) "
            "OR l.sold != (SELECT COALESCE(SUM(quantity), 0) FROM order_items o WHERE o.sku = l.sku)")).scalar()
        assert stale == 0
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
