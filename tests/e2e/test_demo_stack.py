"""`pos-app run --demo` minus the window: the hub starts, seeds and serves, the simulators answer, two demo
terminals pair and bootstrap, and the second sees the first one's sale without anyone pressing a button."""

from __future__ import annotations

import socket
import time

import pytest

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
        assert "Staff PINs (shown once)" in out and "Paired demo terminal 2" in out
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
