"""The hub's pull cursor, without a database: round trips, and what a stale, foreign or forged cursor gives."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.hub.feed import cursor as cursor_module
from sync.hub.feed.cursor import Position, Tally, decode_cursor, decode_tally, encode_cursor, new_epoch


@dataclass(frozen=True)
class Feed:
    """The three marks of a store feed's row that a cursor is checked against."""

    epoch: str = "0a1b2c3d"
    version: int = 40
    compacted_through: int = 0


FEED = Feed()
UUID_TEXT = "7d3f5a9e-2b1c-4c8e-9f0a-1b2c3d4e5f60"


def test_the_module_imports_nothing_but_the_standard_library():
    tree = ast.parse(Path(cursor_module.__file__).read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported - {"__future__"} <= set(sys.stdlib_module_names), imported


@pytest.mark.parametrize("position", [
    Position(0), Position(17), Position(40), Position(3, "product", UUID_TEXT), Position(40, "batch", "LOT:7:B"),
])
def test_a_cursor_gives_back_its_position(position):
    assert decode_cursor(encode_cursor(FEED.epoch, position), FEED) == position


def test_a_complete_position_is_epoch_and_version_only():
    assert encode_cursor("0a1b2c3d", Position(12)) == "0a1b2c3d:12"
    assert encode_cursor("0a1b2c3d", Position(12, "product", "p-1")) == "0a1b2c3d:12:product:p-1"
    assert Position(12).complete and not Position(12, "product", "p-1").complete


def test_a_catch_up_cursor_carries_its_tally_and_still_decodes_to_its_position():
    cursor = encode_cursor(FEED.epoch, Position(5, "product", UUID_TEXT), Tally(1234, 39))
    assert cursor.endswith("|1234|39")
    assert decode_tally(cursor) == Tally(1234, 39)
    assert decode_cursor(cursor, FEED) == Position(5, "product", UUID_TEXT)


def test_a_cursor_without_a_tally_has_none():
    assert decode_tally(encode_cursor(FEED.epoch, Position(5))) is None
    assert decode_tally(encode_cursor(FEED.epoch, Position(5, "product", UUID_TEXT))) is None


entities = st.text(st.characters(blacklist_characters=":|", blacklist_categories=["Cs"]), min_size=1)
ids = st.text(st.characters(blacklist_characters="|", blacklist_categories=["Cs"]))


@given(version=st.integers(0, FEED.version), entity=entities, entity_id=ids,
       tally=st.none() | st.builds(Tally, st.integers(0, 10**9), st.integers(0, 10**9)))
def test_any_position_and_tally_survive_the_round_trip(version, entity, entity_id, tally):
    position = Position(version, entity, entity_id)
    cursor = encode_cursor(FEED.epoch, position, tally)
    assert decode_cursor(cursor, FEED) == position
    assert decode_tally(cursor) == tally


def test_a_cursor_from_another_epoch_is_unknown():
    """A feed made anew (a restored or rebuilt hub) has a new epoch: its old cursors start over."""
    assert decode_cursor(encode_cursor("ffffffff", Position(3)), FEED) is None
    assert decode_cursor(encode_cursor("", Position(3)), FEED) is None


def test_a_cursor_ahead_of_the_feed_is_unknown():
    """A hub restored from an older backup stands behind what its terminals have seen."""
    assert decode_cursor(encode_cursor(FEED.epoch, Position(FEED.version + 1)), FEED) is None
    assert decode_cursor(encode_cursor(FEED.epoch, Position(FEED.version)), FEED) == Position(FEED.version)


def test_a_cursor_into_compacted_tombstones_is_unknown():
    feed = Feed(version=40, compacted_through=10)
    assert decode_cursor(encode_cursor(feed.epoch, Position(9)), feed) is None
    assert decode_cursor(encode_cursor(feed.epoch, Position(10, "product", "p-1")), feed) is None
    assert decode_cursor(encode_cursor(feed.epoch, Position(10)), feed) == Position(10)
    assert decode_cursor(encode_cursor(feed.epoch, Position(11, "product", "p-1")), feed) == Position(
        11, "product", "p-1")


def test_the_first_snapshot_can_be_resumed_before_any_compaction():
    """Version 0 with nothing compacted: a cursor inside the first page's version is still good."""
    feed = Feed(version=0)
    assert decode_cursor(encode_cursor(feed.epoch, Position(0, "product", "p-1")), feed) == Position(
        0, "product", "p-1")


@pytest.mark.parametrize("garbled", [
    "", ":", "0a1b2c3d", "0a1b2c3d:", "0a1b2c3d:x", "0a1b2c3d:-1", "0a1b2c3d:1.5", "0a1b2c3d: 1",
    "0a1b2c3d:1:product", "0a1b2c3d:0x10", "0a1b2c3d:²", "0a1b2c3d:١", "|1|2", "0a1b2c3d|3:4",
])
def test_a_garbled_cursor_is_unknown(garbled):
    assert decode_cursor(garbled, FEED) is None


@pytest.mark.parametrize("garbled", [
    "0a1b2c3d:5", "0a1b2c3d:5|", "0a1b2c3d:5|7", "0a1b2c3d:5|7|", "0a1b2c3d:5||9", "0a1b2c3d:5|x|9",
    "0a1b2c3d:5|-7|9", "0a1b2c3d:5|7|9|1", "0a1b2c3d:5|²|9", "0a1b2c3d:5|7|٩",
])
def test_a_garbled_tally_is_none(garbled):
    assert decode_tally(garbled) is None


def test_a_forged_tally_does_not_move_the_position():
    """Only progress bars read the tally: a bad one costs a recount, never a change skipped."""
    assert decode_cursor("0a1b2c3d:5|junk", FEED) == Position(5)
    assert decode_cursor("0a1b2c3d:5:product:p-1|1|", FEED) == Position(5, "product", "p-1")


@given(st.text(max_size=200))
def test_no_text_makes_decoding_fail(text):
    """Whatever a terminal sends as its cursor, the hub answers (with a reset at worst), never with an error."""
    position = decode_cursor(text, FEED)
    assert position is None or FEED.compacted_through <= position.version <= FEED.version
    tally = decode_tally(text)
    assert tally is None or (tally.remaining >= 0 and tally.feed_version >= 0)


def test_epochs_are_short_new_and_safe_inside_a_cursor():
    epochs = {new_epoch() for _ in range(50)}
    assert len(epochs) == 50
    assert all(len(epoch) == 8 and set(epoch) <= set("0123456789abcdef") for epoch in epochs)
