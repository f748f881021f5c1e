"""``pos-app codes parse`` and ``pos-app hardware`` against the simulators over real sockets."""

from __future__ import annotations

import io
import json

import pytest

from hardware.simulators.printer import PrinterSimulator
from pos_app.cli import main


@pytest.fixture
def printer_sim():
    sim = PrinterSimulator(port=0)
    sim.start()
    yield sim
    sim.stop()


def _parse(monkeypatch, capsys, tmp_path, raw: bytes):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    status = main(["codes", "parse", "--data-dir", str(tmp_path)])
    return status, json.loads(capsys.readouterr().out)


def test_codes_parse_prints_one_json_object_for_a_gs1_case_label(monkeypatch, capsys, tmp_path):
    status, parsed = _parse(monkeypatch, capsys, tmp_path, b"]C1010062817612345517261231\x1d10LOT42")
    assert status == 0
    assert parsed["kind"] == "gs1"
    assert (parsed["gtin"], parsed["lot"], parsed["expiry"]) == ("00628176123455", "LOT42", "2026-12-31")
    assert parsed["date_of_birth"] is None


def test_codes_parse_refuses_a_bad_check_digit_with_status_2_and_a_sentence(monkeypatch, capsys, tmp_path):
    status, parsed = _parse(monkeypatch, capsys, tmp_path, b"0062817612345 6")
    assert status == 2
    assert set(parsed) == {"error"} and parsed["error"].endswith(".")


def test_test_print_and_pay_test_reach_the_simulators(monkeypatch, capsys, tmp_path, printer_sim, card_simulator):
    monkeypatch.setenv("POS_APP_PRINTER_URL", f"tcp://127.0.0.1:{printer_sim.port}")
    monkeypatch.setenv("POS_APP_PAYMENT_URL", f"socket://127.0.0.1:{card_simulator.port}")
    assert main(["hardware", "test-print", "--data-dir", str(tmp_path)]) == 0
    jobs = printer_sim.wait_for_jobs(1)
    assert "Test page" in jobs[0].text

    assert main(["hardware", "pay-test", "--amount", "0.01", "--data-dir", str(tmp_path)]) == 0
    assert card_simulator.captured_cents() == 0, "the test charge was voided"
    assert "0.01" in capsys.readouterr().out
