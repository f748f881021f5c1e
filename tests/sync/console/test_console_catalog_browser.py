"""The catalog in a real browser (chromium, headless) against the hub on PostgreSQL under uvicorn: an owner
searches the catalog and opens a product, adds an accessory, uploads a catalog CSV with one bad row (sees the row's
error, and nothing is applied), fixes it and applies it. Each page is saved at 1280x800, the list on a tablet too."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.sync.console.browser import screenshot_dir, wait_for
from tests.sync.console.conftest import PASSWORD, make_tenant

BRANDS = ("Maple Leaf", "Northern Harvest", "Tundra Farms", "Coastal Craft")
STRAINS = ("Harbour Haze", "Pink Kush", "Blue Dream", "Sour Diesel", "Ghost Train Haze", "Gelato", "Wedding Cake",
           "Jack Herer", "Northern Lights", "Lemon Skunk", "Durban Poison", "MAC 1", "Ice Cream Cake", "Tangie")
HEADER = "ocs_variant_number,product_name,brand_name,category,product_form,net_content,unit_of_measure," \
         "price_per_unit,each_gtin\n"


@pytest.fixture(scope="module")
def shop(console_app):
    """A tenant with 56 flower products, stock of some in its two stores, and an accessory category."""
    from sync.hub.models import AccessoryCategory, OcsInventory, OcsProduct

    tenant = make_tenant(console_app)
    with console_app.state.db.write() as session:
        for n, (strain, size) in enumerate((s, g) for s in STRAINS for g in ("1", "3.5", "7", "28")):
            brand = BRANDS[n % len(BRANDS)]
            sku, name = f"{strain[:3].upper()}-{n:03d}", f"{strain} {size} g"
            session.add(OcsProduct(tenant_id=tenant.tenant_id, ocs_variant_number=sku, product_name=name,
                                   ocs_product_name=f"{brand} - {name}", brand_name=brand, category="Flower",
                                   product_form="dried_flower", net_content=Decimal(size), unit_of_measure="g",
                                   price_per_unit=Decimal(size) * 9 + Decimal("0.99")))
            if n % 3 == 0:
                for store_id, units in ((tenant.store_a, n % 17 + 2), (tenant.store_b, n % 11)):
                    session.add(OcsInventory(store_id=store_id, sku=sku, product_name=name,
                                             quantity_on_hand=units, quantity_available=units, quantity_reserved=0))
        session.add(AccessoryCategory(tenant_id=tenant.tenant_id, name="Rolling papers"))
    return tenant


def _sign_in(browser, url: str, login: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown

    browser.get(f"{url}/console/sign-in?next=%2Fconsole%2Fcatalog")
    browser.find_element(By.NAME, "login").send_keys(login)
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, shown.url_to_be(f"{url}/console/catalog"))


def test_an_owner_searches_adds_an_accessory_and_imports_a_catalog_csv(live_hub, browser, console_app, shop,
                                                                        tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as shown

    from sync.hub.models import Accessory, OcsProduct

    shots = screenshot_dir(tmp_path)
    _sign_in(browser, live_hub.url, shop.owner)
    assert len(browser.find_elements(By.CSS_SELECTOR, "tbody tr")) == 50
    browser.find_element(By.NAME, "q").send_keys("kush", Keys.ENTER)
    wait_for(browser, shown.url_contains("q=kush"))
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert rows[0].text.startswith("Pink Kush 1 g") and len(rows) == 4
    browser.find_element(By.NAME, "q").clear()
    browser.find_element(By.NAME, "q").send_keys("haze", Keys.ENTER)
    wait_for(browser, shown.url_contains("q=haze"))
    browser.save_screenshot(str(shots / "console-catalog.png"))

    browser.find_element(By.LINK_TEXT, "Harbour Haze 1 g").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Harbour Haze 1 g"))
    stock = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert stock == [f"Store A {shop.code}A 2 2 0 $9.99", f"Store B {shop.code}B 0 0 0 $9.99"]
    browser.save_screenshot(str(shots / "console-catalog-product.png"))

    browser.find_element(By.LINK_TEXT, "Catalog").click()
    browser.find_element(By.LINK_TEXT, "New accessory").click()
    wait_for(browser, shown.presence_of_element_located((By.NAME, "sku")))
    for name, value in {"name": "King size slim papers", "sku": "ACC-PAPERS-KS", "brand": "Leaf & Co",
                        "price": "3.49", "cost": "1.10", "gtin": "0062812345679"}.items():
        browser.find_element(By.NAME, name).send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "select[name=category_id] option:nth-child(2)").click()
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    error = wait_for(browser, shown.visibility_of_element_located((By.CSS_SELECTOR, ".error")))
    assert "check digit" in error.text
    browser.save_screenshot(str(shots / "console-accessory-new.png"))
    gtin = browser.find_element(By.NAME, "gtin")
    gtin.clear()
    gtin.send_keys("00628123456797")  # the right check digit this time
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "(ACC-PAPERS-KS) is saved"))
    assert browser.find_element(By.CSS_SELECTOR, "tbody tr").text.startswith("King size slim papers ACC-PAPERS-KS")
    browser.save_screenshot(str(shots / "console-catalog-accessories.png"))
    browser.find_element(By.LINK_TEXT, "King size slim papers").click()
    wait_for(browser, shown.presence_of_element_located((By.NAME, "price")))
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    browser.save_screenshot(str(shots / "console-accessory-edit.png"))
    with console_app.state.db.read() as session:
        assert session.scalar(select(Accessory.barcode).where(Accessory.sku == "ACC-PAPERS-KS",
                                                              Accessory.tenant_id == shop.tenant_id)) == \
            "00628123456797"

    bad_file = tmp_path / "ocs-catalog.csv"
    bad_file.write_text(HEADER + "NEW-FLOW-1,Aurora Borealis 3.5 g,Tundra Farms,Flower,dried_flower,3.5,g,"
                        "32.99,00012345678905\n"
                        "HAR-000,Harbour Haze 1 g,Maple Leaf,Flower,dried_flower,1,g,10.49,\n"
                        "NEW-FLOW-2,Cold Creek Kush 7 g,Coastal Craft,Flower,dried_flower,7,g,-58.00,\n")
    browser.find_element(By.LINK_TEXT, "Catalog").click()
    browser.find_element(By.LINK_TEXT, "Import catalog CSV").click()
    browser.find_element(By.NAME, "file").send_keys(str(bad_file))
    browser.save_screenshot(str(shots / "console-catalog-import.png"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Upload and preview']").click()
    wait_for(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Preview of ocs-catalog.csv"))
    errors = browser.find_element(By.CSS_SELECTOR, "table[aria-label='Rows with errors']").text
    assert "4 price_per_unit '-58.00' cannot be negative" in errors
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Apply']"), "no Apply with a bad row"
    browser.save_screenshot(str(shots / "console-catalog-preview-errors.png"))
    with console_app.state.db.read() as session:
        assert session.scalar(select(OcsProduct.id).where(OcsProduct.tenant_id == shop.tenant_id,
                                                          OcsProduct.ocs_variant_number == "NEW-FLOW-1")) is None

    bad_file.write_text(bad_file.read_text().replace("-58.00", "58.00"))
    browser.find_element(By.LINK_TEXT, "Upload the fixed file").click()
    browser.find_element(By.NAME, "file").send_keys(str(bad_file))
    browser.find_element(By.XPATH, "//button[normalize-space()='Upload and preview']").click()
    apply = wait_for(browser, shown.element_to_be_clickable((By.XPATH, "//button[normalize-space()='Apply']")))
    changed = browser.find_element(By.CSS_SELECTOR, "table[aria-label='Changed products']").text
    assert "Price: 9.99 → 10.49" in changed
    browser.save_screenshot(str(shots / "console-catalog-preview.png"))
    apply.click()
    wait_for(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"),
                                                      "ocs-catalog.csv is imported: 2 new and 1 updated products"))
    browser.find_element(By.NAME, "q").send_keys("aurora", Keys.ENTER)
    wait_for(browser, shown.url_contains("q=aurora"))
    assert browser.find_element(By.CSS_SELECTOR, "tbody tr").text.startswith("Aurora Borealis 3.5 g NEW-FLOW-1")

    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",  # a tablet held upright: nothing spills over
                            {"width": 820, "height": 1180, "deviceScaleFactor": 1, "mobile": True})
    browser.get(f"{live_hub.url}/console/catalog")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 820
    browser.save_screenshot(str(shots / "console-catalog-tablet.png"))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
