"""Purchasing in a real browser (chromium, headless) against the hub on PostgreSQL under uvicorn: an owner adds a
supplier, schedules a tax rate, types a purchase order, uploads a shipping notice with a bad row (every bad row
listed, nothing saved) and then a good one, sees both in the store's list and opens one with what a terminal
received. Each page is saved at 1280x800; the list also on an upright tablet."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

from tests.sync.console.browser import screenshot_dir, wait_for
from tests.sync.console.conftest import PASSWORD, make_tenant


def _product(console_app, tenant) -> tuple[str, str]:
    from sync.hub.models import OcsProduct

    sku, gtin = f"NL-GL-{uuid.uuid4().hex[:4].upper()}", "00628100000017"
    with console_app.state.db.write() as session:
        session.add(OcsProduct(tenant_id=tenant.tenant_id, ocs_variant_number=sku, ocs_product_name="Northleaf - Glow",
                               product_name="Glow 3.5 g", brand_name="Northleaf", category="Flower",
                               product_form="dried_flower", net_content=Decimal("3.5"), unit_of_measure="g",
                               price_per_unit=Decimal("34.99"), each_gtin=gtin))
    return sku, gtin


def _received_at_a_terminal(console_app, tenant, po_number: str, sku: str) -> None:
    """What a terminal's receiving (po.received.v1) leaves on the hub: a delivery one unit short on a line."""
    from sqlalchemy import select

    from sync.column_types import utcnow
    from sync.hub.models import PurchaseOrder, PurchaseOrderReceipt

    with console_app.state.db.write() as session:
        order = session.scalar(select(PurchaseOrder).where(PurchaseOrder.po_number == po_number))
        for item in order.items:
            item.quantity_received, item.status = item.quantity_ordered, "received"
        short = order.items[0]
        short.quantity_received, short.status = short.quantity_ordered - 1, "short"
        order.status = "partly_received"
        session.add(PurchaseOrderReceipt(
            id=uuid.uuid4(), purchase_order_id=order.id, store_id=order.store_id, terminal_id=tenant.terminal_b,
            received_at=utcnow(), units=sum(item.quantity_received for item in order.items),
            discrepancies=[{"sku": sku, "quantity": short.quantity_received, "expected": short.quantity_ordered,
                            "reason": "short", "outcome": "received"}]))


def test_an_owner_adds_a_supplier_and_orders_by_hand_and_by_shipping_notice(live_hub, browser, console_app,
                                                                            tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import Select

    from sync.column_types import utcnow

    shots = screenshot_dir(tmp_path)
    tenant = make_tenant(console_app)
    sku, gtin = _product(console_app, tenant)
    browser.delete_all_cookies()
    browser.get(f"{live_hub.url}/console/sign-in")
    browser.find_element(By.NAME, "login").send_keys(tenant.owner)
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, shown.url_to_be(f"{live_hub.url}/console/stores"))

    browser.find_element(By.LINK_TEXT, "Suppliers").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Suppliers"))
    browser.find_element(By.LINK_TEXT, "New supplier").click()
    code = f"NL{tenant.code[-4:]}"
    for name, value in {"code": code, "name": "Northleaf Farms", "license_number": "LIC-44-0921",
                        "contact_name": "Priya Shah", "contact_email": "orders@northleaf.example",
                        "contact_phone": "705-555-0199", "payment_terms": "Net 30",
                        "address": "12 Mill Rd, Huntsville ON"}.items():
        browser.find_element(By.NAME, name).send_keys(value)
    browser.save_screenshot(str(shots / "console-supplier-new.png"))
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), f"{code} was added"))
    assert "Northleaf Farms" in browser.page_source
    browser.save_screenshot(str(shots / "console-suppliers.png"))
    browser.find_element(By.LINK_TEXT, "Edit").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), f"Edit supplier {code}"))
    assert browser.find_element(By.NAME, "code").get_attribute("readonly") is not None
    browser.save_screenshot(str(shots / "console-supplier-edit.png"))

    browser.find_element(By.LINK_TEXT, "Tax rates").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Sales tax rates"))
    Select(browser.find_element(By.NAME, "province_code")).select_by_value("SK")
    Select(browser.find_element(By.NAME, "tax_type")).select_by_value("PST")
    browser.find_element(By.NAME, "percent").send_keys("7")
    starts = (utcnow() + timedelta(days=60)).date().isoformat()
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.NAME, "effective_from"),
                           starts)
    browser.find_element(By.XPATH, "//button[normalize-space()='Add rate']").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "new PST rate is saved"))
    rows = browser.find_element(By.TAG_NAME, "tbody").text
    assert f"PST 7 % {starts}" in rows and "Scheduled" in rows and "In force" in rows
    browser.save_screenshot(str(shots / "console-tax-rates.png"))

    browser.get(f"{live_hub.url}/console/stores/{tenant.store_b}/purchase-orders")
    assert "No purchase orders for this store yet" in browser.page_source
    browser.find_element(By.LINK_TEXT, "New purchase order").click()
    wait_for(browser, shown.presence_of_element_located((By.NAME, "po_number")))
    browser.find_element(By.NAME, "po_number").send_keys(f"PO-{code}-1")
    Select(browser.find_element(By.NAME, "supplier_id")).select_by_visible_text(f"Northleaf Farms ({code})")
    items, quantities, costs = (browser.find_elements(By.NAME, name) for name in ("item", "quantity", "unit_cost"))
    items[0].send_keys(sku)
    quantities[0].send_keys("24")
    costs[0].send_keys("16.40")
    items[1].send_keys(gtin)
    quantities[1].send_keys("12")
    costs[1].send_keys("16.40")
    browser.save_screenshot(str(shots / "console-purchase-order-form.png"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Create purchase order']").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), f"PO-{code}-1 created"))

    browser.find_element(By.LINK_TEXT, "New purchase order").click()
    asn_bad = tmp_path / "asn-bad.csv"
    asn_bad.write_text("po_number,supplier,sku,gtin,quantity,unit_cost,lot\n"
                       f"ASN-{code}-7,{code},{sku},,48,16.10,GL-2611\n"
                       f"ASN-{code}-7,{code},NO-SUCH-SKU,,6,16.10,GL-2611\n"
                       f"ASN-{code}-7,{code},,{gtin},two,16.10,GL-2612\n")
    browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(asn_bad))
    browser.find_element(By.XPATH, "//button[normalize-space()='Upload']").click()
    error = wait_for(browser, shown.visibility_of_element_located((By.CSS_SELECTOR, "h2 + .error")))
    assert "asn-bad.csv was not imported" in error.text
    assert "line 3: NO-SUCH-SKU is not a SKU or GTIN" in error.text
    assert "line 4: quantity 'two' is not a whole number above zero" in error.text
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    browser.save_screenshot(str(shots / "console-purchase-order-new.png"))
    asn_good = tmp_path / "asn-good.csv"
    asn_good.write_text("po_number,supplier,sku,gtin,quantity,unit_cost,lot\n"
                        f"ASN-{code}-7,{code},{sku},,48,16.10,GL-2611\n"
                        f"ASN-{code}-7,{code},,{gtin},6,16.10,GL-2612\n")
    browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(asn_good))
    browser.find_element(By.XPATH, "//button[normalize-space()='Upload']").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), f"ASN-{code}-7 created"))

    _received_at_a_terminal(console_app, tenant, f"PO-{code}-1", sku)
    browser.refresh()
    table = browser.find_element(By.TAG_NAME, "tbody").text
    assert f"PO-{code}-1" in table and f"ASN-{code}-7" in table
    assert "Partly received" in table and "Open" in table and "35 / 36" in table
    browser.save_screenshot(str(shots / "console-purchase-orders.png"))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",  # a tablet held upright: nothing spills over
                            {"width": 820, "height": 1180, "deviceScaleFactor": 1, "mobile": True})
    browser.refresh()
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 820
    browser.save_screenshot(str(shots / "console-purchase-orders-tablet.png"))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    browser.refresh()

    browser.find_element(By.LINK_TEXT, f"PO-{code}-1").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), f"Purchase order PO-{code}-1"))
    received = browser.find_element(By.XPATH, "//h2[normalize-space()='Received at the store']/following-sibling::div")
    assert "B till" in received.text and f"{sku}: Short" in received.text and "35" in received.text
    browser.save_screenshot(str(shots / "console-purchase-order.png"))
