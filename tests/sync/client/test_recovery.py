"""Recovering without losing or doubling anything: a 409 gap, a restored terminal database (422), a poison
mutation, a token revoked mid-push, and a crash between applying a page and saving its cursor."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from sqlalchemy import text

from sync.client.errors import NeedsPairing
from sync.hub.models import SyncMutation
from tests.sync.client.hub_side import hub_on_hand, lmid, order_counts, restore_to_lmid, revoke_tokens
from tests.sync.client.tills import PER_SALE, open_till


def _once_each(orders) -> dict[str, int]:
    return {o.order_number: 1 for o in orders}


def test_a_409_gap_resends_from_the_id_the_hub_expects(hub, proxy, make_till):
    till = make_till(proxy.url)
    code, sku = till.products(1, min_stock=10)[0]
    orders = [till.sell(code) for _ in range(5)]
    till.sync.sync_once()
    client_id = till.sync.overview().client_id
    restore_to_lmid(hub, client_id, keep_through=2)  # the hub lost mutations 3..10 it had confirmed
    orders.append(till.sell(code))
    report = till.sync.engine.push()
    assert lmid(hub, client_id) == 6 * PER_SALE
    assert report.acknowledged >= 1
    assert order_counts(hub, [o.order_number for o in orders]) == _once_each(orders)
    assert [row.status for row in till.outbox()] == ["applied"] * 6 * PER_SALE
    till.sync.engine.pull()
    assert till.stock(sku) == hub_on_hand(hub, till.terminal.context.store_id, sku)


def test_a_restored_terminal_database_takes_a_new_client_id_and_raises_an_alert(hub, proxy, make_till, tmp_path):
    till = make_till(proxy.url)
    code, sku = till.products(1, min_stock=10)[0]
    first = [till.sell(code) for _ in range(2)]
    till.sync.sync_once()
    backup = tmp_path / "backup.db"
    source, copy = sqlite3.connect(till.terminal.settings.db_path), sqlite3.connect(backup)
    source.backup(copy)
    source.close()
    copy.close()
    lost_locally = [till.sell(code) for _ in range(2)]
    till.sync.sync_once()
    old_client = till.sync.overview().client_id
    folder = till.folder
    till.close()
    for suffix in ("-wal", "-shm"):
        (folder / f"terminal.db{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, folder / "terminal.db")

    restored = open_till(folder)
    try:
        after = restored.sell(code)  # local id 3 again, other content: the hub has a different sale there
        restored.sync.sync_once()
        overview = restored.sync.overview()
        assert overview.client_id != old_client
        assert overview.alert and "restored or copied" in overview.alert
        assert overview.pending == 0
        assert lmid(hub, overview.client_id) == PER_SALE, "the unsent sale went as the new client's first changes"
        everything = first + lost_locally + [after]
        assert order_counts(hub, [o.order_number for o in everything]) == _once_each(everything)
        assert restored.stock(sku) == hub_on_hand(hub, restored.terminal.context.store_id, sku)
        restored.sync.acknowledge_alert()
        assert restored.sync.overview().alert is None
    finally:
        restored.close()


def test_a_poison_mutation_is_kept_for_the_manager_and_does_not_block_the_queue(hub, proxy, make_till):
    till = make_till(proxy.url)
    code, _sku = till.products(1)[0]
    before = till.sell(code)
    till.queue_raw("order.completed.v1", {"order_id": "not-a-uuid", "lines": []})
    after = till.sell(code)
    till.sync.sync_once()
    assert [row.status for row in till.outbox()] == ["applied"] * PER_SALE + ["rejected"] + ["applied"] * PER_SALE
    [rejected] = till.sync.rejected()
    assert rejected.mutation_id == PER_SALE + 1 and rejected.code == "invalid_args"
    assert "not valid" in rejected.message
    assert till.sync.overview().pending == 0 and till.sync.overview().rejected == 1
    assert order_counts(hub, [before.order_number, after.order_number]) == _once_each([before, after])


def test_a_mutation_the_hub_does_not_know_yet_is_done_for_the_terminal_and_kept_by_the_hub(hub, proxy, make_till):
    till = make_till(proxy.url)
    code, _sku = till.products(1)[0]
    newer = till.queue_raw("order.completed.v2", {"order_id": "from-a-newer-build", "promotions": ["SPRING10"]})
    after = till.sell(code)
    till.sync.sync_once()
    assert [row.status for row in till.outbox()] == ["applied"] * (1 + PER_SALE)
    assert till.sync.rejected() == [] and till.sync.overview().pending == 0
    client_id = till.sync.overview().client_id
    assert lmid(hub, client_id) == newer + PER_SALE
    with hub.db.read() as session:
        kept = session.get(SyncMutation, (client_id, newer))
    assert (kept.status, kept.args["promotions"]) == ("deferred", ["SPRING10"])
    assert order_counts(hub, [after.order_number]) == _once_each([after])


class _RevokeAfterFirstBatch:
    def __init__(self, hub, terminal_id) -> None:
        self.hub, self.terminal_id, self.done = hub, terminal_id, False

    def progress(self, phase, done, total):
        if phase == "push" and not self.done:
            self.done = True
            revoke_tokens(self.hub, self.terminal_id)

    def status_changed(self, status):
        pass

    def alert(self, message):
        pass


def test_a_token_revoked_mid_push_stops_cleanly_and_pairing_again_finishes_the_job(hub, proxy, make_till):
    till = make_till(proxy.url)
    code, _sku = till.products(1)[0]
    orders = [till.sell(code) for _ in range(250 // PER_SALE)]  # 250 changes: 100 go before the revocation
    with till.terminal.session_factory() as session:
        terminal_id = session.execute(text("SELECT terminal_id FROM sync_state")).scalar_one()
    till.sync.listeners.add(_RevokeAfterFirstBatch(hub, terminal_id))
    with pytest.raises(NeedsPairing, match="Pair the terminal again"):
        till.sync.engine.push()
    statuses = [row.status for row in till.outbox()]
    assert statuses == ["applied"] * 100 + ["pending"] * 150
    assert till.sync.overview().needs_pairing
    till.sync.pair(proxy.url, hub.pairing_code())  # the same hub: allowed with unsent rows, it renews the token
    till.sync.engine.push()
    assert till.sync.overview().pending == 0
    assert lmid(hub, till.sync.overview().client_id) == 250
    assert order_counts(hub, [o.order_number for o in orders]) == _once_each(orders)


def test_a_crash_between_applying_a_page_and_saving_its_cursor_applies_the_page_once(hub, proxy, make_till):
    seller, reader = make_till(proxy.url), make_till(proxy.url)
    code, sku = seller.products(1, min_stock=10)[0]
    store_id = reader.terminal.context.store_id
    reader.sell(code)
    reader.sync.engine.push()
    seller.sell(code, quantity=2)
    seller.sync.engine.push()
    before = reader.stock(sku)
    cursor_before = reader.sync.replica.position().cursor
    db = sqlite3.connect(reader.terminal.settings.db_path)
    # The process "dies" at the cursor update: the page's rows were written in the same transaction.
    db.execute("CREATE TRIGGER crash_at_cursor BEFORE UPDATE OF pull_cursor ON sync_state "
               "BEGIN SELECT RAISE(ABORT, 'power cut'); END")
    db.commit()
    with pytest.raises(Exception, match="power cut"):
        reader.sync.engine.pull()
    assert reader.sync.replica.position().cursor == cursor_before
    assert reader.stock(sku) == before, "nothing of the page stayed, and the own sale still counts once"
    db.execute("DROP TRIGGER crash_at_cursor")
    db.commit()
    db.close()
    reader.sync.engine.pull()
    assert reader.stock(sku) == hub_on_hand(hub, store_id, sku) == before - 2
