"""The age check before a cannabis sale is paid for (DESIGN §5): a scanned ID or the cashier's attestation.

Every check, passed or failed, is logged to ``age_verification_logs`` and the outbox. The ID number is never
kept: only a salted hash, so the same card can be recognised. A card whose date of birth cannot be read fails.
An ID refused in a sale (expired, under age, unreadable) can't be attested past; a manager can override it with
their PIN and a reason, which is audited. A kiosk's age gate logs the customer's own confirmation or ID scan
the same way, with no staff member and no sale: the check that lets a sale go ahead is still made at the counter
(or, paying at the kiosk, with the sale).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from hardware.codes.aamva import parse_id_payload
from hardware.codes.errors import CodeParseError
from hardware.codes.id_card import IdCard
from pos_app.domain.staff import override_reason
from pos_app.i18n.catalog import Message
from pos_app.persistence.age_checks import log_age_check
from pos_app.persistence.audit import append_audit
from pos_app.persistence.models import AgeVerificationLog
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import ServiceError
from pos_app.services.mutations import age_verification_logged
from pos_app.services.selling import SaleService
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext


class IdUnreadable(ServiceError):
    code = "id_unreadable"


class OverrideReasonMissing(ServiceError):
    code = "override_reason_missing"

    def __init__(self) -> None:
        super().__init__()


@dataclass(frozen=True)
class AgeCheckOutcome:
    passed: bool
    message: str
    age: int | None = None


class AgeCheckService:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext, salt: bytes, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._context = context
        self._salt = salt
        self._clock = clock

    @property
    def min_age(self) -> int:
        return self._context.min_age

    def _today(self, now: datetime):
        # Birthdays turn over at the store's midnight: not UTC's, nor the zone the machine happens to be set to.
        return now.astimezone(self._context.zone).date()

    def read_id(self, payload: str) -> IdCard:
        """Parse the back of a licence or ID card; a sentence for the cashier when it cannot be read."""
        try:
            return parse_id_payload(payload, today=self._today(self._clock()), salt=self._salt)
        except CodeParseError as error:
            raise IdUnreadable(str(error)) from None

    def check_id(self, sales: SaleService, card: IdCard, staff: StaffMember) -> AgeCheckOutcome:
        outcome = self.judge_id(card)
        self._record(sales, staff, "id_scan", outcome, jurisdiction=card.jurisdiction,
                     id_number_hash=card.id_number_hash)
        return outcome

    def judge_id(self, card: IdCard) -> AgeCheckOutcome:
        """The province's rule applied to a card (expired, under age, or of age), without recording it."""
        if card.expired:
            outcome = AgeCheckOutcome(False, Message("age_check.expired", expiry=card.expiry), card.age)
        elif card.age < self.min_age:
            outcome = AgeCheckOutcome(False, Message("age_check.under_age", age=card.age,
                                                     province=self._context.province_code, min_age=self.min_age),
                                      card.age)
        else:
            outcome = AgeCheckOutcome(True, Message("age_check.of_age", age=card.age), card.age)
        return outcome

    # --- a kiosk's age gate: no sale yet and no staff member; the customer answers for themselves -----------

    def kiosk_confirmed(self) -> AgeCheckOutcome:
        """The customer tapped "I am 19 or older" at a kiosk. Logged with no staff member and no sale."""
        outcome = AgeCheckOutcome(True, Message("age_check.kiosk_confirmed", min_age=self.min_age))
        self._log(None, None, "kiosk_confirm", outcome)
        return outcome

    def kiosk_id_check(self, card: IdCard) -> AgeCheckOutcome:
        """An ID scanned at a kiosk, judged and logged, passed or failed, with only the ID number's salted hash."""
        outcome = self.judge_id(card)
        self._log(None, None, "id_scan", outcome, jurisdiction=card.jurisdiction, id_number_hash=card.id_number_hash)
        return outcome

    def kiosk_id_unreadable(self, reason: str) -> AgeCheckOutcome:
        """An ID scanned at a kiosk whose date of birth could not be read: a failed check (it fails closed)."""
        outcome = AgeCheckOutcome(False, reason)
        self._log(None, None, "id_scan", outcome)
        return outcome

    def record_unreadable(self, sales: SaleService, staff: StaffMember, reason: str) -> AgeCheckOutcome:
        outcome = AgeCheckOutcome(False, reason)
        self._record(sales, staff, "id_scan", outcome)
        return outcome

    def attest(self, sales: SaleService, staff: StaffMember) -> AgeCheckOutcome:
        """The cashier looked at the customer's ID and confirms they are of age; not after an ID was refused."""
        sales.sale.age.check_attestation()
        outcome = AgeCheckOutcome(True, Message("age_check.attested", name=staff.name, min_age=self.min_age))
        self._record(sales, staff, "attestation", outcome)
        return outcome

    def override(self, sales: SaleService, cashier: StaffMember, manager: StaffMember, reason: str) -> AgeCheckOutcome:
        """A manager, whose PIN was checked (``LoginService.verify_override``), passes a sale whose ID was refused.

        Logged as an age check by the manager (method ``manager_override``), and audited with the cashier, the
        manager, the reason and the refusal it overrides, in the same transaction.
        """
        why = override_reason(reason)
        if why is None:
            raise OverrideReasonMissing()
        refusal = sales.sale.age.refusal
        outcome = AgeCheckOutcome(True, f"{manager.name} approved the sale after checking the customer's ID.")

        def audit(session: Session, check: AgeVerificationLog) -> None:
            append_audit(session, "age_check.overridden", staff_id=cashier.id, store_id=self._context.store_id,
                         approved_by=manager.id, entity_type="sale", entity_id=str(check.sale_id),
                         details={"reason": why, "age_check_id": str(check.id),
                                  "refused": (refusal or "")[:200]})

        self._record(sales, manager, "manager_override", outcome, also=audit)
        return outcome

    def _record(self, sales: SaleService, staff: StaffMember, method: str, outcome: AgeCheckOutcome, *,
                jurisdiction: str | None = None, id_number_hash: str | None = None,
                also: Callable[[Session, AgeVerificationLog], None] | None = None) -> None:
        sale = sales.sale
        self._log(sale.sale_id, staff.id, method, outcome, jurisdiction=jurisdiction, id_number_hash=id_number_hash,
                  also=also)
        sale.record_age_check(outcome.passed, None if outcome.passed else outcome.message,
                              attested=method == "attestation")

    def _log(self, sale_id: uuid.UUID | None, staff_id: uuid.UUID | None, method: str, outcome: AgeCheckOutcome, *,
             jurisdiction: str | None = None, id_number_hash: str | None = None,
             also: Callable[[Session, AgeVerificationLog], None] | None = None) -> None:
        """The log row and its ``age_verification.logged.v1`` in one transaction: both or neither."""
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            row = log_age_check(session, store_id=self._context.store_id, terminal_no=self._context.terminal_no,
                                sale_id=sale_id, staff_id=staff_id, method=method, passed=outcome.passed,
                                customer_age=outcome.age, min_age=self.min_age, jurisdiction=jurisdiction,
                                id_number_hash=id_number_hash,
                                failure_reason=None if outcome.passed else outcome.message[:200], now=self._clock())
            enqueue_mutation(session, age_verification_logged(row))
            if also is not None:
                also(session, row)
            uow.commit()
