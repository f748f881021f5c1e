"""Register staff and prices from the console, on PostgreSQL: pages and their refusals, and what reaches real
terminals through the feed (a temporary PIN the register makes the cashier replace, an unlock, a price override
the register sells at)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from sync.column_types import utcnow
from sync.hub.models import HubAudit, OcsInventory, SyncMutation, User
from tests.sync.console.conftest import console_as


def _staff(db, code: str, tenant_id) -> User:
    with db.read() as session:
        user = session.scalar(select(User).where(User.staff_code == code, User.tenant_id == tenant_id))
        session.expunge(user)
        return user


def test_an_owner_adds_edits_resets_unlocks_and_deactivates_a_cashier(console_app, tenant):
    owner = console_as(console_app, tenant.owner)
    db = console_app.state.db
    base = f"/console/stores/{tenant.store_a}/staff"
    form = owner.get(f"{base}/new")
    assert form.status_code == 200
    assert all(f'<option value="{role}"' in form.text for role in ("cashier", "manager", "admin"))
    new = {"staff_code": "s101", "first_name": "Maya", "last_name": "Tran", "email": "Maya@x.example",
           "role": "cashier"}
    for pin, sentence in (("12", "at least 4 digits"), ("12ab", "digits only"), ("1111", "one digit repeated")):
        refused = owner.post(base, {**new, "pin": pin})
        assert refused.status_code == 422 and sentence in refused.text
        assert 'value="Maya"' in refused.text, "the form keeps what was typed"
    added = owner.post(base, {**new, "pin": "2468"})
    assert added.status_code == 303 and added.headers["location"] == f"{base}?added=S101"
    listing = owner.get(added.headers["location"]).text
    assert "S101 was added" in listing and "Maya Tran" in listing and "New PIN due" in listing
    assert owner.post(base, {**new, "pin": "2468"}).status_code == 422, "a staff code is used once"
    user = _staff(db, "S101", tenant.tenant_id)
    assert user.store_id == tenant.store_a and user.pin_temporary and user.email == "maya@x.example"
    assert "2468" not in user.pin_hash and user.pin_hash.startswith("$argon2")

    edit = f"{base}/{user.id}"
    assert owner.get(f"{edit}/edit").status_code == 200
    saved = owner.post(edit, {**new, "first_name": "Maya-Lin", "role": "manager"})
    assert saved.status_code == 303
    assert "S101 was saved" in owner.get(saved.headers["location"]).text
    with db.write() as session:  # five wrong PINs at a register locked the account
        session.execute(update(User).where(User.id == user.id).values(
            locked_until=utcnow() + timedelta(minutes=10), failed_login_attempts=0))
    assert "Locked" in owner.get(base).text
    assert owner.post(f"{edit}/pin", {"pin": "99"}).status_code == 422
    assert owner.post(f"{edit}/pin", {"pin": "8642"}).status_code == 422, "a manager's PIN has at least 6 digits"
    assert owner.post(f"{edit}/pin", {"pin": "864297"}).status_code == 303
    assert owner.post(f"{edit}/unlock").status_code == 303
    assert owner.post(f"{edit}/deactivate").status_code == 303
    user = _staff(db, "S101", tenant.tenant_id)
    assert (user.first_name, user.role, user.locked_until, user.is_active) == ("Maya-Lin", "manager", None, False)
    with db.read() as session:
        actions = list(session.scalars(select(HubAudit.action).where(HubAudit.entity_id == str(user.id))
                                       .order_by(HubAudit.created_at)))
        details = " ".join(str(d) for d in session.scalars(select(HubAudit.details).where(
            HubAudit.entity_id == str(user.id))))
    assert actions == ["staff.created", "staff.updated", "staff.pin_reset", "staff.unlocked", "staff.deactivated"]
    assert "2468" not in details and "864297" not in details, "a PIN is never audited"


def test_a_manager_adds_cashiers_of_their_store_only(console_app, tenant):
    manager = console_as(console_app, tenant.manager)
    base = f"/console/stores/{tenant.store_a}/staff"
    form = {"staff_code": "M1", "first_name": "Ravi", "role": "manager", "pin": "2468"}
    assert '<option value="manager"' not in manager.get(f"{base}/new").text
    refused = manager.post(base, form)
    assert refused.status_code == 403 and "Only an owner or admin can give staff the manager" in refused.text
    assert manager.post(base, {**form, "all_stores": "true", "role": "cashier"}).status_code == 403
    assert manager.post(base, {**form, "role": "cashier"}).status_code == 303


@pytest.fixture
def stocked(console_app, tenant):
    """One product in the tenant's catalog, received into store A with a lot, as a delivery would be."""
    from sync.hub.feed.record import record_put
    from sync.hub.models import OcsProduct, Store
    from sync.hub.purchasing import LineIn, create_purchase_order, receive_purchase_order

    sku, gtin = f"SKU-{uuid.uuid4().hex[:6]}", "00628123456780"
    with console_app.state.db.write() as session:
        product = OcsProduct(tenant_id=tenant.tenant_id, ocs_variant_number=sku, ocs_product_name="Acme - Kush",
                             product_name="Kush 3.5 g", brand_name="Acme", category="Flower",
                             product_form="dried_flower", net_content=Decimal("3.5"), unit_of_measure="g",
                             price_per_unit=Decimal("29.99"), each_gtin=gtin)
        session.add(product)
        session.flush()
        record_put(session, product)  # as a catalog import does
        order = create_purchase_order(session, session.get(Store, tenant.store_a), po_number=f"PO-{sku}",
                                      lines=[LineIn(sku, "Kush 3.5 g", 6, Decimal("12.00"), "LOT-A1", gtin)])
        receive_purchase_order(session, order, None)
    return sku, gtin


def test_a_temporary_pin_is_replaced_at_the_register_and_a_price_override_sells(console_app, tenant, stocked,
                                                                                 qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from pos_app.domain.money import Money
    from pos_app.services.errors import SignInRefused
    from pos_app.services.selling import SaleService
    from pos_app.ui.register.login_screen import LoginScreen
    from sync.hub import tenancy
    from tests.sync.client.tills import open_till
    from tests.sync.hub.servers import HubServer

    sku, gtin = stocked
    owner = console_as(console_app, tenant.owner)
    db = console_app.state.db
    base = f"/console/stores/{tenant.store_a}"
    assert owner.post(f"{base}/staff", {"staff_code": "C77", "first_name": "Jo", "role": "cashier",
                                        "pin": "2468"}).status_code == 303
    assert owner.post(f"{base}/prices", {"sku": sku, "price": "$24.50"}).status_code == 303
    assert "now sells at $24.50" in owner.get(f"{base}/prices?set={sku}").text
    tills = []
    with HubServer(console_app) as hub:
        for number in (1, 2):
            with db.write() as session:
                code = tenancy.new_pairing_code(session, tenancy.Scope(tenant.tenant_id), tenant.store_a)
            till = open_till(tmp_path / f"till-{number}")
            till.sync.pair(hub.url, code, terminal_no=number)
            till.sync.bootstrap()
            tills.append(till)
        try:
            screen = LoginScreen(tills[0].terminal.login)
            qtbot.addWidget(screen)
            screen.show()
            assert "C77" in screen.name_buttons
            screen.sign_in("C77", "2468")
            assert screen.asking_new_pin and screen.title.text() == "Choose your new PIN"
            qtbot.keyClicks(screen.pad.field, "12")
            qtbot.mouseClick(screen.pad.ok_button, Qt.MouseButton.LeftButton)
            assert "at least 4 digits" in screen.error_text and "Type your new PIN" in screen.step_label.text()
            for first, again, sentence in (("2468", "2468", "a manager gave you"), ("5791", "5792", "not the same")):
                qtbot.keyClicks(screen.pad.field, first)
                qtbot.mouseClick(screen.pad.ok_button, Qt.MouseButton.LeftButton)
                assert "again" in screen.step_label.text()
                qtbot.keyClicks(screen.pad.field, again)
                with qtbot.assertNotEmitted(screen.signed_in):
                    qtbot.mouseClick(screen.pad.ok_button, Qt.MouseButton.LeftButton)
                assert sentence in screen.error_text and screen.asking_new_pin
            qtbot.keyClicks(screen.pad.field, "5791")
            qtbot.mouseClick(screen.pad.ok_button, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(screen.pad.field, "5791")
            with qtbot.waitSignal(screen.signed_in) as signed:
                qtbot.mouseClick(screen.pad.ok_button, Qt.MouseButton.LeftButton)
            cashier = signed.args[0]
            assert cashier.staff_code == "C77" and not screen.asking_new_pin

            tills[0].sync.sync_once()  # the new PIN's hash goes up, the hub keeps it and feeds it back
            user = _staff(db, "C77", tenant.tenant_id)
            assert not user.pin_temporary
            with db.read() as session:
                assert session.scalar(select(SyncMutation.status).where(
                    SyncMutation.name == "staff.pin_changed.v1", SyncMutation.args["staff_id"].as_string()
                    == str(user.id))) == "applied"
            tills[1].sync.sync_once()
            other = tills[1].terminal.login
            with pytest.raises(SignInRefused):
                other.sign_in("C77", "2468")  # the temporary PIN is spent on every register
            assert other.sign_in("C77", "5791").staff_code == "C77"
            for _ in range(5):
                with pytest.raises(SignInRefused):
                    other.sign_in("C77", "0000")
            with pytest.raises(SignInRefused, match="locked"):
                other.sign_in("C77", "5791")
            user_id = _staff(db, "C77", tenant.tenant_id).id
            assert owner.post(f"{base}/staff/{user_id}/unlock").status_code == 303
            tills[1].sync.sync_once()
            assert other.sign_in("C77", "5791").staff_code == "C77", "unlocked from the console"

            sales = SaleService(tills[1].terminal.session_factory, tills[1].terminal.context)
            sales.start_sale(cashier)
            line = sales.scan(gtin)
            assert line.product.unit_price == Money.of("24.50"), "the register sells at the store's override"
            tills[1].terminal.age_checks.attest(sales, cashier)
            sales.tender_cash(Money.of(100))
            assert sales.complete().lines[0].unit_price == Money.of("24.50")

            assert owner.post(f"{base}/prices", {"sku": sku, "price": ""}).status_code == 303
            assert owner.post(f"{base}/prices", {"sku": sku, "price": "-3"}).status_code == 422
            tills[1].sync.sync_once()
            sales.start_sale(cashier)
            assert sales.scan(gtin).product.unit_price == Money.of("29.99"), "cleared: the regular price again"
        finally:
            for till in tills:
                till.close()
    with db.read() as session:
        level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == tenant.store_a,
                                                          OcsInventory.sku == sku))
        assert level.override_price is None
        history = list(session.scalars(select(HubAudit.details).where(
            HubAudit.action.like("price.override_%"), HubAudit.store_id == tenant.store_a)
            .order_by(HubAudit.created_at)))
    assert [(h["before"], h["after"]) for h in history] == [(None, "24.50"), ("24.50", None)]


def test_the_admin_api_does_the_same_with_the_same_rules(console_app, tenant, stocked):
    from fastapi.testclient import TestClient

    from sync.hub.tokens import issue_token

    sku, _gtin = stocked
    with console_app.state.db.write() as session:
        token = issue_token(session, kind="admin", tenant_id=tenant.tenant_id)
    api = TestClient(console_app, headers={"Authorization": f"Bearer {token}"})
    short = api.post(f"/api/v1/stores/{tenant.store_a}/staff", json={"staff_code": "A9", "first_name": "Al",
                                                                     "pin": "12"})
    assert short.status_code == 422 and "at least 4 digits" in short.json()["detail"]
    made = api.post(f"/api/v1/stores/{tenant.store_a}/staff", json={"staff_code": "A9", "first_name": "Al",
                                                                    "pin": "3579", "all_stores": True})
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["store_id"] is None and body["pin_temporary"] is True and "pin_hash" not in body
    staff_id = body["id"]
    assert api.put(f"/api/v1/staff/{staff_id}", json={"role": "manager"}).json()["role"] == "manager"
    assert api.put(f"/api/v1/staff/{staff_id}", json={"all_stores": False}).status_code == 422
    assert api.post(f"/api/v1/staff/{staff_id}/pin", json={"pin": "1357"}).status_code == 422  # a manager's: 6+
    assert api.post(f"/api/v1/staff/{staff_id}/pin", json={"pin": "135792"}).status_code == 200
    assert api.post(f"/api/v1/staff/{staff_id}/deactivate").json()["is_active"] is False
    listed = api.get(f"/api/v1/stores/{tenant.store_b}/staff").json()
    assert staff_id in {row["id"] for row in listed}, "one who works in every store is listed in each"

    url = f"/api/v1/stores/{tenant.store_a}/price-overrides/{sku}"
    assert api.put(url, json={"price": "-1"}).status_code == 422
    assert api.put(f"/api/v1/stores/{tenant.store_a}/price-overrides/NOPE", json={"price": "5"}).status_code == 404
    assert api.put(url, json={"price": "19.95"}).json()["selling_price"] == "19.95"
    overrides = api.get(f"/api/v1/stores/{tenant.store_a}/price-overrides").json()
    assert [(row["sku"], row["override_price"]) for row in overrides] == [(sku, "19.95")]
