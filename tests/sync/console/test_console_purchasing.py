"""Tax rates, suppliers and purchase orders from the console and the admin API, on PostgreSQL: the pages and their
refusals in plain sentences, and the manager's read-only view. What reaches a terminal through the feed is in
test_console_purchasing_terminal.py."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from sync.column_types import utcnow
from sync.hub.models import HubAudit, ProvincialSupplier, PurchaseOrder, PurchaseOrderReceipt, TaxRate
from tests.sync.console.conftest import console_as, make_tenant
from tests.sync.console.purchasing import ASN_HEADER, add_products, add_supplier, in_days


@pytest.fixture(scope="module")
def tenant(console_app):
    """One tenant for the module: each test names its own suppliers, orders and provinces."""
    return make_tenant(console_app)


@pytest.fixture(scope="module")
def owner(console_app, tenant):
    return console_as(console_app, tenant.owner)


@pytest.fixture(scope="module")
def manager(console_app, tenant):
    return console_as(console_app, tenant.manager)


@pytest.fixture(scope="module")
def catalog(console_app, tenant):
    """Two products of the tenant's catalog: (SKU, GTIN) each."""
    return add_products(console_app, tenant)


def test_an_owner_schedules_a_tax_rate_and_the_old_one_ends_the_day_before(console_app, tenant, owner, manager):
    page = owner.get("/console/tax-rates?province=PE")
    assert page.status_code == 200 and "New rate" in page.text
    start = in_days(30)
    for (province, tax, percent, starts), sentence in (
        (("ZZ", "HST", "15", start), "ZZ is not a Canadian"), (("PE", "VAT", "15", start), "not a tax component"),
        (("PE", "HST", "120", start), "between 0 % and 100 %"), (("PE", "HST", "abc", start), "not a percentage"),
        (("PE", "HST", "14", in_days(0)), "starts on a future date"),
    ):
        form = {"province_code": province, "tax_type": tax, "percent": percent, "effective_from": starts}
        refused = owner.post("/console/tax-rates", form)
        assert refused.status_code == 422 and sentence in refused.text, (form, refused.text[:2000])
        assert f'value="{form["percent"]}"' in refused.text, "the form keeps what was typed"
    assert owner.post("/console/tax-rates", {"province_code": "PE", "tax_type": "HST", "percent": "14.5",
                                             "effective_from": start}, csrf="forged").status_code == 403
    added = owner.post("/console/tax-rates", {"province_code": "pe", "tax_type": "HST", "percent": "14.5",
                                              "effective_from": start})
    assert added.status_code == 303
    listing = owner.get(added.headers["location"]).text
    assert "The new HST rate is saved" in listing and "14.5 %" in listing and "Scheduled" in listing
    overlap = owner.post("/console/tax-rates", {"province_code": "PE", "tax_type": "HST", "percent": "16",
                                                "effective_from": in_days(10)})
    assert overlap.status_code == 422 and "would overlap it" in overlap.text
    with console_app.state.db.read() as session:
        rates = session.execute(_pe_hst()).all()
        audited = session.scalar(select(HubAudit.details).where(HubAudit.action == "tax_rate.added",
                                                                HubAudit.tenant_id == tenant.tenant_id))
    assert [(str(rate), str(to) if to else None) for rate, _from, to in rates] == [
        ("0.15", str((utcnow() + timedelta(days=29)).date())), ("0.145", None)]
    assert audited["province"] == "PE" and audited["rate"] == "0.145"

    read_only = manager.get("/console/tax-rates?province=PE")
    assert read_only.status_code == 200 and "14.5 %" in read_only.text and "New rate" not in read_only.text
    refused = manager.post("/console/tax-rates", {"province_code": "PE", "tax_type": "HST", "percent": "1",
                                                  "effective_from": in_days(90)})
    assert refused.status_code == 403 and "Only an owner or admin can change tax rates" in refused.text


def _pe_hst():
    from sync.hub.models import ProvinceTerritory

    return (select(TaxRate.rate, TaxRate.effective_from, TaxRate.effective_to)
            .join(ProvinceTerritory, ProvinceTerritory.id == TaxRate.province_territory_id)
            .where(ProvinceTerritory.code == "PE", TaxRate.tax_type == "HST").order_by(TaxRate.effective_from))


def test_suppliers_are_added_edited_and_deleted_only_while_no_order_names_them(console_app, tenant, catalog, owner,
                                                                             manager):
    code = f"N{uuid.uuid4().hex[:6].upper()}"
    new = {"code": code.lower(), "name": "Northleaf Farms", "province": "ON", "contact_email": "orders@nl.example",
           "is_active": "true"}
    assert owner.get("/console/suppliers/new").status_code == 200
    for form, sentence in (({**new, "name": ""}, "Give the supplier a name"),
                           ({**new, "province": "XX"}, "XX is not a Canadian"),
                           ({**new, "code": "no spaces!"}, "The supplier code is 1 to 20"),
                           ({**new, "contact_email": "nope"}, "nope is not an e-mail address")):
        refused = owner.post("/console/suppliers", form)
        assert refused.status_code == 422 and sentence in refused.text, refused.text[:1500]
    for token in ("", "forged"):
        assert owner.post("/console/suppliers", new, csrf=token).status_code == 403
    assert "was added" not in owner.get(f"/console/suppliers?added={code}").text, "nothing was added yet"
    added = owner.post("/console/suppliers", new)
    assert added.status_code == 303 and f"{code} was added" in owner.get(added.headers["location"]).text
    assert owner.post("/console/suppliers", new).status_code == 422, "a code is used once"
    with console_app.state.db.read() as session:
        supplier = session.scalar(select(ProvincialSupplier).where(ProvincialSupplier.code == code))
        assert supplier.tenant_id == tenant.tenant_id and supplier.contact_email == "orders@nl.example"
    edit = f"/console/suppliers/{supplier.id}"
    assert owner.get(f"{edit}/edit").status_code == 200
    assert owner.post(edit, {**new, "name": "Northleaf Farms Ltd.", "payment_terms": "Net 30"}).status_code == 303
    found = owner.get(f"/console/suppliers?q={code}")
    assert "Northleaf Farms Ltd." in found.text

    listing = manager.get("/console/suppliers")
    assert listing.status_code == 200 and "Northleaf Farms Ltd." in listing.text and "New supplier" not in listing.text
    assert manager.post(edit, {**new, "name": "Taken over"}).status_code == 403
    assert manager.post(f"{edit}/delete").status_code == 403

    sku, _gtin = catalog[0]
    made = owner.post(f"/console/stores/{tenant.store_a}/purchase-orders", {
        "po_number": f"PO-{code}", "supplier_id": str(supplier.id), "item": [sku], "quantity": ["3"],
        "unit_cost": ["10.00"], "lot": [""]})
    assert made.status_code == 303, made.text[:2000]
    kept = owner.post(f"{edit}/delete")
    assert kept.status_code == 409 and "is named on 1 purchase order" in kept.text and "untick" in kept.text

    spare = owner.post("/console/suppliers", {**new, "code": f"{code}X", "name": "Spare"})
    assert spare.status_code == 303
    with console_app.state.db.read() as session:
        spare_id = session.scalar(select(ProvincialSupplier.id).where(ProvincialSupplier.code == f"{code}X"))
    gone = owner.post(f"/console/suppliers/{spare_id}/delete")
    assert gone.status_code == 303 and f"{code}X was deleted" in owner.get(gone.headers["location"]).text
    with console_app.state.db.read() as session:
        assert session.get(ProvincialSupplier, spare_id) is None
        actions = set(session.scalars(select(HubAudit.action).where(HubAudit.action.like("supplier.%"),
                                                                    HubAudit.tenant_id == tenant.tenant_id)))
    assert actions == {"supplier.created", "supplier.updated", "supplier.deleted"}


def test_a_typed_order_and_a_shipping_notice_list_every_bad_line_and_save_nothing(console_app, tenant, catalog,
                                                                                 owner):
    supplier_id, code = add_supplier(console_app, tenant)
    (sku, gtin), (sku2, _gtin2) = catalog
    base = f"/console/stores/{tenant.store_a}/purchase-orders"
    assert owner.get(f"{base}/new").status_code == 200
    number = f"PO-{uuid.uuid4().hex[:6]}"
    typed = {"po_number": number, "supplier_id": str(supplier_id), "expected_date": in_days(3),
             "item": [sku, "NOPE", gtin, ""], "quantity": ["4", "2", "zero", ""], "unit_cost": ["12.50", "1", "3", ""],
             "lot": ["LOT-1", "", "", ""]}
    refused = owner.post(base, typed)
    assert refused.status_code == 422
    assert "line 2: NOPE is not a SKU or GTIN" in refused.text
    assert "line 3: quantity &#39;zero&#39; is not a whole number above zero" in refused.text
    assert 'value="NOPE"' in refused.text, "the lines keep what was typed"
    assert owner.post(base, {**typed, "item": ["", "", "", ""]}).status_code == 422
    made = owner.post(base, {**typed, "item": [sku, sku2, gtin, ""], "quantity": ["4", "2", "1", ""]})
    assert made.status_code == 303
    listing = owner.get(made.headers["location"]).text
    assert f"Purchase order {number} created" in listing and f"Supplier {code}" in listing and "Open" in listing

    asn = ASN_HEADER + f"ASN-{number},{code},{sku},,6,11.00,LOT-9\nASN-{number},{code},,{gtin},2,11.00,LOT-9\n"
    bad = ASN_HEADER + (f"ASN-{number},{code},{sku},,6,11.00,LOT-9\nASN-{number},NOBODY,{sku},,6,11.00,\n"
                        f"{number},{code},{sku},,-1,11.00,\n{number},{code},{sku},,99999999999,1e30,\n")
    rejected = owner.http.post(f"{base}/asn", data={"csrf_token": owner.csrf},
                               files={"file": ("notice.csv", bad.encode(), "text/csv")})
    assert rejected.status_code == 422
    text = rejected.text
    assert "notice.csv was not imported" in text and "line 3: supplier NOBODY is unknown" in text
    assert "line 4: quantity &#39;-1&#39; is not a whole number above zero" in text
    assert "line 5: quantity 99999999999 is more than 1,000,000 units" in text
    with console_app.state.db.read() as session:
        assert session.scalar(select(PurchaseOrder.id).where(PurchaseOrder.po_number == f"ASN-{number}")) is None
    imported = owner.http.post(f"{base}/asn", data={"csrf_token": owner.csrf},
                               files={"file": ("notice.csv", asn.encode(), "text/csv")})
    assert imported.status_code == 303
    assert f"ASN-{number} created" in owner.get(imported.headers["location"]).text
    again = owner.http.post(f"{base}/asn", data={"csrf_token": owner.csrf},
                            files={"file": ("notice.csv", asn.encode(), "text/csv")})
    assert again.status_code == 422 and f"purchase order ASN-{number} already exists" in again.text
    with console_app.state.db.read() as session:
        order = session.scalar(select(PurchaseOrder).where(PurchaseOrder.po_number == f"ASN-{number}"))
        assert order.supplier_id == supplier_id and order.status == "shipped"
        assert sorted((i.sku, i.quantity_ordered, i.gtin) for i in order.items) == sorted(
            [(sku, 6, None), (sku, 2, gtin)])
        audited = session.execute(select(HubAudit.action, HubAudit.details).where(
            HubAudit.store_id == tenant.store_a, HubAudit.action.like("purchase_order.%"))).all()
    assert sorted(action for action, details in audited if number in str(details)) == [
        "purchase_order.created", "purchase_order.imported"]
    searched = owner.get(f"{base}?q=ASN-{number}&state=open").text
    assert f"ASN-{number}" in searched and f">{number}<" not in searched
    assert "No purchase order matches" in owner.get(f"{base}?q=ASN-{number}&state=received").text
    no_csrf = owner.http.post(f"{base}/asn", files={"file": ("notice.csv", asn.encode(), "text/csv")})
    assert no_csrf.status_code == 403


def test_the_order_page_shows_what_terminals_received_and_the_discrepancies(console_app, tenant, catalog, owner):
    from sync.hub.purchasing import LineIn, create_purchase_order

    (sku, gtin), (sku2, _) = catalog
    with console_app.state.db.write() as session:
        from sync.hub.models import Store

        order = create_purchase_order(session, session.get(Store, tenant.store_b), po_number=f"PO-{sku}",
                                      lines=[LineIn(sku, "Kush 0", 10, Decimal("9.00"), "L1", gtin)])
        order.items[0].quantity_received = 8
        order.items[0].status = "short"
        order.status = "partly_received"
        session.add(PurchaseOrderReceipt(
            id=uuid.uuid4(), purchase_order_id=order.id, store_id=tenant.store_b, terminal_id=tenant.terminal_b,
            received_at=utcnow(), units=9, discrepancies=[
                {"sku": sku, "quantity": 8, "expected": 10, "reason": "short", "outcome": "received"},
                {"sku": sku2, "quantity": 1, "expected": 0, "reason": "not_ordered", "outcome": "rejected"}]))
        po_id = order.id
    page = owner.get(f"/console/stores/{tenant.store_b}/purchase-orders/{po_id}")
    assert page.status_code == 200
    assert "Partly received" in page.text and "B till" in page.text
    assert f"{sku}: Short, 8 of 10 expected" in page.text and f"{sku2}: Not ordered, 1 of 0 expected" in page.text
    assert "refused" in page.text
    assert "8 / 10" in owner.get(f"/console/stores/{tenant.store_b}/purchase-orders").text
    other_store = owner.get(f"/console/stores/{tenant.store_a}/purchase-orders/{po_id}")
    assert other_store.status_code == 404, "an order is opened under its own store only"


def test_the_admin_api_uses_the_same_rules(console_app, tenant, catalog):
    from fastapi.testclient import TestClient

    from sync.hub.tokens import issue_token

    with console_app.state.db.write() as session:
        token = issue_token(session, kind="admin", tenant_id=tenant.tenant_id)
    api = TestClient(console_app, headers={"Authorization": f"Bearer {token}"})
    rates = api.get("/api/v1/tax-rates", params={"province": "ON"}).json()
    assert {(r["tax_type"], r["percent"]) for r in rates if r["state"] == "current"} == {("HST", "13")}
    past = api.post("/api/v1/tax-rates", json={"province": "NB", "tax_type": "HST", "percent": "14",
                                               "effective_from": in_days(-1)})
    assert past.status_code == 422 and "future date" in past.json()["detail"]
    assert api.post("/api/v1/tax-rates", json={"province": "NB", "tax_type": "HST", "percent": "14",
                                               "effective_from": in_days(60)}).status_code == 201

    code = f"A{uuid.uuid4().hex[:6].upper()}"
    made = api.post("/api/v1/suppliers", json={"code": code, "name": "Api Farms", "province": "BC"})
    assert made.status_code == 201 and made.json()["shared"] is False
    supplier_id = made.json()["id"]
    assert api.post("/api/v1/suppliers", json={"code": code, "name": "Again", "province": "BC"}).status_code == 409
    assert api.put(f"/api/v1/suppliers/{supplier_id}", json={"province": "QQ"}).status_code == 422
    assert api.put(f"/api/v1/suppliers/{supplier_id}", json={"notes": "Call first"}).json()["notes"] == "Call first"
    listed = api.get("/api/v1/suppliers", params={"q": code}).json()
    assert listed["total"] == 1 and listed["items"][0]["code"] == code

    sku, _gtin = catalog[0]
    url = f"/api/v1/stores/{tenant.store_a}/purchase-orders/asn"
    bad = api.post(url, content=f"{ASN_HEADER}PO-{code},{code},NOPE,,1,1.00,\n", headers={"Content-Type": "text/csv"})
    assert bad.status_code == 422 and "line 2: NOPE is not a SKU or GTIN" in bad.json()["detail"]
    good = api.post(url, content=f"{ASN_HEADER}PO-{code},{code},{sku},,1,1.00,\n", headers={"Content-Type": "text/csv"})
    assert good.status_code == 201 and good.json() == {"purchase_orders": [f"PO-{code}"]}
    assert api.delete(f"/api/v1/suppliers/{supplier_id}").status_code == 422, "an order names it"
    with console_app.state.db.read() as session:
        po_id = session.scalar(select(PurchaseOrder.id).where(PurchaseOrder.po_number == f"PO-{code}"))
    order = api.get(f"/api/v1/stores/{tenant.store_a}/purchase-orders/{po_id}").json()
    assert (order["receiving"], order["supplier"], order["receipts"]) == ("open", "Api Farms", [])
    assert api.get(f"/api/v1/stores/{tenant.store_b}/purchase-orders/{po_id}").status_code == 404
    with console_app.state.db.write() as session:  # a provincial distributor every tenant shares
        shared = ProvincialSupplier(code=f"P{code}", name="Provincial board", province="ON")
        session.add(shared)
        session.flush()
        shared_id = shared.id
    refused = api.put(f"/api/v1/suppliers/{shared_id}", json={"notes": "mine"})
    assert refused.status_code == 403
    assert any(row["id"] == str(shared_id) and row["shared"] for row in api.get(
        "/api/v1/suppliers", params={"q": f"P{code}"}).json()["items"])



def test_the_order_list_is_paged_on_the_server(console_app, tenant, owner):
    from sync.hub.models import Store
    from sync.hub.purchasing import create_purchase_order

    prefix = f"PG{uuid.uuid4().hex[:4].upper()}"
    with console_app.state.db.write() as session:
        store = session.get(Store, tenant.store_a)
        for n in range(27):
            create_purchase_order(session, store, po_number=f"{prefix}-{n:02d}", lines=[])
    base = f"/console/stores/{tenant.store_a}/purchase-orders?q={prefix}"
    first = owner.get(base).text
    assert first.count(f">{prefix}-") == 25 and "1–25 of 27" in first and "Next" in first and "Previous" not in first
    second = owner.get(f"{base}&state=&offset=25").text
    assert second.count(f">{prefix}-") == 2 and "26–27 of 27" in second and "Previous" in second
