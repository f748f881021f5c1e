"""JSON log lines, one object per line, for the terminal and the hub alike, so support can follow one mutation
from the terminal that made it to the hub that applied it by the fields both logs carry (`client_id`,
`mutation_id`, `correlation_id`).

Records from the standard `logging` API are rendered by structlog: `log.info("...", extra={...})` puts the extra
fields in the line. Secrets never reach a line: fields named like one are dropped, and anything shaped like a
token or a card number in a message or field is masked.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import structlog

CORRELATION_HEADER = "X-Correlation-Id"

# Field names whose values are never written, whatever they hold.
SECRET_FIELDS = frozenset({"pin", "pin_hash", "password", "token", "authorization", "card_number", "pan",
                           "id_number", "pin_pepper", "ticket_key", "secret"})
TOKEN_SHAPE = re.compile(r"\bhub[at]_[A-Za-z0-9_-]{16,}")  # the hub's bearer tokens
# 13 to 19 digits, possibly spaced or dashed, that pass the Luhn check: a card number's shape. (A GTIN is 14
# digits too, but its own check digit passes Luhn only by chance, so most product codes stay readable.)
CARD_SHAPE = re.compile(r"\b\d(?:[ -]?\d){12,18}\b")
MASK = "[redacted]"


def correlation_id(client_id: object, first_mutation_id: int, last_mutation_id: int) -> str:
    """What a push carries in its header, and both logs show: the client and the range of its mutations."""
    return f"{client_id}:{first_mutation_id}-{last_mutation_id}"


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def mask_secrets(text: str) -> str:
    text = TOKEN_SHAPE.sub(MASK, text)
    return CARD_SHAPE.sub(lambda m: MASK if _luhn(re.sub(r"\D", "", m.group())) else m.group(), text)


def _redact(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    for key in [k for k in event if k.lower() in SECRET_FIELDS]:
        del event[key]
    for key, value in event.items():
        if isinstance(value, str):
            event[key] = mask_secrets(value)
    return event


def json_formatter(service: str) -> logging.Formatter:
    """The formatter both programs put on their log handlers: a JSON object per record."""

    def _service(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
        event.setdefault("service", service)
        return event

    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.processors.TimeStamper(fmt="iso", utc=True, key="ts"),
            structlog.stdlib.ExtraAdder(),
            _service,
        ],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            _redact,
            structlog.processors.JSONRenderer(default=str),
        ],
    )
