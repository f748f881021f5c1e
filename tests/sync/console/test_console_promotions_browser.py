"""An owner in a real browser (chromium, headless) against the hub on PostgreSQL under uvicorn: a bundle made from
the promotion form (htmx swaps in the bundle's fields), a free buy-X-get-Y on cannabis refused with its sentence,
a discount code, a pause; then the sync health pages with a terminal's rejected mutation, acknowledged. Each page
is saved at 1280x800."""

from __future__ import annotations

from tests.sync.console.browser import screenshot_dir, sign_in
from tests.sync.console.browser import wait_for as _wait
from tests.sync.console.conftest import PASSWORD, pair_terminal
from tests.sync.console.test_console_health import UNKNOWN_STAFF, push_rejected_unlock
from tests.sync.console.test_console_promotions import stock_catalog


def test_an_owner_runs_promotions_and_clears_a_rejection(live_hub, browser, console_app, tenant, tmp_path):  # noqa: F811
    from fastapi.testclient import TestClient
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import Select

    from sync.hub.models import OversellEvent

    shots = screenshot_dir(tmp_path)
    stock_catalog(console_app, tenant.tenant_id, tenant.code)
    till = pair_terminal(console_app, tenant, name="Front till")
    headers, client_id = till.headers, till.client_id
    push_rejected_unlock(TestClient(console_app), headers, client_id)
    with console_app.state.db.write() as session:
        session.add(OversellEvent(store_id=tenant.store_a, sku=f"{tenant.code}-0", batch_lot="PR-2611",
                                  quantity_on_hand=-1))

    sign_in(browser, live_hub.url, tenant.owner, PASSWORD)

    browser.find_element(By.LINK_TEXT, "Promotions").click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Promotions at Store A"))
    browser.find_element(By.LINK_TEXT, "New promotion").click()
    name = _wait(browser, shown.presence_of_element_located((By.NAME, "name")))
    name.send_keys("Any 3 pre-rolls for $25")
    Select(browser.find_element(By.NAME, "kind")).select_by_value("bundle")
    size = _wait(browser, shown.presence_of_element_located((By.NAME, "bundle_size")))  # swapped in by htmx
    assert not browser.find_elements(By.NAME, "percent")
    size.send_keys("3")
    browser.find_element(By.NAME, "bundle_price").send_keys("25.00")
    browser.find_element(By.NAME, "categories").send_keys("Pre-Rolls")
    browser.find_element(By.NAME, "priority").clear()
    browser.find_element(By.NAME, "priority").send_keys("10")
    for day in ("fri", "sat"):
        browser.find_element(By.CSS_SELECTOR, f"input[name=days][value={day}]").click()
    for field, value in (("start", "16:00"), ("end", "20:00")):  # the time picker's typing follows the locale
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.NAME, field), value)
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(shots / "console-promotion-new.png"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Create promotion']").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "The promotion was created"))

    browser.find_element(By.LINK_TEXT, "New promotion").click()
    _wait(browser, shown.presence_of_element_located((By.NAME, "name"))).send_keys("Buy 2 vapes, get 1 free")
    Select(browser.find_element(By.NAME, "kind")).select_by_value("buy_x_get_y")
    _wait(browser, shown.presence_of_element_located((By.NAME, "buy"))).send_keys("2")
    browser.find_element(By.NAME, "get").send_keys("1")
    browser.find_element(By.NAME, "percent").send_keys("100")
    browser.find_element(By.NAME, "categories").send_keys("Vapes")
    browser.find_element(By.XPATH, "//button[normalize-space()='Create promotion']").click()
    refusal = _wait(browser, shown.presence_of_element_located((By.CSS_SELECTOR, ".error")))
    assert "gives items away free, and it applies to cannabis" in refusal.text
    browser.save_screenshot(str(shots / "console-promotion-refused.png"))
    browser.find_element(By.LINK_TEXT, "Cancel").click()

    _wait(browser, shown.presence_of_element_located((By.XPATH, "//button[normalize-space()='Pause']"))).click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "The promotion is paused"))
    assert "Paused" in browser.find_element(By.TAG_NAME, "table").text
    browser.find_element(By.XPATH, "//button[normalize-space()='Resume']").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "runs again"))
    browser.save_screenshot(str(shots / "console-promotions.png"))

    browser.find_element(By.LINK_TEXT, "Discount codes").click()
    _wait(browser, shown.presence_of_element_located((By.LINK_TEXT, "New code"))).click()
    code = _wait(browser, shown.presence_of_element_located((By.NAME, "code")))
    code.send_keys("WELCOME10")
    browser.find_element(By.NAME, "name").send_keys("Welcome: 10 % off")
    browser.find_element(By.NAME, "discount_value").send_keys("10")
    browser.find_element(By.NAME, "minimum_purchase").send_keys("50.00")
    browser.find_element(By.NAME, "usage_limit").send_keys("500")
    browser.save_screenshot(str(shots / "console-discount-code-new.png"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Create code']").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "discount code was created"))
    assert "0 of 500" in browser.find_element(By.TAG_NAME, "table").text
    browser.save_screenshot(str(shots / "console-discount-codes.png"))

    browser.find_element(By.LINK_TEXT, "Sync health").click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Sync health"))
    assert "Needs a look" in browser.page_source
    browser.save_screenshot(str(shots / "console-health-overview.png"))
    browser.find_elements(By.LINK_TEXT, "Open")[0].click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Sync health of Store A"))
    assert UNKNOWN_STAFF in browser.page_source and "Front till" in browser.page_source
    browser.save_screenshot(str(shots / "console-health.png"))
    browser.find_element(By.XPATH, "//button[normalize-space()='Acknowledge']").click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "main"), "Nothing rejected is waiting"))
    assert UNKNOWN_STAFF not in browser.page_source
    browser.find_element(By.NAME, "acknowledged").click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Search']").click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "table"), "Acknowledged"))

    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",  # a tablet held upright: nothing spills over
                            {"width": 820, "height": 1180, "deviceScaleFactor": 1, "mobile": True})
    for page in ("health", "promotions", "promotions/new"):
        browser.get(f"{live_hub.url}/console/stores/{tenant.store_a}/{page}")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 820, page
    browser.save_screenshot(str(shots / "console-promotion-new-tablet.png"))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
