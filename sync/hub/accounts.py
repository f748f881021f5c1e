"""Console accounts: a tenant and its first owner, one-time set-password links, signing in with a password
(five wrong ones lock the account for 15 minutes), and signed-in sessions. Only hashes of secrets are stored."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.models import ConsoleSession, ConsoleUser, ConsoleUserStore, PasswordToken, Tenant
from sync.hub.tenancy import Invalid, Scope, audit, province
from sync.hub.tokens import digest

MAX_FAILED = 5
LOCKOUT = timedelta(minutes=15)
SESSION_TTL = timedelta(hours=12)
PASSWORD_LINK_TTL = timedelta(hours=72)
MIN_PASSWORD = 10
_hasher = PasswordHasher()
# Verified when no account matches, so a wrong user name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class SignInRefused(Exception):
    """A sentence for the person at the sign-in form (a template and its values, as `tenancy.TenancyError`)."""

    def __init__(self, message: str, /, **values: object) -> None:
        super().__init__(message % values if values else message)
        self.template = message
        self.values = values


@dataclass(frozen=True)
class NewTenant:
    tenant: Tenant
    owner: ConsoleUser
    password_token: str


def create_tenant(session: Session, *, name: str, code: str, province_code: str, owner_email: str = "",
                  owner_username: str | None = None) -> NewTenant:
    code = (code or "").strip().upper()
    if not code or len(code) > 40 or not code.replace("-", "").replace("_", "").isalnum():
        raise Invalid("The tenant code must be 1 to 40 letters, digits, - or _ (for example GREENLEAF).")
    if not (name or "").strip():
        raise Invalid("Give the tenant a name (the company's name).")
    if session.scalar(select(Tenant.id).where(Tenant.code == code)) is not None:
        raise Invalid(f"A tenant with the code {code} already exists on this hub.")
    where = province(session, province_code)
    tenant = Tenant(code=code, name=name.strip())
    session.add(tenant)
    session.flush()
    scope = Scope(tenant.id, via="cli")
    owner, token = create_console_user(session, scope, username=owner_username or f"{code.lower()}.owner",
                                       email=owner_email, display_name="", role="owner")
    audit(session, scope, "tenant.created", entity=tenant, details={"code": code, "province": where.code})
    return NewTenant(tenant, owner, token)


def create_console_user(session: Session, scope: Scope, *, username: str, email: str, display_name: str,
                        role: str, store_ids: tuple[uuid.UUID, ...] = ()) -> tuple[ConsoleUser, str]:
    """A console account with no password yet, and the one-time link token to set it."""
    username = (username or "").strip().lower()
    if not username or len(username) > 60 or " " in username or "@" in username:
        raise Invalid("A user name is 1 to 60 characters with no spaces and no @ (for example maya.t).")
    if role not in ("owner", "admin", "manager", "cashier"):
        raise Invalid("The role must be owner, admin, manager or cashier.")
    if session.scalar(select(ConsoleUser.id).where(ConsoleUser.username == username)) is not None:
        raise Invalid(f"The user name {username} is taken; choose another.")
    user = ConsoleUser(tenant_id=scope.tenant_id, username=username, email=(email or "").strip().lower(),
                       display_name=display_name.strip() or username, role=role)
    session.add(user)
    session.flush()
    for store_id in store_ids:
        session.add(ConsoleUserStore(user_id=user.id, store_id=store_id))
    audit(session, scope, "console_user.created", entity=user, details={"username": username, "role": role})
    return user, issue_password_link(session, user)


def issue_password_link(session: Session, user: ConsoleUser) -> str:
    token = secrets.token_urlsafe(32)
    session.add(PasswordToken(token_hash=digest(token), user_id=user.id, expires_at=utcnow() + PASSWORD_LINK_TTL))
    session.flush()
    return token


def check_password_rules(password: str, confirm: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"The password is too short: use at least {MIN_PASSWORD} characters.")
    if password != confirm:
        raise Invalid("The two passwords are not the same; type the same password twice.")
    if password.isdigit() and len(password) <= 8:
        raise Invalid("A password must not be a register PIN; choose a longer one.")


def password_token_user(session: Session, token: str) -> tuple[PasswordToken, ConsoleUser]:
    row = session.scalar(select(PasswordToken).where(PasswordToken.token_hash == digest(token or "")))
    if row is None or row.used_at is not None or row.expires_at < utcnow():
        raise Invalid("This link is unknown, already used or expired. Ask an owner or admin for a new one.")
    return row, session.get_one(ConsoleUser, row.user_id)


def set_password_with_token(session: Session, token: str, password: str, confirm: str) -> ConsoleUser:
    row, user = password_token_user(session, token)
    check_password_rules(password, confirm)
    row.used_at = utcnow()
    user.password_hash = _hasher.hash(password)
    user.failed_attempts, user.locked_until = 0, None
    session.execute(delete(ConsoleSession).where(ConsoleSession.user_id == user.id))
    audit(session, Scope(user.tenant_id, user_id=user.id, via="console"), "console_user.password_set", entity=user)
    return user


def sign_in(session: Session, login: str, password: str) -> ConsoleUser | SignInRefused:
    """The account for a user name or e-mail and its password, or the refusal with its reason. The refusal is
    returned, not raised, so the transaction still commits the failure count."""
    login = (login or "").strip().lower()
    candidates = list(session.scalars(select(ConsoleUser).where(
        or_(ConsoleUser.username == login, func.lower(ConsoleUser.email) == login),
        ConsoleUser.password_hash.is_not(None)).with_for_update()))
    now = utcnow()
    for user in candidates:
        if user.locked_until is not None and user.locked_until > now:
            minutes = max(1, round((user.locked_until - now).total_seconds() / 60))
            if minutes == 1:
                return SignInRefused("This account is locked after %(tries)s wrong passwords; try again in a "
                                     "minute, or ask an owner or admin.", tries=MAX_FAILED)
            return SignInRefused("This account is locked after %(tries)s wrong passwords; try again in "
                                 "%(minutes)s minutes, or ask an owner or admin.", tries=MAX_FAILED, minutes=minutes)
    matched = next((user for user in candidates if _verify(user.password_hash, password)), None)
    if not candidates:
        _verify(_DUMMY_HASH, password)
    if matched is None:
        for user in candidates:
            _count_failure(session, user, now)
        return SignInRefused("The user name or password is wrong. Check both and try again.")
    if not matched.is_active:
        return SignInRefused("This account is deactivated. Ask an owner or admin of your company.")
    if matched.role == "cashier":
        return SignInRefused("Cashiers sign in at the register with their PIN; the console is for owners, admins "
                            "and managers.")
    matched.failed_attempts, matched.locked_until, matched.last_login = 0, None, now
    audit(session, Scope(matched.tenant_id, user_id=matched.id, via="console"), "console.signed_in", entity=matched)
    return matched


def _count_failure(session: Session, user: ConsoleUser, now: datetime) -> None:
    user.failed_attempts += 1
    if user.failed_attempts >= MAX_FAILED:
        user.failed_attempts, user.locked_until = 0, now + LOCKOUT
        audit(session, Scope(user.tenant_id, via="console"), "console_user.locked", entity=user)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return bool(password_hash) and _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def open_session(session: Session, user: ConsoleUser) -> str:
    token = secrets.token_urlsafe(32)
    session.add(ConsoleSession(token_hash=digest(token), user_id=user.id, expires_at=utcnow() + SESSION_TTL))
    session.flush()
    return token


def session_user(session: Session, token: str | None) -> ConsoleUser | None:
    if not token:
        return None
    row = session.scalar(select(ConsoleSession).where(ConsoleSession.token_hash == digest(token)))
    if row is None or row.expires_at < utcnow():
        return None
    user = session.get(ConsoleUser, row.user_id)
    if user is None or not user.is_active or user.role == "cashier":
        return None
    return user


def close_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == digest(token)))


def scope_of(session: Session, user: ConsoleUser) -> Scope:
    """Owners and admins reach the whole tenant; a manager only the stores assigned to them."""
    stores = None
    if user.role not in ("owner", "admin"):
        stores = frozenset(session.scalars(select(ConsoleUserStore.store_id)
                                           .where(ConsoleUserStore.user_id == user.id)))
    return Scope(user.tenant_id, stores, user_id=user.id, via="console")
