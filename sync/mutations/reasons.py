"""The fixed reasons stock moves for, shared by the terminal and the hub (and re-exported by `sync.protocol`).

They are wire values: a terminal sends the code, the hub stores it in the ledger's ``reason_code``, and the OCS
report groups by it (``OCS_GROUP``). A code is added here or nowhere.
"""

from __future__ import annotations

from enum import StrEnum


class AdjustmentReason(StrEnum):
    DAMAGED = "damaged"
    DESTROYED = "destroyed"
    EXPIRED = "expired"
    THEFT_OR_LOSS = "theft_or_loss"
    SAMPLE_OR_TESTING = "sample_or_testing"
    RETURNED_TO_SUPPLIER = "returned_to_supplier"
    RECALL_QUARANTINE = "recall_quarantine"
    FOUND = "found"
    DATA_CORRECTION = "data_correction"
    COUNT = "count"  # made by the hub (or sent as a count) from an approved stock count, never chosen by hand


# What a manager picks from, with the words on the button: every reason but COUNT.
ADJUSTMENT_REASON_LABELS = {
    AdjustmentReason.DAMAGED: "Damaged",
    AdjustmentReason.DESTROYED: "Destroyed",
    AdjustmentReason.EXPIRED: "Expired",
    AdjustmentReason.THEFT_OR_LOSS: "Theft or loss",
    AdjustmentReason.SAMPLE_OR_TESTING: "Sample or testing",
    AdjustmentReason.RETURNED_TO_SUPPLIER: "Returned to supplier",
    AdjustmentReason.RECALL_QUARANTINE: "Recall quarantine",
    AdjustmentReason.FOUND: "Found",
    AdjustmentReason.DATA_CORRECTION: "Data correction",
}

# The OCS daily report's adjustment columns: destroyed, damaged or expired; lost or stolen; other.
OCS_GROUP = {
    AdjustmentReason.DAMAGED: "destroyed",
    AdjustmentReason.DESTROYED: "destroyed",
    AdjustmentReason.EXPIRED: "destroyed",
    AdjustmentReason.THEFT_OR_LOSS: "lost_stolen",
    AdjustmentReason.SAMPLE_OR_TESTING: "other",
    AdjustmentReason.RETURNED_TO_SUPPLIER: "other",
    AdjustmentReason.RECALL_QUARANTINE: "other",
    AdjustmentReason.FOUND: "other",
    AdjustmentReason.DATA_CORRECTION: "other",
    AdjustmentReason.COUNT: "other",
}


class DiscrepancyReason(StrEnum):
    """Why a received line differs from the purchase order."""

    SHORT = "short"
    OVER = "over"
    DAMAGED = "damaged"
    WRONG_ITEM = "wrong_item"
    NOT_ORDERED = "not_ordered"
