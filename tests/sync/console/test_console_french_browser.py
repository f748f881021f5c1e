"""In a real browser (chromium, headless) against the hub on PostgreSQL: an owner switches the console to French
with the header's EN | FR switch, reads the stores and prices pages in French, gets a French sentence for a price
that is not one and French money for one that is, and switches back. Then the header on a tablet, upright
(768x1024) and sideways (1024x768), in both languages: the navigation behind a menu button, the user's name and
"Sign out" always in view; and on a 1280 px laptop, the navigation in its own row, clear of the user's name.
Each page is saved as a screenshot."""

from __future__ import annotations

from tests.sync.console.browser import screenshot_dir, sign_in
from tests.sync.console.browser import wait_for as _wait
from tests.sync.console.conftest import PASSWORD
from tests.sync.console.test_console_staff import stocked  # noqa: F401  (a product received into store A)

TABLETS = ((768, 1024), (1024, 768))


def _size(browser, width: int, height: int) -> None:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 1280})


def _fits(browser, width: int) -> None:
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width, "the page spills over"


def _in_view(browser, element, width: int) -> bool:
    box = browser.execute_script("const r = arguments[0].getBoundingClientRect();"
                                 "return [r.left, r.right, r.width, r.height];", element)
    return element.is_displayed() and box[0] >= 0 and box[1] <= width and box[2] > 0 and box[3] > 0


def _header_fits(browser, width: int) -> None:
    """At a laptop's width: every navigation link in view, none under the user's name or "Sign out", two rows."""
    from selenium.webdriver.common.by import By

    header = browser.find_element(By.CSS_SELECTOR, "header.top")
    who = header.find_element(By.CSS_SELECTOR, ".who").rect
    for link in header.find_elements(By.CSS_SELECTOR, "nav a"):
        box = link.rect
        assert _in_view(browser, link, width), f"{link.text} is out of view"
        apart = (box["x"] + box["width"] <= who["x"] or box["y"] >= who["y"] + who["height"]
                 or box["y"] + box["height"] <= who["y"])
        assert apart, f"{link.text} runs into the user's name"
    assert header.size["height"] <= 110, "the header is two rows at most"


def test_an_owner_reads_the_console_in_french_and_switches_back(live_hub, browser, tenant, stocked,  # noqa: F811
                                                                tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown

    shots = screenshot_dir(tmp_path)
    sku, _gtin = stocked
    sign_in(browser, live_hub.url, tenant.owner, PASSWORD, fresh=True)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    browser.find_element(By.LINK_TEXT, "FR").click()
    _wait(browser, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Magasins"))
    assert browser.current_url.endswith("/console/stores")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    header = browser.find_element(By.CSS_SELECTOR, "header.top").text
    assert "Se déconnecter" in header and "Catalogue" in header and "Fournisseurs" in header
    _fits(browser, 1280)
    _header_fits(browser, 1280)
    browser.save_screenshot(str(shots / "console-fr-stores.png"))

    browser.get(f"{live_hub.url}/console/stores/{tenant.store_a}/prices?q={sku}")
    row = browser.find_element(By.XPATH, f"//tr[td[normalize-space()='{sku}']]")
    assert "29,99 $" in row.text, row.text  # (Selenium reads the no-break space as a space)
    row.find_element(By.NAME, "price").send_keys("vingt")
    row.find_element(By.XPATH, ".//button[normalize-space()='Enregistrer']").click()
    error = _wait(browser, shown.visibility_of_element_located((By.CSS_SELECTOR, "p.error")))
    assert error.text == "vingt n'est pas un prix; tapez-le comme 24,99.", error.text
    browser.save_screenshot(str(shots / "console-fr-prices-error.png"))
    row = browser.find_element(By.XPATH, f"//tr[td[normalize-space()='{sku}']]")
    field = row.find_element(By.NAME, "price")
    field.clear()
    field.send_keys("27,45")
    row.find_element(By.XPATH, ".//button[normalize-space()='Enregistrer']").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "se vend maintenant 27,45 $"))
    row = browser.find_element(By.XPATH, f"//tr[td[normalize-space()='{sku}']]")
    assert row.find_element(By.NAME, "price").get_attribute("value") == "27,45"
    _fits(browser, 1280)
    browser.save_screenshot(str(shots / "console-fr-prices.png"))

    for name, path in (("staff", f"stores/{tenant.store_a}/staff"), ("health", "health"), ("catalog", "catalog"),
                       ("tax-rates", "tax-rates"), ("purchase-orders", f"stores/{tenant.store_a}/purchase-orders"),
                       ("promotions", f"stores/{tenant.store_a}/promotions")):
        browser.get(f"{live_hub.url}/console/{path}")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        _fits(browser, 1280)
        browser.save_screenshot(str(shots / f"console-fr-{name}.png"))

    browser.find_element(By.LINK_TEXT, "EN").click()
    _wait(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, "header.top"), "Sign out"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "/console/stores/" in browser.current_url and "promotions" in browser.current_url, "back on that page"
    browser.get(f"{live_hub.url}/console/stores")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Stores"


def test_the_header_on_a_tablet_keeps_the_user_and_opens_the_navigation_from_a_menu(live_hub, browser, tenant,
                                                                                     tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown

    shots = screenshot_dir(tmp_path)
    sign_in(browser, live_hub.url, tenant.owner, PASSWORD, fresh=True)
    try:
        for lang in ("en", "fr"):
            browser.get(f"{live_hub.url}/console/language/{lang}?next=%2Fconsole%2Fstores")
            for width, height in TABLETS:
                _size(browser, width, height)
                browser.get(f"{live_hub.url}/console/stores")
                header = browser.find_element(By.CSS_SELECTOR, "header.top")
                nav = header.find_element(By.TAG_NAME, "nav")
                menu = header.find_element(By.CSS_SELECTOR, "button.menu-button")
                user = header.find_element(By.CSS_SELECTOR, ".who .user")
                sign_out = header.find_element(By.CSS_SELECTOR, ".who button")
                assert not nav.is_displayed() and menu.get_attribute("aria-expanded") == "false"
                for element in (menu, user, sign_out, header.find_element(By.LINK_TEXT, "FR")):
                    assert _in_view(browser, element, width), f"{lang} {width}x{height}: {element.text} is hidden"
                assert user.text.startswith(tenant.owner), user.text  # the display name, then the role
                assert header.size["height"] <= 64, f"{lang} {width}x{height}: the closed header is one row"
                _fits(browser, width)
                browser.save_screenshot(str(shots / f"console-{lang}-tablet-{width}x{height}.png"))
                menu.click()
                _wait(browser, shown.visibility_of(nav))
                assert menu.get_attribute("aria-expanded") == "true"
                links = [link for link in nav.find_elements(By.TAG_NAME, "a") if _in_view(browser, link, width)]
                every = nav.find_elements(By.TAG_NAME, "a")  # the 8 sections, Sales included: all reachable
                assert len(links) == len(every) == 8, f"{lang} {width}x{height}: {[link.text for link in links]}"
                browser.save_screenshot(str(shots / f"console-{lang}-tablet-{width}x{height}-menu.png"))
                links[1].click()
                _wait(browser, shown.url_contains("/console/catalog"))
        _size(browser, 1280, 800)
        browser.get(f"{live_hub.url}/console/catalog")
        header = browser.find_element(By.CSS_SELECTOR, "header.top")
        assert header.find_element(By.TAG_NAME, "nav").is_displayed()
        assert not header.find_element(By.CSS_SELECTOR, "button.menu-button").is_displayed()
        _header_fits(browser, 1280)
        browser.save_screenshot(str(shots / "console-fr-catalog-1280.png"))
    finally:
        _size(browser, 1280, 800)
