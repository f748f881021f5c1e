"""An owner's onboarding in a real browser (chromium, headless) against the hub on PostgreSQL under uvicorn:
`pos-hub create-tenant`, the one-time link, sign-in, a new store, a cashier with a temporary PIN, a price override,
a pairing code; then a real terminal pairs with that code (`pos-app sync pair`) and shows up on the terminals page,
the cashier signs in at its register with the temporary PIN, chooses their own, and sells at the new price.
Each page is saved at 1280x800."""

from __future__ import annotations

import re

from tests.sync.console.browser import screenshot_dir
from tests.sync.console.browser import wait_for as _wait

PASSWORD = "Spring-2027-harvest"


def test_an_owner_onboards_a_store_and_a_terminal_pairs(live_hub, browser, console_database, tmp_path, capsys, qtbot):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as shown

    from pos_app.cli import main as pos_app
    from sync.hub.cli import main as pos_hub

    shots = screenshot_dir(tmp_path)
    code = "MAPLELEAF"  # the session's database is new; the demo tenant beside it is GREENLEAF
    status = pos_hub(["create-tenant", "--name", "Maple Leaf Cannabis Co.", "--code", code, "--province", "ON",
                      "--owner-email", f"owner@{code.lower()}.example", "--db", console_database,
                      "--console-url", live_hub.url])
    out = capsys.readouterr().out
    assert status == 0, out
    link = re.search(r"(http://\S+/console/set-password\?token=\S+)", out).group(1)
    username = re.search(r"console user name is (\S+)\.", out).group(1)

    browser.get(link)
    assert username in browser.find_element(By.TAG_NAME, "main").text
    browser.save_screenshot(str(shots / "console-set-password.png"))
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.NAME, "confirm").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Your password is set"))

    browser.get(link)  # the link worked once; now it is spent
    assert "already used or expired" in browser.find_element(By.TAG_NAME, "main").text

    browser.get(f"{live_hub.url}/console/stores")  # not signed in: to sign-in, coming back here after
    _wait(browser, shown.url_contains("/console/sign-in?next="))
    browser.find_element(By.NAME, "login").send_keys(f"OWNER@{code.lower()}.example")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.save_screenshot(str(shots / "console-sign-in.png"))
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, shown.url_to_be(f"{live_hub.url}/console/stores"))
    assert "No stores yet" in browser.page_source
    browser.save_screenshot(str(shots / "console-stores-empty.png"))

    browser.find_element(By.LINK_TEXT, "New store").click()
    _wait(browser, shown.presence_of_element_located((By.NAME, "store_code")))
    fields = {"store_code": f"{code}-1", "name": "Queen West", "street": "1021 Queen St W", "city": "Toronto",
              "postal_code": "M6J 1H6", "phone": "416-555-0134", "license_number": "CRSA-1021"}
    for name, value in fields.items():
        browser.find_element(By.NAME, name).send_keys(value)
    browser.save_screenshot(str(shots / "console-store-new.png"))
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), f"{code}-1 was created"))
    assert "CRSA-1021" in browser.page_source
    browser.save_screenshot(str(shots / "console-stores.png"))

    browser.find_element(By.LINK_TEXT, "Edit").click()
    licence = _wait(browser, shown.presence_of_element_located((By.NAME, "license_number")))
    licence.clear()
    licence.send_keys("CRSA-2044")
    browser.save_screenshot(str(shots / "console-store-edit.png"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Save store']").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), f"{code}-1 was saved"))
    assert "CRSA-2044" in browser.page_source and "CRSA-1021" not in browser.page_source

    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",  # a tablet held upright: nothing spills over
                            {"width": 820, "height": 1180, "deviceScaleFactor": 1, "mobile": True})
    browser.refresh()
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 820
    browser.save_screenshot(str(shots / "console-stores-tablet.png"))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})

    sku, gtin = _catalog_and_delivery(console_database, code, f"{code}-1", tmp_path, capsys)
    browser.find_element(By.LINK_TEXT, "Staff").click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Staff of Queen West"))
    browser.save_screenshot(str(shots / "console-staff-empty.png"))
    browser.find_element(By.LINK_TEXT, "Add staff").click()
    _wait(browser, shown.presence_of_element_located((By.NAME, "staff_code")))
    for name, value in {"staff_code": "S201", "first_name": "Jordan", "last_name": "Lee",
                        "email": "jordan@mapleleaf.example", "pin": "4826"}.items():
        browser.find_element(By.NAME, name).send_keys(value)
    browser.save_screenshot(str(shots / "console-staff-new.png"))
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "S201 was added"))
    assert "New PIN due" in browser.page_source and "4826" not in browser.page_source
    browser.save_screenshot(str(shots / "console-staff.png"))
    browser.find_element(By.LINK_TEXT, "Edit or set PIN").click()
    _wait(browser, shown.presence_of_element_located((By.NAME, "first_name")))
    browser.save_screenshot(str(shots / "console-staff-edit.png"))

    browser.find_element(By.LINK_TEXT, "Store console").click()
    browser.find_element(By.LINK_TEXT, "Prices").click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Prices at Queen West"))
    browser.find_element(By.NAME, "q").send_keys("Harbour Haze", Keys.ENTER)
    price = _wait(browser, shown.presence_of_element_located((By.CSS_SELECTOR, "form.price input[name=price]")))
    price.send_keys("27.45")
    browser.find_element(By.XPATH, "//button[normalize-space()='Save']").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "now sells at $27.45"))
    browser.save_screenshot(str(shots / "console-prices.png"))
    browser.find_element(By.LINK_TEXT, "Store console").click()

    browser.find_element(By.LINK_TEXT, "Terminals").click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Terminals of Queen West"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Make a pairing code']").click()  # htmx swaps it in
    pairing = _wait(browser, shown.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=pairing-code]")))
    pairing_code = pairing.text
    assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", pairing_code)
    assert browser.find_element(By.CSS_SELECTOR, ".qr svg").size["width"] >= 150
    browser.save_screenshot(str(shots / "console-pairing-code.png"))

    status = pos_app(["sync", "pair", "--hub", live_hub.url, "--code", pairing_code, "--terminal-no", "1",
                      "--name", "Front counter", "--data-dir", str(tmp_path / "till")])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "Paired with the hub" in out

    browser.refresh()
    row = _wait(browser, shown.visibility_of_element_located((By.CSS_SELECTOR, "tbody tr")))
    assert row.text.startswith("Front counter") and "Paired" in row.text and "Nothing sent yet" in row.text
    browser.save_screenshot(str(shots / "console-terminals.png"))
    _cashier_signs_in_and_sells(qtbot, tmp_path / "till", gtin)


def _catalog_and_delivery(database: str, tenant_code: str, store_code: str, tmp_path, capsys) -> tuple[str, str]:
    """Back office, before the register opens: the catalog CSV imported, and a delivery received with its lot."""
    from decimal import Decimal

    from sqlalchemy import select

    from sync.hub.cli import main as pos_hub
    from sync.hub.database import Database
    from sync.hub.models import Store
    from sync.hub.purchasing import LineIn, create_purchase_order, receive_purchase_order

    sku, gtin = "MLC-HH-3.5", "00628123456797"
    catalog = tmp_path / "catalog.csv"
    catalog.write_text("ocs_variant_number,product_name,brand_name,category,product_form,net_content,"
                       f"unit_of_measure,price_per_unit,each_gtin\n{sku},Harbour Haze 3.5 g,Maple Leaf,Flower,"
                       f"dried_flower,3.5,g,31.99,{gtin}\n")
    assert pos_hub(["import-catalog", str(catalog), "--tenant", tenant_code, "--db", database]) == 0
    capsys.readouterr()
    db = Database(database)
    try:
        with db.write() as session:
            store = session.scalar(select(Store).where(Store.store_code == store_code))
            order = create_purchase_order(session, store, po_number="PO-1",
                                          lines=[LineIn(sku, "Harbour Haze 3.5 g", 12, Decimal("14.00"), "HH-0101",
                                                        gtin)])
            receive_purchase_order(session, order, None)
    finally:
        db.dispose()
    return sku, gtin


def _cashier_signs_in_and_sells(qtbot, folder, gtin: str) -> None:
    """The paired terminal's register: the temporary PIN, a new one twice, then a sale at the override."""
    from PySide6.QtCore import Qt

    from pos_app.domain.money import Money
    from pos_app.services.selling import SaleService
    from pos_app.ui.register.login_screen import LoginScreen
    from tests.sync.client.tills import open_till

    till = open_till(folder)
    try:
        till.sync.bootstrap()
        screen = LoginScreen(till.terminal.login)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.mouseClick(screen.name_buttons["S201"], Qt.MouseButton.LeftButton)
        qtbot.keyClicks(screen.pad.field, "4826")
        qtbot.mouseClick(screen.pad.ok_button, Qt.MouseButton.LeftButton)
        assert screen.asking_new_pin, screen.error_text
        qtbot.keyClicks(screen.pad.field, "7315")
        qtbot.mouseClick(screen.pad.ok_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(screen.pad.field, "7315")  # the same again, to be sure
        with qtbot.waitSignal(screen.signed_in) as signed:
            qtbot.mouseClick(screen.pad.ok_button, Qt.MouseButton.LeftButton)
        cashier = signed.args[0]
        assert cashier.staff_code == "S201"
        sales = SaleService(till.terminal.session_factory, till.terminal.context)
        sales.start_sale(cashier)
        assert sales.scan(gtin).product.unit_price == Money.of("27.45")
        till.terminal.age_checks.attest(sales, cashier)
        sales.tender_cash(Money.of(40))
        assert sales.complete().lines[0].unit_price == Money.of("27.45")
        report = till.sync.sync_once()
        assert report.pushed.rejected == 0
    finally:
        till.close()
