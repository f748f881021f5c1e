"""Register staff (``users``): add, edit, deactivate, set a temporary PIN, unlock. The one set of rules the console
and the admin API both call, in the style of `sync.hub.tenancy` (a `Scope`, sentences in `Invalid`/`OutOfScope`,
every change audited and put in the feed, which carries it to the terminals of the staff member's stores).

A staff member works in one store (``store_id``) or in every store of the tenant (``store_id`` empty). PINs are
hashed here with the tenant's pepper, as the terminals check them offline; a PIN set from the console is
temporary, and the register asks for a new one at the next sign-in (`staff.pin_changed.v1` brings it back).
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub import lockouts
from sync.hub.feed.record import record_put
from sync.hub.models import Tenant, User
from sync.hub.tenancy import Invalid, NotFound, OutOfScope, Scope, Taken, audit, scoped_store
from sync.hub.tokens import tenant_pin_pepper
from sync.pin_policy import pin_problem

STAFF_ROLES = ("cashier", "manager", "admin")
STAFF_FIELDS = ("first_name", "last_name", "email", "role")


def hash_pin(pin: str, pepper: str) -> str:
    """The terminal's scheme (argon2 over an HMAC of the PIN) with the tenant's pepper, which paired terminals
    receive, so they check these hashes offline."""
    return PasswordHasher().hash(hmac.new(pepper.encode(), pin.encode(), hashlib.sha256).hexdigest())


def list_staff(session: Session, scope: Scope, store_id: uuid.UUID) -> list[User]:
    """Who may work in a store: its own staff and those of every store, by name."""
    store = scoped_store(session, scope, store_id)
    query = select(User).where(User.tenant_id == scope.tenant_id,
                               or_(User.store_id == store.id, User.store_id.is_(None)))
    return sorted(session.scalars(query), key=lambda u: (not u.is_active, (u.first_name or "").casefold(),
                                                         (u.last_name or "").casefold(), u.staff_code))


def scoped_staff(session: Session, scope: Scope, staff_id: uuid.UUID, *, store_id: uuid.UUID | None = None,
                 changing: bool = True) -> User:
    """The staff member, if the caller reaches them (and they work in ``store_id``, when given). Changing one who
    works in every store takes an owner or admin: a manager's change would reach stores not theirs."""
    if store_id is not None:
        scoped_store(session, scope, store_id)
    user = session.get(User, staff_id)
    if user is not None and user.tenant_id != scope.tenant_id:
        raise OutOfScope("That staff member is not one of yours; ask an owner or admin of the tenant.")
    if user is None or (store_id is not None and user.store_id not in (None, store_id)):
        raise NotFound("There is no such staff member in this store.")
    if user.store_id is not None:
        scoped_store(session, scope, user.store_id)
    elif changing and scope.store_ids is not None:
        raise OutOfScope(f"{_name(user)} works in every store; only an owner or admin can change them.")
    return user


def create_staff(session: Session, scope: Scope, store_id: uuid.UUID, *, staff_code: str, pin: str,
                 all_stores: bool = False, **fields: Any) -> User:
    store = scoped_store(session, scope, store_id)
    if all_stores and scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin can add staff who work in every store.")
    code = (staff_code or "").strip().upper()
    if not code or len(code) > 16 or not code.replace("-", "").isalnum():
        raise Invalid("The staff code must be 1 to 16 letters, digits or - (for example S014); cashiers type it "
                      "at the register.")
    values = _clean(fields)
    for required in ("first_name", "role"):
        values.setdefault(required, "")
    _check(scope, values)
    if session.scalar(select(User.id).where(User.tenant_id == scope.tenant_id, User.staff_code == code)) is not None:
        raise Taken(f"A staff member already has the code {code}; choose another.")
    user = User(tenant_id=scope.tenant_id, store_id=None if all_stores else store.id, staff_code=code,
                email=values.pop("email", "") or "", pin_hash="", is_active=True, **values)
    _set_pin(session, scope, user, pin)
    session.add(user)
    session.flush()
    record_put(session, user)
    audit(session, scope, "staff.created", store_id=user.store_id, entity=user,
          details={"staff_code": code, "role": user.role, "all_stores": all_stores})
    return user


def update_staff(session: Session, scope: Scope, staff_id: uuid.UUID, *, store_id: uuid.UUID | None = None,
                 all_stores: bool | None = None, **fields: Any) -> User:
    user = scoped_staff(session, scope, staff_id, store_id=store_id)
    changes = _clean(fields)
    if changes.get("role") == user.role:
        del changes["role"]  # unchanged: a manager may edit a manager's name without giving the role
    _check(scope, {**changes, "first_name": changes.get("first_name", user.first_name)})
    if all_stores and user.store_id is not None:
        if scope.store_ids is not None:
            raise OutOfScope("Only an owner or admin can let staff work in every store.")
        user.store_id = None
        changes["all_stores"] = True
    elif all_stores is False and user.store_id is None:
        raise Invalid(f"{_name(user)} works in every store. To keep them to one store, deactivate them here and "
                      "add them again in that store.")
    for key, value in changes.items():
        if key != "all_stores":
            setattr(user, key, value if key != "email" else value or "")
    record_put(session, user)
    audit(session, scope, "staff.updated", store_id=user.store_id, entity=user, details={"fields": sorted(changes)})
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
        raise Invalid(refusal)
    user.pin_hash = hash_pin(pin, tenant_pin_pepper(session.get_one(Tenant, scope.tenant_id)))
    user.pin_temporary = True


def _check(scope: Scope, values: dict[str, Any]) -> None:
    if "first_name" in values and not values["first_name"]:
        raise Invalid("Give the staff member's first name; it is on their button at the register.")
    if "role" in values:
        if values["role"] not in STAFF_ROLES:
            raise Invalid("The role must be cashier, manager or admin.")
        if values["role"] != "cashier" and scope.store_ids is not None:
            raise OutOfScope("Only an owner or admin can give staff the manager or admin role.")


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(STAFF_FIELDS)
    if unknown:
        raise Invalid(f"A staff member has no field named {', '.join(sorted(unknown))}.")
    cleaned = {key: value.strip() if isinstance(value, str) else value for key, value in fields.items()}
    if "email" in cleaned:
        cleaned["email"] = (cleaned["email"] or "").lower()
    if cleaned.get("last_name") == "":
        cleaned["last_name"] = None
    return cleaned


def _name(user: User) -> str:
    return " ".join(part for part in (user.first_name, user.last_name) if part) or user.staff_code
