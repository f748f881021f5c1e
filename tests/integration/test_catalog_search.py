"""Search as you type on the FTS index of migration 0004: same hits as a plain scan, in tiers, kept in step
with products the sync replica puts, replaces and retires."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from alembic import command
from sqlalchemy import select, text, update

from pos_app.persistence.migrate import alembic_config, upgrade_to_head
from pos_app.persistence.models import Accessory, OcsProduct, SyncState
from pos_app.persistence.replica import SqlReplica
from sync.protocol import Change, PullResponse
from tests.integration.helpers import product_codes

EVERYTHING = 10_000


def _catalog(terminal) -> list[tuple[str, str, str]]:
    """(sku, name, brand) of every active product and accessory."""
    with terminal.session_factory() as session:
        products = session.execute(select(OcsProduct.ocs_variant_number, OcsProduct.product_name,
                                          OcsProduct.brand_name).where(OcsProduct.is_active)).all()
        accessories = session.execute(select(Accessory.sku, Accessory.name, Accessory.brand)
                                      .where(Accessory.is_active)).all()
    return [(sku, name, brand or "") for sku, name, brand in [*products, *accessories]]


def _scan(catalog, typed: str) -> set[str]:
    words = typed.lower().split()
    return {sku for sku, name, brand in catalog
            if all(any(w in field.lower() for field in (name, brand, sku)) for w in words)}


def _tier(hit, first_word: str, single_word: bool) -> int:
    first = first_word.lower()
    if single_word and hit.sku.lower() == first:
        return 0
    for tier, field in enumerate((hit.name, hit.brand, hit.sku), start=1):
        if field.lower().startswith(first):
            return tier
    return 4


@pytest.mark.parametrize("typed", ["kush", "KUSH", "ush", "blue dream", "dream blue", "pre-roll 0.5", "g 1 kush",
                                   "grinder", "zig", "oil 30", "xyzzy", "100", "0.5g"])
def test_search_finds_exactly_what_a_scan_of_every_product_finds(terminal, typed):
    hits = terminal.catalog.search(typed, EVERYTHING)
    assert {hit.sku for hit in hits} == _scan(_catalog(terminal), typed)
    assert len(hits) == len({hit.sku for hit in hits}), "each product once"


@pytest.mark.parametrize("typed", ["b", "bl", "blue", "ush", "sativa", "pre"])
def test_hits_come_exact_code_then_name_then_brand_then_code_prefix_then_substring(terminal, typed):
    hits = terminal.catalog.search(typed, EVERYTHING)
    cannabis = [hit for hit in hits if hit.is_cannabis]
    assert hits[:len(cannabis)] == cannabis, "cannabis products before accessories"
    tiers = [_tier(hit, typed, True) for hit in cannabis]
    assert tiers == sorted(tiers)
    names = [hit.name.lower() for hit in cannabis if _tier(hit, typed, True) == 1]
    assert names == sorted(names)


def test_the_exact_sku_comes_first_whatever_its_case(terminal):
    product = product_codes(terminal, "dried_flower")[0]
    assert terminal.catalog.search(product.ocs_variant_number.lower())[0].sku == product.ocs_variant_number


def test_one_or_two_letters_find_names_brands_and_codes_that_start_with_them(terminal):
    catalog = _catalog(terminal)
    for typed in ("b", "Bl", "1", "z"):
        hits = terminal.catalog.search(typed, EVERYTHING)
        starts = {sku for sku, name, brand in catalog
                  if any(field.lower().startswith(typed.lower()) for field in (name, brand, sku))}
        assert starts <= {hit.sku for hit in hits}
        assert all(typed.lower() in (hit.name + hit.brand + hit.sku).lower() for hit in hits)
    # Two letters also find the start of a later word in a name.
    later = next(words[1] for _sku, name, _brand in catalog if len(words := name.split()) > 1
                 and words[1][:2].isalpha() and not name.lower().startswith(words[1][:2].lower()))
    hits = terminal.catalog.search(later[:2], EVERYTHING)
    assert any(any(w.lower().startswith(later[:2].lower()) for w in hit.name.split()[1:]) for hit in hits)


def test_wildcards_and_quotes_are_plain_characters(terminal):
    for typed in ("%", "_", "%%%", "a_b", '"', 'kush"', "\\"):
        hits = terminal.catalog.search(typed, EVERYTHING)
        assert all(all(w.lower() in (h.name + " " + h.brand + " " + h.sku).lower() for w in typed.split())
                   for h in hits), typed
    assert terminal.catalog.search("%%%") == []


def _wire(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _product_data(terminal, **changes) -> dict:
    table = OcsProduct.__table__
    with terminal.engine.connect() as connection:
        row = connection.execute(select(table).where(table.c.is_active).limit(1)).mappings().one()
    return {**{key: _wire(value) for key, value in row.items()}, **changes}


def _pull(terminal, *changes: Change, reset: bool = False) -> None:
    replica = SqlReplica(terminal.engine)
    page = PullResponse(cursor=uuid.uuid4().hex, last_mutation_id=0, changes=list(changes), has_more=False,
                        reset=reset)
    assert replica.apply_page(replica.position(), page)


def _index_is_whole(terminal) -> bool:
    with terminal.engine.connect() as connection:
        indexed = connection.execute(text("SELECT rowid FROM ocs_product_search ORDER BY rowid")).scalars().all()
        active = connection.execute(text("SELECT rowid FROM ocs_product_catalog WHERE is_active ORDER BY rowid")
                                    ).scalars().all()
    return indexed == active


@pytest.fixture
def replica_terminal(terminal):
    with terminal.engine.begin() as connection:  # a terminal that has pulled before: pages are not a reset
        connection.execute(update(SyncState).values(pull_cursor="earlier"))
    return terminal


def test_a_product_the_replica_puts_replaces_and_retires_is_found_then_renamed_then_gone(replica_terminal):
    terminal = replica_terminal
    product_id = str(uuid.uuid4())
    data = _product_data(terminal, id=product_id, ocs_variant_number="QZ-1", product_name="Quokka Zest 3.5 g",
                         each_gtin="00012345678905", case_gtin=None, dried_equivalent_g=None)
    _pull(terminal, Change(entity="product", id=product_id, op="put", version=1, data=data))
    assert [hit.sku for hit in terminal.catalog.search("okka zes")] == ["QZ-1"]

    renamed = {**data, "product_name": "Wombat Wonder 3.5 g"}  # INSERT OR REPLACE: a new row, a new rowid
    _pull(terminal, Change(entity="product", id=product_id, op="put", version=2, data=renamed))
    assert terminal.catalog.search("okka zes") == []
    assert [hit.sku for hit in terminal.catalog.search("wombat wond")] == ["QZ-1"]
    assert [hit.sku for hit in terminal.catalog.search("00012345678905")] == ["QZ-1"]

    _pull(terminal, Change(entity="product", id=product_id, op="delete", version=3))
    assert terminal.catalog.search("wombat wond") == []
    assert _index_is_whole(terminal)


def test_a_reset_snapshot_leaves_only_its_products_in_the_index(replica_terminal):
    terminal = replica_terminal
    catalog = terminal.catalog  # knows its store before the snapshot replaces the store's rows too
    product_id = str(uuid.uuid4())
    data = _product_data(terminal, id=product_id, ocs_variant_number="QZ-2", product_name="Snapshot Sole 1 g",
                         each_gtin=None, case_gtin=None, dried_equivalent_g=None)
    _pull(terminal, Change(entity="product", id=product_id, op="put", version=1, data=data), reset=True)
    assert [hit.sku for hit in catalog.search("sole")] == ["QZ-2"]
    assert [hit.sku for hit in catalog.search("s") if hit.is_cannabis] == ["QZ-2"]
    assert _index_is_whole(terminal)


def test_upgrading_a_database_with_products_to_0004_indexes_them(terminal):
    config = alembic_config(terminal.engine)
    with terminal.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    upgrade_to_head(terminal.engine, terminal.settings.db_path)
    assert _index_is_whole(terminal)
    product = product_codes(terminal, "dried_flower")[0]
    assert product.ocs_variant_number in {h.sku for h in terminal.catalog.search(product.product_name, EVERYTHING)}


def test_every_barcode_in_the_demo_store_is_a_gtin_14_by_the_one_gtin_rule(terminal):
    """The demo generator makes its own check digits; biip (hardware.codes.gs1) must agree with every one."""
    from hardware.codes.gs1 import gtin14_or_none

    with terminal.session_factory() as session:
        codes = [code for row in session.execute(select(OcsProduct.each_gtin, OcsProduct.case_gtin)) for code in row
                 if code]
        codes += [code for code in session.scalars(select(Accessory.barcode)) if code and code.isdigit()]
    assert codes and [code for code in codes if gtin14_or_none(code) != code] == []


def test_a_catch_up_indexes_pages_as_they_come_and_ends_with_the_catalog_as_it_is(replica_terminal):
    """A reset in three pages: the search index is filled page by page while the triggers are paused. A product
    re-sent renamed later in the catch-up (REPLACE can give it the rowid of the row it replaced) and a product
    retired are right in the index at the end."""
    terminal = replica_terminal
    catalog = terminal.catalog
    ids = [str(uuid.uuid4()) for _ in range(3)]
    rows = [_product_data(terminal, id=product_id, ocs_variant_number=f"QZ-{n}", product_name=f"Pagewise {word} 1 g",
                          each_gtin=None, case_gtin=None, dried_equivalent_g=None)
            for n, (product_id, word) in enumerate(zip(ids, ("Alpaca", "Bison", "Caribou"), strict=True))]
    replica = SqlReplica(terminal.engine)

    def page(*changes: Change, has_more: bool, reset: bool = False) -> None:
        assert replica.apply_page(replica.position(), PullResponse(
            cursor=uuid.uuid4().hex, last_mutation_id=0, changes=list(changes), has_more=has_more, reset=reset))

    page(*(Change(entity="product", id=row["id"], op="put", version=1, data=row) for row in rows), has_more=True,
         reset=True)
    with terminal.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM ocs_product_search")).scalar() == 3, "filled already"
    page(Change(entity="product", id=ids[2], op="put", version=2, data={**rows[2], "product_name": "Pagewise Dingo"}),
         has_more=True)
    page(Change(entity="product", id=ids[0], op="delete", version=3), has_more=False)
    assert catalog.search("caribou") == [] and catalog.search("alpaca") == []
    assert [hit.sku for hit in catalog.search("dingo")] == ["QZ-2"]
    assert sorted(hit.sku for hit in catalog.search("pagewise")) == ["QZ-1", "QZ-2"]
    assert _index_is_whole(terminal)
