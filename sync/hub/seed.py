"""`pos-hub seed-demo`: the demo tenant from the shared generator, with its opening stock in the ledger."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, text

from demo import generate_demo_tenant
from sync.hub.accounts import create_console_user, set_password_with_token
from sync.hub.database import Database
from sync.hub.feed.entities import ENTITY_OF
from sync.hub.feed.record import ensure_feed, record_put
from sync.hub.ledger_records import open_ledger
from sync.hub.models import ConsoleUser, Recall, Store, Tenant
from sync.hub.models.base import Base
from sync.hub.staff import hash_pin
from sync.hub.tenancy import Scope
from sync.pin_policy import pin_problem

# The demo tenant's owner in the store console. Demo only: `pos-hub seed-demo` is never run on a real hub, and a
# real tenant's owner sets their own password from `pos-hub create-tenant`'s one-time link.
DEMO_CONSOLE_LOGIN = "greenleaf.owner"
DEMO_CONSOLE_PASSWORD = "greenleaf-demo"

# Tables the hub scopes by tenant where the terminal's replica (one tenant only) does not.
TENANT_SCOPED = {"users", "role_permissions", "accessory_categories", "accessories_catalog", "ocs_product_catalog"}


@dataclass(frozen=True)
class SeedResult:
    tenant_code: str
    store_code: str
    created: bool
    pins: dict[str, str]
    row_counts: dict[str, int]


def _model_by_table() -> dict[str, type[Base]]:
    return {mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers}


def seed_demo(db: Database, *, products: int = 2000, seed: int = 7, today: date | None = None) -> SeedResult:
    tenant = generate_demo_tenant(products=products, seed=seed, today=today)
    with db.write() as session:
        existing = session.scalar(select(Tenant.id).where(Tenant.code == tenant.tenant_code))
        if existing is not None:
            _demo_owner(session, existing)  # a demo hub seeded before the console had one gets it now
            return SeedResult(tenant.tenant_code, tenant.store_code, False, {}, {})
        models = _model_by_table()
        tenant_id = tenant.rows["tenants"][0]["id"]
        pepper = secrets.token_hex(32)
        for table, rows in tenant.rows.items():
            model = models[table]
            for row in rows:
                values = dict(row)
                if "metadata" in values and table == "batch_tracking":
                    values["metadata_"] = values.pop("metadata")
                if table in TENANT_SCOPED:
                    values["tenant_id"] = tenant_id
                if table == "tenants":
                    values["pin_pepper"] = pepper
                if table == "users":
                    pin = tenant.pins[values["staff_code"]]
                    if problem := pin_problem(pin, values["role"]):
                        raise ValueError(f"Demo staff {values['staff_code']}: {problem}")
                    values["pin_hash"] = hash_pin(pin, pepper)
                obj = model(**values)
                session.add(obj)
                if model in ENTITY_OF and table != "purchase_orders":
                    record_put(session, obj)
            session.flush()
            if table == "stores":
                for store in rows:
                    ensure_feed(session, store["id"])
        for lot in tenant.rows["batch_tracking"]:  # the demo's recall, as `pos-hub recall` would have made it
            recall = lot["metadata"].get("recall") if lot["is_recalled"] else None
            if isinstance(recall, dict):
                session.add(Recall(id=uuid.UUID(recall["id"]), tenant_id=tenant_id, sku=lot["sku"],
                                   lots=[lot["batch_lot"]], reason=recall["reason"], reference=recall["reference"]))
        open_ledger(session)
        for order in session.scalars(select(models["purchase_orders"])):
            record_put(session, order)
        _demo_owner(session, tenant_id)
    _refresh_statistics(db)
    return SeedResult(tenant.tenant_code, tenant.store_code, True, dict(tenant.pins), tenant.row_counts())


def _refresh_statistics(db: Database) -> None:
    """PostgreSQL plans by its tables' statistics, which autovacuum makes only some time after a bulk load. Until
    then a store just seeded looks like a few hundred stock rows to it, and a delivery's level and lot updates ran
    as a scan of all 100,000 with a hash join (about 0.1 s each) instead of index look-ups."""
    if db.engine.dialect.name == "postgresql":
        with db.write() as session:
            session.execute(text("ANALYZE"))


def _demo_owner(session, tenant_id) -> None:
    if session.scalar(select(ConsoleUser.id).where(ConsoleUser.username == DEMO_CONSOLE_LOGIN)) is not None:
        return
    scope = Scope(tenant_id, via="cli")
    _user, token = create_console_user(session, scope, username=DEMO_CONSOLE_LOGIN, email="owner@greenleaf.example",
                                       display_name="Demo owner", role="owner")
    set_password_with_token(session, token, DEMO_CONSOLE_PASSWORD, DEMO_CONSOLE_PASSWORD)


__all__ = ["SeedResult", "Store", "hash_pin", "seed_demo"]
