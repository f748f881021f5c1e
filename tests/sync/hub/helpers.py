"""Building blocks for hub tests: a small two-tenant world, mutations with their hashes, sale args."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select

from sync.canonical import mutation_hash
from sync.hub.database import Database
from sync.hub.feed.record import ensure_feed, feed_new_store, record_put
from sync.hub.inventory import Delta, apply_deltas
from sync.hub.models import BatchTracking, OcsProduct, ProvinceTerritory, Store, TaxRate, Tenant, User
from sync.hub.tokens import issue_pairing_code, issue_token


@dataclass
class Terminal:
    store_id: uuid.UUID
    tenant_id: uuid.UUID
    store_code: str
    token: str
    client_id: uuid.UUID
    terminal_id: uuid.UUID
    staff_id: uuid.UUID
    next_id: int = 1

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def take_ids(self, count: int) -> list[int]:
        ids = list(range(self.next_id, self.next_id + count))
        self.next_id += count
        return ids


@dataclass
class World:
    terminals: dict[str, Terminal]
    admin_tokens: dict[str, str]
    tenant_ids: dict[str, uuid.UUID]
    product_ids: dict[str, uuid.UUID] = field(default_factory=dict)

    def admin(self, tenant: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.admin_tokens[tenant]}"}


def _province(session) -> ProvinceTerritory:
    province = session.scalar(select(ProvinceTerritory).where(ProvinceTerritory.code == "ON"))
    if province is None:
        province = ProvinceTerritory(code="ON", name="Ontario", min_age=19)
        session.add(province)
        session.flush()
        session.add(TaxRate(province_territory_id=province.id, tax_type="HST", rate=Decimal("0.13"),
                            effective_from=date(2024, 1, 1)))
    return province


def _store(session, tenant: Tenant, province: ProvinceTerritory, code: str) -> Store:
    store = Store(tenant_id=tenant.id, province_territory_id=province.id, store_code=code, name=f"Store {code}")
    session.add(store)
    session.flush()
    ensure_feed(session, store.id)
    feed_new_store(session, store)
    return store


def build_world(db: Database, client) -> World:
    suffix = uuid.uuid4().hex[:6].upper()
    stores: dict[str, Store] = {}
    staff: dict[str, uuid.UUID] = {}
    admin_tokens, tenant_ids, codes, product_ids = {}, {}, {}, {}
    with db.write() as session:
        province = _province(session)
        for tenant_key, store_keys in (("A", ("A1", "A2")), ("B", ("B1",))):
            tenant = Tenant(code=f"T{tenant_key}{suffix}", name=f"Tenant {tenant_key}")
            session.add(tenant)
            session.flush()
            tenant_ids[tenant_key] = tenant.id
            admin_tokens[tenant_key] = issue_token(session, kind="admin", tenant_id=tenant.id)
            product = OcsProduct(
                tenant_id=tenant.id, ocs_variant_number="SKU-1", ocs_product_name="Test Flower 3.5 g",
                product_name="Test Flower 3.5 g", brand_name="Brand", category="Flower", product_form="dried_flower",
                net_content=Decimal("3.5"), unit_of_measure="g", price_per_unit=Decimal("30.99"))
            session.add(product)
            session.flush()
            product_ids[tenant_key] = product.id
            record_put(session, product)
            for key in store_keys:
                store = stores[key] = _store(session, tenant, province, f"{key}{suffix}")
                user = User(tenant_id=tenant.id, store_id=store.id, staff_code=f"1{key}", email="x@example.com",
                            role="cashier", pin_hash="argon2-placeholder")
                session.add(user)
                session.flush()
                staff[key] = user.id
                record_put(session, user)
                session.add(BatchTracking(store_id=store.id, sku="SKU-1", batch_lot="LOT-1", quantity_received=5,
                                          quantity_remaining=0, received_date=date(2026, 1, 1)))
                session.flush()
                apply_deltas(session, store.id, [Delta("SKU-1", "LOT-1", 5)], transaction_type="opening",
                             reference_type="opening", reference_id=None)
                codes[key] = issue_pairing_code(session, store)
    terminals = {}
    for key, store in stores.items():
        client_id = uuid.uuid4()
        response = client.post("/sync/v1/pair", json={"pairing_code": codes[key], "terminal_name": f"T-{key}",
                                                      "client_id": str(client_id)})
        assert response.status_code == 200, response.text
        body = response.json()
        terminals[key] = Terminal(store.id, store.tenant_id, store.store_code, body["token"], client_id,
                                  uuid.UUID(body["terminal_id"]), staff[key])
    return World(terminals, admin_tokens, tenant_ids, product_ids)


def mutation(mutation_id: int, name: str, args: dict) -> dict:
    return {"id": mutation_id, "name": name, "args": args, "hash": mutation_hash(args)}


def sale_args(terminal: Terminal, quantity: int = 1, *, sku: str = "SKU-1", lot: str | None = "LOT-1",
              order_id: uuid.UUID | None = None) -> dict:
    order_id = order_id or uuid.uuid4()
    line_id = str(uuid.uuid4())
    total = 3099 * quantity
    tax = round(total * 0.13)
    return {
        "order_id": str(order_id), "sale_id": None, "order_number": f"{terminal.store_code}-1-{uuid.uuid4().hex[:8]}",
        "store_id": str(terminal.store_id), "staff_id": str(terminal.staff_id), "subtotal_cents": total,
        "discount_amount_cents": 0, "tax_amount_cents": tax, "total_amount_cents": total + tax,
        "cash_rounding_cents": 0, "change_due_cents": 0, "tax_components_cents": {"HST": tax},
        "tax_rates": {"HST": "0.13"}, "dried_equivalent_grams": "3.5",
        "lines": [{
            "line_id": line_id, "sku": sku, "name": "Test Flower 3.5 g", "quantity": quantity,
            "unit_price_cents": 3099, "discount_cents": 0, "taxable_amount_cents": total,
            "taxes_cents": {"HST": tax}, "line_total_cents": total + tax, "price_version": 1, "is_cannabis": True,
            "dried_equivalent_grams": "3.5",
            "allocations": [{"batch_lot": lot, "quantity": quantity}] if lot else [],
        }],
        "tenders": [{"method": "cash", "amount_cents": total + tax}],
        "inventory_deltas": [{"sku": sku, "batch_lot": lot, "quantity_delta": -quantity, "line_id": line_id,
                              "reason": "sale"}],
        "local_ts": datetime.now(UTC).isoformat(), "cash_session_id": None,
    }


def push(client, terminal: Terminal, mutations: list[dict], *, headers: dict[str, str] | None = None):
    return client.post("/sync/v1/push", headers=terminal.headers | (headers or {}),
                       json={"client_id": str(terminal.client_id), "schema_version": 1, "mutations": mutations})


def sales(terminal: Terminal, count: int, quantity: int = 1) -> list[dict]:
    return [mutation(i, "order.completed.v1", sale_args(terminal, quantity)) for i in terminal.take_ids(count)]


def pull(client, terminal: Terminal, cursor: str | None = None, limit: int = 500, **extra):
    return client.post("/sync/v1/pull", headers=terminal.headers,
                       json={"client_id": str(terminal.client_id), "cursor": cursor, "limit": limit, **extra})


def pull_all(client, terminal: Terminal, cursor: str | None = None, limit: int = 500) -> tuple[list[dict], str]:
    changes = []
    while True:
        body = pull(client, terminal, cursor, limit).json()
        changes.extend(body["changes"])
        cursor = body["cursor"]
        if not body["has_more"]:
            return changes, cursor
