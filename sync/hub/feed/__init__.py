"""Each store's change feed, the way terminals receive the hub's rows.

- `entities`: which hub rows the feed carries, under which names, for which stores, as what data;
- `record`: writers record their changes, and each commit publishes them under the store's next version;
- `cursor`: the pull cursor, pure (no database);
- `pages`: reading the feed a page at a time after a cursor, and compacting its tombstones.

The names below are the feed's whole public face, for callers that don't care which part holds them.
"""

from sync.hub.feed.cursor import Position, Tally, decode_cursor, decode_tally, encode_cursor, new_epoch
from sync.hub.feed.entities import ENTITY_OF, json_value, row_data, stores_for
from sync.hub.feed.pages import FeedRow, Page, compact_tombstones, read_page
from sync.hub.feed.record import (
    bump_version,
    ensure_feed,
    feed_new_store,
    lock_store,
    publish_pending,
    record_delete,
    record_put,
    record_put_row,
    savepoint,
)

__all__ = [
    "ENTITY_OF", "FeedRow", "Page", "Position", "Tally", "bump_version", "compact_tombstones", "decode_cursor",
    "decode_tally", "encode_cursor", "ensure_feed", "feed_new_store", "json_value", "lock_store", "new_epoch",
    "publish_pending", "read_page", "record_delete", "record_put", "record_put_row", "row_data", "savepoint",
    "stores_for",
]
