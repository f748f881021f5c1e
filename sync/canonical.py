"""Canonical JSON and the hashes made from it: the one definition the terminal and the hub both use.

A mutation's hash is the sha256 of the canonical JSON of its args; an audit entry's hash covers the previous
entry's hash and its own fields in the same form. The hub holds hashes made by terminals long ago, so the text
produced here must never change for a value it already handled.

Standard library only (an import-linter contract says so): anything that can import ``sync`` can import this.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

GENESIS_HASH = "0" * 64
"""The `prev_hash` of a terminal's first audit entry."""


def _json_default(value: object) -> Any:
    # A Money object (pos_app) exposes integer `cents`; anything else with `cents` is treated the same way.
    cents = getattr(value, "cents", None)
    if isinstance(cents, int) and not isinstance(value, int):
        return cents
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} has no canonical JSON form.")


def canonical_json(obj: object) -> str:
    """One text per value, so equal args always hash the same on the terminal and the hub."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default, allow_nan=False
    )


def mutation_hash(args: object) -> str:
    return hashlib.sha256(canonical_json(args).encode("utf-8")).hexdigest()


def entry_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    """The hash of one audit entry, chained to the one before it."""
    return hashlib.sha256((prev_hash + canonical_json(dict(fields))).encode()).hexdigest()
