"""The pull cursor: where a terminal stands in its store's feed, as the opaque text it sends back.

``<epoch>:<version>`` once everything up to the version is delivered, ``<epoch>:<version>:<entity>:<id>`` in
the middle of a version, and on a catch-up page ``|<remaining>|<feed version>`` after it (the `Tally`). The
epoch is the feed's: a feed made anew (a restored or rebuilt hub) has another one, and its old cursors start
again from a snapshot.

Pure: no database here. `decode_cursor` is given what it checks against (the feed's epoch, version and
compaction mark), so it is tested without one.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Protocol


class FeedMarks(Protocol):
    """What a cursor is checked against: the store feed's row (`sync.hub.models.StoreFeed`)."""

    epoch: str
    version: int
    compacted_through: int


@dataclass(frozen=True)
class Position:
    version: int
    entity: str = ""
    entity_id: str = ""

    @property
    def complete(self) -> bool:
        """True when everything up to and including `version` has been delivered."""
        return self.entity == ""


@dataclass(frozen=True)
class Tally:
    """How many changes were left after a catch-up cursor, counted when the feed stood at `feed_version`.

    A catch-up cursor carries it so the next page's `remaining` is a subtraction, not a count over the rest
    of the feed (which, page after page, made a first sync quadratic). Only progress bars read it.
    """

    remaining: int
    feed_version: int


_TALLY = "|"  # neither epochs, versions, entity names nor ids hold it


def new_epoch() -> str:
    return secrets.token_hex(4)


def encode_cursor(epoch: str, position: Position, tally: Tally | None = None) -> str:
    cursor = f"{epoch}:{position.version}"
    if not position.complete:
        cursor += f":{position.entity}:{position.entity_id}"
    if tally is not None:
        cursor += f"{_TALLY}{tally.remaining}{_TALLY}{tally.feed_version}"
    return cursor


def _number(text: str) -> bool:
    # ASCII digits only: str.isdigit() also takes "²", which int() then refuses.
    return text.isascii() and text.isdigit()


def decode_tally(cursor: str) -> Tally | None:
    """The tally a catch-up cursor carries, or None when it has none (or a garbled one)."""
    parts = cursor.split(_TALLY)
    if len(parts) != 3 or not _number(parts[1]) or not _number(parts[2]):
        return None
    return Tally(int(parts[1]), int(parts[2]))


def decode_cursor(cursor: str, feed: FeedMarks) -> Position | None:
    """The position a cursor stands for, or None when it is unknown, from another epoch or compacted away."""
    parts = cursor.split(_TALLY, 1)[0].split(":", 3)
    if len(parts) not in (2, 4) or parts[0] != feed.epoch or not _number(parts[1]):
        return None
    position = Position(int(parts[1]), *parts[2:4]) if len(parts) == 4 else Position(int(parts[1]))
    if position.version > feed.version:
        return None
    if position.version < feed.compacted_through or (
        position.version == feed.compacted_through and not position.complete and position.version > 0
    ):
        return None
    return position
