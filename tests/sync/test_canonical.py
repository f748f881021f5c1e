"""Canonical JSON and the hashes made from it: one definition, used by the terminal and the hub alike."""

from __future__ import annotations

import ast
import hashlib
import json
import sys
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import sync.canonical
from pos_app.domain.money import Money
from sync.canonical import GENESIS_HASH, canonical_json, entry_hash, mutation_hash

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def test_canonical_json_is_one_text_per_value():
    value = {
        "b": Decimal("1.50"),
        "a": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "d": date(2025, 6, 1),
        "t": datetime(2025, 6, 1, 12, 30, tzinfo=UTC),
        "name": "Crème",
    }
    assert canonical_json(value) == (
        '{"a":"12345678-1234-5678-1234-567812345678","b":"1.50","d":"2025-06-01",'
        '"name":"Crème","t":"2025-06-01T12:30:00+00:00"}'
    )
    assert canonical_json({"x": 1, "y": 2}) == canonical_json({"y": 2, "x": 1})


def test_mutation_hash_is_the_sha256_of_the_canonical_json():
    args = {"b": [1, 2], "a": "é"}
    assert mutation_hash(args) == hashlib.sha256('{"a":"é","b":[1,2]}'.encode()).hexdigest()
    assert mutation_hash(args) != mutation_hash({"a": "e", "b": [1, 2]})


@given(json_values)
def test_plain_json_values_are_sorted_compact_utf8(value):
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical_json(value) == text
    assert mutation_hash(value) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_money_is_its_cents_and_other_values_their_text():
    value = {"id": uuid.UUID(int=5), "rate": Decimal("0.13"), "day": date(2026, 1, 2), "é": "café",
             "at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC), "price": Money(Decimal("3.99"))}
    assert canonical_json(value) == (
        '{"at":"2026-01-02T03:04:00+00:00","day":"2026-01-02","id":"00000000-0000-0000-0000-000000000005",'
        '"price":399,"rate":"0.13","é":"café"}')


def test_an_audit_entry_hash_covers_the_previous_hash_and_the_fields():
    fields = {"seq": 1, "action": "drawer.opened", "id": uuid.UUID(int=1)}
    first = entry_hash(GENESIS_HASH, fields)
    assert first == hashlib.sha256((GENESIS_HASH + canonical_json(fields)).encode()).hexdigest()
    assert entry_hash(first, fields) != first


def test_the_module_imports_nothing_but_the_standard_library():
    # The import-linter contract lists the project's packages; this catches one added to the dependencies later.
    tree = ast.parse(Path(sync.canonical.__file__).read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported - {"__future__"} <= set(sys.stdlib_module_names)
