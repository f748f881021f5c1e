"""The sales page in Debian's chromium: an owner opens it from the navigation, picks the period of the fall-back
day, and every chart is drawn (its canvas holds painted pixels); saved as console-sales.png (and -tablet)."""

from __future__ import annotations

from urllib.parse import quote

from tests.sync.console.browser import require_chromium, screenshot_dir, sign_in, start_chromium, wait_for
from tests.sync.console.conftest import PASSWORD
from tests.sync.console.sales_world import FIRST, LAST, seed_sales

# How many pixels of a canvas carry paint (alpha > 0): an empty canvas has none. Nothing until every table came.
PAINTED = """
if (document.querySelectorAll('section.pending').length) { return null; }
return Array.from(document.querySelectorAll('canvas[data-chart]')).map(function (canvas) {
  var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data, n = 0;
  for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { n++; } }
  return [canvas.dataset.chart, canvas.width, n];
});
"""


def _all_drawn(browser):
    found = browser.execute_script(PAINTED)
    return found if found and all(n > 0 for _key, _width, n in found) else None


def test_an_owner_sees_the_sales_charts_drawn(console_app, tenant, live_hub, tmp_path):
    require_chromium()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown

    seed_sales(console_app, tenant)
    browser = start_chromium()
    try:
        sign_in(browser, live_hub.url, tenant.owner, PASSWORD)
        browser.find_element(By.LINK_TEXT, "Sales").click()
        wait_for(browser, shown.url_contains("/console/sales"))
        assert "Sales of all my stores" in browser.page_source
        picker = browser.find_element(By.ID, "sales-store")
        picker.find_element(By.CSS_SELECTOR, f"option[value='{tenant.store_a}']").click()
        for field, value in (("sales-first", FIRST), ("sales-last", LAST)):
            browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, field), value)
        browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        wait_for(browser, shown.url_contains(f"/console/stores/{tenant.store_a}/sales"))
        painted = wait_for(browser, _all_drawn, timeout=30)
        charts = {key for key, _width, _n in painted}
        assert {"by_hour", "by_day", "by_category", "tax", "payments", "shrinkage"} <= charts
        assert all(width > 200 for _key, width, _n in painted), painted
        hour_row = browser.find_element(By.XPATH, "//section[@id='by_hour']//tr[td[1]='01:00']")
        assert hour_row.text.split()[:3] == ["01:00", "2", "$100.00"]
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 1280
        folder = screenshot_dir(tmp_path)
        browser.save_screenshot(str(folder / "console-sales.png"))
        browser.execute_script("document.getElementById('by_hour').scrollIntoView()")
        browser.save_screenshot(str(folder / "console-sales-hours.png"))
        browser.execute_script("document.getElementById('by_category').scrollIntoView()")
        browser.save_screenshot(str(folder / "console-sales-categories.png"))
        browser.execute_script("document.getElementById('tax').scrollIntoView()")
        browser.save_screenshot(str(folder / "console-sales-tax.png"))
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",  # a tablet held upright
                                {"width": 820, "height": 1180, "deviceScaleFactor": 1, "mobile": True})
        browser.execute_script("window.scrollTo(0, 0)")
        browser.refresh()
        wait_for(browser, _all_drawn, timeout=30)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 820
        browser.save_screenshot(str(folder / "console-sales-tablet.png"))
        # In French: the same page, its figures written the French way, still within a tablet's width and a desk's.
        here = browser.execute_script("return location.pathname + location.search")
        browser.get(f"{live_hub.url}/console/language/fr?next={quote(here, safe='')}")
        wait_for(browser, _all_drawn, timeout=30)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        hour_row = browser.find_element(By.XPATH, "//section[@id='by_hour']//tr[td[1]='01:00']")
        assert [cell.text.replace("\u00a0", " ") for cell in hour_row.find_elements(By.TAG_NAME, "td")][:3] == [
            "01:00", "2", "100,00 $"]
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 820
        browser.save_screenshot(str(folder / "console-sales-fr-tablet.png"))
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        browser.refresh()
        wait_for(browser, _all_drawn, timeout=30)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 1280
        assert "Ventes de" in browser.page_source and "Répartition des paiements" in browser.page_source
        browser.save_screenshot(str(folder / "console-sales-fr.png"))
        for key in ("by_day", "tax", "refunds_voids", "shrinkage"):
            browser.execute_script(f"document.getElementById('{key}').scrollIntoView()")
            browser.save_screenshot(str(folder / f"console-sales-fr-{key}.png"))
    finally:
        browser.quit()
