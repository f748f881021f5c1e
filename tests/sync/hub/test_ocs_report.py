"""The OCS daily report on PostgreSQL over five days of generated store life around the end of daylight saving
(2026-11-01 lasts 25 hours in Toronto): sales, refunds and voids pushed by terminals through the sync API,
receipts, adjustments and a count; then a terminal that was offline for two days pushes its sales late.

Each day's figures are checked against SQL written here, independently of the report: PostgreSQL's own time
zone rules place the rows in days, units sold and sales value come from the orders (not the ledger), returns from
the refunds. The report on a SQLite hub and from the command: test_ocs_report_sqlite.py.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from sync.hub.inventory import Delta, apply_deltas
from sync.hub.models import OcsProduct, Store
from sync.hub.reports.exports import AMENDED, EXPORTED, NOT_EXPORTED, day_statuses, export_day, report_file
from sync.hub.reports.ocs import DayNotReportable, DayUnbalanced, daily_report
from sync.hub.tenancy import Scope
from tests.sync.conftest import fresh_pg_database
from tests.sync.hub.helpers import Terminal, build_world
from tests.sync.hub.ocs_store_life import (
    DAYS,
    SKUS,
    TORONTO,
    count_at,
    local,
    push_all,
    refund_at,
    sale_at,
    second_terminal,
    void_at,
)


@pytest.fixture(scope="module")
def hub():
    from fastapi.testclient import TestClient

    from sync.hub.app import create_app
    from sync.hub.migrate import upgrade

    for url in fresh_pg_database():
        upgrade(url)
        app = create_app(url)
        with TestClient(app, raise_server_exceptions=False) as client:
            world = build_world(app.state.db, client)
            yield app.state.db, client, world
        app.state.db.dispose()



@pytest.fixture(scope="module")
def store_life(hub):
    """Five days of store A1; returns the store id and the late terminal's sales, not pushed yet."""
    db, client, world = hub
    till = world.terminals["A1"]
    with db.write() as session:
        for sku in SKUS[1:]:
            session.add(OcsProduct(tenant_id=till.tenant_id, ocs_variant_number=sku, ocs_product_name=sku,
                                   product_name=sku, brand_name="Brand", category="Flower",
                                   product_form="dried_flower", net_content=Decimal("3.5"), unit_of_measure="g",
                                   price_per_unit=Decimal("30.99")))
        for sku in (*SKUS, "ACC-PAPERS"):  # an accessory moves in the ledger too, but is no OCS SKU
            apply_deltas(session, till.store_id, [Delta(sku, None, 100)], transaction_type="receipt",
                         reference_type="purchase_order", reference_id=uuid.uuid4(), occurred_at=local(DAYS[0], 9))
    day1, day2, dst, day4, day5 = DAYS
    s1 = sale_at(till, "SKU-1", 2, local(day1, 11))
    s2 = sale_at(till, "SKU-2", 1, local(day1, 23, 59), discount_cents=500)
    s3 = sale_at(till, "SKU-1", 3, local(day2, 0, 1))
    voided = sale_at(till, "SKU-3", 4, local(day2, 14))
    s4 = sale_at(till, "SKU-1", 1, local(dst, 1, 30))  # the first 01:30 (EDT)
    s5 = sale_at(till, "SKU-2", 2, local(dst, 1, 30, fold=1))  # the second 01:30 (EST), an hour later
    s6 = sale_at(till, "SKU-3", 1, local(dst, 23, 30), unit_cents=1999)  # 04:30 UTC the next day: still the 1st
    s7 = sale_at(till, "SKU-1", 5, local(day4, 10))
    accessory = sale_at(till, "ACC-PAPERS", 3, local(day4, 12), unit_cents=299)
    s8 = sale_at(till, "SKU-2", 1, local(day5, 16))
    push_all(client, till, [
        ("order.completed.v1", s1), ("order.completed.v1", s2), ("order.completed.v1", s3),
        ("order.completed.v1", voided), ("order.voided.v1", void_at(till, voided, local(day2, 14, 5))),
        ("order.refunded.v1", refund_at(till, s1, 1, local(day2, 12))),
        ("order.completed.v1", s4), ("order.completed.v1", s5), ("order.completed.v1", s6),
        ("order.refunded.v1", refund_at(till, s3, 3, local(dst, 15))),
        ("order.completed.v1", s7), ("order.completed.v1", accessory), ("order.completed.v1", s8),
        ("inventory.counted.v1", count_at(till, "SKU-3", 90, local(day4, 20))),
    ])
    with db.write() as session:
        for sku, quantity, reason, when in (("SKU-1", -2, "damaged", local(day2, 18)),
                                            ("SKU-2", -1, "theft_or_loss", local(dst, 2, 15)),
                                            ("SKU-2", 1, "found", local(day4, 9)),
                                            ("SKU-3", -1, "expired", local(day5, 8))):
            apply_deltas(session, till.store_id, [Delta(sku, None, quantity, None, reason)],
                         transaction_type="adjustment", reference_type="adjustment", reference_id=uuid.uuid4(),
                         occurred_at=when)
        apply_deltas(session, till.store_id, [Delta("SKU-3", None, 24)], transaction_type="receipt",
                     reference_type="purchase_order", reference_id=uuid.uuid4(), occurred_at=local(day4, 8))
    token, client_id, terminal_id = second_terminal(db, client, till.store_id)
    late = Terminal(till.store_id, till.tenant_id, till.store_code, token, client_id, terminal_id, till.staff_id)
    late_sales = [sale_at(late, "SKU-1", 2, local(dst, 13)), sale_at(late, "SKU-2", 1, local(day4, 19))]
    return till.store_id, late, late_sales


INDEPENDENT = text("""
WITH ledger AS (
    SELECT t.sku, t.transaction_type, t.reason_code, t.quantity,
           (t.occurred_at AT TIME ZONE 'UTC' AT TIME ZONE 'America/Toronto')::date AS day
    FROM ocs_inventory_transactions t WHERE t.store_id = :store
      AND t.sku IN (SELECT ocs_variant_number FROM ocs_product_catalog WHERE tenant_id = :tenant)
), sold AS (
    SELECT i.sku, sum(i.quantity) AS units, sum(i.taxable_amount) AS cents
    FROM orders o JOIN order_items i ON i.order_id = o.id
    WHERE o.store_id = :store AND o.status <> 'voided'
      AND (o.local_ts::timestamptz AT TIME ZONE 'America/Toronto')::date = :day
    GROUP BY i.sku
), returned AS (
    SELECT i.sku, sum(ri.quantity) AS units
    FROM order_refunds r JOIN order_refund_items ri ON ri.refund_id = r.id JOIN order_items i ON i.id = ri.order_item_id
    JOIN orders o ON o.id = r.order_id
    WHERE o.store_id = :store AND ri.restock
      AND (r.local_ts::timestamptz AT TIME ZONE 'America/Toronto')::date = :day
    GROUP BY i.sku
)
SELECT l.sku,
       sum(l.quantity) FILTER (WHERE l.day < :day) AS opening,
       sum(l.quantity) FILTER (WHERE l.day = :day AND l.transaction_type IN ('receipt', 'opening')) AS received,
       sum(l.quantity) FILTER (WHERE l.day = :day AND l.reason_code IN ('damaged', 'destroyed', 'expired')
                               AND l.transaction_type = 'adjustment') AS destroyed,
       sum(l.quantity) FILTER (WHERE l.day = :day AND l.reason_code = 'theft_or_loss') AS lost,
       sum(l.quantity) FILTER (WHERE l.day = :day AND l.transaction_type = 'adjustment'
                               AND l.reason_code NOT IN ('damaged', 'destroyed', 'expired', 'theft_or_loss')) AS other,
       sum(l.quantity) FILTER (WHERE l.day <= :day) AS closing,
       max(s.units) AS sold, max(s.cents) AS cents, max(r.units) AS returned
FROM ledger l LEFT JOIN sold s ON s.sku = l.sku LEFT JOIN returned r ON r.sku = l.sku
WHERE l.day <= :day GROUP BY l.sku ORDER BY l.sku
""")


def _independent(db, store_id, tenant_id, day: date) -> dict[str, tuple]:
    with db.read() as session:
        rows = session.execute(INDEPENDENT, {"store": store_id, "tenant": tenant_id, "day": day}).all()
    return {r.sku: (r.opening or 0, r.received or 0, r.sold or 0, r.returned or 0,
                    {"destroyed": r.destroyed or 0, "lost_stolen": r.lost or 0, "other": r.other or 0},
                    r.closing or 0, Decimal(r.cents or 0) / 100) for r in rows}


def _report(db, store_id, day):
    with db.read() as session:
        return daily_report(session, session.get(Store, store_id), day)


def test_every_day_balances_and_equals_sql_written_over_the_orders_and_the_ledger(hub, store_life):
    db, _client, world = hub
    store_id = store_life[0]
    previous_closing = None
    for day in DAYS:
        report = _report(db, store_id, day)
        expected = _independent(db, store_id, world.tenant_ids["A"], day)
        got = {r.sku: (r.opening, r.received, r.sold, r.returned, r.adjustments, r.closing, r.sales_value)
               for r in report.rows}
        assert got == expected, day
        assert "ACC-PAPERS" not in got
        assert all(r.balances for r in report.rows)
        if previous_closing is not None:
            assert {r.sku: r.opening for r in report.rows} == previous_closing, day
        previous_closing = {r.sku: r.closing for r in report.rows}
    # A few figures by hand, so the SQL above is not the only witness.
    by_day = {day: {r.sku: r for r in _report(db, store_id, day).rows} for day in DAYS}
    assert by_day[DAYS[0]]["SKU-2"].sales_value == Decimal("25.99")  # 30.99 less a 5.00 discount, before tax
    assert by_day[DAYS[1]]["SKU-3"].sold == 0  # sold and voided the same day
    assert by_day[DAYS[1]]["SKU-1"].returned == 1 and by_day[DAYS[1]]["SKU-1"].adjustments["destroyed"] == -2
    # The count's variance, against what the hub held of SKU-3 when the count arrived (before the later rows).
    assert by_day[DAYS[3]]["SKU-3"].adjustments["other"] == 90 - (100 - 4 + 4 - 1)


def test_the_daylight_saving_day_lasts_25_hours_and_keeps_both_01_30s_and_its_late_evening(hub, store_life):
    db, _client, _world = hub
    report = _report(db, store_life[0], date(2026, 11, 1))
    assert report.ends - report.starts == timedelta(hours=25)
    rows = {r.sku: r for r in report.rows}
    assert (rows["SKU-1"].sold, rows["SKU-2"].sold, rows["SKU-3"].sold) == (1, 2, 1)
    assert rows["SKU-3"].sales_value == Decimal("19.99")
    assert rows["SKU-1"].returned == 3


def test_a_terminal_back_after_two_days_offline_marks_the_exported_days_it_changed_as_amended(hub, store_life):
    db, client, world = hub
    store_id, late, late_sales = store_life
    scope = Scope(world.tenant_ids["A"], via="cli")
    with db.write() as session:
        store = session.get(Store, store_id)
        first = {day: export_day(session, scope, store, day, "test") for day in DAYS}
    total = (datetime.now(TORONTO).date() - DAYS[0]).days + 1
    with db.read() as session:
        statuses, listed = day_statuses(session, session.get(Store, store_id), offset=0, limit=total)
    assert listed == total and statuses[-1].day == DAYS[0]
    shown = {s.day: s.status for s in statuses}
    assert all(shown[day] == EXPORTED for day in DAYS) and shown[statuses[0].day] == NOT_EXPORTED
    push_all(client, late, [("order.completed.v1", sale) for sale in late_sales])  # made on the 1st and the 2nd
    with db.read() as session:
        store = session.get(Store, store_id)
        shown = {s.day: s.status for s in day_statuses(session, store, offset=0, limit=total)[0]}
        now = {day: report_file(session, store, day) for day in DAYS}
    assert [shown[day] for day in DAYS] == [EXPORTED, EXPORTED, AMENDED, AMENDED, AMENDED]
    assert now[DAYS[1]].sha256 == first[DAYS[1]].sha256 and now[DAYS[2]].sha256 != first[DAYS[2]].sha256
    with db.write() as session:
        export_day(session, scope, session.get(Store, store_id), DAYS[2], "test")
    with db.read() as session:
        days = {s.day: s for s in day_statuses(session, session.get(Store, store_id), offset=0, limit=total)[0]}
    assert days[DAYS[2]].status == EXPORTED and days[DAYS[2]].versions == 2
    assert days[DAYS[3]].status == AMENDED  # its own export is still the old one


def test_a_day_that_does_not_balance_is_refused_with_its_skus_and_nothing_is_recorded(hub, store_life):
    db, _client, world = hub
    store_id = world.terminals["A2"].store_id
    with db.write() as session:
        session.add(OcsProduct(tenant_id=world.tenant_ids["A"], ocs_variant_number="SKU-9", ocs_product_name="x",
                               product_name="x", brand_name="B", category="Flower", product_form="dried_flower",
                               net_content=Decimal("1"), unit_of_measure="g", price_per_unit=Decimal("9.99")))
        apply_deltas(session, store_id, [Delta("SKU-9", None, -2, None, "gift to a friend")],
                     transaction_type="adjustment", reference_type="adjustment", reference_id=uuid.uuid4(),
                     occurred_at=local(DAYS[2], 12))
    scope = Scope(world.tenant_ids["A"], via="cli")
    with db.write() as session, pytest.raises(DayUnbalanced) as refused:
        export_day(session, scope, session.get(Store, store_id), DAYS[2], "test")
    assert refused.value.skus == ["SKU-9"] and "SKU-9" in str(refused.value) and "not exported" in str(refused.value)
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM ocs_report_exports WHERE store_id = :s"),
                               {"s": store_id}).scalar() == 0


def test_a_future_day_and_a_day_before_the_store_had_stock_get_a_sentence(hub, store_life):
    db, _client, _world = hub
    with db.read() as session:
        store = session.get(Store, store_life[0])
        with pytest.raises(DayNotReportable, match="has not come yet"):
            daily_report(session, store, datetime.now(TORONTO).date() + timedelta(days=1))
        with pytest.raises(DayNotReportable, match="had no stock before 2026-10-30"):
            daily_report(session, store, date(2026, 10, 29))


def test_the_admin_api_exports_the_csv_lists_the_days_and_refuses_another_tenants_store(hub, store_life):
    _db, client, world = hub
    store_id = store_life[0]
    url = f"/api/v1/stores/{store_id}/reports/ocs-daily"
    response = client.get(url, params={"date": "2026-10-31"}, headers=world.admin("A"))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="ocs-daily-A1' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["ocs_variant_number"] for r in rows] == list(SKUS)
    assert {r["report_date"] for r in rows} == {"2026-10-31"}
    days = client.get(f"{url}/days", params={"limit": 400}, headers=world.admin("A")).json()
    assert {d["date"]: d["status"] for d in days["items"]}["2026-10-31"] == EXPORTED
    assert client.get(url, params={"date": "2026-10-31"}, headers=world.admin("B")).status_code == 403
    assert client.get(f"{url}/days", headers=world.admin("B")).status_code == 403
    future = client.get(url, params={"date": "2999-01-01"}, headers=world.admin("A"))
    assert future.status_code == 400 and "has not come yet" in future.json()["detail"]
    # An adjustment's reason is one the report can group: free text is refused before it reaches the ledger.
    gift = client.post("/api/v1/inventory/adjust", params={"store_id": str(store_id)}, headers=world.admin("A"),
                       json={"sku": "SKU-1", "quantity_delta": -1, "reason": "gift to a friend"})
    assert gift.status_code == 422 and "reason" in gift.text


def test_a_terminal_clock_ahead_of_the_hub_or_without_an_offset_counts_when_the_hub_received_it(hub):
    db, client, world = hub
    till = world.terminals["A2"]
    ahead = sale_at(till, "SKU-1", 1, datetime(2030, 1, 1, 12, tzinfo=TORONTO))
    unzoned = sale_at(till, "SKU-1", 1, datetime(2026, 11, 1, 12, tzinfo=TORONTO))
    unzoned["local_ts"] = "2026-11-01T12:00:00"
    push_all(client, till, [("order.completed.v1", ahead), ("order.completed.v1", unzoned)])
    with db.read() as session:
        rows = session.execute(text("SELECT occurred_at, created_at FROM ocs_inventory_transactions "
                                    "WHERE reference_id IN (:a, :b)"),
                               {"a": ahead["order_id"], "b": unzoned["order_id"]}).all()
    assert len(rows) == 2 and all(occurred == created for occurred, created in rows)
