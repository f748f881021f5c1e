"""The pusher against a real hub through a proxy that loses, cuts and delays answers (DESIGN §4)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pos_app.services.sync_service import SyncFailed
from sync.client.errors import HubUnreachable
from sync.hub.models import Order, SyncClient
from tests.sync.client.tills import PER_SALE


def hub_orders(hub, numbers) -> dict[str, int]:
    with hub.db.read() as session:
        rows = session.execute(select(Order.order_number, func.count()).where(Order.order_number.in_(numbers))
                               .group_by(Order.order_number)).all()
    return dict(rows)


def hub_lmid(hub, till) -> int:
    with hub.db.read() as session:
        client = session.get(SyncClient, till.sync.overview().client_id)
        return 0 if client is None else client.last_mutation_id


def test_a_sale_reaches_the_hub_and_comes_back_in_the_stock(hub, proxy, make_till):
    till = make_till(proxy.url)
    code, sku = till.products(1, min_stock=3)[0]
    before = till.stock(sku)
    order = till.sell(code)
    assert till.stock(sku) == before - 1, "the overlay counts the unsent sale"
    report = till.sync.sync_once()
    assert report.pushed.acknowledged == PER_SALE
    assert hub_orders(hub, [order.order_number]) == {order.order_number: 1}
    assert till.stock(sku) == before - 1, "the pulled level includes the sale, and the overlay no longer does"
    assert [row.status for row in till.outbox()] == ["applied"] * PER_SALE


def test_an_answer_lost_after_the_hub_committed_is_resent_with_the_same_ids(hub, proxy, make_till):
    till = make_till(proxy.url)
    code, _sku = till.products(1)[0]
    orders = [till.sell(code) for _ in range(3)]
    proxy.drop_answers(1)
    with pytest.raises(HubUnreachable):
        till.sync.engine.push()
    sent = 3 * PER_SALE
    assert hub_lmid(hub, till) == sent, "the hub applied the batch whose answer was lost"
    assert [row.status for row in till.outbox()] == ["pending"] * sent, "nothing is acked without the hub's word"
    till.sync.engine.push()
    assert [row.status for row in till.outbox()] == ["applied"] * sent
    assert [row.mutation_id for row in till.outbox()] == list(range(1, sent + 1))
    assert hub_orders(hub, [o.order_number for o in orders]) == {o.order_number: 1 for o in orders}


def test_an_answer_cut_in_the_middle_is_an_unknown_outcome_too(hub, proxy, make_till):
    till = make_till(proxy.url)
    code, _sku = till.products(1)[0]
    orders = [till.sell(code) for _ in range(2)]
    for cut_at in (12, -5):  # inside the status line, then short of the last bytes
        proxy.cut_answers(1, after_bytes=cut_at)
        with pytest.raises(HubUnreachable):
            till.sync.engine.push()
    till.sync.engine.push()
    assert hub_orders(hub, [o.order_number for o in orders]) == {o.order_number: 1 for o in orders}
    assert [row.status for row in till.outbox()] == ["applied"] * 2 * PER_SALE


def test_a_timeout_resends_the_same_ids_and_the_hub_keeps_one_copy(hub, proxy, make_till):
    till = make_till(proxy.url, hub_timeout=0.5)
    code, _sku = till.products(1)[0]
    order = till.sell(code)
    proxy.delay = 1.5
    with pytest.raises(HubUnreachable, match="in time"):
        till.sync.engine.push()
    proxy.delay = 0
    till.sync.engine.push()
    assert hub_orders(hub, [order.order_number]) == {order.order_number: 1}
    assert till.sync.overview().pending == 0


def test_the_hub_down_during_a_push_keeps_everything_and_the_runner_catches_up(hub, proxy, make_till):
    till = make_till(proxy.url)
    code, _sku = till.products(1)[0]
    proxy.down()
    orders = [till.sell(code) for _ in range(5)]
    with pytest.raises(SyncFailed, match="cannot be reached"):
        till.sync.sync_once()
    assert till.sync.overview().online is False
    assert till.sync.overview().pending == 5 * PER_SALE
    runner = till.sync.runner(push_interval=0.1, long_poll=1.0, backoff_cap=0.3)
    runner.start()
    try:
        proxy.up()
        assert _eventually(lambda: till.sync.overview().pending == 0, 15)
    finally:
        runner.stop()
    assert till.sync.overview().online is True
    assert hub_orders(hub, [o.order_number for o in orders]) == {o.order_number: 1 for o in orders}


def _eventually(predicate, timeout: float) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()
