"""In a real browser (chromium, headless, 1280x800) against the hub on PostgreSQL under uvicorn: an owner gives a
cashier their own discount limit and a second store, then schedules a new price for a product and reads it in the
store's coming changes and price history. Each page is saved as a screenshot."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.sync.console.browser import screenshot_dir, sign_in
from tests.sync.console.browser import wait_for as _wait
from tests.sync.console.conftest import PASSWORD
from tests.sync.console.test_console_staff import stocked  # noqa: F401  (a product received into store A)


def test_an_owner_sets_a_cashiers_limit_and_stores_and_schedules_a_price(live_hub, browser, tenant, stocked,  # noqa: F811
                                                                         tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown

    shots = screenshot_dir(tmp_path)
    sku, _gtin = stocked
    sign_in(browser, live_hub.url, tenant.owner, PASSWORD, fresh=True)

    browser.get(f"{live_hub.url}/console/stores/{tenant.store_a}/staff/{tenant.staff_a}/edit")
    cap = _wait(browser, shown.presence_of_element_located((By.NAME, "discount_cap_percent")))
    cap.send_keys("15")
    browser.find_element(By.CSS_SELECTOR, f"input[name=stores][value='{tenant.store_b}']").click()
    browser.save_screenshot(str(shots / "console-staff-stores.png"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Save staff']").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "CA was saved"))
    row = browser.find_element(By.XPATH, "//tr[td[normalize-space()='CA']]").text
    assert "15% (own)" in row and f"{tenant.code}A, {tenant.code}B" in row, row
    browser.save_screenshot(str(shots / "console-staff-limits.png"))

    browser.get(f"{live_hub.url}/console/stores/{tenant.store_a}/prices?q={sku}")
    browser.find_element(By.LINK_TEXT, "Schedule").click()
    _wait(browser, shown.url_contains(f"schedule={sku}"))
    form = browser.find_element(By.CSS_SELECTOR, "form.schedule")
    assert form.find_element(By.NAME, "sku").get_attribute("value") == sku, "the row's SKU is filled in"
    form.find_element(By.NAME, "price").send_keys("26.50")
    starts = (datetime.now(ZoneInfo("America/Toronto")) + timedelta(days=3)).replace(hour=9, minute=0)
    field = form.find_element(By.NAME, "effective_at")  # the browser's own date and time picker
    browser.execute_script("arguments[0].value = arguments[1]", field, starts.strftime("%Y-%m-%dT%H:%M"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", form)
    browser.save_screenshot(str(shots / "console-prices-schedule.png"))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), f"{sku} is scheduled"))

    coming = browser.find_element(By.XPATH, "//h2[normalize-space()='Coming price changes']/following-sibling::div[1]")
    assert f"{starts:%Y-%m-%d} 09:00" in coming.text and "$26.50" in coming.text
    history = browser.find_element(By.CSS_SELECTOR, "table.history tbody tr").text
    assert "Change scheduled" in history and "$29.99" in history and "$26.50" in history and tenant.owner in history
    browser.execute_script("document.getElementById('history').scrollIntoView()")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 1280
    browser.save_screenshot(str(shots / "console-prices-history.png"))

    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",  # a tablet held upright: nothing spills over
                            {"width": 820, "height": 1180, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.get(f"{live_hub.url}/console/stores/{tenant.store_a}/prices?q={sku}")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 820
        browser.save_screenshot(str(shots / "console-prices-tablet.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
