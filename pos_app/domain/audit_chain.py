"""The audit trail is a hash chain: each entry's hash covers the previous hash, so gaps and edits show."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from pos_app.domain.outbox import canonical_json

GENESIS_HASH = "0" * 64


def entry_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical_json(dict(fields))).encode()).hexdigest()


def first_broken_link(entries: Iterable[tuple[str, str, Mapping[str, Any]]]) -> int | None:
    """Given (prev_hash, entry_hash, fields) in sequence order, the index of the first entry that
    does not chain, or None when the whole trail is intact."""
    expected_prev = GENESIS_HASH
    for index, (prev, stored, fields) in enumerate(entries):
        if prev != expected_prev or entry_hash(prev, fields) != stored:
            return index
        expected_prev = stored
    return None
