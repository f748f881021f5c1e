"""Kiosk tickets on the hub (SQLite and PostgreSQL): the store's ticket key at pairing, tickets and their
reservations in the feed, the first claim wins and a later one is flagged, and reservations move
`quantity_reserved` until the ticket closes or their time passes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from sync.hub.maintenance import maintain
from sync.hub.models import KioskClaimConflict, KioskTicket, OcsInventory, OcsInventoryReservation, Store
from sync.hub.tokens import issue_pairing_code
from tests.sync.hub.helpers import Terminal, mutation, pull_all, push

NOW = datetime.now(UTC).replace(microsecond=0)


def _second_terminal(client, hub_app, first: Terminal) -> Terminal:
    """Another register of the same store, paired like the first."""
    with hub_app.state.db.write() as session:
        code = issue_pairing_code(session, session.get(Store, first.store_id))
    client_id = uuid.uuid4()
    body = client.post("/sync/v1/pair", json={"pairing_code": code, "terminal_name": "register 2",
                                              "client_id": str(client_id)}).json()
    return Terminal(first.store_id, first.tenant_id, first.store_code, body["token"], client_id,
                    uuid.UUID(body["terminal_id"]), first.staff_id)


def _ticket(terminal: Terminal, quantity: int = 2) -> dict:
    return {"ticket_id": str(uuid.uuid4()), "store_id": str(terminal.store_id), "number": "K-3001",
            "lines": [{"sku": "SKU-1", "quantity": quantity}], "created_at": NOW.isoformat()}


def _reserved(ticket: dict, until: datetime | None = None) -> dict:
    return {"store_id": ticket["store_id"], "ticket_id": ticket["ticket_id"], "reserved_at": NOW.isoformat(),
            "reserved_until": (until or NOW + timedelta(minutes=30)).isoformat(),
            "reservations": [{"reservation_id": str(uuid.uuid4()), "sku": line["sku"], "quantity": line["quantity"]}
                             for line in ticket["lines"]]}


def _claimed(ticket: dict, terminal: Terminal) -> dict:
    return {**ticket, "claimed_at": datetime.now(UTC).isoformat(), "staff_id": str(terminal.staff_id)}


def _closed(ticket: dict, outcome: str = "completed", order_id: uuid.UUID | None = None) -> dict:
    return {"ticket_id": ticket["ticket_id"], "store_id": ticket["store_id"], "outcome": outcome,
            "order_id": None if outcome == "abandoned" else str(order_id or uuid.uuid4()),
            "closed_at": datetime.now(UTC).isoformat(), "staff_id": None}


def _send(client, terminal: Terminal, *named: tuple[str, dict]) -> list[dict]:
    ids = terminal.take_ids(len(named))
    response = push(client, terminal, [mutation(i, name, args) for i, (name, args) in zip(ids, named, strict=True)])
    assert response.status_code == 200, response.text
    return response.json()["results"]


def _level(hub_app, terminal: Terminal) -> tuple[int, int, int]:
    with hub_app.state.db.read() as session:
        level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == terminal.store_id,
                                                          OcsInventory.sku == "SKU-1"))
        return level.quantity_on_hand, level.quantity_reserved, level.quantity_available


def _row(hub_app, model, key):
    with hub_app.state.db.read() as session:
        row = session.get(model, key)
        session.expunge_all()
        return row


def test_pairing_gives_each_store_one_ticket_key(client, world, hub_app):
    first = world.terminals["A1"]
    again = client.post("/sync/v1/pair", json={"pairing_code": _code(hub_app, first), "terminal_name": "x",
                                               "client_id": str(uuid.uuid4())}).json()
    other = client.post("/sync/v1/pair", json={"pairing_code": _code(hub_app, world.terminals["A2"]),
                                               "terminal_name": "y", "client_id": str(uuid.uuid4())}).json()
    assert len(again["ticket_key"]) == 64
    assert _code_key(hub_app, first) == again["ticket_key"] != other["ticket_key"]


def _code(hub_app, terminal: Terminal) -> str:
    with hub_app.state.db.write() as session:
        return issue_pairing_code(session, session.get(Store, terminal.store_id))


def _code_key(hub_app, terminal: Terminal) -> str:
    with hub_app.state.db.read() as session:  # a deferred column: read while the store is in a session
        return session.get(Store, terminal.store_id).kiosk_ticket_key


def test_a_sent_ticket_reserves_stock_and_reaches_the_stores_feed(client, world, hub_app):
    kiosk = world.terminals["A1"]
    ticket = _ticket(kiosk)
    reserved = _reserved(ticket)
    results = _send(client, kiosk, ("kiosk_ticket.created.v1", ticket), ("stock.reserved.v1", reserved))
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert _level(hub_app, kiosk) == (5, 2, 3)
    changes, _cursor = pull_all(client, kiosk)
    fed = {(c["entity"], c["id"]): c["data"] for c in changes}
    data = fed[("kiosk_ticket", ticket["ticket_id"])]
    assert data["status"] == "open" and data["number"] == "K-3001"
    assert [(line["sku"], line["quantity"]) for line in data["lines"]] == [("SKU-1", 2)]
    reservation_id = reserved["reservations"][0]["reservation_id"]
    assert fed[("inventory_reservation", reservation_id)]["status"] == "active"
    level = next(c["data"] for c in changes if c["entity"] == "inventory_level")
    assert (level["quantity_reserved"], level["quantity_available"]) == (2, 3)
    other_store, _ = pull_all(client, world.terminals["A2"])
    assert not [c for c in other_store if c["entity"] in ("kiosk_ticket", "inventory_reservation")]


def test_the_first_claim_wins_and_a_second_is_kept_and_flagged(client, world, hub_app):
    kiosk = world.terminals["A1"]
    register = _second_terminal(client, hub_app, kiosk)
    ticket = _ticket(kiosk)
    _send(client, kiosk, ("kiosk_ticket.created.v1", ticket), ("stock.reserved.v1", _reserved(ticket)))
    first = _send(client, register, ("kiosk_ticket.claimed.v1", _claimed(ticket, register)))
    late = _send(client, kiosk, ("kiosk_ticket.claimed.v1", _claimed(ticket, kiosk)))
    assert [r["status"] for r in first + late] == ["applied", "applied"], "a late claim is never refused"
    row = _row(hub_app, KioskTicket, uuid.UUID(ticket["ticket_id"]))
    assert (row.status, row.claimed_by_terminal_id) == ("claimed", register.terminal_id)
    with hub_app.state.db.read() as session:
        flagged = session.scalars(select(KioskClaimConflict).where(
            KioskClaimConflict.ticket_id == uuid.UUID(ticket["ticket_id"]))).all()
        assert [(f.kind, f.terminal_id, f.first_terminal_id) for f in flagged] == [
            ("claimed", kiosk.terminal_id, register.terminal_id)]
    # Both registers sold it while offline: both sales stand, the second close is flagged too.
    order_id = uuid.uuid4()
    _send(client, register, ("kiosk_ticket.closed.v1", _closed(ticket, order_id=order_id)))
    _send(client, kiosk, ("kiosk_ticket.closed.v1", _closed(ticket)))
    row = _row(hub_app, KioskTicket, uuid.UUID(ticket["ticket_id"]))
    assert (row.status, row.order_id) == ("completed", order_id)
    with hub_app.state.db.read() as session:
        kinds = session.scalars(select(KioskClaimConflict.kind).where(
            KioskClaimConflict.ticket_id == uuid.UUID(ticket["ticket_id"])).order_by(KioskClaimConflict.created_at))
        assert sorted(kinds) == ["claimed", "completed"]


def test_closing_a_ticket_releases_its_reservations(client, world, hub_app):
    kiosk = world.terminals["A1"]
    sold, dropped = _ticket(kiosk, 2), _ticket(kiosk, 1)
    sold_res, dropped_res = _reserved(sold), _reserved(dropped)
    _send(client, kiosk, ("kiosk_ticket.created.v1", sold), ("stock.reserved.v1", sold_res),
          ("kiosk_ticket.created.v1", dropped), ("stock.reserved.v1", dropped_res))
    assert _level(hub_app, kiosk) == (5, 3, 2)
    _send(client, kiosk, ("kiosk_ticket.claimed.v1", _claimed(sold, kiosk)), ("kiosk_ticket.closed.v1", _closed(sold)))
    assert _level(hub_app, kiosk) == (5, 1, 4)
    released = {"store_id": dropped["store_id"], "reservation_ids": [r["reservation_id"]
                                                                     for r in dropped_res["reservations"]],
                "reason": "abandoned", "released_at": datetime.now(UTC).isoformat()}
    _send(client, kiosk, ("stock.released.v1", released), ("kiosk_ticket.closed.v1", _closed(dropped, "abandoned")))
    assert _level(hub_app, kiosk) == (5, 0, 5)
    row = _row(hub_app, OcsInventoryReservation, uuid.UUID(dropped_res["reservations"][0]["reservation_id"]))
    assert (row.status, row.released_at is not None) == ("released", True)
    assert _row(hub_app, KioskTicket, uuid.UUID(dropped["ticket_id"])).status == "abandoned"


def test_a_claim_from_a_qr_code_can_reach_the_hub_before_the_kiosks_ticket(client, world, hub_app):
    kiosk = world.terminals["A1"]
    register = _second_terminal(client, hub_app, kiosk)
    ticket = _ticket(kiosk)
    _send(client, register, ("kiosk_ticket.claimed.v1", _claimed(ticket, register)),
          ("kiosk_ticket.closed.v1", _closed(ticket)))
    # The kiosk comes back online: its ticket and reservation arrive after the sale; they hold nothing.
    results = _send(client, kiosk, ("kiosk_ticket.created.v1", ticket), ("stock.reserved.v1", _reserved(ticket)))
    assert [r["status"] for r in results] == ["applied", "applied"]
    row = _row(hub_app, KioskTicket, uuid.UUID(ticket["ticket_id"]))
    assert (row.status, row.kiosk_terminal_id, row.claimed_by_terminal_id) == (
        "completed", kiosk.terminal_id, register.terminal_id)
    assert _level(hub_app, kiosk) == (5, 0, 5)


def test_reservations_expire_when_their_time_has_passed(client, world, hub_app):
    kiosk = world.terminals["A1"]
    late, soon, later = _ticket(kiosk, 1), _ticket(kiosk, 1), _ticket(kiosk, 1)
    late_res = _reserved(late, NOW - timedelta(minutes=1))  # a kiosk that was offline past its reservation
    _send(client, kiosk, ("kiosk_ticket.created.v1", late), ("stock.reserved.v1", late_res))
    assert _row(hub_app, OcsInventoryReservation,
                uuid.UUID(late_res["reservations"][0]["reservation_id"])).status == "expired"
    assert _level(hub_app, kiosk) == (5, 0, 5)
    soon_res = _reserved(soon, datetime.now(UTC) + timedelta(seconds=1))
    _send(client, kiosk, ("kiosk_ticket.created.v1", soon), ("stock.reserved.v1", soon_res))
    assert _level(hub_app, kiosk) == (5, 1, 4)
    with hub_app.state.db.write() as session:  # its time passes
        session.get(OcsInventoryReservation, uuid.UUID(soon_res["reservations"][0]["reservation_id"])) \
            .reserved_until = datetime.now(UTC) - timedelta(seconds=1)
    later_res = _reserved(later)
    _send(client, kiosk, ("kiosk_ticket.created.v1", later), ("stock.reserved.v1", later_res))
    assert _level(hub_app, kiosk) == (5, 1, 4), "the next reservation retired the stale one"
    with hub_app.state.db.write() as session:
        session.get(OcsInventoryReservation, uuid.UUID(later_res["reservations"][0]["reservation_id"])) \
            .reserved_until = datetime.now(UTC) - timedelta(seconds=1)
    assert maintain(hub_app.state.db).reservations_expired >= 1  # `pos-hub db maintain` retires them too
    assert _level(hub_app, kiosk) == (5, 0, 5)


def test_a_ticket_of_another_store_is_refused(client, world, hub_app):
    kiosk, elsewhere = world.terminals["A1"], world.terminals["A2"]
    results = _send(client, kiosk, ("kiosk_ticket.created.v1", _ticket(elsewhere)))
    assert (results[0]["status"], results[0]["code"]) == ("rejected", "wrong_store")
    unknown = _send(client, kiosk, ("kiosk_ticket.closed.v1", _closed(_ticket(kiosk))))
    assert (unknown[0]["status"], unknown[0]["code"]) == ("rejected", "unknown_ticket")
