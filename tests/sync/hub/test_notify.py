"""Wake-ups across hub workers on PostgreSQL: a write's NOTIFY reaches every listening worker when it commits,
never when it rolls back, and a payload too big for one NOTIFY is split."""

from __future__ import annotations

import time
import uuid

import pytest

from sync.hub.database import Database
from sync.hub.migrate import upgrade
from sync.hub.notify import FeedListener, StoreVersions, notify_versions, parse_payload


@pytest.fixture(scope="module")
def listening(pg_database):
    upgrade(pg_database)
    db = Database(pg_database)
    versions = StoreVersions()
    listener = FeedListener(db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False),
                            versions)
    listener.start()
    assert listener.listening.wait(10), "the listening connection was not made"
    yield db, versions
    listener.stop()
    db.dispose()


def _heard(versions: StoreVersions, expected: dict[uuid.UUID, int], timeout: float = 5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(versions.version(store) == version for store, version in expected.items()):
            return True
        time.sleep(0.01)
    return False


def test_a_commit_is_heard_and_a_rollback_is_not(listening):
    db, versions = listening
    committed, rolled_back = uuid.uuid4(), uuid.uuid4()
    with pytest.raises(RuntimeError), db.write() as session:
        notify_versions(session, {rolled_back: 3})
        raise RuntimeError("the push failed half-way")
    with db.write() as session:
        notify_versions(session, {committed: 7})
    assert _heard(versions, {committed: 7})
    assert versions.version(rolled_back) == 0


def test_a_write_to_hundreds_of_stores_is_heard_for_each(listening):
    db, versions = listening
    stores = {uuid.uuid4(): number for number in range(1, 351)}  # past one NOTIFY's 8,000 bytes
    with db.write() as session:
        notify_versions(session, stores)
    assert _heard(versions, stores)


def test_a_payload_that_is_not_ours_is_ignored():
    store = uuid.uuid4()
    assert parse_payload(f"{store}:4,hello,{uuid.uuid4()}:x") == {store: 4}
