"""Register staff (``users``): add, edit, deactivate, set a temporary PIN, unlock. The one set of rules the console
and the admin API both call, in the style of `sync.hub.tenancy` (a `Scope`, sentences in `Invalid`/`OutOfScope`,
every change audited and put in the feed, which carries it to the terminals of the staff member's stores).

A staff member works in one store, in several chosen stores, or in every store of the tenant (`sync.staff_rules`).
Taken off a store, their row still goes to that store's feed once, saying where they work now, so its terminals
refuse their PIN after their next sync. A staff member may have a discount limit of their own, which replaces
their role's at the register. PINs are hashed here with the tenant's pepper, as the terminals check them offline;
a PIN set from the console is temporary, and the register asks for a new one at the next sign-in
(`staff.pin_changed.v1` brings it back).
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import String, and_, cast, or_, select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub import lockouts
from sync.hub.feed.record import record_put
from sync.hub.models import Store, Tenant, User
from sync.hub.tenancy import Invalid, NotFound, OutOfScope, Scope, Taken, audit, scoped_store
from sync.hub.tokens import tenant_pin_pepper
from sync.pin_policy import pin_problem
from sync.staff_rules import ROLE_DISCOUNT_CAP_PERCENT, placement

STAFF_ROLES = ("cashier", "manager", "admin")
STAFF_FIELDS = ("first_name", "last_name", "email", "role", "discount_cap_percent")


def hash_pin(pin: str, pepper: str) -> str:
    """The terminal's scheme (argon2 over an HMAC of the PIN) with the tenant's pepper, which paired terminals
    receive, so they check these hashes offline."""
    return PasswordHasher().hash(hmac.new(pepper.encode(), pin.encode(), hashlib.sha256).hexdigest())


def list_staff(session: Session, scope: Scope, store_id: uuid.UUID) -> list[User]:
    """Who may work in a store: its own staff and those of every store, by name."""
    store = scoped_store(session, scope, store_id)
    chosen = and_(User.store_id.is_(None), or_(User.store_ids.is_(None),
                                               cast(User.store_ids, String).contains(str(store.id))))
    query = select(User).where(User.tenant_id == scope.tenant_id, or_(User.store_id == store.id, chosen))
    return sorted(session.scalars(query), key=lambda u: (not u.is_active, (u.first_name or "").casefold(),
                                                         (u.last_name or "").casefold(), u.staff_code))


def scoped_staff(session: Session, scope: Scope, staff_id: uuid.UUID, *, store_id: uuid.UUID | None = None,
                 changing: bool = True) -> User:
    """The staff member, if the caller reaches them (and they work in ``store_id``, when given). Changing one who
    works in every store, or in a store the caller does not reach, takes an owner or admin: a manager's change
    would reach stores not theirs."""
    if store_id is not None:
        scoped_store(session, scope, store_id)
    user = session.get(User, staff_id)
    if user is not None and user.tenant_id != scope.tenant_id:
        raise OutOfScope("That staff member is not one of yours; ask an owner or admin of the tenant.")
    if user is None or (store_id is not None and not user.works_in(store_id)):
        raise NotFound("There is no such staff member in this store.")
    stores = user.stores()
    if changing and scope.store_ids is not None:  # a change reaches every store they work in
        if stores is None:
            raise OutOfScope("%(name)s works in every store; only an owner or admin can change them.",
                             name=_name(user))
        if not stores <= scope.store_ids:
            raise OutOfScope("%(name)s works in stores that are not yours too; only an owner or admin can change "
                             "them.", name=_name(user))
    elif store_id is None and stores is not None and not any(scope.reaches(one) for one in stores):
        raise OutOfScope("That staff member is not one of yours; ask an owner or admin of the tenant.")
    return user


def create_staff(session: Session, scope: Scope, store_id: uuid.UUID, *, staff_code: str, pin: str,
                 all_stores: bool = False, store_ids: Iterable[uuid.UUID] | None = None, **fields: Any) -> User:
    """``store_ids``: the stores they work in (None: ``store_id`` alone); ``all_stores``: every store of the
    tenant, those opened later too."""
    store = scoped_store(session, scope, store_id)
    if all_stores and scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin can add staff who work in every store.")
    works = None if all_stores else _chosen_stores(session, scope, (store.id,) if store_ids is None else store_ids)
    code = (staff_code or "").strip().upper()
    if not code or len(code) > 16 or not code.replace("-", "").isalnum():
        raise Invalid("The staff code must be 1 to 16 letters, digits or - (for example S014); cashiers type it "
                      "at the register.")
    values = _clean(fields)
    for required in ("first_name", "role"):
        values.setdefault(required, "")
    _check(scope, values)
    if session.scalar(select(User.id).where(User.tenant_id == scope.tenant_id, User.staff_code == code)) is not None:
        raise Taken("A staff member already has the code %(code)s; choose another.", code=code)
    home, chosen = placement(works)
    user = User(tenant_id=scope.tenant_id, store_id=home, store_ids=chosen, staff_code=code,
                email=values.pop("email", "") or "", pin_hash="", is_active=True, **values)
    _set_pin(session, scope, user, pin)
    session.add(user)
    session.flush()
    record_put(session, user)
    audit(session, scope, "staff.created", store_id=user.store_id, entity=user,
          details={"staff_code": code, "role": user.role, "all_stores": all_stores,
                   "stores": None if works is None else sorted(str(one) for one in works),
                   "discount_cap_percent": _text(user.discount_cap_percent)})
    return user


def update_staff(session: Session, scope: Scope, staff_id: uuid.UUID, *, store_id: uuid.UUID | None = None,
                 all_stores: bool | None = None, store_ids: Iterable[uuid.UUID] | None = None,
                 **fields: Any) -> User:
    """Change what is given. ``all_stores=True``: every store of the tenant; else ``store_ids``, when given, are
    the stores they work in from now on (one or more; fewer than before takes them off the others)."""
    user = scoped_staff(session, scope, staff_id, store_id=store_id)
    changes = _clean(fields)
    for key in ("role", "discount_cap_percent"):
        if key in changes and changes[key] == getattr(user, key):
            del changes[key]  # unchanged: a manager may edit the name of a manager, or of one with a raised limit
    _check(scope, {**changes, "first_name": changes.get("first_name", user.first_name)},
           role=changes.get("role", user.role))
    before = user.stores()
    if all_stores:
        if scope.store_ids is not None:
            raise OutOfScope("Only an owner or admin can let staff work in every store.")
        works: frozenset[uuid.UUID] | None = None
    elif store_ids is not None:
        works = _chosen_stores(session, scope, store_ids)
    elif all_stores is False and before is None:
        raise Invalid("%(name)s works in every store. Choose the stores they work in from now on.",
                      name=_name(user))
    else:
        works = before
    if works != before:
        user.store_id, user.store_ids = placement(works)
        changes["stores"] = None if works is None else sorted(str(one) for one in works)
    for key, value in changes.items():
        if key != "stores":
            setattr(user, key, value if key != "email" else value or "")
    # Stores they no longer work in get the row once more: their terminals learn it and refuse the PIN.
    taken_off = (before if before is not None else _tenant_stores(session, scope)) - (works or frozenset())
    record_put(session, user, also_to=taken_off if works is not None else frozenset())
    audit(session, scope, "staff.updated", store_id=user.store_id, entity=user,
          details={"fields": sorted(changes), "stores": changes.get("stores"),
                   "taken_off": sorted(str(one) for one in taken_off) if works is not None else [],
                   "discount_cap_percent": _text(user.discount_cap_percent)})
    return user


def set_staff_active(session: Session, scope: Scope, staff_id: uuid.UUID, active: bool, *,
                     store_id: uuid.UUID | None = None) -> User:
    user = scoped_staff(session, scope, staff_id, store_id=store_id)
    user.is_active = active
    record_put(session, user)
    audit(session, scope, "staff.activated" if active else "staff.deactivated", store_id=user.store_id, entity=user)
    return user


def set_temporary_pin(session: Session, scope: Scope, staff_id: uuid.UUID, pin: str, *,
                      store_id: uuid.UUID | None = None) -> User:
    """A manager sets or resets the PIN: it works once, then the register asks the cashier to choose their own."""
    user = scoped_staff(session, scope, staff_id, store_id=store_id)
    _set_pin(session, scope, user, pin)
    user.failed_login_attempts, user.locked_until = 0, None
    record_put(session, user)
    audit(session, scope, "staff.pin_reset", store_id=user.store_id, entity=user)  # never the PIN
    return user


def unlock_staff(session: Session, scope: Scope, staff_id: uuid.UUID, *, store_id: uuid.UUID | None = None) -> User:
    """Clears the wrong-PIN count and the lock on every terminal: the same unlock a manager's PIN makes at a
    register (`sync.hub.lockouts`), so its unlock count rises and the terminals' stricter merge lets it through."""
    user = scoped_staff(session, scope, staff_id, store_id=store_id)
    lockouts.unlock_staff(session, user, via=scope.via, by_console_user=scope.user_id, store_id=user.store_id)
    return user


def is_locked(user: User) -> bool:
    return user.locked_until is not None and user.locked_until > utcnow()


def _set_pin(session: Session, scope: Scope, user: User, pin: str) -> None:
    pin = (pin or "").strip()
    refusal = pin_problem(pin, user.role)
    if refusal:
        raise Invalid(refusal.template, **refusal.values)
    user.pin_hash = hash_pin(pin, tenant_pin_pepper(session.get_one(Tenant, scope.tenant_id)))
    user.pin_temporary = True


def _check(scope: Scope, values: dict[str, Any], *, role: str | None = None) -> None:
    if "first_name" in values and not values["first_name"]:
        raise Invalid("Give the staff member's first name; it is on their button at the register.")
    if "role" in values:
        if values["role"] not in STAFF_ROLES:
            raise Invalid("The role must be cashier, manager or admin.")
        if values["role"] != "cashier" and scope.store_ids is not None:
            raise OutOfScope("Only an owner or admin can give staff the manager or admin role.")
    cap = values.get("discount_cap_percent")
    role_cap = ROLE_DISCOUNT_CAP_PERCENT.get(role or values.get("role") or "cashier")
    if cap is not None and role_cap is not None and cap > role_cap and scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin can let staff discount more than their role's limit of "
                         "%(limit)s%%.", limit=f"{role_cap:g}")


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(STAFF_FIELDS)
    if unknown:
        raise Invalid("A staff member has no field named %(names)s.", names=", ".join(sorted(unknown)))
    cleaned = {key: value.strip() if isinstance(value, str) else value for key, value in fields.items()}
    if "email" in cleaned:
        cleaned["email"] = (cleaned["email"] or "").lower()
    if cleaned.get("last_name") == "":
        cleaned["last_name"] = None
    if "discount_cap_percent" in cleaned:
        cleaned["discount_cap_percent"] = parse_discount_cap(cleaned["discount_cap_percent"])
    return cleaned


def parse_discount_cap(text: str | Decimal | int | None) -> Decimal | None:
    """A discount limit typed by a person ("15", "12.5 %"), or None for an empty field (their role's limit)."""
    if text is None or text == "":
        return None
    try:
        value = Decimal(str(text).replace("%", "").strip())
    except InvalidOperation:
        raise Invalid("%(text)s is not a discount limit; type a percent from 0 to 100, like 15, or leave it empty "
                      "for the role's limit.", text=text) from None
    if not value.is_finite() or not 0 <= value <= 100 or value != value.quantize(Decimal("0.01")):
        raise Invalid("A discount limit is a percent from 0 to 100 with at most two decimals, like 15 or 12.5.")
    return value.normalize() if value == value.to_integral() else value


def _chosen_stores(session: Session, scope: Scope, store_ids: Iterable[uuid.UUID]) -> frozenset[uuid.UUID]:
    chosen = frozenset(store_ids)
    if not chosen:
        raise Invalid("Choose at least one store the staff member works in.")
    for one in sorted(chosen, key=str):
        scoped_store(session, scope, one)  # the tenant's, and one the caller reaches
    return chosen


def _tenant_stores(session: Session, scope: Scope) -> frozenset[uuid.UUID]:
    return frozenset(session.scalars(select(Store.id).where(Store.tenant_id == scope.tenant_id)))


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _name(user: User) -> str:
    return " ".join(part for part in (user.first_name, user.last_name) if part) or user.staff_code
