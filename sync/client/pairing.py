"""Pairing a terminal with its store on the hub, with a one-time code a manager made there."""

from __future__ import annotations

import uuid

from sync.client.transport import HubClient
from sync.protocol import PairRequest, PairResponse


def pair(hub_url: str, code: str, *, terminal_name: str, client_id: uuid.UUID,
         timeout: float = 15.0) -> PairResponse:
    """Exchange the code for the terminal's token (and the tenant's PIN pepper). Raises a SyncError."""
    hub = HubClient(hub_url, timeout=timeout)
    try:
        return hub.pair(PairRequest(pairing_code=code.strip(), terminal_name=terminal_name, client_id=client_id))
    finally:
        hub.close()
