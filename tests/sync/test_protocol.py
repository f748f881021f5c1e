"""The wire models shared by terminal and hub."""

from __future__ import annotations

import uuid

import pytest
from pydantic import ValidationError

from sync.canonical import mutation_hash
from sync.protocol import MAX_BATCH, MutationResult, PullResponse, PushRequest


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


def test_a_deferred_result_is_a_status_of_its_own():
    result = MutationResult(id=4, status="deferred", message="The hub does not know order.completed.v2 yet.")
    assert result.status == "deferred" and result.code is None
