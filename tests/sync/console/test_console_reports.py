"""The console's OCS reports page: a manager lists their store's days, downloads a day (recorded as exported and
audited), sees a day a late movement changed as amended, and is told in a sentence why a day cannot be made.
The page is then opened in chromium at 1280x800 and on a tablet, and saved as console-ocs(-tablet).png."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from sync.hub.inventory import Delta, apply_deltas
from sync.hub.models import HubAudit, OcsProduct
from tests.sync.console.browser import require_chromium, screenshot_dir, sign_in, start_chromium
from tests.sync.console.conftest import PASSWORD, console_as

TORONTO = ZoneInfo("America/Toronto")


def _stock(db, tenant, days_back: int) -> date:
    """A week of store A's stock: a receipt, then a damaged unit a day; returns the first day."""
    today = datetime.now(TORONTO).date()
    first = today - timedelta(days=days_back)
    with db.write() as session:
        session.add(OcsProduct(tenant_id=tenant.tenant_id, ocs_variant_number="100200_3.5G", ocs_product_name="x",
                               product_name="Console Kush 3.5 g", brand_name="B", category="Flower",
                               product_form="dried_flower", net_content=3.5, unit_of_measure="g", price_per_unit=30))
        apply_deltas(session, tenant.store_a, [Delta("100200_3.5G", None, 40)], transaction_type="receipt",
                     reference_type="purchase_order", reference_id=uuid.uuid4(),
                     occurred_at=datetime(first.year, first.month, first.day, 10, tzinfo=TORONTO))
        for n in range(1, days_back):
            day = first + timedelta(days=n)
            apply_deltas(session, tenant.store_a, [Delta("100200_3.5G", None, -1, None, "damaged")],
                         transaction_type="adjustment", reference_type="adjustment", reference_id=uuid.uuid4(),
                         occurred_at=datetime(day.year, day.month, day.day, 15, tzinfo=TORONTO))
    return first


def test_a_manager_downloads_days_sees_an_amended_one_and_the_page_in_chromium(console_app, tenant, tmp_path):
    db = console_app.state.db
    first = _stock(db, tenant, 20)
    manager = console_as(console_app, tenant.manager)
    page_url = f"/console/stores/{tenant.store_a}/reports/ocs"
    assert "Not exported" in manager.get(page_url).text
    for n in (1, 2, 3):
        day = (first + timedelta(days=n)).isoformat()
        response = manager.post(f"{page_url}/{day}")
        assert response.status_code == 200, response.text[:300]
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [(r["report_date"], r["adjustment_destroyed_damaged_expired"]) for r in rows] == [(day, "-1")]
    with db.write() as session:  # a late movement on the second day
        when = first + timedelta(days=2)
        apply_deltas(session, tenant.store_a, [Delta("100200_3.5G", None, -3, None, "theft_or_loss")],
                     transaction_type="adjustment", reference_type="adjustment", reference_id=uuid.uuid4(),
                     occurred_at=datetime(when.year, when.month, when.day, 18, tzinfo=TORONTO))
    html = manager.get(page_url, params={"day": first.isoformat()}).text
    assert html.count("Amended since exported") == 2 and html.count(">Exported<") == 1
    future = manager.post(f"{page_url}/{(datetime.now(TORONTO).date() + timedelta(days=3)).isoformat()}")
    assert future.status_code == 422 and "has not come yet" in future.text
    with db.read() as session:
        audited = session.scalar(select(func.count()).select_from(HubAudit).where(
            HubAudit.store_id == tenant.store_a, HubAudit.action == "ocs_report.exported"))
    assert audited == 3

    require_chromium()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.sync.hub.servers import HubServer

    with HubServer(console_app) as server:
        browser = start_chromium()
        try:
            sign_in(browser, server.url, tenant.manager, PASSWORD)
            browser.find_element(By.LINK_TEXT, "Reports").click()
            WebDriverWait(browser, 10).until(shown.url_contains("/reports/ocs"))
            browser.get(f"{server.url}{page_url}?day={first.isoformat()}")
            assert "Amended since exported" in browser.page_source
            assert browser.execute_script("return document.documentElement.scrollWidth") <= 1280
            browser.save_screenshot(str(screenshot_dir(tmp_path) / "console-ocs.png"))
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",  # a tablet held upright
                                    {"width": 820, "height": 1180, "deviceScaleFactor": 1, "mobile": True})
            browser.refresh()
            assert browser.execute_script("return document.documentElement.scrollWidth") <= 820
            browser.save_screenshot(str(screenshot_dir(tmp_path) / "console-ocs-tablet.png"))
        finally:
            browser.quit()
