"""The wire models and the canonical hash shared by terminal and hub."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sync.protocol import MAX_BATCH, PullResponse, PushRequest, canonical_json, mutation_hash

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_canonical_json_matches_the_terminals(value):
    from pos_app.domain import outbox

    assert canonical_json(value) == outbox.canonical_json(value)
    assert mutation_hash(value) == outbox.mutation_hash(value)


def test_non_json_values_take_the_terminals_forms():
    from pos_app.domain import outbox
    from pos_app.domain.money import Money

    value = {"id": uuid.UUID(int=5), "rate": Decimal("0.13"), "day": date(2026, 1, 2), "é": "café",
             "at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC), "price": Money(Decimal("3.99"))}
    assert canonical_json(value) == outbox.canonical_json(value)
    assert '"price":399' in canonical_json(value)


def _mutation(i: int) -> dict:
    return {"id": i, "name": "order.completed.v1", "args": {}, "hash": mutation_hash({})}


def test_a_batch_holds_at_most_100_mutations():
    PushRequest(client_id=uuid.uuid4(), schema_version=1, mutations=[_mutation(i) for i in range(1, MAX_BATCH + 1)])
    with pytest.raises(ValidationError):
        PushRequest(client_id=uuid.uuid4(), schema_version=1,
                    mutations=[_mutation(i) for i in range(1, MAX_BATCH + 2)])


def test_ids_in_a_batch_must_follow_each_other():
    with pytest.raises(ValidationError, match="consecutive"):
        PushRequest(client_id=uuid.uuid4(), schema_version=1, mutations=[_mutation(1), _mutation(3)])


def test_a_pull_response_round_trips():
    body = {"cursor": "ab:3", "last_mutation_id": 7, "has_more": False, "reset": False, "remaining": 0,
            "changes": [{"entity": "product", "id": "x", "op": "delete", "version": 3, "data": None}]}
    assert PullResponse.model_validate(body).model_dump() == body
