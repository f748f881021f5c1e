"""One sale followed through both programs' JSON logs: the terminal's line for its mutation and the hub's line for
the same mutation carry the same client id, mutation id and correlation id; neither log holds the terminal's token."""

from __future__ import annotations

import json
import logging

from pos_app.services.sync_service import HUB_TOKEN
from sync.logs import json_formatter


def _log_to(path, logger_name: str, service: str) -> logging.Handler:
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(json_formatter(service))
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def test_a_sales_mutation_is_found_by_its_ids_in_the_terminals_and_the_hubs_logs(hub, make_till, tmp_path):
    till = make_till(hub.url)
    terminal_log, hub_log = tmp_path / "pos-app.log", tmp_path / "pos-hub.log"
    handlers = {"sync.client": _log_to(terminal_log, "sync.client", "pos-app"),
                "sync.hub": _log_to(hub_log, "sync.hub", "pos-hub")}
    try:
        [(gtin, _sku)] = till.products(1)
        order = till.sell(gtin)
        till.sync.sync_once()
    finally:
        for name, handler in handlers.items():
            logging.getLogger(name).removeHandler(handler)
            handler.close()
    [sale] = [row for row in till.outbox() if row.name == "order.completed.v1"
              and row.args["order_id"] == str(order.order_id)]

    terminal_lines = [json.loads(line) for line in terminal_log.read_text().splitlines()]
    hub_lines = [json.loads(line) for line in hub_log.read_text().splitlines()]
    [ours] = [e for e in terminal_lines if e.get("mutation_id") == sale.mutation_id]
    assert (ours["service"], ours["mutation"], ours["status"]) == ("pos-app", "order.completed.v1", "applied")
    [theirs] = [e for e in hub_lines if e.get("mutation_id") == sale.mutation_id
                and e.get("client_id") == ours["client_id"]]
    assert theirs["service"] == "pos-hub" and theirs["logger"] == "sync.hub.sync_service"
    assert theirs["correlation_id"] == ours["correlation_id"] and ours["correlation_id"].startswith(ours["client_id"])
    token = till.terminal.secrets.get(HUB_TOKEN)
    assert token and token not in terminal_log.read_text() + hub_log.read_text()
