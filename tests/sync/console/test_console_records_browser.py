"""The store's records pages in a real browser (Debian's chromium): card batches, the audit trail with its chain
badges, and the age checks, reached from the stores list as a manager would; each saved at 1280x800."""

from __future__ import annotations

from tests.sync.console.browser import require_chromium, screenshot_dir, start_chromium
from tests.sync.console.conftest import PASSWORD, console_as, pair_terminal
from tests.sync.console.test_console_audit import _age_check, _push
from tests.sync.console.test_console_card_batches import RECORDED, _push_settlement
from tests.sync.hub.test_audit_verify import _chained


def test_a_manager_reads_the_stores_records(console_app, tenant, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.sync.hub.servers import HubServer

    require_chromium()
    till = pair_terminal(console_app, tenant)
    manager = console_as(console_app, tenant.manager)
    _push_settlement(manager, till, RECORDED[1])
    _push_settlement(manager, till, RECORDED[0])
    _push(manager, till, _chained(till))
    _push(manager, till, [_age_check(till, result="passed", method="id_scan"),
                          _age_check(till, result="failed", method="attestation"),
                          _age_check(till, result="passed", method="kiosk_confirm")])
    shots = screenshot_dir(tmp_path)
    with HubServer(console_app) as hub:
        browser = start_chromium()
        try:
            browser.get(f"{hub.url}/console/sign-in")
            browser.find_element(By.NAME, "login").send_keys(tenant.manager)
            browser.find_element(By.NAME, "password").send_keys(PASSWORD)
            browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()

            browser.find_element(By.LINK_TEXT, "Store A").click()  # the store's own page, with all of its pages
            assert "Card batches" in browser.find_element(By.TAG_NAME, "main").text
            browser.save_screenshot(str(shots / "console-store.png"))
            browser.find_element(By.LINK_TEXT, "Card batches").click()
            main = browser.find_element(By.TAG_NAME, "main").text
            assert "Does not match" in main and "Matches" in main and "TERMINAL-0001" in main
            browser.save_screenshot(str(shots / "console-card-batches.png"))

            browser.back()
            browser.find_element(By.LINK_TEXT, "Audit trail").click()
            browser.find_element(By.XPATH, "//button[normalize-space()='Re-hash every chain now']").click()
            WebDriverWait(browser, 10).until(lambda page: "re-hashed" in page.find_element(By.ID, "verified").text)
            main = browser.find_element(By.TAG_NAME, "main").text
            assert "chain intact, 3 entries" in main and "3 entries re-hashed, the chain is intact." in main
            browser.save_screenshot(str(shots / "console-audit.png"))

            browser.find_element(By.LINK_TEXT, "Age checks").click()
            main = browser.find_element(By.TAG_NAME, "main").text
            assert "ID scanned" in main and "Refused" in main and "The customer, at a kiosk" in main
            browser.save_screenshot(str(shots / "console-age-checks.png"))
        finally:
            browser.quit()
