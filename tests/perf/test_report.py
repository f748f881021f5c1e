"""The benchmark report writer (table, ratios, met or missed, JSON keys) and the data generator at toy size.

Benchmark figures are never asserted by pytest: they are reported.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from tests.perf.metrics import Metric, at_least, at_most, failed, ratio_at_most
from tests.perf.report import JSON_KEYS, table, write_report

MACHINE = {"cores": "2", "Python": "3.11"}


def rows() -> list[Metric]:
    return [
        at_most(Metric("scan → line shown p99", 12.5, "ms", floor=0.5), 10),
        ratio_at_most(Metric("checkout commit p50", 2.0, "ms", floor=1.0), 3),
        ratio_at_most(Metric("cold start to ready-to-scan", 1.2, "s", floor=0.5), 2, also_at_most=1.5),
        at_least(Metric("hub ingest", 42_000, "orders/min"), 30_000),
        Metric("propagation p50", 0.4, "s"),
        failed("bootstrap", "s", "≤ 15 s", "Traceback...\nRuntimeError: hub did not start"),
    ]


def test_targets_say_met_or_missed_and_ratios_divide_by_the_floor():
    scan, checkout, start, ingest, propagation, boot = rows()
    assert scan.met is False and scan.ratio == 25
    assert checkout.met is True and checkout.target == "≤ 3× floor"
    assert start.met is False, "1.2 s is under 1.5 s, but 2.4× the floor is over 2×"
    assert start.target == "≤ 1.5 s and ≤ 2× floor"
    assert ingest.met is True and ingest.ratio is None
    assert propagation.met is None and propagation.target is None
    assert boot.value is None and boot.met is None and boot.error == "error: RuntimeError: hub did not start"


def test_the_table_shows_each_row_with_its_verdict():
    text = table(rows())
    lines = text.splitlines()
    assert lines[0] == "| metric | value | floor | ratio | target | met or missed |"
    assert len(lines) == 2 + len(rows())
    assert "| scan → line shown p99 | 12.5 ms | 0.50 ms | 25.00× | ≤ 10 ms | **missed** |" in lines
    assert "| checkout commit p50 | 2.00 ms | 1.00 ms | 2.00× | ≤ 3× floor | met |" in lines
    assert "| hub ingest | 42,000 orders/min | — | — | ≥ 30,000 orders/min | met |" in lines
    assert lines[-1].endswith("| error: RuntimeError: hub did not start |")


def test_the_report_files_hold_the_table_the_machine_notes_and_the_json_keys(tmp_path):
    md, js = write_report(rows(), tmp_path, mode="quick", date="2026-11-21 07:00 UTC", machine=MACHINE,
                          notes="The scan misses because ...")
    text = md.read_text()
    assert "Mode: **quick**" in text and "a quick run" in text
    assert "- cores: 2" in text
    assert "## Notes on misses\n\nThe scan misses because ..." in text
    data = json.loads(js.read_text())
    assert len(data) == len(rows())
    for row in data:
        assert set(JSON_KEYS) <= set(row)
    assert data[0] == {**data[0], "metric": "scan → line shown p99", "value": 12.5, "unit": "ms", "floor": 0.5,
                       "ratio": 25.0, "target": "≤ 10 ms", "met": False}
    assert data[-1]["value"] is None and data[-1]["met"] is None and data[-1]["error"].startswith("error: ")


def test_notes_come_from_the_hand_edited_file_when_none_are_given(tmp_path):
    md, _ = write_report(rows()[:1], tmp_path, mode="full", date="today", machine=MACHINE)
    assert "## Notes on misses" in md.read_text()
    assert "python -m tests.perf.profile" in md.read_text()


def test_history_generator_writes_orders_the_orm_reads_back(terminal):
    from sqlalchemy import func, select

    from pos_app.persistence.models import Order, OrderItem
    from tests.perf.history import check_readable, insert_orders

    end = datetime.now(UTC)
    orders = insert_orders(terminal.settings.db_path, lines=400, seed=1, number_prefix="T-", start=end - timedelta(1),
                           end=end, progress=lambda _m: None)
    check_readable(terminal.session_factory)
    with terminal.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(OrderItem)) == 400
        assert session.scalar(select(func.count()).select_from(Order)) == orders
