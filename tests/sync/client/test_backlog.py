"""A terminal that was offline for a long time: a backlog of 10,000 mutations drains in order, once each."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime

from sqlalchemy import func, insert, select, update

from pos_app.persistence.models import SyncOutbox, SyncState
from sync.canonical import GENESIS_HASH, canonical_json, entry_hash, mutation_hash
from sync.hub.models import AuditLog
from tests.sync.client.hub_side import lmid

BACKLOG = 10_000


def _audit_backlog(store_id: uuid.UUID, count: int) -> list[dict]:
    """Drawer-open audit entries, chained as the terminal chains them: the lightest real mutation there is."""
    rows, previous = [], GENESIS_HASH
    for seq in range(1, count + 1):
        fields = {"id": str(uuid.uuid4()), "seq": seq, "action": "drawer.opened", "staff_id": None,
                  "approved_by": None, "entity_type": None, "entity_id": None, "details": {"backlog": seq},
                  "created_at": datetime.now(UTC).isoformat()}
        digest = entry_hash(previous, fields)
        args = {**fields, "store_id": str(store_id), "prev_hash": previous, "entry_hash": digest}
        previous = digest
        rows.append({"mutation_id": seq, "name": "audit.logged.v1", "args": args, "hash": mutation_hash(args)})
    assert canonical_json(rows[0]["args"])  # stored args are canonical JSON values already
    return rows


def test_a_backlog_of_ten_thousand_mutations_drains_once_and_in_order(hub, proxy, make_till, record_property):
    till = make_till(proxy.url)
    with till.terminal.session_factory() as session:
        session.execute(insert(SyncOutbox), _audit_backlog(till.terminal.context.store_id, BACKLOG))
        session.execute(update(SyncState).values(next_mutation_id=BACKLOG + 1))
        session.commit()
    assert till.sync.overview().pending == BACKLOG
    progress = []

    class Progress:
        def progress(self, phase, done, total):
            progress.append((done, total))

        def status_changed(self, status):
            pass

        def alert(self, message):
            pass

    till.sync.listeners.add(Progress())
    proxy.drop_answers(1)  # one lost answer on the way, for good measure
    runner = till.sync.runner(push_interval=0.05, long_poll=5.0, backoff_cap=0.5)
    started = time.monotonic()
    runner.start()
    try:
        deadline = started + 600
        while till.sync.overview().pending and time.monotonic() < deadline:
            time.sleep(0.25)
    finally:
        runner.stop()
    seconds = time.monotonic() - started
    record_property("backlog_drain_seconds", round(seconds, 1))
    print(f"\n{BACKLOG} mutations drained in {seconds:.1f} s ({BACKLOG / seconds:.0f}/s)")
    assert till.sync.overview().pending == 0
    assert lmid(hub, till.sync.overview().client_id) == BACKLOG
    with hub.db.read() as session:
        terminal_rows = select(func.count(), func.count(func.distinct(AuditLog.seq)), func.min(AuditLog.seq),
                               func.max(AuditLog.seq), func.bool_and(AuditLog.chain_ok)).where(
            AuditLog.store_id == till.terminal.context.store_id, AuditLog.action == "drawer.opened",
            AuditLog.details["backlog"].is_not(None))
        count, distinct, low, high, chained = session.execute(terminal_rows).one()
    assert (count, distinct, low, high) == (BACKLOG, BACKLOG, 1, BACKLOG)
    assert chained, "the entries arrived in order, each linking to the one before"
    assert progress and progress[-1][0] == progress[-1][1]
