"""The console's catalog over HTTP on PostgreSQL: browsing and searching on the server with stock of the visitor's
stores only, accessories added and edited (console and admin API, one set of rules) reaching every store's feed,
and the catalog CSV previewed row by row, then applied all or nothing."""

from __future__ import annotations

import html
import re
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from sync.hub.models import (
    Accessory,
    AccessoryCategory,
    CatalogUpload,
    HubAudit,
    OcsInventory,
    OcsProduct,
    SyncChange,
)
from tests.sync.console.conftest import console_as, make_tenant

HEADER = "ocs_variant_number,product_name,brand_name,category,product_form,net_content,unit_of_measure," \
         "price_per_unit,each_gtin\n"


def _product(tenant_id: uuid.UUID, n: int, **values) -> OcsProduct:
    fields = {"ocs_variant_number": f"SKU-{n:04d}", "ocs_product_name": f"Brand - Bud {n:04d}",
              "product_name": f"Bud {n:04d}", "brand_name": "Northern Lights Co" if n % 2 else "Tundra",
              "category": "Flower", "product_form": "dried_flower", "net_content": Decimal("3.5"),
              "unit_of_measure": "g", "price_per_unit": Decimal("30.00") + n}
    return OcsProduct(tenant_id=tenant_id, **{**fields, **values})


@pytest.fixture(scope="module")
def tenant(console_app):
    """One tenant for the module (making one hashes several passwords): each test adds what it needs."""
    return make_tenant(console_app)


@pytest.fixture(scope="module")
def other_tenant(console_app):
    return make_tenant(console_app)


@pytest.fixture(scope="module")
def stranger(console_app, other_tenant):
    """The owner of another tenant, signed in."""
    return console_as(console_app, other_tenant.owner)


@pytest.fixture(scope="module")
def stocked(console_app, tenant):
    """121 products; the first five stocked in store A (n units) and in store B (100 + n)."""
    with console_app.state.db.write() as session:
        session.add_all(_product(tenant.tenant_id, n) for n in range(1, 121))
        session.add(_product(tenant.tenant_id, 500, product_name="100%_Pure Kush", ocs_variant_number="PURE-1",
                             each_gtin="00628123456797"))
        for n in range(1, 6):
            session.add(OcsInventory(store_id=tenant.store_a, sku=f"SKU-{n:04d}", product_name=f"Bud {n:04d}",
                                     quantity_on_hand=n, quantity_available=n, quantity_reserved=0))
            session.add(OcsInventory(store_id=tenant.store_b, sku=f"SKU-{n:04d}", product_name=f"Bud {n:04d}",
                                     quantity_on_hand=100 + n, quantity_available=100 + n, quantity_reserved=0))


@pytest.fixture(scope="module")
def category_id(console_app, tenant) -> uuid.UUID:
    with console_app.state.db.write() as session:
        category = AccessoryCategory(tenant_id=tenant.tenant_id, name="Rolling papers")
        session.add(category)
        session.flush()
        return category.id


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return [_text(row) for row in body.split("<tr>")[1:]]


def _text(markup: str) -> str:
    """What a person reads: the markup's text, its spaces run together."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))).strip()


def test_the_catalog_is_searched_and_paged_on_the_server_with_the_visitors_stock(console_app, tenant, stocked):
    owner, manager = console_as(console_app, tenant.owner), console_as(console_app, tenant.manager)
    first = owner.get("/console/catalog")
    assert first.status_code == 200
    rows = _rows(first.text)
    assert len(rows) == 50 and rows[0].startswith("100%_Pure Kush") and rows[1].startswith("Bud 0001 SKU-0001")
    assert f"On hand {tenant.code}A" in first.text and f"On hand {tenant.code}B" in first.text
    assert rows[1].endswith("$31.00 1 101"), "the owner sees store A's and store B's stock"
    assert 'rel="next"' in first.text and 'rel="prev"' not in first.text
    third = _rows(owner.get("/console/catalog?page=3").text)
    assert len(third) == 21 and third[-1].startswith("Bud 0120")
    assert 'rel="next"' not in owner.get("/console/catalog?page=3").text

    own = manager.get("/console/catalog").text
    assert f"On hand {tenant.code}A" in own and f"On hand {tenant.code}B" not in own
    assert _rows(own)[1].endswith("$31.00 1"), "a manager sees only their own store's stock"

    assert [r.split(" SKU")[0] for r in _rows(owner.get("/console/catalog?q=bud 011").text)] == [
        f"Bud 011{n}" for n in range(10)]
    assert _rows(owner.get("/console/catalog?q=SKU-0042").text)[0].startswith("Bud 0042")
    assert len(_rows(owner.get("/console/catalog?q=tundra").text)) == 50
    assert _rows(owner.get("/console/catalog?q=628123456797").text)[0].startswith("100%_Pure Kush"), "a GTIN-12"
    assert [r[:14] for r in _rows(owner.get("/console/catalog?q=0%25_").text)] == ["100%_Pure Kush"], \
        "% and _ are matched as typed, not as wildcards"
    nothing = owner.get("/console/catalog?q=nowhere")
    assert "Nothing in the catalog matches nowhere" in nothing.text
    assert "Bud" not in owner.get("/console/catalog?kind=accessories").text


def test_a_products_page_shows_its_stock_in_the_visitors_stores_only(console_app, tenant, stocked):
    with console_app.state.db.read() as session:
        product_id = session.scalar(select(OcsProduct.id).where(OcsProduct.tenant_id == tenant.tenant_id,
                                                                OcsProduct.ocs_variant_number == "SKU-0003"))
    owner, manager = console_as(console_app, tenant.owner), console_as(console_app, tenant.manager)
    page = owner.get(f"/console/catalog/cannabis/{product_id}")
    assert page.status_code == 200 and "Bud 0003" in page.text
    stock = _rows(page.text)
    assert stock == [f"Store A {tenant.code}A 3 3 0 $33.00", f"Store B {tenant.code}B 103 103 0 $33.00"]
    assert _rows(manager.get(f"/console/catalog/cannabis/{product_id}").text) == [
        f"Store A {tenant.code}A 3 3 0 $33.00"]
    assert owner.get(f"/console/catalog/cannabis/{uuid.uuid4()}").status_code == 404


def test_another_tenants_catalog_is_not_there(console_app, tenant, stocked, stranger):
    assert "Bud 0001" not in stranger.get("/console/catalog?q=Bud").text
    with console_app.state.db.read() as session:
        product_id = session.scalar(select(OcsProduct.id).where(OcsProduct.tenant_id == tenant.tenant_id).limit(1))
    refused = stranger.get(f"/console/catalog/cannabis/{product_id}")
    assert refused.status_code == 404 and "Bud" not in refused.text


def _accessory(category: uuid.UUID, **values) -> dict:
    return {"sku": "acc-papers-ks", "name": "King size papers", "category_id": str(category), "price": "3.49",
            "cost": "1.10", "gtin": "", "brand": "Leaf", "active": "on", **values}


def test_an_accessory_is_added_and_edited_and_reaches_every_stores_feed(console_app, tenant, stocked, category_id):
    owner = console_as(console_app, tenant.owner)
    assert owner.get("/console/catalog/accessories/new").status_code == 200
    bad = owner.post("/console/catalog/accessories", _accessory(category_id, gtin="0062812345679"))
    assert bad.status_code == 422 and "check digit" in bad.text and 'value="King size papers"' in bad.text
    taken = owner.post("/console/catalog/accessories", _accessory(category_id, gtin="628123456797"))
    assert taken.status_code == 422 and "already on PURE-1" in taken.text, "one barcode names one item"
    for wrong, sentence in (({"price": "-2"}, "more than $0.00"), ({"cost": "-1"}, "cost cannot be negative"),
                            ({"category_id": str(uuid.uuid4())}, "not one of your accessory categories"),
                            ({"sku": "SKU-0001"}, "already used in your catalog")):
        refused = owner.post("/console/catalog/accessories", _accessory(category_id, **wrong))
        assert refused.status_code == 422 and sentence in refused.text, wrong
    with console_app.state.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Accessory).where(
            Accessory.tenant_id == tenant.tenant_id, Accessory.sku == "ACC-PAPERS-KS")) == 0, "nothing half-written"

    made = owner.post("/console/catalog/accessories", _accessory(category_id, gtin="00012345678905"))
    assert made.status_code == 303
    listing = owner.get(made.headers["location"])
    assert "King size papers (ACC-PAPERS-KS) is saved" in listing.text
    assert _rows(listing.text)[0].startswith("King size papers ACC-PAPERS-KS Leaf Rolling papers $3.49")
    with console_app.state.db.read() as session:
        accessory = session.scalar(select(Accessory).where(Accessory.tenant_id == tenant.tenant_id,
                                                           Accessory.sku == "ACC-PAPERS-KS"))
        assert accessory.barcode == "00012345678905" and accessory.unit_cost == Decimal("1.10")
        fed = session.scalars(select(SyncChange.store_id).where(SyncChange.entity == "accessory",
                                                                SyncChange.entity_id == str(accessory.id)))
        assert set(fed) == {tenant.store_a, tenant.store_b}
        version = session.scalar(select(SyncChange.version).where(SyncChange.entity_id == str(accessory.id),
                                                                  SyncChange.store_id == tenant.store_a))

    page = owner.get(f"/console/catalog/accessories/{accessory.id}")
    assert page.status_code == 200 and 'value="3.49"' in page.text
    edited = owner.post(f"/console/catalog/accessories/{accessory.id}",
                        _accessory(category_id, price="3.99", gtin="00012345678905", active=""))
    assert edited.status_code == 303
    with console_app.state.db.read() as session:
        accessory = session.get(Accessory, accessory.id)
        assert (accessory.retail_price, accessory.price_version, accessory.is_active) == (Decimal("3.99"), 2, False)
        change = session.scalar(select(SyncChange).where(SyncChange.entity_id == str(accessory.id),
                                                         SyncChange.store_id == tenant.store_b))
        assert change.version > version and change.data["retail_price"] == "3.99"
        audited = session.scalar(select(HubAudit.details).where(HubAudit.action == "accessory.updated",
                                                                HubAudit.entity_id == str(accessory.id)))
        assert audited["changes"]["retail_price"] == {"before": "3.49", "after": "3.99"}
    assert "Inactive" in _rows(owner.get("/console/catalog?kind=accessories").text)[0]

    manager = console_as(console_app, tenant.manager)
    assert manager.get("/console/catalog/accessories/new").status_code == 403
    assert manager.post("/console/catalog/accessories", _accessory(category_id, sku="M1")).status_code == 403
    view = manager.get(f"/console/catalog/accessories/{accessory.id}")
    assert view.status_code == 200 and 'name="price"' not in view.text, "a manager sees it but cannot edit it"


def test_the_admin_api_adds_and_edits_accessories_with_the_same_rules(console_app, tenant, category_id,
                                                                      other_tenant):
    from fastapi.testclient import TestClient

    from sync.hub.tokens import issue_token

    with console_app.state.db.write() as session:
        headers = {"Authorization": f"Bearer {issue_token(session, kind='admin', tenant_id=tenant.tenant_id)}"}
    body = {"sku": "ACC-GRINDER", "name": "Grinder", "category_id": str(category_id), "retail_price": "19.99",
            "unit_cost": "8.00", "barcode": "96385075"}
    with TestClient(console_app) as api:
        wrong = api.post("/api/v1/products/accessories", json=body, headers=headers)
        assert wrong.status_code == 422 and "check digit" in wrong.json()["detail"]
        made = api.post("/api/v1/products/accessories", json={**body, "barcode": "96385074"}, headers=headers)
        assert made.status_code == 201 and made.json()["barcode"] == "00000096385074"
        again = api.post("/api/v1/products/accessories", json={**body, "barcode": None}, headers=headers)
        assert again.status_code == 409 and "already used" in again.json()["detail"]
        put = api.put(f"/api/v1/products/accessories/{made.json()['id']}", json={**body, "retail_price": "17.50",
                                                                                 "barcode": None}, headers=headers)
        assert put.status_code == 200 and put.json()["retail_price"] == "17.50" and put.json()["price_version"] == 2
        with console_app.state.db.write() as session:
            theirs = {"Authorization": f"Bearer {issue_token(session, kind='admin', tenant_id=other_tenant.tenant_id)}"}
        assert api.put(f"/api/v1/products/accessories/{made.json()['id']}", json=body,
                       headers=theirs).status_code == 403


def _upload(who, text: str | bytes, name: str = "catalog.csv"):
    content = text if isinstance(text, bytes) else text.encode()
    return who.http.post("/console/catalog/import", data={"csrf_token": who.csrf},
                         files={"file": (name, content, "text/csv")})


def test_a_catalog_csv_is_previewed_row_by_row_then_applied_all_or_nothing(console_app, tenant, stocked, stranger):
    owner = console_as(console_app, tenant.owner)
    assert owner.get("/console/catalog/import").status_code == 200
    bad = (HEADER + "NEW-1,Harbour Haze 3.5 g,Maple Leaf,Flower,dried_flower,3.5,g,31.99,00628123456797\n"
           "SKU-0001,Bud 0001,Tundra,Flower,dried_flower,3.5,g,29.50,\n"
           "NEW-2,Bad code,Tundra,Flower,dried_flower,3.5,g,9.99,00628123456798\n"
           "NEW-3,Cheap,Tundra,Flower,dried_flower,3.5,g,-1,\n"
           "SKU-0002,Bud 0002,Tundra,Flower,dried_flower,3.5,g,32.00,\n")
    sent = _upload(owner, bad)
    assert sent.status_code == 303
    preview = owner.get(sent.headers["location"])
    assert preview.status_code == 422
    errors = _rows(preview.text.split("Rows with errors</h2>")[1])
    assert errors[0].startswith("4 each_gtin '00628123456798' is not a GTIN") and "check digit" in errors[0]
    assert errors[1] == "5 price_per_unit '-1' cannot be negative"
    assert len(errors) == 2 and "/apply" not in preview.text, "no Apply while a row is wrong"
    assert "Price: 31.00 → 29.50" in _text(preview.text)
    upload_id = sent.headers["location"].rsplit("/", 1)[1]
    forced = owner.post(f"/console/catalog/import/{upload_id}/apply")
    assert forced.status_code == 422 and "Nothing was imported" in forced.text
    with console_app.state.db.read() as session:
        assert session.scalar(select(OcsProduct.price_per_unit).where(
            OcsProduct.tenant_id == tenant.tenant_id, OcsProduct.ocs_variant_number == "SKU-0001")) == Decimal("31")
        assert session.scalar(select(OcsProduct.id).where(OcsProduct.ocs_variant_number == "NEW-1",
                                                          OcsProduct.tenant_id == tenant.tenant_id)) is None

    garbled = owner.get(_upload(owner, "\ufeffsku,price\n".encode("utf-16"), "catalog.xlsx").headers["location"])
    assert garbled.status_code == 422 and "is not a readable UTF-8 CSV file" in garbled.text

    fixed = bad.replace("00628123456798", "00628123456780").replace(",-1,", ",1.00,")
    again = _upload(owner, fixed, "catalog-fixed.csv")
    good = owner.get(again.headers["location"])
    assert good.status_code == 200 and "/apply" in good.text
    assert "Bad code" in good.text and "3 new products" in _text(good.text)
    good_id = again.headers["location"].rsplit("/", 1)[1]
    manager = console_as(console_app, tenant.manager)
    assert manager.post(f"/console/catalog/import/{good_id}/apply").status_code == 403
    assert stranger.post(f"/console/catalog/import/{good_id}/apply").status_code == 404, "only its tenant's"
    applied = owner.post(f"/console/catalog/import/{good_id}/apply")
    assert applied.status_code == 303
    notice = owner.get(applied.headers["location"]).text
    assert "catalog-fixed.csv is imported: 3 new and 2 updated products" in notice
    with console_app.state.db.read() as session:
        prices = dict(session.execute(select(OcsProduct.ocs_variant_number, OcsProduct.price_per_unit).where(
            OcsProduct.tenant_id == tenant.tenant_id, OcsProduct.ocs_variant_number.in_(
                ["NEW-1", "NEW-2", "NEW-3", "SKU-0001"]))).all())
        assert prices == {"NEW-1": Decimal("31.99"), "NEW-2": Decimal("9.99"), "NEW-3": Decimal("1.00"),
                          "SKU-0001": Decimal("29.50")}
        assert session.get(CatalogUpload, uuid.UUID(good_id)) is None, "applied once, then forgotten"
        assert session.scalar(select(func.count()).select_from(SyncChange).where(
            SyncChange.store_id == tenant.store_a, SyncChange.entity == "product",
            SyncChange.data["ocs_variant_number"].as_string().in_(["NEW-1", "NEW-2", "NEW-3"]))) == 3
    assert owner.post(f"/console/catalog/import/{good_id}/apply").status_code == 404
