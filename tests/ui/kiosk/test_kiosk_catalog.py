"""The kiosk's catalog queries: categories from product forms, filters and sorts done by SQL on indexes, the
product page's facts, and stock as the register counts it."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from pos_app.domain.kiosk_browse import CATEGORIES, Filters, Range, Sort
from pos_app.persistence.kiosk_catalog import BrowseQuery, browse_statement


def _plan(terminal, query: BrowseQuery) -> str:
    statement = browse_statement(terminal.context.store_id, query).limit(48)
    compiled = statement.compile(terminal.engine, compile_kwargs={"literal_binds": True})
    with terminal.engine.connect() as connection:
        rows = connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    return "\n".join(row[-1] for row in rows)


def test_a_category_with_strain_and_thc_filters_reads_the_kiosk_index(terminal):
    plan = _plan(terminal, BrowseQuery(forms=("dried_flower",), plant_types=("Indica",), thc=(Decimal(20), None)))
    assert "USING INDEX ix_ocs_product_catalog_kiosk_browse" in plan, plan
    assert "SCAN ocs_product_catalog" not in plan.replace("SCAN ocs_product_catalog USING", ""), plan


def test_a_category_sorted_by_potency_is_read_from_a_kiosk_index(terminal):
    plan = _plan(terminal, BrowseQuery(forms=("dried_flower",), sort="potency"))
    assert "ix_ocs_product_catalog_kiosk_" in plan, plan


def test_every_category_the_demo_store_stocks_has_a_tile_and_counts_in_stock_products(terminal):
    tiles = {tile.category.key: tile.count for tile in terminal.kiosk_catalog.categories()}
    assert list(tiles) == [c.key for c in CATEGORIES if c.key in tiles], "menu order"
    assert {"flower", "pre-rolls", "vapes", "edibles", "beverages", "extracts", "topicals", "seeds"} <= set(tiles)


def test_filters_narrow_and_sorts_order(terminal):
    catalog = terminal.kiosk_catalog
    strong = catalog.page(Filters(category="flower", strain_types=("Sativa",), thc=Range(Decimal(22)),
                                  sort=Sort.PRICE_HIGH), limit=200)
    assert strong and all(card.strain == "Sativa" for card in strong)
    assert [c.price for c in strong] == sorted((c.price for c in strong), reverse=True)
    everything = catalog.page(Filters(category="flower", in_stock_only=False), limit=500)
    in_stock = catalog.page(Filters(category="flower"), limit=500)
    assert all(card.in_stock for card in in_stock) and len(in_stock) <= len(everything)
    cheap = catalog.page(Filters(category="edibles", price=Range(None, Decimal(6))), limit=200)
    assert cheap and all(card.price.amount <= 6 for card in cheap)


def test_the_product_page_has_the_dried_equivalent_and_the_price_per_gram(terminal):
    card = terminal.kiosk_catalog.page(Filters(category="flower", sizes=("7 g",)), limit=1)[0]
    page = terminal.kiosk_catalog.product(card.sku)
    assert page.dried_equivalent_g == Decimal(7)
    assert page.price_per_gram.amount == (page.price.amount / 7).quantize(Decimal("0.01"))
    assert page.description
