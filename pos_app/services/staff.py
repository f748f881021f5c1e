"""Who is at the till: the signed-in staff member every sale and audit entry is traced to."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from pos_app.domain.staff import Role, can_supervise
from pos_app.persistence.store_repository import active_staff, permissions_by_role, staff_by_code


@dataclass(frozen=True)
class StaffMember:
    id: uuid.UUID
    staff_code: str
    name: str
    role: Role
    discount_cap: Decimal | None = None  # their own discount limit in percent, when the hub set one


def staff_member_from(user) -> StaffMember:
    name = " ".join(x for x in (user.first_name, user.last_name) if x) or user.staff_code
    return StaffMember(id=user.id, staff_code=user.staff_code, name=name, role=Role(user.role),
                       discount_cap=user.discount_cap_percent)


def find_staff(session_factory, staff_code: str) -> StaffMember | None:
    with session_factory() as session:
        user = staff_by_code(session, staff_code)
        return staff_member_from(user) if user else None


def first_staff_with_role(session_factory, role: Role) -> StaffMember | None:
    with session_factory() as session:
        return next((staff_member_from(u) for u in active_staff(session) if u.role == role.value), None)




def is_manager(member: StaffMember | None) -> bool:
    """Managers and admins may approve what a cashier may not do alone."""
    return member is not None and can_supervise(member.role)


def has_permission(session_factory, member: StaffMember, permission: str) -> bool:
    """From ``role_permissions`` once the hub has synced it; before that, what needs a manager needs one."""
    with session_factory() as session:
        table = permissions_by_role(session)
    if not table:
        return is_manager(member)
    return permission in table.get(member.role.value, set())
