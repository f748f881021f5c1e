"""``pos-app demo-data``: a whole Ontario demo store in the local replica, from the shared generator.

The hub seeds the same tenant from the same generator, so a demo terminal and a demo hub agree. The same
seed always gives the same staff PINs, so the demo can show who signs in with what at every start without
a PIN ever being kept anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from demo import generate_demo_tenant
from hardware.codes.gs1 import gtin14_or_none
from pos_app.domain.equivalency import ProductForm, dried_equivalent_per_unit
from pos_app.i18n.numbers import Count
from pos_app.persistence.bulk_load import has_store, insert_rows
from pos_app.persistence.store_repository import active_staff
from pos_app.persistence.sync_state import ensure_sync_state
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.errors import ServiceError
from pos_app.services.pins import hash_pin, pin_matches
from sync.pin_policy import pin_problem


@dataclass(frozen=True)
class StaffLogin:
    staff_code: str
    name: str
    role: str
    pin: str


@dataclass(frozen=True)
class DemoSummary:
    store_code: str
    store_name: str
    counts: dict[str, int]
    staff: list[StaffLogin]


MIN_PRODUCTS, MAX_PRODUCTS = 28, 1_000_000
DEMO_SEED = 7  # what `pos-app demo-data` and `pos-hub seed-demo` use unless told otherwise


class DemoDataExists(ServiceError):
    code = "demo_data_exists"


def _with_derived_fields(rows: dict[str, list[dict]], pepper: str, pins: dict[str, str]) -> dict[str, list[dict]]:
    for product in rows.get("ocs_product_catalog", []):
        product["dried_equivalent_g"] = dried_equivalent_per_unit(
            ProductForm(product["product_form"]), Decimal(product["net_content"]), product.get("pieces")
        )
    for accessory in rows.get("accessories_catalog", []):
        if accessory.get("barcode"):
            accessory["barcode"] = gtin14_or_none(accessory["barcode"]) or accessory["barcode"]
    for user in rows.get("users", []):
        problem = pin_problem(pins[user["staff_code"]], user["role"])
        if problem:
            raise ValueError(f"Demo staff {user['staff_code']}: {problem}")
        user["pin_hash"] = hash_pin(pins[user["staff_code"]], pepper)
    return rows


def _put_demo_promotions(session: Session, zone_name: str) -> None:
    from zoneinfo import ZoneInfo

    from demo.promotions import DEMO_PROMOTIONS
    from pos_app.domain.promotions.from_file import promotion_set_from_file
    from pos_app.persistence.promotions import put_promotions_file
    from sync.promotions_file import PromotionsFile

    data = PromotionsFile.model_validate(DEMO_PROMOTIONS)
    promotion_set_from_file(data)  # the rules the hub checks a file with: refused here too, with sentences
    put_promotions_file(session, data, ZoneInfo(zone_name))


def ensure_demo_promotions(session_factory: sessionmaker[Session], zone_name: str) -> bool:
    """The demo's promotions in a replica that has none yet (a demo store made without them), for the
    screenshot of a cart with promotions. True when they were added; a replica with its own is left alone."""
    from sqlalchemy import select

    from pos_app.persistence.models import Promotion

    with session_factory() as session:
        if session.scalar(select(Promotion.id).limit(1)) is not None:
            return False
        _put_demo_promotions(session, zone_name)
        session.commit()
        return True


def install_demo_data(
    session_factory: sessionmaker[Session],
    pepper: str,
    *,
    products: int = 2000,
    seed: int = DEMO_SEED,
    today: date | None = None,
    terminal_no: int = 1,
    progress: Callable[[str], None] = lambda _message: None,
    promotions: bool = False,
) -> DemoSummary:
    """``promotions``: also the demo store's promotions and code (demo.promotions), checked by the hub's rules,
    as its hub would feed them."""
    if products < MIN_PRODUCTS or products > MAX_PRODUCTS:
        raise ServiceError("service_error.demo_products", min_products=MIN_PRODUCTS, max_products=Count(MAX_PRODUCTS))
    progress(f"Generating {products:,} products (seed {seed})…")
    tenant = generate_demo_tenant(products=products, seed=seed, today=today)
    rows = _with_derived_fields(tenant.rows, pepper, tenant.pins)
    uow = UnitOfWork(session_factory)
    with uow as session:
        if has_store(session):
            raise DemoDataExists("demo_data_exists")
        progress("Writing the catalog, stock and staff…")
        counts = insert_rows(session, rows)
        store = rows["stores"][0]
        state = ensure_sync_state(session)
        state.store_id = store["id"]
        state.terminal_no = terminal_no
        if promotions:
            _put_demo_promotions(session, store.get("timezone") or "America/Toronto")
        uow.commit()
    staff = [
        StaffLogin(u["staff_code"], f"{u['first_name']} {u['last_name']}", u["role"], tenant.pins[u["staff_code"]])
        for u in rows["users"]
    ]
    return DemoSummary(store["store_code"], store["name"], counts, staff)


def demo_staff(session_factory: sessionmaker[Session], pepper: str, *, seed: int = DEMO_SEED) -> list[StaffLogin]:
    """The terminal's active staff whose PIN is the demo's for `seed`; anyone whose PIN was changed is left out,
    so a PIN shown is always one that signs in."""
    pins = generate_demo_tenant(products=MIN_PRODUCTS, seed=seed).pins  # the catalogue size never changes them
    with session_factory() as session:
        return [StaffLogin(user.staff_code, f"{user.first_name} {user.last_name}", user.role, pin)
                for user in active_staff(session)
                if (pin := pins.get(user.staff_code)) and pin_matches(user.pin_hash, pin, pepper)]


def sign_in_lines(staff: list[StaffLogin]) -> list[str]:
    """Who can sign in, for the console: role, name, staff code and PIN."""
    return ["Staff sign-in (staff code / PIN):",
            *(f"  {login.role:<8} {login.name:<24} {login.staff_code} / {login.pin}" for login in staff)]
