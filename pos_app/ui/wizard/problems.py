"""The one sentence a person reads for each way a set-up step can fail, in the terminal's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos_app.services.first_run import SetupProblem

translate = QCoreApplication.translate


def sentence(problem: SetupProblem) -> str:
    texts = {
        SetupProblem.HUB_URL_INVALID: translate(
            "FirstRunWizard", "That is not a hub address. Type it as the console shows it, for example "
            "http://192.168.1.10:8700."),
        SetupProblem.HUB_UNREACHABLE: translate(
            "FirstRunWizard", "The hub does not answer at that address. Check the address and that this "
            "terminal is on the store's network, then press Retry."),
        SetupProblem.CODE_MISSING: translate(
            "FirstRunWizard", "Type the pairing code, or scan its QR code, then press Pair."),
        SetupProblem.CODE_REFUSED: translate(
            "FirstRunWizard", "The hub refused this pairing code: it is expired or was already used. Make a new "
            "code in the console (Stores, then Terminals), then press Retry."),
        SetupProblem.TERMINAL_NO_INVALID: translate(
            "FirstRunWizard", "The terminal number must be from 1 to 999."),
        SetupProblem.PRINTER_UNREACHABLE: translate(
            "FirstRunWizard", "The printer does not answer at that address. Check that it is on and its cable or "
            "address, then press Retry."),
        SetupProblem.PRINTER_OFFLINE: translate(
            "FirstRunWizard", "The printer is offline. Check that it is on and connected, then press Retry."),
        SetupProblem.PRINTER_COVER_OPEN: translate(
            "FirstRunWizard", "The printer's cover is open. Close it, then press Retry."),
        SetupProblem.PRINTER_PAPER_OUT: translate(
            "FirstRunWizard", "The printer is out of paper. Load a new roll, then press Retry."),
        SetupProblem.CARD_TERMINAL_SILENT: translate(
            "FirstRunWizard", "The card terminal does not answer at that address. Check that it is on and its "
            "cable or address, then press Retry."),
        SetupProblem.SYNC_FAILED: translate(
            "FirstRunWizard", "The store could not be fetched from the hub. Check the network, then press Retry; "
            "what has arrived is kept."),
    }
    return texts[problem]


def unexpected() -> str:
    return translate("FirstRunWizard", "Something went wrong. The details are in the log; press Retry.")
