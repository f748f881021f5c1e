"""Lawful sales to push, made by the product and then multiplied.

A few real sales are rung up on a terminal (SaleService with the cashier's age attestation), and their outbox
rows — the age check, then the order — are the templates. Each clone gets fresh ids (age check, sale, order,
lines) and its own receipt number, so the hub accepts every one as a new sale: two mutations per sale, like
tests/sync/client/tills.py (PER_SALE = 2).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

PER_SALE = 2


@dataclass(frozen=True)
class SaleTemplate:
    text: str  # canonical JSON of [age check args, order args]
    old_ids: tuple[str, ...]
    old_number: str


def make_templates(terminal, count: int, codes: list[str], lines: int = 2) -> list[SaleTemplate]:
    """Ring up `count` real sales (not pushed anywhere) and keep their outbox rows as templates."""
    from sqlalchemy import delete, select

    from pos_app.persistence.models import SyncOutbox
    from tests.perf.terminal_env import cashier, ring_up

    staff = cashier(terminal)
    for index in range(count):
        ring_up(terminal, staff, codes[index * lines:(index + 1) * lines])
        terminal.sales.complete()
    with terminal.session_factory() as session:
        rows = list(session.scalars(select(SyncOutbox).order_by(SyncOutbox.mutation_id)))
        session.execute(delete(SyncOutbox))
        session.commit()
    pairs = [(rows[i], rows[i + 1]) for i in range(0, len(rows), PER_SALE)]
    templates = []
    for age, order in pairs:
        assert age.name == "age_verification.logged.v1" and order.name == "order.completed.v1", (age.name, order.name)
        args = order.args
        ids = [age.args["id"], args["order_id"], args["sale_id"], *(line["line_id"] for line in args["lines"])]
        templates.append(SaleTemplate(json.dumps([age.args, args], sort_keys=True), tuple(ids), args["order_number"]))
    return templates


def clone(template: SaleTemplate, order_number: str) -> tuple[dict[str, Any], dict[str, Any]]:
    text = template.text.replace(f'"{template.old_number}"', f'"{order_number}"')
    for old in template.old_ids:
        text = text.replace(old, str(uuid.uuid4()))
    age, order = json.loads(text)
    return age, order


def sales_for(templates: list[SaleTemplate], terminal_no: int, count: int, store_code: str = "ON001",
              first_seq: int = 1) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for seq in range(first_seq, first_seq + count):
        yield clone(templates[seq % len(templates)], f"{store_code}-{terminal_no}-{seq:06d}")


def mutations(sales, first_id: int = 1) -> list[dict[str, Any]]:
    """Outbox-shaped rows (mutation_id, name, args, hash) for a run of sales, ids gap-free from first_id."""
    from sync.canonical import mutation_hash

    rows = []
    next_id = first_id
    for age, order in sales:
        for name, args in (("age_verification.logged.v1", age), ("order.completed.v1", order)):
            rows.append({"mutation_id": next_id, "name": name, "args": args, "hash": mutation_hash(args)})
            next_id += 1
    return rows
