"""In a real browser (chromium, headless) against the hub on PostgreSQL: an owner on the French console makes a
free buy-X-get-Y on cannabis and reads the law's refusal in French, then a bundle typed the French way (24,50),
which is saved and shown back as 24,50. Each page is saved as a screenshot."""

from __future__ import annotations

from tests.sync.console.browser import screenshot_dir, sign_in
from tests.sync.console.browser import wait_for as _wait
from tests.sync.console.conftest import PASSWORD
from tests.sync.console.test_console_promotions import stock_catalog


def test_a_french_owner_reads_the_laws_refusal_and_types_a_french_bundle_price(live_hub, browser, console_app,
                                                                               tenant, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import Select

    shots = screenshot_dir(tmp_path)
    stock_catalog(console_app, tenant.tenant_id, tenant.code)
    sign_in(browser, live_hub.url, tenant.owner, PASSWORD, fresh=True)
    browser.find_element(By.LINK_TEXT, "FR").click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Magasins"))

    browser.get(f"{live_hub.url}/console/stores/{tenant.store_a}/promotions/new")
    _wait(browser, shown.presence_of_element_located((By.NAME, "name"))).send_keys("2 vapoteuses, 1 gratuite")
    Select(browser.find_element(By.NAME, "kind")).select_by_value("buy_x_get_y")
    _wait(browser, shown.presence_of_element_located((By.NAME, "buy"))).send_keys("2")
    browser.find_element(By.NAME, "get").send_keys("1")
    browser.find_element(By.NAME, "percent").send_keys("100")
    browser.find_element(By.NAME, "categories").send_keys("Vapes")
    browser.find_element(By.XPATH, "//button[normalize-space()='Créer la promotion']").click()
    refusal = _wait(browser, shown.presence_of_element_located((By.CSS_SELECTOR, ".error"))).text
    assert "donne des articles gratuitement et s'applique au cannabis" in refusal
    assert "0 $" in refusal and "gives" not in refusal and "Promotion 1" not in refusal
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(shots / "console-fr-promotion-refused.png"))

    name = browser.find_element(By.NAME, "name")
    name.clear()
    name.send_keys("3 préroulés pour 24,50 $")
    Select(browser.find_element(By.NAME, "kind")).select_by_value("bundle")
    size = _wait(browser, shown.presence_of_element_located((By.NAME, "bundle_size")))  # swapped in by htmx
    assert browser.find_element(By.NAME, "bundle_price").get_attribute("placeholder") == "80,00"
    size.send_keys("3")
    browser.find_element(By.NAME, "bundle_price").send_keys("24,50")
    categories = browser.find_element(By.NAME, "categories")
    categories.clear()
    categories.send_keys("Pre-Rolls")
    browser.find_element(By.XPATH, "//button[normalize-space()='Créer la promotion']").click()
    _wait(browser, shown.presence_of_element_located((By.CSS_SELECTOR, ".notice")))
    row = browser.find_element(By.XPATH, "//tr[td[contains(., '3 préroulés pour 24,50 $')]]")
    row.find_element(By.XPATH, ".//a[contains(@href, '/edit')]").click()
    price = _wait(browser, shown.presence_of_element_located((By.NAME, "bundle_price")))
    assert price.get_attribute("value") == "24,50"
    browser.save_screenshot(str(shots / "console-fr-promotion-bundle.png"))
