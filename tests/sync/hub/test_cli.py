"""`pos-hub`: seed, codes, tokens, CSV imports (all-or-nothing, errors by line) and `serve` after `seed-demo`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import func, select

from sync.hub.cli import main
from sync.hub.database import Database
from sync.hub.models import OcsProduct, PurchaseOrder, PurchaseOrderItem

CATALOG_HEADER = "ocs_variant_number,product_name,brand_name,category,product_form,net_content,unit_of_measure," \
                 "price_per_unit,each_gtin\n"
ASN_HEADER = "shipment_id,container_id,ocs_order_number,sku,gtin,batch_lot,quantity,unit_cost\n"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'hub.db'}"
    assert main(["seed-demo", "--db", url, "--products", "40"]) == 0
    return url


def _count(url, model, *where) -> int:
    db = Database(url)
    try:
        with db.read() as session:
            return session.scalar(select(func.count()).select_from(model).where(*where))
    finally:
        db.dispose()


def test_seed_demo_twice_changes_nothing(seeded, capsys):
    assert main(["seed-demo", "--db", seeded, "--products", "40"]) == 0
    assert "already on this hub" in capsys.readouterr().out


def test_pairing_code_and_admin_token(seeded, capsys):
    assert main(["pairing-code", "--store", "ON001", "--db", seeded]) == 0
    assert "Pairing code for store ON001" in capsys.readouterr().out
    assert main(["admin-token", "--tenant", "GREENLEAF", "--db", seeded]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("huba_")


def test_unknown_store_is_a_sentence_not_a_traceback(seeded, capsys):
    assert main(["pairing-code", "--store", "NOPE", "--db", seeded]) == 1
    err = capsys.readouterr().err
    assert "There is no store with the code NOPE" in err and "Traceback" not in err


def test_catalog_import_creates_and_updates(seeded, tmp_path, capsys):
    csv_file = tmp_path / "catalog.csv"
    csv_file.write_text(CATALOG_HEADER + "NEW-1,Kush 1 g,Acme,Flower,dried_flower,1,g,9.99,00012345678905\n"
                        "NEW-2,Kush 3.5 g,Acme,Flower,dried_flower,3.5,g,29.99,\n")
    assert main(["import-catalog", str(csv_file), "--tenant", "GREENLEAF", "--db", seeded]) == 0
    assert "2 created, 0 updated" in capsys.readouterr().out
    assert main(["import-catalog", str(csv_file), "--tenant", "GREENLEAF", "--db", seeded]) == 0
    assert "0 created, 2 updated" in capsys.readouterr().out


def test_a_bad_catalog_row_is_reported_by_line_and_nothing_imports(seeded, tmp_path, capsys):
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text(CATALOG_HEADER + "BAD-1,Good,Acme,Flower,dried_flower,1,g,9.99,\n"
                        "BAD-2,Bad price,Acme,Flower,dried_flower,1,g,cheap,\n")
    assert main(["import-catalog", str(csv_file), "--tenant", "GREENLEAF", "--db", seeded]) == 1
    err = capsys.readouterr().err
    assert "line 3: price_per_unit 'cheap' is not a number" in err and "Nothing was imported" in err
    assert _count(seeded, OcsProduct, OcsProduct.ocs_variant_number.like("BAD-%")) == 0


def test_a_catalog_gtin_needs_its_check_digit_and_is_kept_as_a_gtin_14(seeded, tmp_path, capsys):
    csv_file = tmp_path / "gtins.csv"
    csv_file.write_text(CATALOG_HEADER + "GTIN-1,Twelve digits,Acme,Flower,dried_flower,1,g,9.99,036000291452\n"
                        "GTIN-2,Wrong check digit,Acme,Flower,dried_flower,1,g,9.99,036000291453\n")
    assert main(["import-catalog", str(csv_file), "--tenant", "GREENLEAF", "--db", seeded]) == 1
    err = capsys.readouterr().err
    assert "line 3: each_gtin '036000291453' is not a GTIN" in err and "line 2" not in err
    csv_file.write_text(CATALOG_HEADER + "GTIN-1,Twelve digits,Acme,Flower,dried_flower,1,g,9.99,036000291452\n")
    assert main(["import-catalog", str(csv_file), "--tenant", "GREENLEAF", "--db", seeded]) == 0
    assert _count(seeded, OcsProduct, OcsProduct.each_gtin == "00036000291452") == 1, "as registers compare it"


def _a_sku(url) -> str:
    db = Database(url)
    try:
        with db.read() as session:
            return session.scalar(select(OcsProduct.ocs_variant_number).order_by(OcsProduct.ocs_variant_number))
    finally:
        db.dispose()


def test_asn_import_makes_purchase_orders(seeded, tmp_path, capsys):
    sku = _a_sku(seeded)
    csv_file = tmp_path / "asn.csv"
    csv_file.write_text(ASN_HEADER + f"SHP1,C1,900001,{sku},00012345678905,LOT-A,12,10.50\n"
                        f"SHP1,C1,900001,{sku},,LOT-B,6,10.50\nSHP1,C2,900002,{sku},,LOT-C,1,10.50\n")
    assert main(["import-asn", str(csv_file), "--store", "ON001", "--db", seeded]) == 0
    assert "2 created" in capsys.readouterr().out
    assert _count(seeded, PurchaseOrder, PurchaseOrder.shipment_id == "SHP1") == 2
    assert _count(seeded, PurchaseOrderItem, PurchaseOrderItem.batch_lot.in_(["LOT-A", "LOT-B", "LOT-C"])) == 3


def test_a_bad_asn_row_is_reported_by_line_and_nothing_imports(seeded, tmp_path, capsys):
    sku = _a_sku(seeded)
    csv_file = tmp_path / "asn.csv"
    csv_file.write_text(ASN_HEADER + f"SHP2,C1,900003,{sku},,LOT-A,12,10.50\n"
                        f"SHP2,C1,900003,NO-SUCH-SKU,,LOT-B,6,10.50\nSHP2,C1,900003,{sku},,LOT-C,-4,1\n")
    assert main(["import-asn", str(csv_file), "--store", "ON001", "--db", seeded]) == 1
    err = capsys.readouterr().err
    assert "line 4: quantity '-4' is not a whole number above zero" in err
    assert _count(seeded, PurchaseOrder, PurchaseOrder.shipment_id == "SHP2") == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_starts_on_sqlite_right_after_seed_demo(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    env.pop("POS_HUB_DB", None)
    command = [sys.executable, "-m", "sync.hub.cli"]
    seeded = subprocess.run([*command, "seed-demo", "--products", "40"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert seeded.returncode == 0, seeded.stderr
    port = _free_port()
    server = subprocess.Popen([*command, "serve", "--port", str(port), "--log-level", "warning"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # A guard against a hub that never answers, not a speed claim (tests/perf/bench_startup.py measures
        # start-up): as long as the seed step's, since a loaded CI machine can take 20 s to import and migrate.
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "pos-hub serve did not answer"
                time.sleep(0.1)
        assert response.json() == {"status": "ok"}
    finally:
        server.terminate()
        server.wait(10)


def test_serve_refuses_several_workers_on_sqlite_with_a_sentence(tmp_path, capsys):
    assert main(["serve", "--workers", "2", "--db", f"sqlite:///{tmp_path / 'hub.db'}"]) == 1
    err = capsys.readouterr().err
    assert "A hub on SQLite runs one worker" in err and "PostgreSQL" in err
    assert not (tmp_path / "hub.db").exists(), "refused before anything was made"


def test_a_terminal_pairs_with_the_seeded_demo_store_and_pulls_it(seeded):
    from fastapi.testclient import TestClient

    from sync.hub.app import create_app
    from sync.hub.models import Store
    from sync.hub.tokens import issue_pairing_code

    app = create_app(seeded)
    try:
        with app.state.db.write() as session:
            code = issue_pairing_code(session, session.scalar(select(Store).where(Store.store_code == "ON001")))
        with TestClient(app) as client:
            paired = client.post("/sync/v1/pair", json={"pairing_code": code, "terminal_name": "Till 1",
                                                        "client_id": "00000000-0000-4000-8000-0000000000aa"})
            assert paired.status_code == 200, paired.text
            headers = {"Authorization": f"Bearer {paired.json()['token']}"}
            body = {"client_id": "00000000-0000-4000-8000-0000000000aa", "cursor": None, "limit": 1000}
            changes = []
            while True:
                page = client.post("/sync/v1/pull", json=body, headers=headers).json()
                changes += page["changes"]
                body["cursor"] = page["cursor"]
                if not page["has_more"]:
                    break
    finally:
        app.state.db.dispose()
    entities = {c["entity"] for c in changes}
    assert {"store", "tax_rate", "staff_user", "role_permission", "product", "accessory", "inventory_level",
            "batch", "shelf_location", "purchase_order", "province", "tenant", "accessory_category",
            "supplier"} <= entities
    _assert_parents_are_in_the_feed(changes)
    _assert_pins_check_with_the_paired_pepper(changes, paired.json()["pin_pepper"])


def _assert_parents_are_in_the_feed(changes):
    """Every foreign key of a fed row names a row the feed also carries, so the replica keeps its keys."""
    ids = {(c["entity"], c["id"]) for c in changes}
    for change in changes:
        data = change["data"]
        for column, entity in (("province_territory_id", "province"), ("tenant_id", "tenant"),
                               ("category_id", "accessory_category"), ("supplier_id", "supplier")):
            if data.get(column) is not None:
                assert (entity, data[column]) in ids, f"{change['entity']}.{column} points outside the feed"
    tenant = next(c for c in changes if c["entity"] == "tenant")
    assert "pin_pepper" not in tenant["data"], "the PIN pepper must never travel in the feed"


def _assert_pins_check_with_the_paired_pepper(changes, pepper):
    import hashlib
    import hmac

    from argon2 import PasswordHasher

    from demo import generate_demo_tenant

    pins = generate_demo_tenant(products=40, seed=7).pins
    staff = next(c["data"] for c in changes if c["entity"] == "staff_user")
    peppered = hmac.new(pepper.encode(), pins[staff["staff_code"]].encode(), hashlib.sha256).hexdigest()
    assert PasswordHasher().verify(staff["pin_hash"], peppered)
