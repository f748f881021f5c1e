"""What every back-office tab is: told who signed in, given each scan while it is in front, and able to say a
sentence in the window's notice bar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hardware.codes.classify import ScanKind, ScanResult
from pos_app.services.staff import StaffMember
from pos_app.ui.terminal_services import TerminalServices

# What a code that is not a product is, for the sentence a tab gives when it only takes products.
NOT_A_PRODUCT = {
    ScanKind.RECEIPT: "This is a receipt, not a product. Scan the barcode on the item or its case.",
    ScanKind.KIOSK_TICKET: "This is a kiosk ticket, not a product. Kiosk tickets are rung up at the register.",
    ScanKind.ID_CARD: "This is an ID card, not a product. The back office does not read IDs.",
    ScanKind.LOCATION: "This is a shelf label, not a product. Shelf labels are scanned on the Put-away and "
                       "Counts tabs.",
    ScanKind.SSCC: "This is a shipping case label (SSCC), not a product. Case labels are scanned on the "
                   "Receiving tab.",
}


class BackOfficeTab(QWidget):
    key = ""  # the name `--mode receiving` and the screenshots use to open this tab
    title = ""  # the tab's label
    message = Signal(str, str)  # a sentence for the notice bar, and its kind (error, warning, info, success)

    def __init__(self, terminal: TerminalServices) -> None:
        super().__init__(objectName=f"BackOffice{self.key.title()}Tab")
        self.t = terminal
        self.staff: StaffMember | None = None

    def begin(self, staff: StaffMember) -> None:
        """A manager signed in (or another took over): the tab shows fresh data for them."""
        self.staff = staff

    def handle_scan(self, result: ScanResult) -> None:
        """A scan read while this tab is in front. The default: a product is looked up nowhere, anything else
        gets its sentence."""
        self.say(NOT_A_PRODUCT.get(result.kind, f"This code is not used on the {self.title} tab."), "warning")

    def say(self, text: str, kind: str = "error") -> None:
        self.message.emit(text, kind)
