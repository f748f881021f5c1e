"""What every back-office tab is: told who signed in, given each scan while it is in front, able to say a
sentence in the window's notice bar, and written again in the new language when it changes (``retranslate``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from hardware.codes.classify import ScanKind, ScanResult
from pos_app.services.staff import StaffMember
from pos_app.ui.common.language import Retranslating
from pos_app.ui.terminal_services import TerminalServices

# What a code that is not a product is, for the sentence a tab gives when it only takes products.
NOT_A_PRODUCT = {
    ScanKind.RECEIPT: QT_TRANSLATE_NOOP("BackOfficeTab", "This is a receipt, not a product. Scan the barcode on the "
                                                         "item or its case."),
    ScanKind.KIOSK_TICKET: QT_TRANSLATE_NOOP("BackOfficeTab", "This is a kiosk ticket, not a product. Kiosk tickets "
                                                              "are rung up at the register."),
    ScanKind.ID_CARD: QT_TRANSLATE_NOOP("BackOfficeTab", "This is an ID card, not a product. The back office does "
                                                         "not read IDs."),
    ScanKind.LOCATION: QT_TRANSLATE_NOOP("BackOfficeTab", "This is a shelf label, not a product. Shelf labels are "
                                                          "scanned on the Put-away and Counts tabs."),
    ScanKind.SSCC: QT_TRANSLATE_NOOP("BackOfficeTab", "This is a shipping case label (SSCC), not a product. Case "
                                                      "labels are scanned on the Receiving tab."),
}


class BackOfficeTab(Retranslating, QWidget):
    key = ""  # the name `--mode receiving` and the screenshots use to open this tab
    title = ""  # the tab's label, in English (``label`` is in the language spoken now)
    message = Signal(str, str)  # a sentence for the notice bar, and its kind (error, warning, info, success)

    def __init__(self, terminal: TerminalServices) -> None:
        super().__init__(objectName=f"BackOffice{self.key.title()}Tab")
        self.t = terminal
        self.staff: StaffMember | None = None

    @property
    def label(self) -> str:
        return QCoreApplication.translate("BackOfficeTabs", self.title)

    def retranslate(self) -> None:
        """Every fixed word of the tab again, in the language spoken now; what a manager opens next follows too."""

    def begin(self, staff: StaffMember) -> None:
        """A manager signed in (or another took over): the tab shows fresh data for them."""
        self.staff = staff

    def handle_scan(self, result: ScanResult) -> None:
        """A scan read while this tab is in front. The default: a product is looked up nowhere, anything else
        gets its sentence."""
        self.say(self.not_a_product(result), "warning")

    def not_a_product(self, result: ScanResult) -> str:
        known = NOT_A_PRODUCT.get(result.kind)
        if known is not None:
            return self.tr(known)
        return self.tr("This code is not used on the {tab} tab.").format(tab=self.label)

    def say(self, text: str, kind: str = "error") -> None:
        self.message.emit(text, kind)
