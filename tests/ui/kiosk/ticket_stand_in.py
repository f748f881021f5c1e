"""STAND-IN, TO BE REPLACED: the kiosk ticket service for the kiosk's UI tests only.

The real ``pos_app.services.kiosk_tickets.KioskTicketService`` (tickets, reservations, the signed QR, the outbox
mutations) is built separately and reaches the terminal as ``terminal.kiosk_tickets``. Until it is on this
branch, ``attach`` gives a test's terminal this in-process stand-in with the same names and signatures (the
seam's ``TicketLine``, ``SentTicket`` and ``send``); it stores nothing. Once the real module exists, ``attach``
returns the real service and nothing here is used: delete this file then.
"""

from __future__ import annotations

import importlib
import sys
import types
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta


@dataclass(frozen=True)
class TicketLine:
    sku: str
    quantity: int


@dataclass(frozen=True)
class SentTicket:
    ticket_id: uuid.UUID
    number: str
    qr_text: str
    reserved_until: datetime


class StandInTicketService:
    def __init__(self) -> None:
        self.sent: list[tuple[TicketLine, ...]] = []

    def send(self, lines: Sequence[TicketLine]) -> SentTicket:
        self.sent.append(tuple(lines))
        number = f"K-{426 + len(self.sent):04d}"
        cart = ";".join(f"{line.sku}*{line.quantity}" for line in lines)
        return SentTicket(uuid.uuid4(), number, f"STAND-IN|{number}|{cart}",
                          datetime.now(UTC) + timedelta(minutes=30))


def _real_module() -> types.ModuleType | None:
    try:
        module = importlib.import_module("pos_app.services.kiosk_tickets")
    except ModuleNotFoundError:
        return None
    return None if getattr(module, "STAND_IN", False) else module


def attach(terminal):
    """The terminal's ticket service: the real one when it exists, else this stand-in."""
    if hasattr(type(terminal), "kiosk_tickets"):
        return terminal.kiosk_tickets
    if _real_module() is None:
        stand_in = types.ModuleType("pos_app.services.kiosk_tickets")
        stand_in.STAND_IN = True
        stand_in.TicketLine, stand_in.SentTicket = TicketLine, SentTicket
        sys.modules["pos_app.services.kiosk_tickets"] = stand_in
    terminal.kiosk_tickets = StandInTicketService()
    return terminal.kiosk_tickets
