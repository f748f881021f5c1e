"""Reading an uploaded CSV file and checking its rows, shared by every import.

Headers are normalized (`Product Name` -> `product_name`), every row is parsed before any is written, and the
errors are gathered as (line, sentence) so one sentence names each bad line of the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sync.sentence import Sentence

MAX_ERRORS_SHOWN = 20


class CsvRejected(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    notes: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_rows(source: Path | bytes, name: str | None = None) -> list[tuple[int, dict[str, str]]]:
    """(line number, row with normalized headers) for every non-empty row of a file, or of its bytes as
    uploaded (``name`` is the file's name for the sentences)."""
    name = name or (source.name if isinstance(source, Path) else "The file")
    try:
        text = source.read_bytes() if isinstance(source, Path) else source
        reader = csv.DictReader(io.StringIO(text.decode("utf-8-sig"), newline=""))
        if reader.fieldnames is None:
            raise CsvRejected([Sentence("%(name)s is empty; it needs a header line and rows.", name=name)])
        rows = []
        for row in reader:
            cleaned = {_key(k): (v or "").strip() for k, v in row.items() if k is not None}
            if any(cleaned.values()):
                rows.append((reader.line_num, cleaned))
        return rows
    except (UnicodeDecodeError, csv.Error) as error:
        raise CsvRejected([Sentence("%(name)s is not a readable UTF-8 CSV file (%(error)s).", name=name,
                                    error=str(error))]) from None


def text_field(row: dict[str, str], name: str) -> str:
    value = row.get(name, "")
    if not value:
        raise ValueError(Sentence("%(name)s is missing", name=name))
    return value


def decimal_field(row: dict[str, str], name: str, *, required: bool = True) -> Decimal | None:
    raw = row.get(name, "").replace("$", "")
    if not raw:
        if required:
            raise ValueError(Sentence("%(name)s is missing", name=name))
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(Sentence("%(name)s %(raw)s is not a number", name=name, raw=repr(raw))) from None
    if value < 0 or not value.is_finite():
        raise ValueError(Sentence("%(name)s %(raw)s cannot be negative", name=name, raw=repr(raw)))
    return value


def whole_field(row: dict[str, str], name: str) -> int:
    raw = text_field(row, name)
    if not raw.isdigit() or int(raw) <= 0:
        raise ValueError(Sentence("%(name)s %(raw)s is not a whole number above zero", name=name, raw=repr(raw)))
    return int(raw)


def parse_all(rows, parse: Callable[[dict[str, str]], Any]) -> tuple[list[tuple[int, Any]], list[tuple[int, str]]]:
    """Every row parsed, and every row's error as (line, sentence): none stops the others being checked."""
    parsed, errors = [], []
    for line, row in rows:
        try:
            parsed.append((line, parse(row)))
        except ValueError as error:
            errors.append((line, said(error)))
    return parsed, errors


def said(error: Exception) -> str:
    """What a row's check said: its `Sentence` as raised (so a screen can translate it), else its text."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Sentence) else str(error)


def rejection(errors: list[tuple[int, str]]) -> CsvRejected:
    """The rows' errors as one refusal, naming the first few lines so the sentence stays readable."""
    shown: list[str] = [Sentence("line %(line)s: %(error)s", line=line, error=error)
                        for line, error in errors[:MAX_ERRORS_SHOWN]]
    if len(errors) > MAX_ERRORS_SHOWN:
        shown.append(Sentence("... and %(count)s more", count=len(errors) - MAX_ERRORS_SHOWN))
    return CsvRejected(shown)


def check_all(rows, parse: Callable[[dict[str, str]], Any]) -> list[tuple[int, Any]]:
    """Every row parsed, or the file refused with every bad row's line: nothing is written from a half-good file."""
    parsed, errors = parse_all(rows, parse)
    if errors:
        raise rejection(errors)
    if not parsed:
        raise CsvRejected([Sentence("The file has a header but no rows.")])
    return parsed
