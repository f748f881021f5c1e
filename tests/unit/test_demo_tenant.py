"""The demo tenant: deterministic, valid GS1 numbers, rows that fit the replica and stock that adds up."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import JSON, Date, Uuid, create_engine, event, func, select

from demo import TABLE_ORDER, DemoTenant, generate_demo_tenant, gtin_check_digit
from pos_app.persistence.models import Base, OcsProduct
from pos_app.persistence.types import Cents, ExactDecimal, UtcDateTime
from sync.pin_policy import pin_problem

TODAY = date(2025, 6, 15)
FORMS = {"dried_flower", "pre_roll", "vape", "extract", "edible", "beverage", "oil", "topical", "seed"}
FILLED_BY_LOADER = {("users", "pin_hash")}


@pytest.fixture(scope="module")
def tenant() -> DemoTenant:
    return generate_demo_tenant(products=2000, seed=7, today=TODAY)


def is_valid_gs1(number: str) -> bool:
    weights = [1 if i % 2 == 0 else 3 for i in range(len(number))]
    total = sum(int(d) * w for d, w in zip(reversed(number), weights, strict=True))
    return number.isdigit() and total % 10 == 0


def test_check_digit_matches_published_examples():
    assert gtin_check_digit("400638133393") == "1"  # GTIN-13 4006381333931
    assert gtin_check_digit("03600029145") == "2"  # UPC-A 036000291452
    assert gtin_check_digit("1061414100041") == "5"  # GTIN-14 10614141000415
    assert gtin_check_digit("10614141123456789") == "7"  # SSCC 106141411234567897
    with pytest.raises(ValueError):
        gtin_check_digit("12a4")
    with pytest.raises(ValueError):
        gtin_check_digit("")


@given(st.text(alphabet="0123456789", min_size=1, max_size=17))
def test_check_digit_completes_any_body(body):
    assert is_valid_gs1(body + gtin_check_digit(body))


def test_same_seed_gives_identical_tenant():
    first = generate_demo_tenant(products=300, seed=11, today=TODAY)
    second = generate_demo_tenant(products=300, seed=11, today=TODAY)
    assert first.rows == second.rows
    assert first.pins == second.pins


def test_different_seed_gives_different_tenant():
    first = generate_demo_tenant(products=300, seed=11, today=TODAY)
    other = generate_demo_tenant(products=300, seed=12, today=TODAY)
    assert first.rows["stores"][0]["id"] != other.rows["stores"][0]["id"]
    assert first.rows["ocs_product_catalog"] != other.rows["ocs_product_catalog"]
    assert first.pins != other.pins


def test_today_defaults_to_the_current_date():
    assert generate_demo_tenant(products=100).today == date.today()


def test_too_few_products_are_refused():
    with pytest.raises(ValueError, match="at least"):
        generate_demo_tenant(products=5)


def test_rows_use_the_replica_column_names(tenant):
    assert tuple(tenant.rows) == TABLE_ORDER
    for name, rows in tenant.rows.items():
        table = Base.metadata.tables[name]
        columns = set(table.columns.keys())
        required = {
            column.name for column in table.columns
            if not column.nullable and column.default is None and column.server_default is None
        } - {column for table_name, column in FILLED_BY_LOADER if table_name == name}
        assert rows, name
        keys = set(rows[0])
        assert keys <= columns, (name, keys - columns)
        assert required <= keys, (name, required - keys)
        assert "id" in keys
        assert not keys & {"created_at", "updated_at", "version", "pin_hash"}
        assert all(set(row) == keys for row in rows), f"{name} rows do not share one set of keys"


def test_tables_come_after_the_tables_they_reference(tenant):
    seen: set[str] = set()
    for name in tenant.rows:
        for fk in Base.metadata.tables[name].foreign_keys:
            assert fk.column.table.name in seen | {name}, (name, fk.column.table.name)
        seen.add(name)


def test_values_have_the_column_types(tenant):
    for name, rows in tenant.rows.items():
        table = Base.metadata.tables[name]
        for key in rows[0]:
            column_type = table.columns[key].type
            for row in rows:
                value = row[key]
                if value is None:
                    assert table.columns[key].nullable or (name, key) == ("ocs_product_catalog",
                                                                          "dried_equivalent_g")
                elif isinstance(column_type, Cents):
                    assert isinstance(value, Decimal) and value.as_tuple().exponent == -2, (name, key, value)
                elif isinstance(column_type, ExactDecimal):
                    assert isinstance(value, Decimal), (name, key, value)
                elif isinstance(column_type, UtcDateTime):
                    assert isinstance(value, datetime) and value.utcoffset() == timedelta(0), (name, key)
                elif isinstance(column_type, Date):
                    assert type(value) is date, (name, key, value)
                elif isinstance(column_type, Uuid):
                    assert isinstance(value, uuid.UUID), (name, key, value)
                elif isinstance(column_type, JSON):
                    assert isinstance(value, dict), (name, key, value)


def test_everything_inserts_into_the_replica_with_foreign_keys_on(tenant):
    engine = create_engine("sqlite://")

    @event.listens_for(engine, "connect")
    def _foreign_keys_on(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    Base.metadata.create_all(engine)
    with engine.begin() as connection:
        for name, rows in tenant.rows.items():
            if name == "users":
                rows = [{**row, "pin_hash": "argon2-by-the-loader"} for row in rows]
            elif name == "ocs_product_catalog":
                rows = [{**row, "dried_equivalent_g": Decimal("1")} for row in rows]
            connection.execute(Base.metadata.tables[name].insert(), rows)
    with engine.connect() as connection:
        for name, rows in tenant.rows.items():
            table = Base.metadata.tables[name]
            assert connection.scalar(select(func.count()).select_from(table)) == len(rows)
        first = tenant.rows["ocs_product_catalog"][0]
        stored = connection.execute(
            select(OcsProduct.price_per_unit, OcsProduct.net_content).where(OcsProduct.id == first["id"])
        ).one()
        assert tuple(stored) == (first["price_per_unit"], first["net_content"])


def test_every_gtin_is_valid_and_unique(tenant):
    products = tenant.rows["ocs_product_catalog"]
    codes = []
    for product in products:
        each, case = product["each_gtin"], product["case_gtin"]
        assert len(each) == len(case) == 14
        assert each[0] == "0" and "1" <= case[0] <= "8"
        assert case[1:13] == each[1:13], "a case GTIN keeps the company prefix and item reference"
        codes += [each, case]
    for accessory in tenant.rows["accessories_catalog"]:
        assert len(accessory["barcode"]) in (12, 13)
        codes.append(accessory["barcode"].zfill(14))
    assert all(is_valid_gs1(code) for code in codes)
    assert len(set(codes)) == len(codes)
    case_gtins = {product["case_gtin"] for product in products}
    assert all(line["gtin"] in case_gtins for line in tenant.rows["purchase_order_items"])
    assert all(is_valid_gs1(order["container_id"]) and len(order["container_id"]) == 18
               for order in tenant.rows["purchase_orders"])


def test_lots_add_up_to_stock_on_hand(tenant):
    each_gtin = {p["ocs_variant_number"]: p["each_gtin"] for p in tenant.rows["ocs_product_catalog"]}
    remaining: dict[str, int] = defaultdict(int)
    for lot in tenant.rows["batch_tracking"]:
        remaining[lot["sku"]] += lot["quantity_remaining"]
        assert lot["gtin"] == each_gtin[lot["sku"]]
        assert 0 <= lot["quantity_remaining"] <= lot["quantity_received"]
        assert lot["received_date"] < TODAY and lot["packaging_date"] <= lot["received_date"]
    for row in tenant.rows["ocs_inventory"]:
        assert row["quantity_available"] == row["quantity_on_hand"] >= 0
        if row["sku"] in each_gtin:
            assert remaining[row["sku"]] == row["quantity_on_hand"], row["sku"]
        else:
            assert row["sku"] not in remaining, "accessories have no lots"
    stocked = {row["sku"] for row in tenant.rows["ocs_inventory"] if row["quantity_on_hand"]}
    assert {lot["sku"] for lot in tenant.rows["batch_tracking"] if lot["quantity_remaining"]} <= stocked


def test_lots_show_recalls_expiries_and_near_expiries(tenant):
    lots = tenant.rows["batch_tracking"]
    recalled = [lot for lot in lots if lot["is_recalled"]]
    assert recalled and all(lot["quantity_remaining"] > 0 for lot in recalled)
    locations = tenant.rows["shelf_locations"]
    quarantine = {loc["id"] for loc in locations if loc["location_code"] == "VAULT-99-01-Q"}
    assert {lot["location_id"] for lot in recalled} <= quarantine
    for lot in recalled:
        siblings = [other for other in lots if other["sku"] == lot["sku"] and not other["is_recalled"]]
        assert any(other["quantity_remaining"] for other in siblings), "the product stays sellable"
    expired = [lot for lot in lots if lot["expiry_date"] and lot["expiry_date"] < TODAY]
    assert 1 <= len(expired) <= 2 and all(lot["quantity_remaining"] == 0 for lot in expired)
    horizon = TODAY + timedelta(days=60)
    soon = [lot for lot in lots if lot["expiry_date"] and TODAY <= lot["expiry_date"] <= horizon]
    assert soon and all(lot["quantity_remaining"] for lot in soon)
    assert len({lot["id"] for lot in lots}) == len(lots)


def test_catalog_covers_every_form_in_realistic_shares(tenant):
    products = tenant.rows["ocs_product_catalog"]
    forms = Counter(product["product_form"] for product in products)
    assert set(forms) == FORMS
    assert 0.30 < forms["dried_flower"] / len(products) < 0.40
    assert 0.15 < forms["pre_roll"] / len(products) < 0.25
    assert len({product["ocs_variant_number"] for product in products}) == len(products)
    assert any(not product["product_name"].isascii() for product in products), "some accented names"
    for product in products:
        form, net = product["product_form"], product["net_content"]
        assert product["dried_equivalent_g"] is None
        assert Decimal("0") < product["price_per_unit"] <= product["msrp_price"]
        assert 6 <= product["case_quantity"] <= 24
        if form == "dried_flower":
            assert net in {Decimal("3.5"), Decimal(7), Decimal(14), Decimal(28)}
            assert product["plant_type"] in {"Indica", "Sativa", "Hybrid"}
        elif form == "beverage":
            assert (net, product["unit_of_measure"]) == (Decimal(355), "mL")
        elif form == "seed":
            assert product["unit_of_measure"] == "seeds" and net == product["pieces"]
        elif form == "pre_roll":
            assert 1 <= product["pieces"] <= 10


def test_accessories_are_about_five_percent_and_priced_above_cost(tenant):
    accessories = tenant.rows["accessories_catalog"]
    assert len(accessories) == 100
    assert len(generate_demo_tenant(products=40, today=TODAY).rows["accessories_catalog"]) == 10
    assert all(item["unit_cost"] < item["retail_price"] for item in accessories)
    assert [item["sku"] for item in accessories[:2]] == ["ACC-00001", "ACC-00002"]
    inventory_skus = {row["sku"] for row in tenant.rows["ocs_inventory"]}
    assert {item["sku"] for item in accessories} <= inventory_skus
    assert len(inventory_skus) == 2000


def test_each_stocked_sku_has_one_primary_shelf(tenant):
    stocked = {row["sku"]: row["quantity_on_hand"] for row in tenant.rows["ocs_inventory"]
               if row["quantity_on_hand"]}
    assignments = tenant.rows["inventory_shelf_assignments"]
    assert {row["sku"]: row["quantity"] for row in assignments} == stocked
    assert len(assignments) == len(stocked) and all(row["is_primary"] for row in assignments)
    for location in tenant.rows["shelf_locations"]:
        parts = [location["zone"], location["aisle"], location["shelf"], location["bin"]]
        assert location["location_code"] == "-".join(parts)


def test_staff_pins_roles_and_permissions(tenant):
    users = tenant.rows["users"]
    assert {(user["staff_code"], user["role"]) for user in users} == {
        ("1001", "cashier"), ("2001", "manager"), ("9001", "admin")
    }
    assert set(tenant.pins) == {"1001", "2001", "9001"}
    roles = {user["staff_code"]: user["role"] for user in users}
    for code, pin in tenant.pins.items():
        assert pin.isdigit() and 4 <= len(pin) <= 6 and len(set(pin)) >= 3
        assert pin_problem(pin, roles[code]) is None
        assert len(pin) >= 6 or roles[code] == "cashier"
        assert pin not in "0123456789" and pin not in "9876543210"
    assert len(set(tenant.pins.values())) == 3
    assert not any(pin in map(str, user.values()) for user in users for pin in tenant.pins.values())
    permissions = defaultdict(set)
    for row in tenant.rows["role_permissions"]:
        permissions[row["role"]].add(row["permission"])
    assert "refund.create" not in permissions["cashier"] and "sale.create" in permissions["cashier"]
    assert permissions["cashier"] < permissions["manager"] < permissions["admin"]
    assert {"sale.void", "override.approve", "drawer.no_sale", "receiving.receive"} <= permissions["manager"]
    assert "settings.edit" in permissions["admin"] - permissions["manager"]


def test_provinces_and_tax_rates(tenant):
    provinces = {row["id"]: row for row in tenant.rows["provinces_territories"]}
    assert len(provinces) == 13
    ages = {row["code"]: row["min_age"] for row in provinces.values()}
    assert (ages["ON"], ages["AB"], ages["QC"], ages["MB"]) == (19, 18, 21, 19)
    taxes: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for rate in tenant.rows["tax_rates"]:
        taxes[provinces[rate["province_territory_id"]]["code"]][rate["tax_type"]] = rate["rate"]
    assert taxes["ON"] == {"HST": Decimal("0.13")}
    assert taxes["NS"] == {"HST": Decimal("0.14")}
    assert taxes["QC"] == {"GST": Decimal("0.05"), "QST": Decimal("0.09975")}
    assert taxes["BC"] == {"GST": Decimal("0.05"), "PST": Decimal("0.07")}
    assert taxes["YT"] == {"GST": Decimal("0.05")}
    store = tenant.rows["stores"][0]
    assert provinces[store["province_territory_id"]]["code"] == "ON"
    assert (store["store_code"], tenant.store_code, tenant.tenant_code) == ("ON001", "ON001", "GREENLEAF")
    assert store["settings"]["cash_variance_limit"] == "10.00"


def test_open_purchase_orders_from_the_ocs(tenant):
    ocs = next(s for s in tenant.rows["provincial_suppliers"] if s["code"] == "OCS")
    case_quantity = {p["ocs_variant_number"]: p["case_quantity"] for p in tenant.rows["ocs_product_catalog"]}
    orders = tenant.rows["purchase_orders"]
    assert len(orders) == 2
    for order in orders:
        assert (order["status"], order["supplier_id"]) == ("shipped", ocs["id"])
        assert order["shipment_id"] and order["ocs_order_number"]
        items = tenant.rows["purchase_order_items"]
        lines = [item for item in items if item["purchase_order_id"] == order["id"]]
        assert 5 <= len(lines) <= 15
        assert order["total_amount"] == sum(line["total_cost"] for line in lines)
        for line in lines:
            assert line["total_cost"] == line["unit_cost"] * line["quantity_ordered"]
            assert line["quantity_ordered"] % case_quantity[line["sku"]] == 0


def test_generator_needs_only_the_standard_library():
    code = (
        "import sys, demo as d; d.generate_demo_tenant(products=50); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pos_app', 'sqlalchemy', 'pydantic'}))"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert result.stdout.strip() == "[]"


def test_a_hundred_thousand_products_generate():
    big = generate_demo_tenant(products=100_000, seed=1, today=TODAY)
    assert len(big.rows["ocs_product_catalog"]) + len(big.rows["accessories_catalog"]) == 100_000
    codes = [p["each_gtin"] for p in big.rows["ocs_product_catalog"]]
    assert len(set(codes)) == len(codes)
