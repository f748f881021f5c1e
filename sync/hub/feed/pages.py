"""Reading a store's feed a page at a time: the changes after a cursor, how many are left, and compaction.

Pages are ordered by (version, entity, id). A version can span pages (a new store's snapshot is one version),
so a cursor can stand inside one; see `sync.hub.feed.cursor`.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import BigInteger, String, Text, cast, delete, func, literal, select, text, tuple_, update
from sqlalchemy.orm import Session

from sync.hub.feed.cursor import Position, Tally, decode_cursor, decode_tally, encode_cursor
from sync.hub.models import StoreFeed, SyncChange


class FeedRow(NamedTuple):
    """One change as the feed query returns it, its data still the JSON text the database holds."""

    entity: str
    entity_id: str
    op: str
    version: int
    data_json: str | None


@dataclass
class Page:
    changes: list[FeedRow]
    cursor: str
    has_more: bool
    reset: bool
    remaining: int = 0
    last_mutation_id: int = 0  # the pulling client's, read in the same snapshot as the changes

    def wire_json(self) -> bytes:
        """The pull answer (``sync.protocol.PullResponse``) as JSON text, written straight from the feed rows.

        A first sync reads 100,000 changes: parsing each row's data and building a model per change only
        to write the same JSON again cost the hub most of its time. The client validates the answer.
        """
        changes = ",".join(
            f'{{"entity":{_text(row.entity)},"id":{_text(row.entity_id)},"op":{_text(row.op)},'
            f'"version":{int(row.version)},"data":{row.data_json or "null"}}}'
            for row in self.changes)
        head = json.dumps({"cursor": self.cursor, "last_mutation_id": self.last_mutation_id,
                           "has_more": self.has_more, "reset": self.reset, "remaining": self.remaining})
        return f'{head[:-1]},"changes":[{changes}]}}'.encode()


_text = json.JSONEncoder(ensure_ascii=False).encode


def _after(position: Position):
    if position.complete:
        return SyncChange.version > position.version
    # One row-value comparison, so the (store_id, version, entity, entity_id) index seeks straight to the
    # position; spelt out with OR it became a filter over every row before it, page after page.
    return tuple_(SyncChange.version, SyncChange.entity, SyncChange.entity_id) > tuple_(
        literal(position.version, BigInteger), literal(position.entity, String),
        literal(position.entity_id, String))


_FEED_COLUMNS = (SyncChange.entity, SyncChange.entity_id, SyncChange.op, SyncChange.version,
                 cast(SyncChange.data, Text))  # the JSON as stored: no parse here, no dump again on the wire


def _walk_the_index(session: Session) -> None:
    """On PostgreSQL, read the page down the feed's index whatever the planner's statistics say.

    A page reads at most `limit + 1` rows in index order, so the index walk is always right. But before
    `sync_changes` is first analysed (a store just seeded or imported: autovacuum comes later), the planner
    guesses a few hundred rows and picks a bitmap scan and a sort of every row after the cursor: 55 ms a page
    at 45,000 changes instead of 2, and a first sync that grows quadratic. For this read transaction only.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL enable_sort = off"))


def read_page(session: Session, store_id: uuid.UUID, cursor: str | None, limit: int) -> Page:
    feed = session.get(StoreFeed, store_id)
    if feed is None:
        return Page([], encode_cursor("none", Position(0)), False, cursor is not None)
    position = Position(0) if cursor is None else decode_cursor(cursor, feed)
    reset = position is None
    if position is None:
        position = Position(0)
    _walk_the_index(session)
    rows = [FeedRow(*row) for row in session.execute(
        select(*_FEED_COLUMNS).where(SyncChange.store_id == store_id, _after(position))
        .order_by(SyncChange.version, SyncChange.entity, SyncChange.entity_id).limit(limit + 1)
    )]
    has_more = len(rows) > limit
    page = rows[:limit]
    if not page:
        return Page([], encode_cursor(feed.epoch, Position(position.version)), False, reset)
    last = page[-1]
    mid_version = has_more and rows[limit].version == last.version
    end = Position(last.version, last.entity, last.entity_id) if mid_version else Position(last.version)
    if not has_more:
        return Page(page, encode_cursor(feed.epoch, end), False, reset)
    # How much is left after this page, so a terminal catching up can show a real progress bar.
    tally = None if reset or cursor is None else decode_tally(cursor)
    remaining = _remaining(session, store_id, feed, end, page, tally)
    return Page(page, encode_cursor(feed.epoch, end, Tally(remaining, feed.version)), True, reset, remaining)


def _remaining(session: Session, store_id: uuid.UUID, feed: StoreFeed, end: Position, page: list[FeedRow],
               tally: Tally | None) -> int:
    """Changes after `end`: counted once per catch-up, then carried forward by the cursor's tally."""
    def count(*where) -> int:
        return int(session.scalar(select(func.count()).select_from(SyncChange).where(
            SyncChange.store_id == store_id, *where)))

    if tally is None or tally.feed_version > feed.version:
        return count(_after(end))
    old_rows = sum(1 for row in page if row.version <= tally.feed_version)
    left = max(tally.remaining - old_rows, 0)
    if feed.version > tally.feed_version:
        # Writes since the tally sit at the end of the feed; the older rows they replaced may have been
        # counted already, so this can run a little high until the catch-up ends (then it is 0).
        left += count(SyncChange.version > tally.feed_version, _after(end))
    return left


def compact_tombstones(session: Session, store_id: uuid.UUID, through_version: int) -> int:
    """Drop tombstones up to a version; cursors older than it then get a reset and a full snapshot."""
    removed = session.execute(
        delete(SyncChange).where(SyncChange.store_id == store_id, SyncChange.op == "delete",
                                 SyncChange.version <= through_version)
    ).rowcount
    session.execute(update(StoreFeed).where(StoreFeed.store_id == store_id)
                    .values(compacted_through=through_version))
    return removed
