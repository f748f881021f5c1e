"""An owner's onboarding in a real browser (chromium, headless) against the hub on PostgreSQL under uvicorn:
`pos-hub create-tenant`, the one-time link, sign-in, a new store, a pairing code; then a real terminal pairs
with that code (`pos-app sync pair`) and shows up on the terminals page. Each page is saved at 1280x800."""

from __future__ import annotations

import re

import pytest

from tests.sync.console.browser import require_chromium, screenshot_dir, start_chromium

PASSWORD = "Spring-2027-harvest"


@pytest.fixture(scope="module")
def live_hub(console_app):
    from tests.sync.hub.servers import HubServer

    with HubServer(console_app) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    driver = start_chromium()
    yield driver
    driver.quit()


def _wait(driver, condition, timeout: float = 10):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def test_an_owner_onboards_a_store_and_a_terminal_pairs(live_hub, browser, console_database, tmp_path, capsys):
    from selenium.webdriver.common.by import By
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
