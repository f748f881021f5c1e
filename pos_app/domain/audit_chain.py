"""The audit trail is a hash chain: each entry's hash covers the previous hash, so gaps and edits show.

The hash itself is `sync.canonical.entry_hash`, because the hub checks the same chain when the entries arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sync.canonical import GENESIS_HASH, entry_hash

__all__ = ["GENESIS_HASH", "entry_hash", "first_broken_link"]


def first_broken_link(entries: Iterable[tuple[str, str, Mapping[str, Any]]]) -> int | None:
    """Given (prev_hash, entry_hash, fields) in sequence order, the index of the first entry that
    does not chain, or None when the whole trail is intact."""
    expected_prev = GENESIS_HASH
    for index, (prev, stored, fields) in enumerate(entries):
        if prev != expected_prev or entry_hash(prev, fields) != stored:
            return index
        expected_prev = stored
    return None
