"""The sales analytics' SQL on both hub databases: SQLite (the embedded default, where the store's zone comes from a
function the hub registers on each connection) and PostgreSQL. Two sales pushed with the terminal's clock land in
the store-local hour, day and week that clock names, with their tax components and payments."""

from __future__ import annotations

from datetime import date

from sync.hub.analytics import money, sales
from sync.hub.analytics.period import Period, Scope
from sync.hub.models import Store
from tests.sync.hub.helpers import mutation, push, sale_args


def test_two_sales_are_bucketed_in_the_store_time_on_either_database(hub_app, client, world):
    a1 = world.terminals["A1"]
    first, second = sale_args(a1, 1), sale_args(a1, 2)
    first["local_ts"] = "2025-03-09T01:59:00-05:00"  # the last minute before Toronto springs forward
    second["local_ts"] = "2025-03-09T03:00:00-04:00"  # the next minute on the store's clock: 07:00 UTC
    ids = a1.take_ids(2)
    results = push(client, a1, [mutation(ids[0], "order.completed.v1", first),
                                mutation(ids[1], "order.completed.v1", second)]).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied"]
    with hub_app.state.db.read() as session:
        scope = Scope.of(session, [session.get(Store, a1.store_id)], Period(date(2025, 3, 9), date(2025, 3, 9)))
        totals = sales.totals(session, scope)
        assert (totals["orders"], totals["units"], totals["net"]) == (2, 3, 3 * 3099)
        assert sales.by_time(session, scope, "hour") == [[1, 1, 3099], [3, 1, 2 * 3099]]
        assert sales.by_time(session, scope, "day") == [["2025-03-09", 2, 3 * 3099]]
        assert sales.by_time(session, scope, "week") == [["2025-03-03", 2, 3 * 3099]]
        assert money.tax(session, scope) == [["HST", 403 + 806, 0, 403 + 806]]
        assert money.payment_mix(session, scope) == [["cash", 2, 3502 + 7004, 0, 3502 + 7004]]
        before = Scope.of(session, [session.get(Store, a1.store_id)], Period(date(2025, 3, 8), date(2025, 3, 8)))
        assert sales.totals(session, before)["orders"] == 0


def test_migration_0022_fills_the_days_from_the_orders_already_there_on_sqlite(tmp_path):
    """An SQLite hub (the demo's) with sales, taken back to 0022 and upgraded again: the days per SKU and per tax
    component are filled from its orders, as the handlers had kept them."""
    from alembic import command
    from fastapi.testclient import TestClient
    from sqlalchemy import select

    from sync.hub.app import create_app
    from sync.hub.migrate import alembic_config, upgrade
    from sync.hub.models import SalesSkuDay, SalesTaxDay
    from tests.sync.hub.helpers import build_world

    url = f"sqlite:///{tmp_path / 'hub.db'}"
    upgrade(url)
    app = create_app(url)
    try:
        with TestClient(app) as client:
            world = build_world(app.state.db, client)
            a1 = world.terminals["A1"]
            sold = [sale_args(a1, n) for n in (1, 2)]
            push(client, a1, [mutation(i, "order.completed.v1", s) for i, s in zip(a1.take_ids(2), sold,
                                                                                   strict=True)])

        def kept():
            with app.state.db.read() as session:
                return (sorted(tuple(r) for r in session.execute(select(
                            SalesSkuDay.store_id, SalesSkuDay.day, SalesSkuDay.sku, SalesSkuDay.units,
                            SalesSkuDay.net_cents, SalesSkuDay.lines))),
                        sorted(tuple(r) for r in session.execute(select(
                            SalesTaxDay.store_id, SalesTaxDay.day, SalesTaxDay.component, SalesTaxDay.cents))))

        before = kept()
        assert before[0] and [r[3:] for r in before[0]] == [(3, 3 * 3099, 2)]
        with app.state.db.engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.downgrade(config, "0022")
            command.upgrade(config, "head")
        assert kept() == before
    finally:
        app.state.db.dispose()
