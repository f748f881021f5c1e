"""Where a sale stands on the customer's age (DESIGN §5, Age): not checked, passed, or refused by an ID.

A refused ID (expired, under age, unreadable) closes the easy way for the rest of the sale: the cashier's
attestation no longer passes it. Another ID that scans and passes does, and so does a manager's override.
A failed check never undoes an earlier pass by an ID or a manager; it does undo a pass by attestation, since an
ID that says otherwise outweighs a look at the customer.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.domain.errors import AttestationAfterRefusal

REFUSED = "An ID was refused in this sale."


@dataclass
class AgeGate:
    verified: bool = False
    refusal: str | None = None  # the sentence the last refused ID was refused with
    attested_only: bool = False  # passed by the cashier's attestation and nothing stronger

    def record(self, passed: bool, refusal: str | None = None, *, attested: bool = False) -> None:
        if passed:
            self.attested_only = attested and (self.attested_only or not self.verified)
            self.verified = True
            return
        self.refusal = refusal or REFUSED
        if self.attested_only:  # an ID refused after "I checked their ID" takes that attestation back
            self.verified = self.attested_only = False

    @property
    def refused(self) -> bool:
        """Refused and not passed since: what the cashier has to get past before taking money."""
        return self.refusal is not None and not self.verified

    def check_attestation(self) -> None:
        if self.refused:
            assert self.refusal is not None
            raise AttestationAfterRefusal(self.refusal)
