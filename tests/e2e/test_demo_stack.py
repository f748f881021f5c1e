"""`pos-app run --demo` minus the window: the hub starts, seeds and serves, the simulators answer, two demo
terminals pair and bootstrap, and the second sees the first one's sale without anyone pressing a button."""

from __future__ import annotations

import re
import socket
import time

import httpx
import pytest
from PIL import Image

from pos_app import demo_stack
from pos_app.bootstrap import open_terminal
from pos_app.config import load_settings
from pos_app.demo_stack import hub_answers, join_demo_stack, start_demo_stack
from tests.sync.client.tills import Till


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def demo_ports(monkeypatch):
    for name in ("HUB_PORT", "PRINTER_PORT", "PAYMENT_PORT"):
        monkeypatch.setattr(demo_stack, name, _free_port())
    monkeypatch.setattr(demo_stack, "DEMO_PRODUCTS", 120)


def _sign_in_to_the_console(url: str, login: str, password: str) -> None:
    """What the printed sign-in does in a browser: the form's token, then the stores page."""
    with httpx.Client(follow_redirects=True) as browser:
        form = browser.get(f"{url}/sign-in").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        stores = browser.post(f"{url}/sign-in", data={"login": login, "password": password, "csrf_token": token,
                                                      "next": "/console/stores"})
    assert stores.status_code == 200 and "ON001" in stores.text, stores.text[:300]


def test_two_demo_terminals_share_one_hub_and_see_each_others_sales(demo_ports, tmp_path, capsys):
    opened, stacks = [], []
    try:
        for number in (1, 2):
            folder = tmp_path / f"demo-terminal-{number}"
            stack = start_demo_stack(folder)
            stacks.append(stack)
            terminal = open_terminal(load_settings(folder), log_to_file=False)
            opened.append(terminal)
            join_demo_stack(stack, terminal, number)
        first, second = stacks
        assert first.hub_process is not None and second.hub_process is None, "the second terminal reuses the hub"
        assert len(first.simulators) == 2 and second.simulators == []
        out = capsys.readouterr().out
        # Each terminal's start ends with who can sign in (the PINs are no longer shown only "once").
        assert out.count("Staff sign-in (staff code / PIN):") == 2 and "Paired demo terminal 2" in out
        console = re.findall(r"Store console: (http://\S+/console) \(sign in as (\S+) with the demo password (\S+)\)",
                             out)
        assert len(console) == 2 and console[0][0] == f"{first.hub_url}/console"
        _sign_in_to_the_console(*console[0])
        settings = load_settings(tmp_path / "demo-terminal-2")
        assert settings.hardware.printer_url == f"tcp://127.0.0.1:{demo_stack.PRINTER_PORT}"

        one, two = (Till(terminal, terminal.sync) for terminal in opened)
        code, sku = one.products(1, min_stock=3)[0]
        before = two.stock(sku)
        order = one.sell(code)
        assert order.order_number.startswith("ON001-1-")
        deadline = time.monotonic() + 10
        while two.stock(sku) != before - 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert two.stock(sku) == before - 1
    finally:
        for stack in reversed(stacks):
            stack.close()
        for terminal in opened:
            terminal.close()
    assert not hub_answers(stacks[0].hub_url), "closing the first terminal stops the hub it started"


def test_a_demo_kiosk_on_terminal_3_sends_its_tickets_to_the_demo_register(demo_ports, tmp_path, capsys):
    """`pos-app run --demo --mode kiosk --terminal 3` beside `make demo`: one hub, the ticket at the register."""
    from pos_app.services.kiosk_tickets import TicketLine

    opened, stacks = [], []
    try:
        for number, kind in ((1, "terminal"), (3, "kiosk")):
            folder = tmp_path / f"demo-terminal-{number}"
            stacks.append(start_demo_stack(folder))
            opened.append(open_terminal(load_settings(folder), log_to_file=False))
            join_demo_stack(stacks[-1], opened[-1], number, kind=kind)
        assert "Paired demo kiosk 3 with the demo hub." in capsys.readouterr().out
        register, kiosk = opened
        (_, sku), = Till(register, register.sync).products(1, min_stock=3)
        sent = kiosk.kiosk_tickets.send([TicketLine(sku, 1)])
        assert sent.number.startswith("K-3"), "the kiosk's terminal number leads its ticket numbers"
        deadline = time.monotonic() + 10
        while not register.kiosk_tickets.open_tickets() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [ticket.number for ticket in register.kiosk_tickets.open_tickets()] == [sent.number]
        assert register.kiosk_tickets.load(sent.qr_text).ticket_id == sent.ticket_id, "one store key for both"
    finally:
        for stack in reversed(stacks):
            stack.close()
        for terminal in opened:
            terminal.close()


def test_every_demo_start_shows_its_staff_with_working_pins_and_keeps_each_receipt_as_png_and_text(demo_ports,
                                                                                                   tmp_path, capsys):
    folder = tmp_path / "demo-terminal-1"
    receipts = tmp_path / demo_stack.RECEIPTS_DIR_NAME
    printed = []
    for _ in range(2):  # the first start seeds and pairs; the second finds everything made
        stack = start_demo_stack(folder)
        terminal = open_terminal(load_settings(folder), log_to_file=False)
        try:
            join_demo_stack(stack, terminal, 1)
            said = capsys.readouterr().out
            assert "shown once" not in said
            assert f"Printed receipts are kept as PNG and text files in {receipts}" in said
            shown = re.findall(r"^  (\w+) +(.+?) +(\d{4}) / (\d+)$", said, re.MULTILINE)
            assert [(role, name) for role, name, _, _ in shown] == [
                ("cashier", "Maya Tremblay"), ("manager", "Daniel Okafor"), ("admin", "Priya Sharma")], said
            for _, name, code, pin in shown:
                assert terminal.login.sign_in(code, pin).name == name

            till = Till(terminal, terminal.sync)
            order = till.sell(till.products(1)[0][0])
            cashier = terminal.login.sign_in(*shown[0][2:])
            assert terminal.printing.print_sale(order, cashier.name, open_drawer=False).ok
            printed.append(order.order_number)
        finally:
            stack.close()
            terminal.close()
    # Each receipt is kept, the first run's too, as a picture and as the text the printer decoded.
    for number, order_number in enumerate(printed, start=1):
        text = (receipts / f"job-{number:04d}.txt").read_text(encoding="utf-8")
        assert f"Receipt {order_number}" in text
        with Image.open(receipts / f"job-{number:04d}.png") as image:
            assert image.getbbox() is not None and image.height > 400
