"""The console's sales page on PostgreSQL, over Toronto's 25-hour fall-back day: every table against figures
worked out by hand from `sales_world` (sales, a refund, a void, adjustments, the period before), the CSV export,
a bad period, and a manager kept to their own store."""

from __future__ import annotations

import csv
import io

import pytest

from tests.sync.console.conftest import console_as
from tests.sync.console.sales_world import FIRST, LAST, seed_sales


@pytest.fixture
def seeded(console_app, tenant):
    seed_sales(console_app, tenant)
    return tenant


def _csv(console, url: str, table: str) -> list[dict[str, str]]:
    response = console.get(url, params={"table": table, "first": FIRST, "last": LAST})
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


def _pick(rows, key, *columns):
    return {row[key]: tuple(row[c] for c in columns) for row in rows}


def test_every_table_matches_the_hand_worked_figures_over_a_dst_day(console_app, seeded):
    manager = console_as(console_app, seeded.manager)
    export = f"/console/stores/{seeded.store_a}/sales/export"
    summary = _pick(_csv(manager, export, "summary"), "measure", "now", "previous")
    # s1..s4 count (s5 was voided; "after" is the 4th): 6000 + 4500 + 3000 + 1000 gross, 500 off, HST per line.
    assert summary["Sales"] == ("4", "2") and summary["Units sold"] == ("5", "2")
    assert summary["Gross sales"] == ("145.00", "75.00") and summary["Discounts"] == ("5.00", "0.00")
    assert summary["Net sales (before tax)"] == ("140.00", "75.00")
    assert summary["Tax collected on sales"] == ("18.20", "9.75")
    assert summary["Total taken (with tax)"] == ("158.20", "84.75")
    assert summary["Average basket (net)"] == ("35.00", "37.50")
    assert summary["Refunds"] == ("1", "0") and summary["Refunded (with tax)"] == ("33.90", "0.00")
    assert summary["Voided sales"] == ("1", "0") and summary["Voided (with tax)"] == ("101.70", "0.00")

    hours = _pick(_csv(manager, export, "by_hour"), "hour", "sales", "net")
    assert len(hours) == 24, "one row per hour of the day"
    assert hours["01:00"] == ("2", "100.00"), "both 01:30s of the fall-back night are in the store's 01:00"
    assert hours["20:00"] == ("1", "10.00") and hours["23:00"] == ("1", "30.00")
    assert sum(int(n) for n, _net in hours.values()) == 4

    days = _csv(manager, export, "by_day")
    assert [(d["day"], d["sales"], d["net"], d["previous_day"], d["net_previous"]) for d in days] == [
        ("2025-11-01", "1", "10.00", "2025-10-29", "0.00"),  # s4 was 00:00 UTC the 2nd; p2 (03:50 UTC the 1st) is
        ("2025-11-02", "3", "130.00", "2025-10-30", "30.00"),  # Toronto's Oct 31st, in the period before
        ("2025-11-03", "0", "0.00", "2025-10-31", "45.00")]
    weeks = _pick(_csv(manager, export, "by_week"), "week", "sales", "net")
    assert weeks == {"2025-10-27": ("4", "140.00"), "2025-11-03": ("0", "0.00")}

    categories = _pick(_csv(manager, export, "by_category"), "category", "units", "net", "net_previous")
    assert categories == {"Dried Flower": ("3", "90.00", "30.00"), "Vapes": ("1", "40.00", "45.00"),
                          "Uncategorised": ("1", "10.00", "")}
    brands = _pick(_csv(manager, export, "by_brand"), "brand", "net")
    assert brands == {"Maple": ("90.00",), "Birch": ("40.00",), "No brand": ("10.00",)}
    products = _csv(manager, export, "by_product")
    assert [(p["sku"], p["units"], p["net"]) for p in products] == [
        ("A-FLOWER", "3", "90.00"), ("A-VAPE", "1", "40.00"), ("X-OLD", "1", "10.00")]
    top = _csv(manager, export, "top_sellers")
    assert [t["sku"] for t in top] == ["A-FLOWER", "A-VAPE", "X-OLD"]

    assert _pick(_csv(manager, export, "by_staff"), "staff", "sales", "net", "basket") == {
        "Cashier A": ("4", "140.00", "35.00")}
    assert _pick(_csv(manager, export, "by_terminal"), "terminal", "sales", "net", "net_previous") == {
        "Front till": ("4", "140.00", "75.00")}

    # HST on the four sales, less the refund's 3.90 of HST; before: p1 3.90 + p2 5.85.
    assert _pick(_csv(manager, export, "tax"), "component", "on_sales", "refunded", "collected",
                 "collected_previous") == {"HST": ("18.20", "3.90", "14.30", "9.75")}
    assert _pick(_csv(manager, export, "refunds_voids"), "kind", "count", "net", "tax", "total") == {
        "Refunds": ("1", "30.00", "3.90", "33.90"), "Voids": ("1", "90.00", "11.70", "101.70")}
    # Cash: s1 67.80 + s4 11.30, the refund paid 33.90 back; card: s2 45.20 + s3 33.90 (voided s5 left out).
    assert _pick(_csv(manager, export, "payments"), "method", "payments", "taken", "paid_back", "net",
                 "net_previous") == {"Card": ("2", "79.10", "0.00", "79.10", "33.90"),
                                     "Cash": ("2", "79.10", "33.90", "45.20", "50.85")}
    discounts = _csv(manager, export, "discounts")
    assert [(d["kind"], d["name"], d["orders"], d["amount"]) for d in discounts] == [
        ("All", "Every discount", "1", "5.00")]
    # The damaged units of the 4th are outside; A-FLOWER costs 12.00 a unit.
    assert _pick(_csv(manager, export, "shrinkage"), "reason", "adjustments", "units", "value") == {
        "Damaged": ("1", "-2", "-24.00"), "Theft or loss": ("1", "-1", "-12.00")}


def test_the_page_shows_tables_and_chart_data_and_refuses_what_it_should(console_app, seeded):
    manager = console_as(console_app, seeded.manager)
    page = manager.get(f"/console/stores/{seeded.store_a}/sales", params={"first": FIRST, "last": LAST})
    assert page.status_code == 200
    assert "2025-10-29 to 2025-10-31" in page.text and "140.00" in page.text  # the summary comes with the page
    section = f"/console/stores/{seeded.store_a}/sales/section?first={FIRST}&amp;last={LAST}&amp;table=tax"
    assert f'hx-get="{section}"' in page.text, "the other tables come in their own requests"
    fragment = manager.get(section.replace("&amp;", "&"), headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert "Tax collected per component" in fragment.text and 'data-chart="tax"' in fragment.text
    assert "14.30" in fragment.text and "&#34;Collected&#34;" in fragment.text  # the chart's data, escaped
    assert f"/console/stores/{seeded.store_a}/sales/export?first={FIRST}&amp;last={LAST}&amp;table=tax" in fragment.text
    alone = manager.get(section.replace("&amp;", "&"))  # without script: the table as a page of its own
    assert alone.status_code == 200 and "<html" in alone.text and "Back to the sales page" in alone.text
    assert manager.get(f"/console/stores/{seeded.store_b}/sales/section", params={"table": "tax"}).status_code == 403
    # All my stores, for the manager: store A only, so the same figures.
    every = _pick(_csv(manager, "/console/sales/export", "summary"), "measure", "now")
    assert every["Net sales (before tax)"] == ("140.00",)
    assert manager.get(f"/console/stores/{seeded.store_b}/sales").status_code == 403
    assert manager.get(f"/console/stores/{seeded.store_b}/sales/export", params={"table": "tax"}).status_code == 403
    picked = manager.get("/console/sales", params={"store": str(seeded.store_b)})
    assert picked.status_code == 303 and manager.get(picked.headers["location"]).status_code == 403
    backwards = manager.get(f"/console/stores/{seeded.store_a}/sales", params={"first": LAST, "last": FIRST})
    assert backwards.status_code == 422 and "swap them" in backwards.text
    unknown = manager.get(f"/console/stores/{seeded.store_a}/sales/export", params={"table": "nope"})
    assert unknown.status_code == 404 and "CSV links" in unknown.text
    owner = console_as(console_app, seeded.owner)
    both = owner.get("/console/sales", params={"first": FIRST, "last": LAST})
    assert both.status_code == 200 and "Sales of all my stores" in both.text


def test_the_days_per_sku_equal_the_order_lines_and_a_rebuild(console_app, seeded):
    """sales_sku_days, kept by the push handlers (late sales, a void), against SQL written over the lines, and
    against `rebuild` from the orders."""
    from sqlalchemy import func, select, text

    from sync.hub.analytics.rollup import rebuild
    from sync.hub.models import SalesSkuDay, SalesTaxDay

    by_lines = text("""
        SELECT CAST(timezone('America/Toronto', timezone('UTC', o.sold_at)) AS DATE) AS day, i.sku,
               SUM(i.quantity), SUM(i.taxable_amount)
        FROM order_items i JOIN orders o ON o.id = i.order_id
        WHERE o.store_id = :store AND o.status <> 'voided' GROUP BY 1, 2""")
    kept = select(SalesSkuDay.day, SalesSkuDay.sku, SalesSkuDay.units, SalesSkuDay.net_cents).where(
        SalesSkuDay.store_id == seeded.store_a, SalesSkuDay.lines != 0)
    db = console_app.state.db
    with db.read() as session:
        expected = {tuple(row) for row in session.execute(by_lines, {"store": seeded.store_a})}
        assert {tuple(row) for row in session.execute(kept)} == expected
        voided = session.scalar(select(func.count()).select_from(SalesSkuDay).where(
            SalesSkuDay.store_id == seeded.store_a, SalesSkuDay.lines == 0))
    assert voided == 1, "the voided sale's day and SKU are back to nothing"
    assert {str(day) for day, *_ in expected} == {"2025-10-30", "2025-10-31", "2025-11-01", "2025-11-02",
                                                   "2025-11-04"}
    taxes = select(SalesTaxDay.day, SalesTaxDay.component, SalesTaxDay.cents).where(
        SalesTaxDay.store_id == seeded.store_a, SalesTaxDay.cents != 0)
    by_orders = text("""
        SELECT CAST(timezone('America/Toronto', timezone('UTC', o.sold_at)) AS DATE), t.key, SUM(CAST(t.value AS INT))
        FROM orders o CROSS JOIN json_each_text(o.tax_breakdown) t
        WHERE o.store_id = :store AND o.status <> 'voided' GROUP BY 1, 2""")
    with db.read() as session:
        expected_taxes = {tuple(row) for row in session.execute(by_orders, {"store": seeded.store_a})}
        assert {tuple(row) for row in session.execute(taxes)} == expected_taxes
    with db.write() as session:
        rebuild(session)
    with db.read() as session:
        assert {tuple(row) for row in session.execute(kept)} == expected
        assert {tuple(row) for row in session.execute(taxes)} == expected_taxes


def test_the_page_writes_money_days_and_changes_in_the_readers_language(console_app, seeded):
    """Figures on the page (not the CSV) follow the request's language: `140,00 $`, `+86,7 %`, `2 nov. 2025` in
    French, `$140.00`, `+86.7%` and ISO days in English; the CSV keeps its English keys, ISO days and bare
    amounts in either language."""
    from html import unescape

    manager = console_as(console_app, seeded.manager)
    base, period = f"/console/stores/{seeded.store_a}/sales", {"first": FIRST, "last": LAST}
    english = unescape(manager.get(base, params=period).text)
    assert "$140.00" in english and "+86.7%" in english and "2025-10-29 to 2025-10-31" in english
    days = unescape(manager.get(f"{base}/section", params={**period, "table": "by_day"}).text)
    assert '<td class="nowrap">2025-11-02</td>' in days and "$130.00" in days

    assert manager.get("/console/language/fr", params={"next": base}).status_code == 303
    french = unescape(manager.get(base, params=period).text).replace("\u00a0", " ").replace("\u202f", " ")
    assert "140,00 $" in french and "+86,7 %" in french and "140.00" not in french
    assert "Du 1 nov. 2025 au 3 nov. 2025 (3 jours), comparé au 29 oct. 2025 au 31 oct. 2025" in french
    assert "Ventes nettes (avant taxes)" in french and "Panier moyen (net)" in french
    days = unescape(manager.get(f"{base}/section", params={**period, "table": "by_day"}).text).replace("\u00a0", " ")
    assert '<td class="nowrap">2 nov. 2025</td>' in days and "130,00 $" in days and "2025-11-02" not in days
    assert '"labels": ["1 nov. 2025", "2 nov. 2025", "3 nov. 2025"]' in days, "the chart's days in French too"
    assert "Ventes par jour" in days and "Même jour de la période précédente" in days
    csv_text = manager.get(f"{base}/export", params={**period, "table": "by_day"}).text
    assert csv_text.startswith("day,sales,net,previous_day,net_previous,change_percent\r\n")
    assert "2025-11-02,3,130.00,2025-10-30,30.00," in csv_text
    assert manager.get(f"{base}/export", params={**period, "table": "nope"}).text.startswith("Il n'y a pas de tableau")
