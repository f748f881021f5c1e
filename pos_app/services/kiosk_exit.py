"""Staff leaving kiosk mode: a manager's (or admin's) code and PIN, and an audit entry saying who let it close.

The PIN check is the login service's override check, which audits every refusal and counts wrong PINs toward
the account's lock, exactly as an approval at the register does.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from pos_app.persistence.audit import append_audit
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.login import LoginService
from pos_app.services.staff import StaffMember

EXIT_ACTION = "kiosk.exited"


class KioskExit:
    def __init__(self, session_factory: sessionmaker[Session], login: LoginService, store_id) -> None:
        self._session_factory = session_factory
        self._login = login
        self._store_id = store_id

    def approve(self, staff_code: str, pin: str, *, terminal_no: int) -> StaffMember:
        """The approving manager; OverrideRefused (a sentence) for a wrong PIN, a locked account or a cashier."""
        manager = self._login.verify_override(staff_code, pin, action=EXIT_ACTION)
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            append_audit(session, EXIT_ACTION, staff_id=manager.id, approved_by=manager.id, store_id=self._store_id,
                         entity_type="terminal", entity_id=str(terminal_no), details={"mode": "kiosk"})
            uow.commit()
        return manager
