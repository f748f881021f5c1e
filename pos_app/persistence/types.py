"""Column types of the replica: the ones the hub uses too (money as integer cents, exact decimals as text,
aware UTC timestamps), so a row means the same on both sides."""

from sync.column_types import CENT, Cents, ExactDecimal, UtcDateTime, utcnow

__all__ = ["CENT", "Cents", "ExactDecimal", "UtcDateTime", "utcnow"]
