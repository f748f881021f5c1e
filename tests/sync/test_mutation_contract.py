"""The mutation contract: one registry of names, a terminal builder and a hub handler for each, and the hashes
of payloads already sent still reproduced byte for byte (tests/sync/recorded_payloads*.json: one file per
release that brought new mutations, never edited afterwards)."""

from __future__ import annotations

import inspect
import json
import re
import typing
from pathlib import Path

import pytest

from pos_app.persistence import audit
from pos_app.services import mutations as builders
from sync.canonical import mutation_hash
from sync.hub.handlers import HANDLERS
from sync.mutations import MUTATIONS, MutationArgs, name_of
from sync.protocol import MUTATIONS as PROTOCOL_MUTATIONS

RECORDED = [payload for recording in sorted(Path(__file__).parent.glob("recorded_payloads*.json"))
            for payload in json.loads(recording.read_text(encoding="utf-8"))["payloads"]]
# Where the terminal turns its facts into mutation models (the audit entry's sits with the hash chain).
BUILDER_MODULES = (builders, audit)


def _terminal_builders() -> dict[type[MutationArgs], list[str]]:
    built: dict[type[MutationArgs], list[str]] = {}
    for module in BUILDER_MODULES:
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            returned = typing.get_type_hints(function).get("return")
            if isinstance(returned, type) and issubclass(returned, MutationArgs):
                built.setdefault(returned, []).append(f"{module.__name__}.{name}")
    return built


@pytest.mark.parametrize("recorded", RECORDED, ids=[f"{i}-{r['name']}" for i, r in enumerate(RECORDED)])
def test_a_recorded_payload_validates_and_rebuilds_to_the_same_hash(recorded):
    assert mutation_hash(recorded["args"]) == recorded["hash"], "the recording itself was edited"
    model = MUTATIONS[recorded["name"]].model_validate(recorded["args"])
    assert model.payload() == recorded["args"], "key for key: None stays None, absent stays absent"
    assert mutation_hash(model.payload()) == recorded["hash"]
    assert name_of(model) == recorded["name"]


def test_every_registered_mutation_has_recorded_payloads():
    assert {r["name"] for r in RECORDED} == set(MUTATIONS)


def test_every_registered_mutation_has_a_builder_on_the_terminal_and_a_handler_on_the_hub():
    models = set(MUTATIONS.values())
    built = _terminal_builders()
    assert models - set(built) == set(), "a mutation the terminal cannot build"
    assert set(built) - models == set(), "a builder of an unregistered model"
    assert set(HANDLERS) == models, "the hub's handler table is keyed by the registry, one handler per model"


def test_names_are_versioned_and_each_model_is_registered_once():
    assert all(re.fullmatch(r"[a-z_]+(\.[a-z_]+)+\.v[1-9][0-9]*", name) for name in MUTATIONS)
    assert len(set(MUTATIONS.values())) == len(MUTATIONS)
    assert PROTOCOL_MUTATIONS is MUTATIONS


def test_a_model_outside_the_registry_has_no_name():
    class Unregistered(MutationArgs):
        x: int

    with pytest.raises(LookupError, match="not a registered mutation"):
        name_of(Unregistered(x=1))
